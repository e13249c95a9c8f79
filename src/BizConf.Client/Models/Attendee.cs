namespace BizConf;

/// <summary>One stay of one person in a meeting (confAttendeeLog). A person who left and came back has several.</summary>
public sealed class Attendee
{
    /// <summary>The id of the meeting the stay was in.</summary>
    public long MeetingId { get; set; }

    /// <summary>The number of the meeting the stay was in.</summary>
    public string MeetingNumber { get; set; } = string.Empty;

    /// <summary>The meeting's topic, as the report gives it.</summary>
    public string Topic { get; set; } = string.Empty;

    /// <summary>The name the person joined under.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The "user-defined id" the person joined with (the API's <c>cuid</c>).</summary>
    public string? CustomId { get; set; }

    /// <summary>The address the person joined from, as the service saw it.</summary>
    public string? IPAddress { get; set; }

    /// <summary>When the person came in; null when the report does not say.</summary>
    public DateTimeOffset? JoinTime { get; set; }

    /// <summary>When the person left; null when the report does not say.</summary>
    public DateTimeOffset? LeaveTime { get; set; }

    /// <summary>LeaveTime minus JoinTime; null when either is unknown.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>The person's name and the meeting number, as a short label.</summary>
    public override string ToString() => $"{Name} ({MeetingNumber})";
}
