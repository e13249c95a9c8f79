namespace BizConf;

/// <summary>One session of a meeting, with the people who took part (getConfLogListByConfNumber / ByJoinUrl).</summary>
public sealed class MeetingReport
{
    /// <summary>The meeting's id; null when the session does not carry it.</summary>
    public long? MeetingId { get; set; }

    /// <summary>The number of the meeting held in this session.</summary>
    public string MeetingNumber { get; set; } = string.Empty;

    /// <summary>The meeting's topic, as the session gives it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The name of the host of the session; null when the report does not say.</summary>
    public string? HostName { get; set; }

    /// <summary>The session's own id (the API's <c>confUUID</c>): a meeting number can be held more than once.</summary>
    public string? SessionId { get; set; }

    /// <summary>When the session began.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When the session ended.</summary>
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>Minutes, as the service reports them.</summary>
    public int Duration { get; set; }

    /// <summary>The number of rows in <see cref="Participants"/>: a person who rejoined counts once per stay.</summary>
    public int ParticipantCount => Participants.Count;

    /// <summary>One row per stay of each person in the session.</summary>
    public IReadOnlyList<Participant> Participants { get; set; } = Array.Empty<Participant>();

    /// <summary>The topic, the meeting number and the session id, as a short label.</summary>
    public override string ToString() => $"{Name} ({MeetingNumber}) {SessionId}";
}
