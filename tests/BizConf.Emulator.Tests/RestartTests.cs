using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using static BizConf.Emulator.Tests.ReportSupport;

namespace BizConf.Emulator.Tests;

/// <summary>
/// A restart on the same <c>--state</c> file: the links handed out follow the address of the new run, and tokens
/// spent before it stay spent.
/// </summary>
public sealed class RestartTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Links_follow_the_new_port_after_a_restart_and_old_join_links_still_find_the_report()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        JsonElement meeting, registrant, webinar;
        int otherPort;
        await using (var first = await EmulatorHost.StartAsync(statePath, clock: clock))
        {
            meeting = (await first.ReserveAsync("Moved", Hour, extra: ("registrationType", "1"))).Data();
            registrant = (await first.CallAsync("addRegistrant", ("confId", Id(meeting)), ("first_name", "Ann"), ("email", "ann@example.com"))).Data();
            webinar = (await first.SendAsync(HttpMethod.Post, "createDiyWebinar", With(first.Signed(),
                ("siteSign", Wire.DemoSite), ("confName", "Moved webinar"), ("startTime", Wire.Wall(clock.GetUtcNow() + Hour)), ("duration", "60")))).Data();
            await SimulateAsync(first, meeting.Num("id"), guests: 1, seed: 1, polls: 0);

            // Taken while the first run still holds its port, so the second run surely listens elsewhere.
            otherPort = FreeLoopbackPort();
        }

        await using var second = await EmulatorHost.StartAsync(statePath, clock: clock, urls: $"http://127.0.0.1:{otherPort}");
        var origin = $"http://127.0.0.1:{otherPort}";
        var meetingNo = meeting.Str("meetingNo");
        var token = meeting.Str("token");
        var got = (await second.CallAsync("getConf", ("confId", Id(meeting)))).Data();
        var webinarNow = (await second.SendAsync(HttpMethod.Get, "getWebinarInfo", With(second.Signed(),
            ("siteSign", Wire.DemoSite), ("webinarNo", webinar.Str("webinarNo"))))).Data();

        Assert.NotEqual(new Uri(meeting.Str("joinUrl")).Port, otherPort);
        Assert.Equal($"{origin}/j/{meetingNo}", got.Str("joinUrl"));
        Assert.Equal($"{origin}/s/{meetingNo}?token={token}", got.Str("startUrl"));
        Assert.Equal($"{origin}/s/{meetingNo}?token={token}", got.Str("hostStartUrl"));
        Assert.Equal($"{origin}/w/{webinar.Str("webinarNo")}", webinarNow.Str("join_url"));
        Assert.Equal($"{origin}/j/{webinar.Str("webinarNo")}/{webinar.Str("token")}", webinarNow.Str("start_url"));
        Assert.Contains(meetingNo, await second.Http.GetStringAsync(got.Str("joinUrl")));

        foreach (var link in new[] { meeting.Str("joinUrl"), registrant.Str("join_url"), got.Str("joinUrl") })
        {
            var session = (await SiteCallAsync(second, "getConfLogListByJoinUrl", "joinUrl", link)).Data()[0];
            Assert.Equal(meetingNo, session.Str("confNumber"));
            var attended = session.GetProperty("records").EnumerateArray().First(r => r.Has("registrantId"));
            Assert.Equal($"{origin}/j/{meetingNo}?tk={registrant.Str("tk")}", attended.Str("join_url"));
        }
    }

    [Fact]
    public async Task State_file_holds_link_paths_and_one_with_whole_links_from_an_earlier_version_still_loads()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        string meetingNo, token;
        await using (var first = await EmulatorHost.StartAsync(statePath, clock: clock))
        {
            var meeting = (await first.ReserveAsync("Old file", Hour)).Data();
            meetingNo = meeting.Str("meetingNo");
            token = meeting.Str("token");
        }

        var saved = JsonNode.Parse(File.ReadAllText(statePath))!;
        var stored = saved["meetings"]![0]!;
        Assert.Equal($"/j/{meetingNo}", stored["joinUrl"]!.GetValue<string>());
        Assert.Equal($"/s/{meetingNo}?token={token}", stored["startUrl"]!.GetValue<string>());

        // What an earlier version wrote: whole links on the port of its own run.
        stored["joinUrl"] = $"http://127.0.0.1:1/j/{meetingNo}";
        stored["startUrl"] = $"http://127.0.0.1:1/s/{meetingNo}?token={token}";
        stored["hostStartUrl"] = $"http://127.0.0.1:1/s/{meetingNo}?token={token}";
        File.WriteAllText(statePath, saved.ToJsonString());

        await using var second = await EmulatorHost.StartAsync(statePath, clock: clock);
        var origin = second.BaseAddress.GetLeftPart(UriPartial.Authority);
        var got = (await second.CallAsync("listConf")).GetProperty("data")[0];

        Assert.Equal($"{origin}/j/{meetingNo}", got.Str("joinUrl"));
        Assert.Equal($"{origin}/s/{meetingNo}?token={token}", got.Str("startUrl"));
        Assert.Equal($"{origin}/s/{meetingNo}?token={token}", got.Str("hostStartUrl"));
    }

    [Fact]
    public async Task Tokens_spent_before_a_restart_are_refused_after_it()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        Dictionary<string, string> readToken, changeToken;
        await using (var first = await EmulatorHost.StartAsync(statePath, clock: clock))
        {
            changeToken = With(first.Signed(),
                ("confName", "Once"), ("startTime", Wire.Wall(clock.GetUtcNow() + Hour)), ("duration", "30"));
            Assert.Equal(100, (await first.SendAsync(HttpMethod.Post, "confReservation", changeToken)).Status());

            // Last, so that no later change saves it: only the save when the emulator stops keeps this token.
            readToken = first.Signed();
            Assert.Equal(100, (await first.SendAsync(HttpMethod.Post, "listConf", readToken)).Status());
        }

        await using var second = await EmulatorHost.StartAsync(statePath, clock: clock);
        var readAgain = await second.SendAsync(HttpMethod.Post, "listConf", readToken);
        var changeAgain = await second.SendAsync(HttpMethod.Post, "confReservation", changeToken);
        var fresh = await second.CallAsync("listConf");

        Assert.Equal(102, readAgain.Status());
        Assert.Equal(102, changeAgain.Status());
        Assert.Equal(100, fresh.Status());
        Assert.Equal(1, fresh.GetProperty("totalRecord").GetInt32());
    }

    [Fact]
    public async Task A_token_spent_by_a_change_is_refused_after_a_crash()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        await using var emu = await EmulatorHost.StartAsync(statePath, clock: clock);
        var changeToken = With(emu.Signed(),
            ("confName", "Once"), ("startTime", Wire.Wall(clock.GetUtcNow() + Hour)), ("duration", "30"));
        Assert.Equal(100, (await emu.SendAsync(HttpMethod.Post, "confReservation", changeToken)).Status());

        await using var afterCrash = await EmulatorHost.StartAsync(StateOnDisk.CrashCopy(statePath, folder), clock: clock);
        var again = await afterCrash.SendAsync(HttpMethod.Post, "confReservation", changeToken);

        Assert.Equal(102, again.Status());
        Assert.Equal(1, (await afterCrash.AllMeetingsAsync()).GetArrayLength());
    }

    [Fact]
    public async Task State_file_keeps_only_the_tokens_of_the_last_five_minutes()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        Dictionary<string, string> early, late;
        await using (var emu = await EmulatorHost.StartAsync(statePath, clock: clock))
        {
            early = emu.Signed();
            Assert.Equal(100, (await emu.SendAsync(HttpMethod.Post, "confReservation", With(early,
                ("confName", "Early"), ("startTime", Wire.Wall(clock.GetUtcNow() + Hour)), ("duration", "30")))).Status());
            clock.Advance(TimeSpan.FromMinutes(6));
            late = emu.Signed();
            Assert.Equal(100, (await emu.SendAsync(HttpMethod.Post, "confReservation", With(late,
                ("confName", "Late"), ("startTime", Wire.Wall(clock.GetUtcNow() + 3 * Hour)), ("duration", "30")))).Status());
        }

        Assert.Equal(new[] { late["timeStamp"] }, SavedTimeStamps(statePath));
    }

    private static string Id(JsonElement meeting) => meeting.Num("id").ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> With(Dictionary<string, string> signed, params (string Name, string Value)[] fields)
    {
        foreach (var (name, value) in fields)
        {
            signed[name] = value;
        }

        return signed;
    }

    private static string[] SavedTimeStamps(string statePath) =>
        JsonNode.Parse(File.ReadAllText(statePath))!["usedTokens"]!.AsArray()
            .Select(t => t!["timeStamp"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture))
            .ToArray();

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
