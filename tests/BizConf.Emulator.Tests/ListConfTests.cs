using System.Text.Json;

namespace BizConf.Emulator.Tests;

public sealed class ListConfTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Pages_are_sorted_by_start_and_carry_the_counts_at_the_top_level()
    {
        await using var emu = await EmulatorHost.StartAsync();
        // Created out of order, so the sort is what puts them in order.
        for (var i = 11; i >= 0; i--)
        {
            await emu.ReserveIdAsync($"Meeting {i:00}", (i + 1) * Hour, 30);
        }

        var page1 = await emu.CallAsync("listConf", ("pageNo", "1"), ("pageSize", "5"));
        var page3 = await emu.CallAsync("listConf", ("pageNo", "3"), ("pageSize", "5"));
        var page4 = await emu.CallAsync("listConf", ("pageNo", "4"), ("pageSize", "5"));

        Assert.Equal(100, page1.Status());
        Assert.Equal(3, page1.Num("totalPage"));
        Assert.Equal(1, page1.Num("currentPage"));
        Assert.Equal(12, page1.Num("totalRecord"));
        Assert.Equal(5, page1.Num("pageSize"));
        Assert.Equal(new[] { "Meeting 00", "Meeting 01", "Meeting 02", "Meeting 03", "Meeting 04" }, Names(page1));
        Assert.Equal(3, page3.Num("currentPage"));
        Assert.Equal(new[] { "Meeting 10", "Meeting 11" }, Names(page3));
        Assert.Empty(Names(page4));
    }

    [Fact]
    public async Task Pages_asked_again_after_a_change_show_the_change()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var first = await emu.ReserveIdAsync("First", Hour, 30);
        var second = await emu.ReserveIdAsync("Second", 2 * Hour, 30);
        var before = Names(await emu.CallAsync("listConf", ("pageSize", "2")));

        await MeetingCapacityTests.Modify(emu, first, "First, moved last", 5 * Hour, 30);
        var afterMove = Names(await emu.CallAsync("listConf", ("pageSize", "2")));
        await emu.ReserveIdAsync("Third", 3 * Hour, 30);
        var afterCreate = Names(await emu.CallAsync("listConf", ("pageSize", "2"), ("pageNo", "2")));
        await emu.CallAsync("cancelConf", ("confId", second.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var afterCancel = await emu.CallAsync("listConf", ("pageSize", "2"));
        var filtered = Names(await emu.CallAsync("listConf", ("keyword", "moved")));

        Assert.Equal(new[] { "First", "Second" }, before);
        Assert.Equal(new[] { "Second", "First, moved last" }, afterMove);
        Assert.Equal(new[] { "First, moved last" }, afterCreate);
        Assert.Equal(new[] { "Third", "First, moved last" }, Names(afterCancel));
        Assert.Equal(2, afterCancel.Num("totalRecord"));
        Assert.Equal(new[] { "First, moved last" }, filtered);
    }

    [Fact]
    public async Task Page_size_defaults_to_10_and_page_to_1()
    {
        await using var emu = await EmulatorHost.StartAsync();
        for (var i = 0; i < 11; i++)
        {
            await emu.ReserveIdAsync($"M{i}", (i + 1) * Hour, 30);
        }

        var answer = await emu.CallAsync("listConf");

        Assert.Equal(10, answer.Num("pageSize"));
        Assert.Equal(1, answer.Num("currentPage"));
        Assert.Equal(2, answer.Num("totalPage"));
        Assert.Equal(10, answer.Data().GetArrayLength());
    }

    [Fact]
    public async Task Meetings_starting_together_are_ordered_by_id()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddAccountAsync("demo", maxConcurrent: 3);
        var ids = new[]
        {
            await emu.ReserveIdAsync("B", Hour),
            await emu.ReserveIdAsync("A", Hour),
            await emu.ReserveIdAsync("C", Hour),
        };

        var answer = await emu.CallAsync("listConf");

        Assert.Equal(ids, answer.Data().EnumerateArray().Select(m => m.Num("id")));
    }

    [Fact]
    public async Task Keyword_matches_a_substring_of_the_name()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.ReserveIdAsync("Budget review", Hour);
        await emu.ReserveIdAsync("Team standup", 2 * Hour);
        await emu.ReserveIdAsync("Quarterly budget", 3 * Hour);

        var answer = await emu.CallAsync("listConf", ("keyword", "udget"));

        Assert.Equal(2, answer.Num("totalRecord"));
        Assert.Equal(new[] { "Budget review", "Quarterly budget" }, Names(answer));
    }

    [Fact]
    public async Task Window_selects_meetings_starting_inside_it_in_site_time()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var now = emu.Clock.GetUtcNow();
        await emu.ReserveIdAsync("Before", Hour, 30);
        await emu.ReserveIdAsync("Inside", 3 * Hour, 30);
        await emu.ReserveIdAsync("At the end", 5 * Hour, 30);
        await emu.ReserveIdAsync("After", 7 * Hour, 30);

        var answer = await emu.CallAsync(
            "listConf",
            ("startTime", Wire.Wall(now + 2 * Hour)),
            ("endTime", Wire.Wall(now + 5 * Hour)));

        Assert.Equal(new[] { "Inside", "At the end" }, Names(answer));
    }

    [Fact]
    public async Task Only_the_callers_own_meetings_are_listed()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddAccountAsync("other");
        await emu.ReserveIdAsync("Mine", Hour);
        await emu.ReserveIdAsync("Theirs", Hour, login: "other");

        var answer = await emu.CallAsync("listConf");

        Assert.Equal(new[] { "Mine" }, Names(answer));
    }

    [Theory]
    [InlineData("pageSize", "0")]
    [InlineData("pageSize", "51")]
    [InlineData("pageSize", "ten")]
    [InlineData("pageNo", "0")]
    [InlineData("pageNo", "x")]
    [InlineData("startTime", "yesterday")]
    [InlineData("endTime", "2031-03-10T10:00:00")]
    public async Task Bad_paging_or_window_field_is_109(string name, string value)
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.CallAsync("listConf", (name, value));

        Assert.Equal(109, answer.Status());
    }

    [Fact]
    public async Task Page_size_of_50_is_allowed()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.CallAsync("listConf", ("pageSize", "50"));

        Assert.Equal(100, answer.Status());
        Assert.Equal(50, answer.Num("pageSize"));
        Assert.Equal(0, answer.Num("totalPage"));
    }

    private static string[] Names(JsonElement answer) =>
        answer.Data().EnumerateArray().Select(m => m.Str("meetingName")).ToArray();
}
