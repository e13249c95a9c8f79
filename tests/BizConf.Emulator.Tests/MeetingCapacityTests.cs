namespace BizConf.Emulator.Tests;

public sealed class MeetingCapacityTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Overlapping_meeting_on_the_same_account_is_202()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.ReserveIdAsync("First", Hour, 60);

        var overlapping = await emu.ReserveAsync("Second", Hour + TimeSpan.FromMinutes(59), 60);

        Assert.Equal(202, overlapping.Status());
        Assert.Equal(1, (await emu.AllMeetingsAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Back_to_back_meetings_do_not_overlap()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.ReserveIdAsync("First", Hour, 60);

        var next = await emu.ReserveAsync("Second", 2 * Hour, 60);

        Assert.Equal(100, next.Status());
    }

    [Fact]
    public async Task Cancelled_meeting_frees_its_slot()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var first = await emu.ReserveIdAsync("First", Hour, 60);
        Assert.Equal(202, (await emu.ReserveAsync("Blocked", Hour, 60)).Status());

        Assert.Equal(100, (await emu.CallAsync("cancelConf", ("confId", first.ToString()))).Status());
        var again = await emu.ReserveAsync("Now free", Hour, 60);

        Assert.Equal(100, again.Status());
    }

    [Fact]
    public async Task Max_concurrent_two_allows_two_overlapping_meetings_but_not_three()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddAccountAsync("demo", maxConcurrent: 2);

        var first = await emu.ReserveAsync("A", Hour, 120);
        var second = await emu.ReserveAsync("B", Hour + TimeSpan.FromMinutes(30), 60);
        var third = await emu.ReserveAsync("C", Hour + TimeSpan.FromMinutes(45), 10);

        Assert.Equal(100, first.Status());
        Assert.Equal(100, second.Status());
        Assert.Equal(202, third.Status());
    }

    [Fact]
    public async Task Max_concurrent_counts_meetings_running_together_not_all_that_touch_the_window()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddAccountAsync("demo", maxConcurrent: 2);
        await emu.ReserveIdAsync("Early", Hour, 30);
        await emu.ReserveIdAsync("Late", 2 * Hour, 30);

        // Spans both, but only ever runs beside one of them at a time.
        var spanning = await emu.ReserveAsync("Spanning", Hour, 120);

        Assert.Equal(100, spanning.Status());
    }

    [Fact]
    public async Task Modified_meeting_does_not_conflict_with_itself()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = await emu.ReserveIdAsync("Movable", Hour, 60);

        var moved = await Modify(emu, id, "Movable", Hour + TimeSpan.FromMinutes(30), 60);

        Assert.Equal(100, moved.Status());
        Assert.Equal(Wire.Gmt(emu.Clock.GetUtcNow() + Hour + TimeSpan.FromMinutes(30)), moved.Data().Str("startTime"));
    }

    [Fact]
    public async Task Moving_a_meeting_onto_another_is_202_and_changes_nothing()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.ReserveIdAsync("Fixed", Hour, 60);
        var id = await emu.ReserveIdAsync("Movable", 3 * Hour, 60);

        var moved = await Modify(emu, id, "Renamed", Hour + TimeSpan.FromMinutes(30), 60);
        var current = await emu.CallAsync("getConf", ("confId", id.ToString()));

        Assert.Equal(202, moved.Status());
        Assert.Equal("Movable", current.Data().Str("meetingName"));
        Assert.Equal(Wire.Gmt(emu.Clock.GetUtcNow() + 3 * Hour), current.Data().Str("startTime"));
    }

    [Fact]
    public async Task Site_with_one_licence_refuses_a_second_account_at_the_same_time_with_205()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("small", "small-key", 1);
        await emu.AddAccountAsync("alice", "small");
        await emu.AddAccountAsync("bob", "small");
        await emu.ReserveIdAsync("Alice's", Hour, 60, login: "alice", apiKey: "small-key");

        var bobSameTime = await emu.ReserveAsync("Bob's", Hour + TimeSpan.FromMinutes(15), 60, login: "bob", apiKey: "small-key");
        var bobLater = await emu.ReserveAsync("Bob's later", 2 * Hour, 60, login: "bob", apiKey: "small-key");

        Assert.Equal(205, bobSameTime.Status());
        Assert.Equal(100, bobLater.Status());
    }

    [Fact]
    public async Task Licences_count_accounts_so_one_account_with_two_meetings_takes_one_licence()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("pair", "pair-key", 2);
        await emu.AddAccountAsync("alice", "pair", maxConcurrent: 2);
        await emu.AddAccountAsync("bob", "pair");
        await emu.AddAccountAsync("carol", "pair");
        await emu.ReserveIdAsync("A1", Hour, 60, login: "alice", apiKey: "pair-key");
        await emu.ReserveIdAsync("A2", Hour, 60, login: "alice", apiKey: "pair-key");

        var bob = await emu.ReserveAsync("B", Hour, 60, login: "bob", apiKey: "pair-key");
        var carol = await emu.ReserveAsync("C", Hour, 60, login: "carol", apiKey: "pair-key");

        Assert.Equal(100, bob.Status());
        Assert.Equal(205, carol.Status());
    }

    [Fact]
    public async Task Licences_of_another_site_are_not_shared()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("small", "small-key", 1);
        await emu.AddAccountAsync("alice", "small");
        await emu.ReserveIdAsync("Demo's", Hour, 60);

        var alice = await emu.ReserveAsync("Alice's", Hour, 60, login: "alice", apiKey: "small-key");

        Assert.Equal(100, alice.Status());
    }

    [Fact]
    public async Task Cancelled_meeting_gives_its_licence_back()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("small", "small-key", 1);
        await emu.AddAccountAsync("alice", "small");
        await emu.AddAccountAsync("bob", "small");
        var alices = await emu.ReserveIdAsync("Alice's", Hour, 60, login: "alice", apiKey: "small-key");
        await emu.CallAsync("cancelConf", new[] { ("confId", alices.ToString()) }, login: "alice", apiKey: "small-key");

        var bob = await emu.ReserveAsync("Bob's", Hour, 60, login: "bob", apiKey: "small-key");

        Assert.Equal(100, bob.Status());
    }

    internal static Task<System.Text.Json.JsonElement> Modify(EmulatorHost emu, long id, string name, TimeSpan startsIn, int duration, params (string Name, string Value)[] extra) =>
        emu.CallAsync(
            "confModify",
            new[]
            {
                ("id", id.ToString()),
                ("confName", name),
                ("startTime", Wire.Wall(emu.Clock.GetUtcNow() + startsIn)),
                ("duration", duration.ToString()),
            }.Concat(extra));
}
