using System.Globalization;
using System.Text.Json;

namespace BizConf.Emulator.Tests;

/// <summary>
/// Several accounts on one site (the seed site, one key): every per-account rule stays per account. Overlap (202)
/// counts only the caller's meetings, another account's meeting is 401 whatever the call, and listConf lists only
/// the caller's own.
/// </summary>
public sealed class AccountIsolationTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Each_account_holds_its_own_meeting_at_the_same_time_but_not_a_second_one()
    {
        await using var emu = await ThreeHostsAsync();

        var a = await emu.ReserveAsync("A at ten", Hour, login: "host-a");
        var b = await emu.ReserveAsync("B at ten", Hour, login: "host-b");
        var c = await emu.ReserveAsync("C at half past", Hour + TimeSpan.FromMinutes(30), login: "host-c");
        var aAgain = await emu.ReserveAsync("A overlapping", Hour + TimeSpan.FromMinutes(15), login: "host-a");
        var bMovedOntoA = await emu.CallAsync("confModify", new[]
        {
            ("id", b.Data().Num("id").ToString(CultureInfo.InvariantCulture)), ("confName", "B moved"),
            ("startTime", Wire.Wall(emu.Clock.GetUtcNow() + Hour + TimeSpan.FromMinutes(10))), ("duration", "60"),
        }, login: "host-b");

        Assert.Equal(100, a.Status());
        Assert.Equal(100, b.Status());
        Assert.Equal(100, c.Status());
        Assert.Equal(202, aAgain.Status());
        Assert.Equal(100, bMovedOntoA.Status());
    }

    [Fact]
    public async Task Another_accounts_meeting_is_401_for_get_modify_cancel_and_livestream_and_stays_as_it_was()
    {
        await using var emu = await ThreeHostsAsync();
        var id = (await emu.ReserveIdAsync("A's own", Hour, login: "host-a")).ToString(CultureInfo.InvariantCulture);

        var got = await emu.CallAsync("getConf", new[] { ("confId", id) }, login: "host-b");
        var modified = await emu.CallAsync("confModify", new[]
        {
            ("id", id), ("confName", "Taken over"), ("startTime", Wire.Wall(emu.Clock.GetUtcNow() + 2 * Hour)), ("duration", "30"),
        }, login: "host-b");
        var cancelled = await emu.CallAsync("cancelConf", new[] { ("confId", id) }, login: "host-b");
        var streamed = await emu.CallAsync("settingLivestream", new[]
        {
            ("id", id), ("streamUrl", "rtmp://b"), ("streamKey", "b"), ("liveUrl", "https://b"),
        }, login: "host-b");

        Assert.Equal(401, got.Status());
        Assert.Equal(401, modified.Status());
        Assert.Equal(401, cancelled.Status());
        Assert.Equal(401, streamed.Status());
        var kept = (await emu.CallAsync("getConf", new[] { ("confId", id) }, login: "host-a")).Data();
        Assert.Equal("A's own", kept.Str("meetingName"));
        Assert.Equal(60, kept.Num("duration"));
        var listed = Assert.Single((await emu.AllMeetingsAsync()).EnumerateArray());
        Assert.Equal("host-a", listed.Str("loginName"));
        Assert.Equal(0, listed.Num("confStatus"));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("liveUrl").ValueKind);
    }

    [Fact]
    public async Task List_shows_only_the_callers_meetings_and_the_admin_view_names_every_owner()
    {
        await using var emu = await ThreeHostsAsync();
        await emu.ReserveIdAsync("A one", Hour, login: "host-a");
        await emu.ReserveIdAsync("B one", Hour, login: "host-b");
        await emu.ReserveIdAsync("A two", 3 * Hour, login: "host-a");
        await emu.ReserveIdAsync("B two", 3 * Hour, login: "host-b");
        await emu.ReserveIdAsync("C one", 5 * Hour, login: "host-c");

        var asB = await emu.CallAsync("listConf", Array.Empty<(string, string)>(), login: "host-b");
        var asA = await emu.CallAsync("listConf", Array.Empty<(string, string)>(), login: "host-a");
        var all = await emu.AllMeetingsAsync();

        Assert.Equal(new[] { "B one", "B two" }, asB.Data().EnumerateArray().Select(m => m.Str("meetingName")));
        Assert.Equal(2, asB.Num("totalRecord"));
        Assert.Equal(new[] { "A one", "A two" }, asA.Data().EnumerateArray().Select(m => m.Str("meetingName")));
        Assert.Equal(
            new[] { "A one host-a", "B one host-b", "A two host-a", "B two host-b", "C one host-c" },
            all.EnumerateArray().Select(m => $"{m.Str("meetingName")} {m.Str("loginName")}"));
    }

    [Fact]
    public async Task Registration_on_another_accounts_meeting_is_401()
    {
        await using var emu = await ThreeHostsAsync();
        var id = (await emu.ReserveAsync("A's seminar", Hour, login: "host-a", extra: ("registrationType", "1"))).Data().Num("id").ToString(CultureInfo.InvariantCulture);

        var questions = await emu.CallAsync("updateRegistrationQuestions", new[] { ("confId", id), ("questions", "[{\"field_name\":\"city\",\"required\":true}]") }, login: "host-b");
        var added = await emu.CallAsync("addRegistrant", new[] { ("confId", id), ("first_name", "Bea"), ("email", "bea@example.com") }, login: "host-b");
        var listed = await emu.SendAsync(HttpMethod.Get, "getRegistrants", With(emu.Signed("host-b"), ("confId", id)));
        var own = await emu.CallAsync("addRegistrant", new[] { ("confId", id), ("first_name", "Ann"), ("email", "ann@example.com") }, login: "host-a");

        Assert.Equal(401, questions.Status());
        Assert.Equal(401, added.Status());
        Assert.Equal(401, listed.Status());
        Assert.Equal(100, own.Status());
        var registrants = (await emu.SendAsync(HttpMethod.Get, "getRegistrants", With(emu.Signed("host-a"), ("confId", id)))).Data();
        Assert.Equal("ann@example.com", Assert.Single(registrants.EnumerateArray()).Str("email"));
    }

    [Fact]
    public async Task Webinar_of_another_account_is_401_and_its_own_is_found()
    {
        await using var emu = await ThreeHostsAsync();
        var created = await emu.SendAsync(HttpMethod.Post, "createDiyWebinar", With(emu.Signed("host-a"),
            ("siteSign", Wire.DemoSite), ("confName", "A's webinar"), ("startTime", Wire.Wall(emu.Clock.GetUtcNow() + Hour)), ("duration", "60")));
        var number = created.Data().Str("webinarNo");

        var asB = await emu.SendAsync(HttpMethod.Get, "getWebinarInfo", With(emu.Signed("host-b"), ("siteSign", Wire.DemoSite), ("webinarNo", number)));
        var deletedByC = await emu.SendAsync(HttpMethod.Post, "deleteWebinar", With(emu.Signed("host-c"), ("siteSign", Wire.DemoSite), ("webinarNo", number)));
        var asA = await emu.SendAsync(HttpMethod.Get, "getWebinarInfo", With(emu.Signed("host-a"), ("siteSign", Wire.DemoSite), ("webinarNo", number)));

        Assert.Equal(401, WebinarEndpointTests.StatusOf(asB));
        Assert.Equal(401, WebinarEndpointTests.StatusOf(deletedByC));
        Assert.Equal(100, WebinarEndpointTests.StatusOf(asA));
        Assert.Equal("A's webinar", asA.Data().Str("confName"));
    }

    private static async Task<EmulatorHost> ThreeHostsAsync()
    {
        var emu = await EmulatorHost.StartAsync();
        foreach (var login in new[] { "host-a", "host-b", "host-c" })
        {
            await emu.AddAccountAsync(login);
        }

        return emu;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> signed, params (string Name, string Value)[] fields)
    {
        foreach (var (name, value) in fields)
        {
            signed[name] = value;
        }

        return signed;
    }
}
