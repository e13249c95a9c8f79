using System.Globalization;
using System.Text.Json;

namespace BizConf.Emulator.Tests;

/// <summary>
/// Every kind of change, journalled and replayed: an emulator started on what a kill -9 would leave holds exactly
/// what the running one holds.
/// </summary>
public sealed class JournalReplayTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Every_kind_of_change_is_replayed_from_the_journal_exactly()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        await using var emu = await EmulatorHost.StartAsync(statePath, clock: clock);
        var plain = await emu.ReserveIdAsync("Written whole", Hour);

        await emu.AddSiteAsync("acme", "acme-key", 3);
        await AssertReplayedAsync(emu, statePath, folder, clock);
        await emu.AddSiteAsync("acme", "acme-key-2", 4);
        await AssertReplayedAsync(emu, statePath, folder, clock);
        await emu.AddAccountAsync("ann", siteSign: "acme", maxConcurrent: 2);
        await AssertReplayedAsync(emu, statePath, folder, clock);
        await emu.AddAccountAsync("ann", siteSign: "acme", maxConcurrent: 2, locked: true);
        await AssertReplayedAsync(emu, statePath, folder, clock);
        var seminar = (await emu.ReserveAsync("Seminar", 3 * Hour, extra: ("registrationType", "1"))).Data().Num("id").ToString(CultureInfo.InvariantCulture);
        await AssertReplayedAsync(emu, statePath, folder, clock);
        await emu.CallAsync("updateRegistrationQuestions", ("confId", seminar),
            ("questions", """[{"field_name":"city","required":true}]"""),
            ("custom_questions", """[{"title":"Diet","type":"single","required":false,"answers":["any","vegan"]}]"""));
        await AssertReplayedAsync(emu, statePath, folder, clock);
        await emu.CallAsync("addRegistrant", ("confId", seminar), ("first_name", "Bo"), ("email", "bo@example.com"), ("city", "Xi'an"),
            ("custom_questions", """[{"title":"Diet","value":"vegan"}]"""), ("auto_approve", "true"));
        await AssertReplayedAsync(emu, statePath, folder, clock);
        await MeetingCapacityTests.Modify(emu, plain, "Rewritten", 5 * Hour, 45);
        await AssertReplayedAsync(emu, statePath, folder, clock);
        await emu.CallAsync("settingLivestream", ("id", plain.ToString(CultureInfo.InvariantCulture)), ("streamUrl", "rtmp://s"), ("streamKey", "k"), ("liveUrl", "https://l"));
        await AssertReplayedAsync(emu, statePath, folder, clock);
        var gone = await emu.ReserveIdAsync("Cancelled", 7 * Hour);
        await AssertReplayedAsync(emu, statePath, folder, clock);
        await emu.CallAsync("cancelConf", ("confId", gone.ToString(CultureInfo.InvariantCulture)));
        await AssertReplayedAsync(emu, statePath, folder, clock);
        var kept = (await Webinar(emu, "createDiyWebinar", ("confName", "Kept"), ("startTime", Wire.Wall(clock.GetUtcNow() + Hour)), ("duration", "60"))).Data().Str("webinarNo");
        await AssertReplayedAsync(emu, statePath, folder, clock);
        var dropped = (await Webinar(emu, "createDiyWebinar", ("confName", "Dropped"), ("startTime", Wire.Wall(clock.GetUtcNow() + Hour)), ("duration", "60"))).Data().Str("webinarNo");
        await AssertReplayedAsync(emu, statePath, folder, clock);
        await Webinar(emu, "updateDiyWebinar", ("webinarNo", kept), ("confName", "Kept, renamed"), ("startTime", Wire.Wall(clock.GetUtcNow() + 2 * Hour)), ("duration", "90"));
        await AssertReplayedAsync(emu, statePath, folder, clock);
        await Webinar(emu, "deleteWebinar", ("webinarNo", dropped));
        await AssertReplayedAsync(emu, statePath, folder, clock);
        clock.Advance(4 * Hour);
        await emu.AdminAsync(HttpMethod.Post, $"meetings/{seminar}/simulate", new { guests = 2, seed = 7, polls = 1 });
        await AssertReplayedAsync(emu, statePath, folder, clock);

        Assert.True(File.ReadAllLines(StateOnDisk.JournalOf(statePath)).Length > 10, "The changes were meant to be in the journal, not in a whole state file.");
        Assert.Contains("Kept, renamed", emu.HeldState());
        Assert.DoesNotContain("Dropped", emu.HeldState());
    }

    /// <summary>After each change on its own, since a later change to the same meeting would write it whole again.</summary>
    private static async Task AssertReplayedAsync(EmulatorHost emu, string statePath, TempFolder folder, ManualClock clock)
    {
        await using var afterCrash = await EmulatorHost.StartAsync(StateOnDisk.CrashCopy(statePath, folder), clock: clock);
        Assert.Equal(emu.HeldState(), afterCrash.HeldState());
    }

    private static Task<JsonElement> Webinar(EmulatorHost emu, string endpoint, params (string Name, string Value)[] fields)
    {
        var all = emu.Signed();
        all["siteSign"] = Wire.DemoSite;
        foreach (var (name, value) in fields)
        {
            all[name] = value;
        }

        return emu.SendAsync(HttpMethod.Post, endpoint, all);
    }
}
