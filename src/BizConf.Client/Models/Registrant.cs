namespace BizConf;

/// <summary>Whether a registrant may join: the service's pending, approved and denied.</summary>
public enum RegistrantStatus
{
    /// <summary>May join the meeting.</summary>
    Approved,
    /// <summary>Waiting for the host to approve or deny.</summary>
    Pending,
    /// <summary>Turned down by the host; cannot join.</summary>
    Denied,
}

/// <summary>One person registered for a meeting (addRegistrant, getRegistrants).</summary>
public sealed class Registrant : RegistrationDetails
{
    private IReadOnlyList<KeyValuePair<string, string>> answers = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The service's id of this registration.</summary>
    public string RegistrantId { get; set; } = string.Empty;

    /// <summary>The meeting's Id (the confId of the call).</summary>
    public long MeetingId { get; set; }

    /// <summary>The account that hosts the meeting: the one the call acted for.</summary>
    public string LoginName { get; set; } = string.Empty;

    /// <summary>The meeting's number, as addRegistrant answers it (the <c>id</c> of its answer); empty from getRegistrants.</summary>
    public string? MeetingNumber { get; set; }

    /// <summary>The meeting's name, as addRegistrant answers it (<c>topic</c>); empty from getRegistrants.</summary>
    public string? Topic { get; set; }

    /// <summary>The meeting's start, as addRegistrant answers it (<c>start_time</c>); empty from getRegistrants.</summary>
    public DateTimeOffset? MeetingStartTime { get; set; }

    /// <summary>Whether the person may join: approved, pending or denied.</summary>
    public RegistrantStatus Status { get; set; }

    /// <summary>The registrant's own join link.</summary>
    public string? JoinUrl { get; set; }

    /// <summary>When the person registered, in the local zone of this machine.</summary>
    public DateTimeOffset? CreatedTime { get; set; }

    /// <summary>
    /// The answers to the meeting's custom questions as one line, <c>Title=Value; Title2=Value2</c> in the
    /// escaped form of <see cref="CustomAnswerText"/>, so that Export-Csv writes them readably and
    /// Add-BizConfRegistrant -CustomAnswer reads them back. <see cref="Answer"/> reads one of them.
    /// </summary>
    public string CustomAnswers => CustomAnswerText.Format(answers);

    /// <summary>The answer to the custom question with this title (ignoring case), or null.</summary>
    public string? Answer(string title)
    {
        foreach (var answer in answers)
        {
            if (string.Equals(answer.Key, title, StringComparison.OrdinalIgnoreCase))
            {
                return answer.Value;
            }
        }

        return null;
    }

    /// <summary>Sets the custom answers (title, value), in the order given.</summary>
    public void SetAnswers(IEnumerable<KeyValuePair<string, string>> titledValues) => answers = titledValues.ToList();

    /// <summary>The person's name and e-mail, as a short label.</summary>
    public override string ToString() => string.IsNullOrEmpty(LastName) ? $"{FirstName} <{Email}>" : $"{FirstName} {LastName} <{Email}>";
}
