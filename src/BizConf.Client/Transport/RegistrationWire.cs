using System;
using System.Collections.Generic;
using System.Text.Json;

namespace BizConf.Transport;

/// <summary>
/// The one table of registration fields and their wire names (API.md 5.5), read by the registrant and report
/// parsers and written by addRegistrant, plus the readers of the few values that go with a registration.
/// </summary>
internal static class RegistrationWire
{
    /// <summary>Every standard field, in the order addRegistrant sends them.</summary>
    public static readonly IReadOnlyList<RegistrationField> Fields = new[]
    {
        new RegistrationField("first_name", d => d.FirstName, (d, v) => d.FirstName = v),
        new RegistrationField("email", d => d.Email, (d, v) => d.Email = v),
        new RegistrationField("last_name", d => d.LastName, (d, v) => d.LastName = v),
        new RegistrationField("address", d => d.Address, (d, v) => d.Address = v),
        new RegistrationField("city", d => d.City, (d, v) => d.City = v),
        new RegistrationField("state", d => d.State, (d, v) => d.State = v),
        new RegistrationField("zip", d => d.Zip, (d, v) => d.Zip = v),
        new RegistrationField("country", d => d.Country, (d, v) => d.Country = v),
        new RegistrationField("phone", d => d.Phone, (d, v) => d.Phone = v),
        new RegistrationField("comments", d => d.Comments, (d, v) => d.Comments = v),
        new RegistrationField("industry", d => d.Industry, (d, v) => d.Industry = v),
        new RegistrationField("job_title", d => d.JobTitle, (d, v) => d.JobTitle = v),
        new RegistrationField("no_of_employees", d => d.NumberOfEmployees, (d, v) => d.NumberOfEmployees = v),
        new RegistrationField("org", d => d.Organization, (d, v) => d.Organization = v),
        new RegistrationField("language", d => d.Language, (d, v) => d.Language = v),
        // Standard questions a host may ask, which addRegistrant's field list (vendor 3.7) has no field for.
        new RegistrationField("purchasing_time_frame", d => d.PurchasingTimeFrame, (d, v) => d.PurchasingTimeFrame = v, sentByAddRegistrant: false),
        new RegistrationField("role_in_purchase_process", d => d.RoleInPurchaseProcess, (d, v) => d.RoleInPurchaseProcess = v, sentByAddRegistrant: false),
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
internal sealed class RegistrationField
{
    public RegistrationField(string wireName, Func<RegistrationDetails, string?> get, Action<RegistrationDetails, string?> set, bool sentByAddRegistrant = true)
    {
        WireName = wireName;
        Get = get;
        Set = set;
        SentByAddRegistrant = sentByAddRegistrant;
    }

    public string WireName { get; }

    public Func<RegistrationDetails, string?> Get { get; }

    public Action<RegistrationDetails, string?> Set { get; }

    public bool SentByAddRegistrant { get; }
}
