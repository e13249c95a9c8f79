using System.Text.RegularExpressions;

namespace BizConf;

/// <summary>One person to register with addRegistrant. Property names are the cmdlet parameter names.</summary>
public sealed class RegistrantRequest : RegistrationDetails
{
    // Deliberately loose: one @, something before it, a dotted domain after it, no spaces. The service decides the rest.
    private static readonly Regex EmailShape = new Regex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant);
    private static readonly Regex CountryShape = new Regex("^[A-Za-z]{2}$", RegexOptions.CultureInvariant);

    /// <summary>Answers to the meeting's custom questions: title, then value (at most 128 characters), in order.</summary>
    public IList<KeyValuePair<string, string>> CustomAnswers { get; } = new List<KeyValuePair<string, string>>();

    /// <summary>False registers the person as pending, for the host to approve.</summary>
    public bool AutoApprove { get; set; } = true;

    /// <summary>The names of the standard fields addRegistrant sends, which are the cmdlet's parameter names.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = Transport.RegistrationWire.Fields.Where(f => f.SentByAddRegistrant).Select(f => f.Name).ToList();

    /// <summary>A request from the given standard fields (by name, as text); other names are ignored.</summary>
    public static RegistrantRequest Build(IReadOnlyDictionary<string, object?> given)
    {
        var request = new RegistrantRequest();
        foreach (var field in Transport.RegistrationWire.Fields)
        {
            if (given.TryGetValue(field.Name, out var value) && value != null)
            {
                field.Set(request, value as string ?? System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return request;
    }

    /// <summary>
    /// Refuses what the service would refuse, naming the parameter and the rule; puts e-mail and first name
    /// without surrounding spaces, and enumeration values and the country into the service's spelling. Changes
    /// this request in place, which is why it is not called Validate.
    /// </summary>
    public void Normalize()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            throw new BizConfArgumentException("Email must not be empty.", nameof(Email));
        }

        CheckTextFields();

        Email = Email!.Trim();
        if (!EmailShape.IsMatch(Email))
        {
            throw new BizConfArgumentException($"Email '{Email}' is not an e-mail address (name@example.com).", nameof(Email));
        }

        if (string.IsNullOrWhiteSpace(FirstName))
        {
            throw new BizConfArgumentException("FirstName must not be empty.", nameof(FirstName));
        }

        FirstName = FirstName!.Trim();

        if (!string.IsNullOrEmpty(Country))
        {
            if (!CountryShape.IsMatch(Country!.Trim()))
            {
                throw new BizConfArgumentException($"Country must be a two-letter country code such as CN; it is '{Country}'.", nameof(Country));
            }

            Country = Country.Trim().ToUpperInvariant();
        }

        NumberOfEmployees = FromList(RegistrationValues.EmployeeCounts, NumberOfEmployees, nameof(NumberOfEmployees));
        Language = FromList(RegistrationValues.Languages, Language, nameof(Language));

        var titles = new HashSet<string>();
        foreach (var answer in CustomAnswers)
        {
            if (string.IsNullOrWhiteSpace(answer.Key))
            {
                throw new BizConfArgumentException("CustomAnswer has an empty question title.", "CustomAnswer");
            }

            if (!titles.Add(answer.Key))
            {
                throw new BizConfArgumentException($"CustomAnswer answers the question '{answer.Key}' twice.", "CustomAnswer");
            }

            InputRules.CheckText("CustomAnswer title", answer.Key);
            if ((answer.Value ?? string.Empty).Length > RegistrationValues.MaxCustomAnswerLength)
            {
                throw new BizConfArgumentException(
                    $"CustomAnswer for '{answer.Key}' must be at most {RegistrationValues.MaxCustomAnswerLength} characters; it has {answer.Value!.Length}.",
                    "CustomAnswer");
            }

            InputRules.CheckText("CustomAnswer value", answer.Value);
        }
    }

    /// <summary>
    /// The text rules of every free-text field (InputRules), in the order the parameters are listed, on the text as
    /// it is sent: spaces and line breaks around a value are dropped before sending, so only those inside count.
    /// </summary>
    private void CheckTextFields()
    {
        Check(nameof(Email), Email);
        Check(nameof(FirstName), FirstName);
        Check(nameof(LastName), LastName);
        Check(nameof(Address), Address);
        Check(nameof(City), City);
        Check(nameof(State), State);
        Check(nameof(Zip), Zip);
        Check(nameof(Phone), Phone);
        Check(nameof(Comments), Comments);
        Check(nameof(Industry), Industry);
        Check(nameof(JobTitle), JobTitle);
        Check(nameof(Organization), Organization);
    }

    private static void Check(string field, string? value) => InputRules.CheckText(field, value?.Trim());

    private static string? FromList(IReadOnlyList<string> list, string? value, string parameter)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return RegistrationValues.Canonical(list, value) ?? throw new BizConfArgumentException(
            $"{parameter} must be one of {string.Join(", ", list.Select(v => "'" + v + "'"))}; it is '{value}'.", parameter);
    }
}
