using System.Globalization;
using System.Net;
using System.Text.Json;

namespace BizConf.Emulator.Tests;

/// <summary>
/// The state folder vanishes under a running emulator: a change that cannot be saved is undone in memory and
/// answered as failed, so nothing is reported made that a restart would not find; once the folder is back,
/// saving goes on where it left off.
/// </summary>
public sealed class SaveFailureTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Changes_that_cannot_be_saved_are_undone_and_answered_103()
    {
        using var folder = new TempFolder();
        var stateFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "state")).FullName;
        var statePath = Path.Combine(stateFolder, "state.json");
        var clock = new ManualClock();
        await using var emu = await EmulatorHost.StartAsync(statePath, clock: clock);
        var kept = await emu.ReserveIdAsync("Kept", Hour);
        var keptId = kept.ToString(CultureInfo.InvariantCulture);

        Directory.Delete(stateFolder, recursive: true);
        var refused = await emu.ReserveAsync("Refused", 3 * Hour);
        var renamed = await MeetingCapacityTests.Modify(emu, kept, "Renamed", 5 * Hour, 45);
        var cancelled = await emu.CallAsync("cancelConf", ("confId", keptId));
        var account = await emu.AdminAsync(HttpMethod.Post, "accounts", new { loginName = "late", siteSign = Wire.DemoSite }, HttpStatusCode.InternalServerError);
        var listed = await emu.CallAsync("listConf");
        var got = (await emu.CallAsync("getConf", ("confId", keptId))).Data();
        var lateHost = await emu.CallAsync("listConf", Array.Empty<(string, string)>(), login: "late");

        Directory.CreateDirectory(stateFolder);
        var after = await emu.ReserveIdAsync("After", 7 * Hour);
        await using var restarted = await EmulatorHost.StartAsync(StateOnDisk.CrashCopy(statePath, folder), clock: clock);
        var survivors = (await restarted.AllMeetingsAsync()).EnumerateArray().Select(m => m.Str("meetingName")).ToList();

        Assert.Equal(103, refused.Status());
        Assert.Contains("The state could not be saved", refused.Str("message"));
        Assert.Contains(stateFolder, refused.Str("message"));
        Assert.Equal(103, renamed.Status());
        Assert.Equal(103, cancelled.Status());
        Assert.Contains("The state could not be saved", account.Str("error"));
        Assert.Equal(1, listed.Num("totalRecord"));
        Assert.Equal("Kept", got.Str("meetingName"));
        Assert.Equal(60, got.Num("duration"));
        Assert.Equal(0, got.Num("confStatus"));
        Assert.Equal(101, lateHost.Status());
        Assert.Equal(kept + 1, after);
        Assert.Equal(new[] { "Kept", "After" }, survivors);
    }

    [Fact]
    public async Task Webinar_removal_and_registrants_that_cannot_be_saved_are_undone()
    {
        using var folder = new TempFolder();
        var stateFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "state")).FullName;
        await using var emu = await EmulatorHost.StartAsync(Path.Combine(stateFolder, "state.json"));
        var meeting = (await emu.ReserveAsync("Seminar", Hour, extra: ("registrationType", "1"))).Data().Num("id").ToString(CultureInfo.InvariantCulture);
        var webinar = (await Webinar(emu, "createDiyWebinar", ("confName", "Talk"), ("startTime", Wire.Wall(emu.Clock.GetUtcNow() + Hour)), ("duration", "60"))).Data().Str("webinarNo");

        Directory.Delete(stateFolder, recursive: true);
        var removed = await Webinar(emu, "deleteWebinar", ("webinarNo", webinar));
        var registered = await emu.CallAsync("addRegistrant", ("confId", meeting), ("first_name", "Ann"), ("email", "ann@example.com"));
        var simulated = await emu.AdminAsync(HttpMethod.Post, $"meetings/{meeting}/simulate", new { guests = 2 }, HttpStatusCode.InternalServerError);
        var stillThere = await Webinar(emu, "getWebinarInfo", ("webinarNo", webinar));
        var listing = emu.Signed();
        listing["confId"] = meeting;
        var registrants = await emu.SendAsync(HttpMethod.Get, "getRegistrants", listing);

        Assert.Equal(103, StatusOf(removed));
        Assert.Equal(103, registered.Status());
        Assert.Contains("could not be saved", simulated.Str("error"));
        Assert.Equal(100, StatusOf(stillThere));
        Assert.Equal(0, registrants.Data().GetArrayLength());
        Assert.Equal(0, (await emu.AllMeetingsAsync())[0].Num("confStatus"));
    }

    [Fact]
    public async Task Each_kind_of_save_failure_is_told_on_stderr_once()
    {
        using var folder = new TempFolder();
        var stateFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "state")).FullName;
        var statePath = Path.Combine(stateFolder, "state.json");
        await using var emulator = await EmulatorProcess.StartAsync("--urls", "http://127.0.0.1:0", "--state", statePath);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        Assert.Equal(100, (await Create(emulator, "Saved", start)).Status());

        Directory.Delete(stateFolder, recursive: true);
        var failed = new[]
        {
            await Create(emulator, "Not saved 1", start.AddHours(2)),
            await Create(emulator, "Not saved 2", start.AddHours(4)),
            await Create(emulator, "Not saved 3", start.AddHours(6)),
        };
        var exitCode = OperatingSystem.IsWindows() ? 0 : await emulator.TerminateAsync();
        var stderr = OperatingSystem.IsWindows() ? "" : await emulator.StderrAsync();

        Assert.All(failed, answer => Assert.Equal(103, answer.Status()));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(0, exitCode);
            var told = stderr.Split('\n').Where(line => line.Contains("could not be saved", StringComparison.Ordinal)).ToList();
            Assert.Contains(stateFolder, Assert.Single(told));
            Assert.DoesNotContain("Exception", stderr);
        }
    }

    private static Task<JsonElement> Create(EmulatorProcess emulator, string name, DateTimeOffset start) =>
        emulator.CallAsync("confReservation", ("confName", name), ("startTime", Wire.Wall(start)), ("duration", "30"));

    private static Task<JsonElement> Webinar(EmulatorHost emu, string endpoint, params (string Name, string Value)[] fields)
    {
        var all = emu.Signed();
        all["siteSign"] = Wire.DemoSite;
        foreach (var (name, value) in fields)
        {
            all[name] = value;
        }

        return emu.SendAsync(endpoint == "getWebinarInfo" ? HttpMethod.Get : HttpMethod.Post, endpoint, all);
    }

    /// <summary>The webinar endpoints send their status as a string of digits, as the vendor sample does.</summary>
    private static int StatusOf(JsonElement answer) =>
        answer.GetProperty("status") is { ValueKind: JsonValueKind.String } text
            ? int.Parse(text.GetString()!, CultureInfo.InvariantCulture)
            : answer.GetProperty("status").GetInt32();
}
