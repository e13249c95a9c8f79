using System.Globalization;
using System.Text.Json.Nodes;
using BizConf.Emulator.Hosting;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Registration;

/// <summary>The wire shapes of registrants (docs/API.md, "Registration"), after the vendor samples of sections 3.7 and 3.8.</summary>
internal static class RegistrantJson
{
    /// <summary>The fields of a getRegistrants item, in the order of the vendor sample; unanswered ones are "".</summary>
    private static readonly string[] ListedFields =
    {
        "last_name", "email", "address", "city", "country", "zip", "state", "phone", "industry", "org", "job_title",
        "purchasing_time_frame", "role_in_purchase_process", "no_of_employees", "comments",
    };

    /// <summary>Registrant times are ISO 8601 in UTC with a Z.</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>addRegistrant's data: ids, the meeting's topic and start, the join link and its token.</summary>
    public static JsonObject Added(Registrant registrant, Meeting meeting, ServerInfo server) => new()
    {
        ["registrant_id"] = registrant.Id,
        ["id"] = long.Parse(meeting.MeetingNo, CultureInfo.InvariantCulture),
        ["topic"] = meeting.Name,
        ["start_time"] = Iso(meeting.StartUtc),
        ["join_url"] = server.Absolute(registrant.JoinUrl),
        ["tk"] = registrant.Tk,
    };

    public static JsonObject Listed(Registrant registrant, ServerInfo server)
    {
        var json = new JsonObject
        {
            ["id"] = registrant.Id,
            ["first_name"] = registrant.FirstName,
        };
        foreach (var name in ListedFields)
        {
            json[name] = name == "email" ? registrant.Email : registrant.Fields.GetValueOrDefault(name, "");
        }

        json["custom_questions"] = new JsonArray(registrant.CustomAnswers
            .Select(a => (JsonNode)new JsonObject { ["title"] = a.Key, ["value"] = a.Value })
            .ToArray());
        json["status"] = registrant.Status;
        json["create_time"] = Iso(registrant.CreatedUtc);
        json["join_url"] = server.Absolute(registrant.JoinUrl);
        return json;
    }
}
