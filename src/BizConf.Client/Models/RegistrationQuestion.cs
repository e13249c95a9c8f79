namespace BizConf;

/// <summary>
/// A standard registration field asked of registrants (updateRegistrationQuestions, <c>questions</c>). PowerShell
/// makes one from a hashtable (<c>@{ FieldName = 'org'; Required = $true }</c>) or from a field name alone.
/// </summary>
public sealed class RegistrationQuestion
{
    /// <summary>Makes an empty question, for PowerShell to fill from a hashtable.</summary>
    public RegistrationQuestion()
    {
    }

    /// <summary>Asks for the field of this name, not required.</summary>
    public RegistrationQuestion(string fieldName)
    {
        FieldName = fieldName;
    }

    /// <summary>The wire name (job_title) or the same without underscores, in any case (JobTitle).</summary>
    public string FieldName { get; set; } = string.Empty;

    /// <summary>Whether a registrant must fill in the field.</summary>
    public bool Required { get; set; }

    /// <summary>The field name, marked when it is required.</summary>
    public override string ToString() => Required ? FieldName + " (required)" : FieldName;
}

/// <summary>Whether a custom question takes free text or one of its answers.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The API's own names of the two kinds: short and single.")]
public enum RegistrationQuestionType
{
    /// <summary>Free text, up to 128 characters.</summary>
    Short,
    /// <summary>One choice out of the question's answers.</summary>
    Single,
}

/// <summary>A question of the meeting's own (updateRegistrationQuestions, <c>custom_questions</c>).</summary>
public sealed class CustomRegistrationQuestion
{
    /// <summary>The question as registrants see it; it also names the answer.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Whether the question takes free text (Short) or one of its answers (Single).</summary>
    public RegistrationQuestionType Type { get; set; } = RegistrationQuestionType.Short;

    /// <summary>Whether a registrant must answer the question.</summary>
    public bool Required { get; set; }

    /// <summary>The choices of a Single question (at least one); a Short question may list suggestions.</summary>
    public string[] Answers { get; set; } = Array.Empty<string>();

    /// <summary>The question's title.</summary>
    public override string ToString() => Title;
}

/// <summary>
/// The rules of updateRegistrationQuestions, checked before anything is sent (and before a cmdlet asks to
/// confirm): known field names once each, titled custom questions once each, Short or Single, a Single question
/// with answers, no empty answer.
/// </summary>
public static class RegistrationQuestions
{
    /// <summary>Refuses questions the service would refuse, with a message that names the parameter and the rule.</summary>
    public static void Validate(IReadOnlyList<RegistrationQuestion>? questions, IReadOnlyList<CustomRegistrationQuestion>? customQuestions)
    {
        if (questions == null && customQuestions == null)
        {
            throw new BizConfArgumentException("Give Question, CustomQuestion or both.", "Question");
        }

        var fields = new HashSet<string>();
        foreach (var question in questions ?? Array.Empty<RegistrationQuestion>())
        {
            if (question == null)
            {
                throw new BizConfArgumentException("Question must not hold an empty entry.", "Question");
            }

            var name = RegistrationValues.FieldName(question.FieldName) ?? throw new BizConfArgumentException(
                $"Question FieldName must be one of {string.Join(", ", RegistrationValues.FieldNames)}; it is '{question.FieldName}'.", "Question");
            if (!fields.Add(name))
            {
                throw new BizConfArgumentException($"Question names the field '{name}' twice.", "Question");
            }
        }

        var titles = new HashSet<string>();
        foreach (var question in customQuestions ?? Array.Empty<CustomRegistrationQuestion>())
        {
            ValidateCustom(question, titles);
        }
    }

    private static void ValidateCustom(CustomRegistrationQuestion question, HashSet<string> seenTitles)
    {
        if (question == null || string.IsNullOrWhiteSpace(question.Title))
        {
            throw new BizConfArgumentException("CustomQuestion needs a Title for every question.", "CustomQuestion");
        }

        var title = question.Title.Trim();
        InputRules.CheckText("CustomQuestion title", title);
        if (!seenTitles.Add(title))
        {
            throw new BizConfArgumentException($"CustomQuestion has the title '{title}' twice.", "CustomQuestion");
        }

        if (question.Type != RegistrationQuestionType.Short && question.Type != RegistrationQuestionType.Single)
        {
            throw new BizConfArgumentException($"CustomQuestion '{title}' has Type {(int)question.Type}; it must be Short or Single.", "CustomQuestion");
        }

        var answers = question.Answers ?? Array.Empty<string>();
        if (Array.Exists(answers, string.IsNullOrWhiteSpace))
        {
            throw new BizConfArgumentException($"CustomQuestion '{title}' has an empty answer.", "CustomQuestion");
        }

        foreach (var answer in answers)
        {
            InputRules.CheckText("CustomQuestion answer", answer);
        }

        if (question.Type == RegistrationQuestionType.Single && answers.Length == 0)
        {
            throw new BizConfArgumentException($"CustomQuestion '{title}' is Single, so it needs Answers to choose from.", "CustomQuestion");
        }
    }
}

/// <summary>The fixed value lists of docs/API.md, "Registration", and the reading of user input against them.</summary>
public static class RegistrationValues
{
    /// <summary>The most characters an answer to a custom question may hold.</summary>
    public const int MaxCustomAnswerLength = 128;

    /// <summary>The standard fields a meeting may ask for, by their wire names.</summary>
    public static readonly IReadOnlyList<string> FieldNames = new[]
    {
        "last_name", "address", "city", "country", "zip", "state", "phone", "industry", "org", "job_title",
        "purchasing_time_frame", "role_in_purchase_process", "no_of_employees", "comments",
    };

    /// <summary>The size bands the service accepts for the number of employees.</summary>
    public static readonly IReadOnlyList<string> EmployeeCounts = new[]
    {
        "1-20", "21-50", "51-100", "101-500", "500-1,000", "1,001-5,000", "5,001-10,000", "More than 10,000",
    };

    /// <summary>The languages the service can write registration e-mails in.</summary>
    public static readonly IReadOnlyList<string> Languages = new[]
    {
        "en-US", "de-DE", "es-ES", "fr-FR", "jp-JP", "pt-PT", "ru-RU", "zh-CN", "zh-TW", "ko-KO", "it-IT", "vi-VN", "pl-PL", "Tr-TR",
    };

    /// <summary>The wire spelling of a field name given as job_title, JobTitle or jobtitle; null when it is none of the list.</summary>
    public static string? FieldName(string? text) =>
        text == null ? null : Find(FieldNames, Squash(text), Squash);

    /// <summary>The service's spelling of a value of <paramref name="list"/>, matched ignoring case; null when absent.</summary>
    public static string? Canonical(IReadOnlyList<string> list, string? text) =>
        text == null ? null : Find(list, text.Trim(), s => s);

    private static string? Find(IReadOnlyList<string> list, string wanted, Func<string, string> key)
    {
        foreach (var item in list)
        {
            if (string.Equals(key(item), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return item;
            }
        }

        return null;
    }

    private static string Squash(string text) => text.Trim().Replace("_", string.Empty);
}
