using System.Text.Json;

namespace BizConf.Emulator.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Meetings_accounts_and_counters_survive_a_restart_on_the_same_state_file()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        long id;
        string meetingNo;
        await using (var first = await EmulatorHost.StartAsync(statePath, clock: clock))
        {
            await first.AddAccountAsync("kept", maxConcurrent: 3);
            var meeting = (await first.ReserveAsync("Survivor", TimeSpan.FromHours(2), login: "kept")).Data();
            id = meeting.Num("id");
            meetingNo = meeting.Str("meetingNo");
        }

        await using var second = await EmulatorHost.StartAsync(statePath, clock: clock);
        var got = await second.CallAsync("getConf", new[] { ("confId", id.ToString()) }, login: "kept");
        var next = (await second.ReserveAsync("Next", TimeSpan.FromHours(5), login: "kept")).Data();

        Assert.Equal(100, got.Status());
        Assert.Equal("Survivor", got.Data().Str("meetingName"));
        Assert.Equal(meetingNo, got.Data().Str("meetingNo"));
        Assert.Equal(id + 1, next.Num("id"));
    }

    [Fact]
    public async Task State_file_is_valid_json_holding_each_change_when_the_answer_arrives()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        await using var emu = await EmulatorHost.StartAsync(statePath);

        var id = await emu.ReserveIdAsync("Tracked", TimeSpan.FromHours(1));
        Assert.Equal("Tracked", SavedMeeting(statePath, id).GetProperty("name").GetString());

        await MeetingCapacityTests.Modify(emu, id, "Tracked again", TimeSpan.FromHours(2), 45);
        Assert.Equal("Tracked again", SavedMeeting(statePath, id).GetProperty("name").GetString());
        Assert.Equal(45, SavedMeeting(statePath, id).GetProperty("duration").GetInt32());

        await emu.CallAsync("settingLivestream", ("id", id.ToString()), ("streamUrl", "rtmp://s"), ("streamKey", "k"), ("liveUrl", "https://l"));
        Assert.Equal("https://l", SavedMeeting(statePath, id).GetProperty("liveUrl").GetString());

        await emu.CallAsync("cancelConf", ("confId", id.ToString()));
        Assert.Equal("Cancelled", SavedMeeting(statePath, id).GetProperty("lifecycle").GetString());

        await emu.AddAccountAsync("newcomer");
        Assert.Contains(Saved(statePath).GetProperty("accounts").EnumerateArray(), a => a.GetProperty("loginName").GetString() == "newcomer");

        await emu.AdminAsync(HttpMethod.Post, "reset", expected: System.Net.HttpStatusCode.NoContent);
        Assert.Equal(0, Saved(statePath).GetProperty("meetings").GetArrayLength());
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task Corrupt_state_file_stops_the_emulator_from_starting_rather_than_being_overwritten()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        await File.WriteAllTextAsync(statePath, "{ not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EmulatorHost.StartAsync(statePath));

        Assert.Contains(statePath, error.Message);
        Assert.Equal("{ not json", await File.ReadAllTextAsync(statePath));
    }

    private static JsonElement Saved(string statePath) =>
        JsonDocument.Parse(File.ReadAllText(statePath)).RootElement.Clone();

    private static JsonElement SavedMeeting(string statePath, long id) =>
        Saved(statePath).GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == id);
}
