namespace BizConf;

/// <summary>Who a client link opens the meeting for.</summary>
public enum MeetingLinkRole
{
    Attendee,
    Host,
}

/// <summary>A <c>cfcloud://</c> link that opens the BizConf app straight into a meeting.</summary>
public sealed class MeetingLink
{
    public MeetingLink(string meetingNumber, MeetingLinkRole role, string displayName, string uri)
    {
        MeetingNumber = meetingNumber;
        Role = role;
        DisplayName = displayName;
        Uri = uri;
    }

    public string MeetingNumber { get; }

    public MeetingLinkRole Role { get; }

    public string DisplayName { get; }

    /// <summary>
    /// The link as text, every value percent-encoded. A string rather than a System.Uri, whose ToString() would
    /// decode the Chinese names again.
    /// </summary>
    public string Uri { get; }

    public override string ToString() => Uri;
}
