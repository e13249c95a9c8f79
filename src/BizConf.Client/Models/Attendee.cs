using System;

namespace BizConf;

/// <summary>One stay of one person in a meeting (confAttendeeLog). A person who left and came back has several.</summary>
public sealed class Attendee
{
    public long MeetingId { get; set; }

    public string MeetingNumber { get; set; } = string.Empty;

    public string Topic { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The "user-defined id" the person joined with (the API's <c>cuid</c>).</summary>
    public string? CustomId { get; set; }

    public string? IPAddress { get; set; }

    public DateTimeOffset? JoinTime { get; set; }

    public DateTimeOffset? LeaveTime { get; set; }

    /// <summary>LeaveTime minus JoinTime; null when either is unknown.</summary>
    public TimeSpan? Duration { get; set; }

    public override string ToString() => $"{Name} ({MeetingNumber})";
}
