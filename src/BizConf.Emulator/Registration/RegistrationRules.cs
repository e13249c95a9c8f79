using System.Text.Json;
using System.Text.RegularExpressions;
using BizConf.Emulator.Api;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Registration;

/// <summary>
/// The value rules of docs/API.md, "Registration", enforced as the service does: every violation is status 109. Enumerations are
/// compared exactly, in the service's own spelling, so a client that sends "zh-cn" or "LastName" is caught.
/// </summary>
internal static partial class RegistrationRules
{
    private static readonly string[] QuestionTypes = ["short", "single"];

    public const int MaxAnswerLength = 128;
    private const int Bad = ApiStatus.ParameterError;

    public static readonly string[] FieldNames =
    {
        "last_name", "address", "city", "country", "zip", "state", "phone", "industry", "org", "job_title",
        "purchasing_time_frame", "role_in_purchase_process", "no_of_employees", "comments",
    };

    /// <summary>The standard fields addRegistrant takes besides first_name and email, in the order of docs/API.md, "Registration".</summary>
    public static readonly string[] RegistrantFields =
    {
        "last_name", "address", "city", "state", "zip", "country", "phone", "comments", "industry", "job_title",
        "no_of_employees", "org", "language",
    };

    public static readonly string[] EmployeeCounts =
    {
        "1-20", "21-50", "51-100", "101-500", "500-1,000", "1,001-5,000", "5,001-10,000", "More than 10,000",
    };

    public static readonly string[] Languages =
    {
        "en-US", "de-DE", "es-ES", "fr-FR", "jp-JP", "pt-PT", "ru-RU", "zh-CN", "zh-TW", "ko-KO", "it-IT", "vi-VN", "pl-PL", "Tr-TR",
    };

    public static void CheckEmail(string email)
    {
        if (!EmailPattern().IsMatch(email))
        {
            throw new ApiFailureException(Bad, "'email' is not an e-mail address.");
        }
    }

    public static void CheckCountry(string? country)
    {
        if (country is not null && !CountryPattern().IsMatch(country))
        {
            throw new ApiFailureException(Bad, "'country' must be a two-letter country code.");
        }
    }

    public static void CheckChoice(string name, string? value, string[] allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new ApiFailureException(Bad, $"'{name}' must be one of: {string.Join(" | ", allowed)}.");
        }
    }

    /// <summary><c>questions</c>: [{field_name, required}], each field named once and from the list.</summary>
    public static List<StandardQuestion> ReadQuestions(string json)
    {
        var questions = new List<StandardQuestion>();
        foreach (var item in ArrayOfObjects(json, "questions"))
        {
            var name = RequiredString(item, "field_name", "questions");
            CheckChoice("field_name", name, FieldNames);
            if (questions.Exists(q => q.FieldName == name))
            {
                throw new ApiFailureException(Bad, $"'questions' names '{name}' twice.");
            }

            questions.Add(new StandardQuestion { FieldName = name, Required = OptionalBool(item, "required", "questions") });
        }

        return questions;
    }

    /// <summary><c>custom_questions</c>: [{title, type short|single, required, answers[]}]; a single question needs answers.</summary>
    public static List<CustomQuestion> ReadCustomQuestions(string json)
    {
        var questions = new List<CustomQuestion>();
        foreach (var item in ArrayOfObjects(json, "custom_questions"))
        {
            var title = RequiredString(item, "title", "custom_questions");
            var type = RequiredString(item, "type", "custom_questions");
            CheckChoice("type", type, QuestionTypes);
            var answers = new List<string>();
            if (item.TryGetProperty("answers", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String || a.GetString()!.Length == 0))
                {
                    throw new ApiFailureException(Bad, "'answers' must be an array of non-empty strings.");
                }

                answers.AddRange(list.EnumerateArray().Select(a => a.GetString()!));
            }

            if (type == "single" && answers.Count == 0)
            {
                throw new ApiFailureException(Bad, $"The single question '{title}' needs answers.");
            }

            if (questions.Exists(q => q.Title == title))
            {
                throw new ApiFailureException(Bad, $"'custom_questions' has the title '{title}' twice.");
            }

            questions.Add(new CustomQuestion { Title = title, Type = type, Required = OptionalBool(item, "required", "custom_questions"), Answers = answers });
        }

        return questions;
    }

    /// <summary>
    /// addRegistrant's <c>custom_questions</c>: [{title, value}] answering the meeting's questions, each value at
    /// most 128 characters and, for a single question, one of its answers.
    /// </summary>
    public static Dictionary<string, string> ReadAnswers(string? json, Meeting meeting)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json is null)
        {
            return answers;
        }

        foreach (var item in ArrayOfObjects(json, "custom_questions"))
        {
            var title = RequiredString(item, "title", "custom_questions");
            var value = item.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            if (value.Length > MaxAnswerLength)
            {
                throw new ApiFailureException(Bad, $"The answer to '{title}' is longer than {MaxAnswerLength} characters.");
            }

            var question = meeting.CustomQuestions.Find(q => q.Title == title)
                ?? throw new ApiFailureException(Bad, $"The meeting has no custom question '{title}'.");
            if (question.Type == "single" && value.Length > 0 && !question.Answers.Contains(value, StringComparer.Ordinal))
            {
                throw new ApiFailureException(Bad, $"'{value}' is not one of the answers to '{title}'.");
            }

            if (!answers.TryAdd(title, value))
            {
                throw new ApiFailureException(Bad, $"'{title}' is answered twice.");
            }
        }

        return answers;
    }

    /// <summary>
    /// The meeting's required questions must be answered. purchasing_time_frame and role_in_purchase_process can be
    /// asked but addRegistrant has no field for them, so they cannot be demanded.
    /// </summary>
    public static void CheckRequired(Meeting meeting, IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, string> answers)
    {
        foreach (var question in meeting.StandardQuestions.Where(q => q.Required && RegistrantFields.Contains(q.FieldName)))
        {
            if (!fields.ContainsKey(question.FieldName))
            {
                throw new ApiFailureException(Bad, $"'{question.FieldName}' is required for this meeting.");
            }
        }

        foreach (var question in meeting.CustomQuestions.Where(q => q.Required))
        {
            if (!answers.TryGetValue(question.Title, out var value) || value.Length == 0)
            {
                throw new ApiFailureException(Bad, $"The question '{question.Title}' is required for this meeting.");
            }
        }
    }

    private static List<JsonElement> ArrayOfObjects(string json, string field)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ApiFailureException(Bad, $"'{field}' is not JSON.");
        }

        if (root.ValueKind != JsonValueKind.Array || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
        {
            throw new ApiFailureException(Bad, $"'{field}' must be a JSON array of objects.");
        }

        return root.EnumerateArray().ToList();
    }

    private static string RequiredString(JsonElement item, string name, string field) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0
            ? value.GetString()!
            : throw new ApiFailureException(Bad, $"Each entry of '{field}' needs a '{name}'.");

    private static bool OptionalBool(JsonElement item, string name, string field)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ApiFailureException(Bad, $"'{name}' in '{field}' must be true or false."),
        };
    }

    // One @ with text around it and a dot in the domain; no spaces.
    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[A-Za-z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();
}
