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
    public async Task Each_change_is_on_disk_when_its_answer_arrives()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        await using var emu = await EmulatorHost.StartAsync(statePath, clock: clock);

        var id = await emu.ReserveIdAsync("Tracked", TimeSpan.FromHours(1));
        Assert.Equal("Tracked", (await AfterCrash(folder, statePath, clock, id)).Str("meetingName"));

        await MeetingCapacityTests.Modify(emu, id, "Tracked again", TimeSpan.FromHours(2), 45);
        var modified = await AfterCrash(folder, statePath, clock, id);
        Assert.Equal("Tracked again", modified.Str("meetingName"));
        Assert.Equal(45, modified.Num("duration"));

        await emu.CallAsync("settingLivestream", ("id", id.ToString()), ("streamUrl", "rtmp://s"), ("streamKey", "k"), ("liveUrl", "https://l"));
        Assert.Equal("https://l", (await AfterCrash(folder, statePath, clock, id)).Str("liveUrl"));

        await emu.CallAsync("cancelConf", ("confId", id.ToString()));
        Assert.Equal(9, (await AfterCrash(folder, statePath, clock, id)).Num("confStatus"));

        await emu.AddAccountAsync("newcomer");
        await using (var copy = await EmulatorHost.StartAsync(StateOnDisk.CrashCopy(statePath, folder), clock: clock))
        {
            Assert.Equal(100, (await copy.CallAsync("listConf", Array.Empty<(string, string)>(), login: "newcomer")).Status());
        }

        await emu.AdminAsync(HttpMethod.Post, "reset", expected: System.Net.HttpStatusCode.NoContent);
        await using (var copy = await EmulatorHost.StartAsync(StateOnDisk.CrashCopy(statePath, folder), clock: clock))
        {
            Assert.Equal(0, (await copy.AllMeetingsAsync()).GetArrayLength());
            Assert.Equal(101, (await copy.CallAsync("listConf", Array.Empty<(string, string)>(), login: "newcomer")).Status());
        }

        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task Clean_stop_leaves_the_whole_state_in_the_one_file_and_no_journal()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        long id;
        await using (var emu = await EmulatorHost.StartAsync(statePath))
        {
            id = await emu.ReserveIdAsync("Kept whole", TimeSpan.FromHours(1));
            Assert.True(File.Exists(StateOnDisk.JournalOf(statePath)));
        }

        Assert.False(File.Exists(StateOnDisk.JournalOf(statePath)));
        Assert.Equal(2, Saved(statePath).GetProperty("formatVersion").GetInt32());
        Assert.Equal("Kept whole", SavedMeeting(statePath, id).GetProperty("name").GetString());
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

    /// <summary>A sound document (one site, one account, one meeting with a registrant) with one thing spoilt.</summary>
    [Theory]
    [InlineData("{\"meetings\":null}", "meetings")]
    [InlineData("{\"sites\":[null]}", "sites[0] is null")]
    [InlineData("{\"formatVersion\":3}", "formatVersion")]
    [InlineData("{\"usedTokens\":[{\"apiKey\":null,\"timeStamp\":1}]}", "apiKey")]
    [InlineData("{\"usedTokens\":[null]}", "usedTokens[0]")]
    [InlineData(Sound + "\"accounts\":[{\"loginName\":\"ann\",\"siteSign\":\"gone\",\"userId\":1001}]}", "site 'gone'")]
    [InlineData(Sound + Ann + "\"meetings\":[" + Meeting1 + ",{\"id\":2,\"meetingNo\":\"2000000000\",\"ownerLoginName\":\"ghost\",\"duration\":30}]}", "account 'ghost'")]
    [InlineData(Sound + Ann + "\"meetings\":[" + Meeting1 + "," + Meeting1 + "]}", "meetings[1]: id 1")]
    [InlineData(Sound + Ann + "\"meetings\":[{\"id\":1,\"meetingNo\":\"1000000000\",\"ownerLoginName\":\"ann\",\"duration\":30,\"name\":null}]}", "name")]
    [InlineData(Sound + Ann + "\"meetings\":[{\"id\":1,\"meetingNo\":\"1000000000\",\"ownerLoginName\":\"ann\",\"duration\":30,\"registrants\":[null]}]}", "meetings[0].registrants[0]")]
    [InlineData(Sound + Ann + "\"meetings\":[{\"id\":9,\"meetingNo\":\"1000000000\",\"ownerLoginName\":\"ann\",\"duration\":30}]}", "nextMeetingId")]
    [InlineData(Sound + "\"accounts\":[{\"loginName\":\"ann\",\"siteSign\":\"s\",\"userId\":5000}]}", "nextUserId")]
    [InlineData(Sound + Ann + "\"webinars\":[{\"webinarNo\":\"12345678901\",\"ownerLoginName\":\"ghost\"}]}", "account 'ghost'")]
    public async Task State_file_that_is_json_but_not_valid_state_is_refused_by_name_and_left_untouched(string document, string named)
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        await File.WriteAllTextAsync(statePath, document);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EmulatorHost.StartAsync(statePath));

        Assert.Contains(statePath, error.Message);
        Assert.Contains(named, error.Message);
        Assert.Equal(document, await File.ReadAllTextAsync(statePath));
    }

    [Fact]
    public async Task Sound_document_written_by_hand_loads()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        await File.WriteAllTextAsync(statePath, Sound + Ann + "\"meetings\":[" + Meeting1 + "]}");
        var clock = new ManualClock();

        await using var emu = await EmulatorHost.StartAsync(statePath, clock: clock);

        var meeting = (await emu.AllMeetingsAsync())[0];
        Assert.Equal("ann", meeting.Str("loginName"));
        Assert.Equal("1000000000", meeting.Str("meetingNo"));
    }

    [Fact]
    public async Task State_file_is_readable_by_its_owner_only_even_when_it_was_not_before()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var fresh = folder.File("fresh.json");
        var loose = folder.File("loose.json");
        var clock = new ManualClock();
        await using (var first = await EmulatorHost.StartAsync(loose, clock: clock))
        {
            await first.ReserveIdAsync("Loose", TimeSpan.FromHours(1));
        }

        File.SetUnixFileMode(loose, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using var again = await EmulatorHost.StartAsync(loose, clock: clock);
        await using var emu = await EmulatorHost.StartAsync(fresh);

        await emu.ReserveIdAsync("Secret", TimeSpan.FromHours(1));
        await again.ReserveIdAsync("Tightened", TimeSpan.FromHours(3));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fresh));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(loose));
    }

    private const string Sound = "{\"formatVersion\":1,\"nextMeetingId\":3,\"nextUserId\":1002,\"sites\":[{\"siteSign\":\"s\",\"apiKey\":\"k\",\"licences\":5}],";

    private const string Ann = "\"accounts\":[{\"loginName\":\"ann\",\"siteSign\":\"s\",\"userId\":1001,\"maxConcurrent\":1}],";

    private const string Meeting1 = "{\"id\":1,\"meetingNo\":\"1000000000\",\"ownerLoginName\":\"ann\",\"userId\":1001,\"name\":\"Kept\",\"startUtc\":\"2031-03-11T02:00:00+00:00\",\"duration\":30,\"joinUrl\":\"/j/1000000000\"}";

    /// <summary>The meeting as an emulator started on a crash copy of the state finds it.</summary>
    private static async Task<JsonElement> AfterCrash(TempFolder folder, string statePath, ManualClock clock, long id)
    {
        await using var copy = await EmulatorHost.StartAsync(StateOnDisk.CrashCopy(statePath, folder), clock: clock);
        return (await copy.AllMeetingsAsync()).EnumerateArray().Single(m => m.Num("id") == id);
    }

    private static JsonElement Saved(string statePath) =>
        JsonDocument.Parse(File.ReadAllText(statePath)).RootElement.Clone();

    private static JsonElement SavedMeeting(string statePath, long id) =>
        Saved(statePath).GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == id);
}
