using System;

namespace BizConf;

/// <summary>One person's answer to one poll question (getConfPolls); group by Question and Answer for the tally.</summary>
public sealed class PollAnswer
{
    public string MeetingNumber { get; set; } = string.Empty;

    /// <summary>The session's own id (the API's <c>uuid</c>).</summary>
    public string? SessionId { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Email { get; set; }

    public string Question { get; set; } = string.Empty;

    public string Answer { get; set; } = string.Empty;

    public override string ToString() => $"{Name}: {Question} = {Answer}";
}
