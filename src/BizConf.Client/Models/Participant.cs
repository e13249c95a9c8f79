namespace BizConf;

/// <summary>
/// One stay of one person in a reported session. The registration fields are filled for meetings with
/// registration. Every property is a plain value, so Export-Csv writes the rows readably.
/// </summary>
public sealed class Participant : RegistrationDetails
{
    /// <summary>The number of the meeting the stay was in.</summary>
    public string MeetingNumber { get; set; } = string.Empty;

    /// <summary>The id of the session the stay was in (the API's <c>confUUID</c>).</summary>
    public string? SessionId { get; set; }

    /// <summary>The name the person joined under.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The "user-defined id" (the API's <c>cuid</c>).</summary>
    public string? CustomId { get; set; }

    /// <summary>When the person came in; null when the report does not say.</summary>
    public DateTimeOffset? JoinTime { get; set; }

    /// <summary>When the person left; null when the report does not say.</summary>
    public DateTimeOffset? LeaveTime { get; set; }

    /// <summary>LeaveTime minus JoinTime; null when either is unknown.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>The kind of device the person joined from, as the service words it.</summary>
    public string? Device { get; set; }

    /// <summary>The address the person joined from, as the service saw it.</summary>
    public string? IPAddress { get; set; }

    /// <summary>The id of the person's registration, for a meeting with registration.</summary>
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

    /// <summary>The person's name.</summary>
    public override string ToString() => Name;
}
