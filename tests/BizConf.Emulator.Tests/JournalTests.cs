using System.Text;
using System.Text.Json.Nodes;

namespace BizConf.Emulator.Tests;

/// <summary>
/// The state file and its journal on disk: a torn last line, a spoilt or foreign journal, a file of the earlier
/// single-document form, a state path that is a symbolic link.
/// </summary>
public sealed class JournalTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Torn_last_line_is_left_out_and_cut_off_at_the_next_save()
    {
        using var folder = new TempFolder();
        var clock = new ManualClock();
        var copy = await CrashCopyWithMeetingsAsync(folder, clock, "One", "Two");
        File.AppendAllText(StateOnDisk.JournalOf(copy), "{\"seq\":99,\"meetings\":[{\"id\":3,");

        await using (var emu = await EmulatorHost.StartAsync(copy, clock: clock))
        {
            Assert.Equal(2, (await emu.AllMeetingsAsync()).GetArrayLength());
            await emu.ReserveIdAsync("Three", 9 * Hour);
            await using var again = await EmulatorHost.StartAsync(StateOnDisk.CrashCopy(copy, folder), clock: clock);
            Assert.Equal(new[] { "One", "Two", "Three" }, (await again.AllMeetingsAsync()).EnumerateArray().Select(m => m.Str("meetingName")));
        }

        Assert.DoesNotContain("\"seq\":99", StateOnDisk.Text(copy));
    }

    [Theory]
    [InlineData("not json\n", "line 2")]
    [InlineData("{\"seq\":2,\"meetings\":[null],\"nextMeetingId\":2,\"nextUserId\":1002}\n", "null entry")]
    [InlineData("{\"seq\":7,\"nextMeetingId\":1,\"nextUserId\":1002}\n", "does not continue")]
    public async Task Spoilt_journal_is_refused_by_name_and_left_untouched(string inserted, string named)
    {
        using var folder = new TempFolder();
        var clock = new ManualClock();
        var copy = await CrashCopyWithMeetingsAsync(folder, clock, "One", "Two");
        var journal = StateOnDisk.JournalOf(copy);
        var lines = File.ReadAllLines(journal).ToList();
        lines.Insert(1, inserted.TrimEnd('\n'));
        File.WriteAllText(journal, string.Join('\n', lines) + "\n");
        var before = File.ReadAllBytes(journal);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EmulatorHost.StartAsync(copy, clock: clock));

        Assert.Contains(journal, error.Message);
        Assert.Contains(named, error.Message);
        Assert.Equal(before, File.ReadAllBytes(journal));
    }

    [Fact]
    public async Task Journal_without_its_state_file_is_refused()
    {
        using var folder = new TempFolder();
        var clock = new ManualClock();
        var copy = await CrashCopyWithMeetingsAsync(folder, clock, "One");
        File.Delete(copy);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EmulatorHost.StartAsync(copy, clock: clock));

        Assert.Contains(copy, error.Message);
        Assert.Contains("has no state file", error.Message);
        Assert.True(File.Exists(StateOnDisk.JournalOf(copy)));
    }

    [Fact]
    public async Task State_file_of_the_earlier_single_document_form_is_migrated_on_first_start()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        const string Earlier = "{\"formatVersion\":1,\"nextMeetingId\":2,\"nextUserId\":1002,"
            + "\"sites\":[{\"siteSign\":\"demo-site\",\"apiKey\":\"demo-api-key\",\"licences\":100}],"
            + "\"accounts\":[{\"loginName\":\"demo\",\"siteSign\":\"demo-site\",\"userId\":1001,\"maxConcurrent\":1}],"
            + "\"meetings\":[{\"id\":1,\"meetingNo\":\"1000000000\",\"ownerLoginName\":\"demo\",\"userId\":1001,\"name\":\"From before\","
            + "\"startUtc\":\"2031-03-11T02:00:00+00:00\",\"duration\":30,\"joinUrl\":\"http://127.0.0.1:1/j/1000000000\"}],"
            + "\"usedTokens\":[]}";
        await File.WriteAllTextAsync(statePath, Earlier);

        await using (var emu = await EmulatorHost.StartAsync(statePath, clock: clock))
        {
            var migrated = JsonNode.Parse(File.ReadAllText(statePath))!;
            Assert.Equal(2, migrated["formatVersion"]!.GetValue<int>());
            Assert.Equal("/j/1000000000", migrated["meetings"]![0]!["joinUrl"]!.GetValue<string>());
            Assert.True(File.Exists(StateOnDisk.JournalOf(statePath)));
            Assert.Equal(2, await emu.ReserveIdAsync("After", 2 * Hour));
        }

        await using var restarted = await EmulatorHost.StartAsync(statePath, clock: clock);
        Assert.Equal(new[] { "From before", "After" }, (await restarted.AllMeetingsAsync()).EnumerateArray().Select(m => m.Str("meetingName")));
    }

    [Fact]
    public async Task Earlier_single_document_beside_a_journal_is_refused()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        await File.WriteAllTextAsync(statePath, "{\"formatVersion\":1}");
        await File.WriteAllTextAsync(StateOnDisk.JournalOf(statePath), "{\"bizconfJournal\":1}\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EmulatorHost.StartAsync(statePath));

        Assert.Contains(StateOnDisk.JournalOf(statePath), error.Message);
        Assert.Equal("{\"formatVersion\":1}", File.ReadAllText(statePath));
    }

    [Fact]
    public async Task State_path_that_is_a_symbolic_link_is_written_through_to_its_target()
    {
        using var folder = new TempFolder();
        var targetFolder = Directory.CreateDirectory(folder.File("real")).FullName;
        var target = Path.Combine(targetFolder, "state.json");
        var link = folder.File("state-link.json");
        File.CreateSymbolicLink(link, target);
        var clock = new ManualClock();

        await using (var emu = await EmulatorHost.StartAsync(link, clock: clock))
        {
            await emu.ReserveIdAsync("Through the link", Hour);
            Assert.True(File.Exists(StateOnDisk.JournalOf(target)));
            Assert.False(File.Exists(StateOnDisk.JournalOf(link)));
        }

        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Contains("Through the link", File.ReadAllText(target));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        }

        await using var restarted = await EmulatorHost.StartAsync(link, clock: clock);
        Assert.Equal("Through the link", (await restarted.AllMeetingsAsync())[0].Str("meetingName"));
    }

    [Fact]
    public void State_path_that_links_to_a_folder_is_refused_by_name()
    {
        using var folder = new TempFolder();
        var link = folder.File("state.json");
        Directory.CreateSymbolicLink(link, folder.Path);

        var error = Assert.Throws<ArgumentException>(() => EmulatorApp.Build(["--urls", "http://127.0.0.1:0", "--state", link]));

        Assert.Contains(link, error.Message);
        Assert.Contains("folder", error.Message);
    }

    [Fact]
    public async Task Journal_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        await using var emu = await EmulatorHost.StartAsync(statePath);
        await emu.ReserveIdAsync("Written whole first", Hour);
        await emu.ReserveIdAsync("Private", 3 * Hour);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StateOnDisk.JournalOf(statePath)));
        Assert.Contains("Private", Encoding.UTF8.GetString(File.ReadAllBytes(StateOnDisk.JournalOf(statePath))));
    }

    /// <summary>
    /// A state with these meetings, as a kill -9 would leave it: the state file (written whole by the first change)
    /// and a journal of the changes after it.
    /// </summary>
    private static async Task<string> CrashCopyWithMeetingsAsync(TempFolder folder, ManualClock clock, params string[] names)
    {
        var statePath = folder.File("state.json");
        await using var emu = await EmulatorHost.StartAsync(statePath, clock: clock);
        for (var i = 0; i < names.Length; i++)
        {
            await emu.ReserveIdAsync(names[i], (2 * i + 1) * Hour);
        }

        return StateOnDisk.CrashCopy(statePath, folder);
    }
}
