using System;
using System.Collections.Generic;

namespace BizConf;

/// <summary>One session of a meeting, with the people who took part (getConfLogListByConfNumber / ByJoinUrl).</summary>
public sealed class MeetingReport
{
    public long? MeetingId { get; set; }

    public string MeetingNumber { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? HostName { get; set; }

    /// <summary>The session's own id (the API's <c>confUUID</c>): a meeting number can be held more than once.</summary>
    public string? SessionId { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    /// <summary>Minutes, as the service reports them.</summary>
    public int Duration { get; set; }

    /// <summary>The number of rows in <see cref="Participants"/>: a person who rejoined counts once per stay.</summary>
    public int ParticipantCount => Participants.Count;

    public IReadOnlyList<Participant> Participants { get; set; } = Array.Empty<Participant>();

    public override string ToString() => $"{Name} ({MeetingNumber}) {SessionId}";
}
