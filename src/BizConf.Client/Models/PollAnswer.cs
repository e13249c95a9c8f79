namespace BizConf;

/// <summary>One person's answer to one poll question (getConfPolls); group by Question and Answer for the tally.</summary>
public sealed class PollAnswer
{
    /// <summary>The number of the meeting the poll ran in.</summary>
    public string MeetingNumber { get; set; } = string.Empty;

    /// <summary>The session's own id (the API's <c>uuid</c>).</summary>
    public string? SessionId { get; set; }

    /// <summary>When the session with the poll began.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>The name of the person who answered.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The e-mail of the person who answered, when the service knows it.</summary>
    public string? Email { get; set; }

    /// <summary>The poll question as it was asked.</summary>
    public string Question { get; set; } = string.Empty;

    /// <summary>The answer the person chose or wrote.</summary>
    public string Answer { get; set; } = string.Empty;

    /// <summary>Who answered what to which question, on one line.</summary>
    public override string ToString() => $"{Name}: {Question} = {Answer}";
}
