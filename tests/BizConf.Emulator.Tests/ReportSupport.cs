using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BizConf.Emulator.Tests;

/// <summary>
/// Site-token calls and simulations for the report tests. Registrants are written straight into a state file
/// between two runs of the emulator, so these tests do not depend on the registration endpoints.
/// </summary>
internal static class ReportSupport
{
    public static Dictionary<string, string> SiteSigned(EmulatorHost emu, string siteSign = Wire.DemoSite, string apiKey = Wire.DemoKey)
    {
        var timeStamp = emu.NextTimeStamp().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["siteSign"] = siteSign,
            ["timeStamp"] = timeStamp,
            ["token"] = Wire.Md5($"{apiKey}|{timeStamp}"),
        };
    }

    public static Task<JsonElement> SiteCallAsync(EmulatorHost emu, string endpoint, string field, string value, string siteSign = Wire.DemoSite, string apiKey = Wire.DemoKey)
    {
        var fields = SiteSigned(emu, siteSign, apiKey);
        fields[field] = value;
        var method = endpoint == "getConfLogListByJoinUrl" ? HttpMethod.Post : HttpMethod.Get;
        return emu.SendAsync(method, endpoint, fields);
    }

    public static Task<JsonElement> AttendeeLogAsync(EmulatorHost emu, long id) =>
        SiteCallAsync(emu, "confAttendeeLog", "confId", id.ToString(CultureInfo.InvariantCulture));

    public static Task<JsonElement> ReportAsync(EmulatorHost emu, string meetingNo) =>
        SiteCallAsync(emu, "getConfLogListByConfNumber", "confNumber", meetingNo);

    public static Task<JsonElement> PollsAsync(EmulatorHost emu, string meetingNo) =>
        SiteCallAsync(emu, "getConfPolls", "confNo", meetingNo);

    public static Task<JsonElement> SimulateAsync(EmulatorHost emu, long id, int guests, int seed, int polls) =>
        emu.AdminAsync(HttpMethod.Post, $"meetings/{id}/simulate", new { guests, seed, polls });

    /// <summary>Adds registrants to meeting <paramref name="id"/> in a stopped emulator's state file.</summary>
    public static void AddRegistrants(string statePath, long id, params JsonObject[] registrants)
    {
        var state = JsonNode.Parse(File.ReadAllText(statePath))!;
        var meeting = state["meetings"]!.AsArray().Single(m => m!["id"]!.GetValue<long>() == id)!;
        // The state file leaves empty lists out.
        var list = (meeting["registrants"] ??= new JsonArray()).AsArray();
        foreach (var registrant in registrants)
        {
            list.Add(registrant);
        }

        File.WriteAllText(statePath, state.ToJsonString());
    }

    public static JsonObject Registrant(string id, string email, string firstName, string lastName, string status = "approved") => new()
    {
        ["id"] = id,
        ["email"] = email,
        ["firstName"] = firstName,
        ["status"] = status,
        ["fields"] = new JsonObject
        {
            ["last_name"] = lastName,
            ["org"] = "Cooking Org",
            ["job_title"] = "Chef",
            ["city"] = "Mountain View",
            ["country"] = "US",
        },
        ["customAnswers"] = new JsonObject { ["What are you ?"] = "fine." },
        ["joinUrl"] = $"/j/{id}",
        ["createdUtc"] = "2031-03-01T05:59:09+00:00",
    };
}
