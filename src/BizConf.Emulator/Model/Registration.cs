namespace BizConf.Emulator.Model;

/// <summary>A question of the meeting's own (updateRegistrationQuestions, <c>custom_questions</c>).</summary>
internal sealed class CustomQuestion
{
    public string Title { get; set; } = "";

    /// <summary><c>short</c> or <c>single</c>.</summary>
    public string Type { get; set; } = "short";

    public bool Required { get; set; }

    public List<string> Answers { get; set; } = new();
}

/// <summary>A standard registration field switched on for the meeting (updateRegistrationQuestions, <c>questions</c>).</summary>
internal sealed class StandardQuestion
{
    public string FieldName { get; set; } = "";

    public bool Required { get; set; }
}

/// <summary>One person registered for a meeting (addRegistrant).</summary>
internal sealed class Registrant
{
    public string Id { get; set; } = "";

    public string Email { get; set; } = "";

    public string FirstName { get; set; } = "";

    /// <summary><c>pending</c>, <c>approved</c> or <c>denied</c>.</summary>
    public string Status { get; set; } = "approved";

    /// <summary>The other standard fields as sent (last_name, city, org, ...), keyed by their wire names.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Answers to custom questions, keyed by question title.</summary>
    public Dictionary<string, string> CustomAnswers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Path and query only (<see cref="Hosting.LinkPath"/>): the meeting's join path plus <c>?tk=</c>.</summary>
    public string JoinUrl { get; set; } = "";

    /// <summary>The registrant's join token (<c>tk</c>), also the query of <see cref="JoinUrl"/>.</summary>
    public string Tk { get; set; } = "";

    public DateTimeOffset CreatedUtc { get; set; }
}
