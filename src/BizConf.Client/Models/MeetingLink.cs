namespace BizConf;

/// <summary>Who a client link opens the meeting for.</summary>
public enum MeetingLinkRole
{
    /// <summary>A link that joins the meeting as a participant.</summary>
    Attendee,
    /// <summary>A link that starts the meeting as its host.</summary>
    Host,
}

/// <summary>A <c>cfcloud://</c> link that opens the BizConf app straight into a meeting.</summary>
public sealed class MeetingLink
{
    /// <summary>Holds a link already built for a meeting, a role and a display name.</summary>
    public MeetingLink(string meetingNumber, MeetingLinkRole role, string displayName, string uri)
    {
        MeetingNumber = meetingNumber;
        Role = role;
        DisplayName = displayName;
        Uri = uri;
    }

    /// <summary>The number of the meeting the link opens.</summary>
    public string MeetingNumber { get; }

    /// <summary>Whether the link joins as a participant or starts as host.</summary>
    public MeetingLinkRole Role { get; }

    /// <summary>The name the app shows for the person who opens the link.</summary>
    public string DisplayName { get; }

    /// <summary>
    /// The link as text, every value percent-encoded. A string rather than a System.Uri, whose ToString() would
    /// decode the Chinese names again.
    /// </summary>
    public string Uri { get; }

    /// <summary>The link itself, ready to paste or open.</summary>
    public override string ToString() => Uri;
}
