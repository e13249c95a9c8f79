using System.Text.Json;

namespace BizConf.Transport;

/// <summary>
/// The one table of registration fields and their wire names (docs/API.md, "Registration"), read by the registrant and report
/// parsers and written by addRegistrant, plus the readers of the few values that go with a registration.
/// </summary>
internal static class RegistrationWire
{
    /// <summary>Every standard field, in the order addRegistrant sends them.</summary>
    public static readonly IReadOnlyList<RegistrationField> Fields = new[]
    {
        new RegistrationField(nameof(RegistrationDetails.FirstName), "first_name", d => d.FirstName, (d, v) => d.FirstName = v),
        new RegistrationField(nameof(RegistrationDetails.Email), "email", d => d.Email, (d, v) => d.Email = v),
        new RegistrationField(nameof(RegistrationDetails.LastName), "last_name", d => d.LastName, (d, v) => d.LastName = v),
        new RegistrationField(nameof(RegistrationDetails.Address), "address", d => d.Address, (d, v) => d.Address = v),
        new RegistrationField(nameof(RegistrationDetails.City), "city", d => d.City, (d, v) => d.City = v),
        new RegistrationField(nameof(RegistrationDetails.State), "state", d => d.State, (d, v) => d.State = v),
        new RegistrationField(nameof(RegistrationDetails.Zip), "zip", d => d.Zip, (d, v) => d.Zip = v),
        new RegistrationField(nameof(RegistrationDetails.Country), "country", d => d.Country, (d, v) => d.Country = v),
        new RegistrationField(nameof(RegistrationDetails.Phone), "phone", d => d.Phone, (d, v) => d.Phone = v),
        new RegistrationField(nameof(RegistrationDetails.Comments), "comments", d => d.Comments, (d, v) => d.Comments = v),
        new RegistrationField(nameof(RegistrationDetails.Industry), "industry", d => d.Industry, (d, v) => d.Industry = v),
        new RegistrationField(nameof(RegistrationDetails.JobTitle), "job_title", d => d.JobTitle, (d, v) => d.JobTitle = v),
        new RegistrationField(nameof(RegistrationDetails.NumberOfEmployees), "no_of_employees", d => d.NumberOfEmployees, (d, v) => d.NumberOfEmployees = v),
        new RegistrationField(nameof(RegistrationDetails.Organization), "org", d => d.Organization, (d, v) => d.Organization = v),
        new RegistrationField(nameof(RegistrationDetails.Language), "language", d => d.Language, (d, v) => d.Language = v),
        // Standard questions a host may ask, which addRegistrant's field list (vendor 3.7) has no field for.
        new RegistrationField(nameof(RegistrationDetails.PurchasingTimeFrame), "purchasing_time_frame", d => d.PurchasingTimeFrame, (d, v) => d.PurchasingTimeFrame = v, SentByAddRegistrant: false),
        new RegistrationField(nameof(RegistrationDetails.RoleInPurchaseProcess), "role_in_purchase_process", d => d.RoleInPurchaseProcess, (d, v) => d.RoleInPurchaseProcess = v, SentByAddRegistrant: false),
    };

    /// <summary>Fills the standard fields of <paramref name="details"/> from a getRegistrants item or a report participant.</summary>
    public static T Read<T>(JsonElement item, T details)
        where T : RegistrationDetails
    {
        foreach (var field in Fields)
        {
            field.Set(details, Json.String(item, field.WireName));
        }

        return details;
    }

    /// <summary>The custom answers (title, value) in the order sent; titles trimmed, entries without a title left out.</summary>
    public static List<KeyValuePair<string, string>> ReadCustomAnswers(JsonElement item)
    {
        var answers = new List<KeyValuePair<string, string>>();
        foreach (var answer in Json.Items(item, "custom_questions"))
        {
            var title = Json.String(answer, "title")?.Trim();
            if (!string.IsNullOrEmpty(title))
            {
                answers.Add(new KeyValuePair<string, string>(title!, Json.String(answer, "value") ?? string.Empty));
            }
        }

        return answers;
    }
}

/// <summary>One standard registration field: its wire name and the property that holds it.</summary>
/// <param name="Name">The property (and cmdlet parameter) that holds it.</param>
/// <param name="WireName">Its name in addRegistrant and in getRegistrants answers.</param>
/// <param name="Get">Reads it from the details.</param>
/// <param name="Set">Writes it into the details.</param>
/// <param name="SentByAddRegistrant">False for a field the answers carry but addRegistrant does not send.</param>
internal sealed record RegistrationField(string Name, string WireName, Func<RegistrationDetails, string?> Get,
    Action<RegistrationDetails, string?> Set, bool SentByAddRegistrant = true);
