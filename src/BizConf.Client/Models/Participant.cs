using System;

namespace BizConf;

/// <summary>
/// One stay of one person in a reported session. The registration fields are filled for meetings with
/// registration. Every property is a plain value, so Export-Csv writes the rows readably.
/// </summary>
public sealed class Participant : RegistrationDetails
{
    public string MeetingNumber { get; set; } = string.Empty;

    public string? SessionId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The "user-defined id" (the API's <c>cuid</c>).</summary>
    public string? CustomId { get; set; }

    public DateTimeOffset? JoinTime { get; set; }

    public DateTimeOffset? LeaveTime { get; set; }

    /// <summary>LeaveTime minus JoinTime; null when either is unknown.</summary>
    public TimeSpan? Duration { get; set; }

    public string? Device { get; set; }

    public string? IPAddress { get; set; }

    public string? RegistrantId { get; set; }

    /// <summary>
    /// The registration's status as the service words it: approved, pending or denied (a registrant's
    /// <c>Status</c>; named for the registration here, as a participant has no other status).
    /// </summary>
    public string? RegistrationStatus { get; set; }

    /// <summary>When the person registered (a registrant's <c>CreatedTime</c>, the API's <c>create_time</c>).</summary>
    public DateTimeOffset? RegistrationTime { get; set; }

    /// <summary>The registrant's own join link.</summary>
    public string? JoinUrl { get; set; }

    /// <summary>
    /// Answers to the meeting's own registration questions as one line, <c>Title=Value; Title2=Value2</c>, in the
    /// escaped form of <see cref="CustomAnswerText"/> (as a registrant's), so <c>;</c> or <c>=</c> in an answer
    /// cannot be misread. Null when there are none.
    /// </summary>
    public string? CustomAnswers { get; set; }

    public override string ToString() => Name;
}
