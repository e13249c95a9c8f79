using System.Net;
using static BizConf.Emulator.Tests.ReportSupport;

namespace BizConf.Emulator.Tests;

public sealed class SimulateTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Simulate_holds_the_meeting_in_the_minutes_up_to_now_and_ends_it()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = await emu.ReserveIdAsync("Planning", 3 * Hour, duration: 45);
        emu.Clock.Advance(TimeSpan.FromMilliseconds(400));
        var now = emu.Clock.GetUtcNow();

        var answer = await SimulateAsync(emu, id, guests: 4, seed: 7, polls: 2);
        var meeting = (await emu.CallAsync("getConf", ("confId", id.ToString()))).Data();

        Assert.Equal(id, answer.Num("id"));
        Assert.Equal(4, answer.Num("people"));
        Assert.Equal(6, answer.Num("rows"));
        Assert.Equal(Wire.Gmt(now).Replace(' ', 'T') + "Z", answer.Str("endTime"));
        Assert.Equal(3, meeting.Num("confStatus"));
        Assert.Equal(Wire.Gmt(now.AddMinutes(-45)), meeting.Str("startTime"));
        Assert.Equal(45, meeting.Num("duration"));
    }

    [Fact]
    public async Task Same_seed_gives_the_same_people_devices_addresses_and_votes()
    {
        await using var first = await EmulatorHost.StartAsync();
        await using var second = await EmulatorHost.StartAsync();
        var a = await first.ReserveAsync("Seeded", Hour);
        var b = await second.ReserveAsync("Seeded", Hour);
        await SimulateAsync(first, a.Data().Num("id"), 5, 42, 3);
        await SimulateAsync(second, b.Data().Num("id"), 5, 42, 3);

        var left = (await ReportAsync(first, a.Data().Str("meetingNo"))).Data()[0];
        var right = (await ReportAsync(second, b.Data().Str("meetingNo"))).Data()[0];
        var leftPolls = (await PollsAsync(first, a.Data().Str("meetingNo"))).Data();
        var rightPolls = (await PollsAsync(second, b.Data().Str("meetingNo"))).Data();

        Assert.Equal(left.GetProperty("attendees").GetRawText(), right.GetProperty("attendees").GetRawText());
        Assert.Equal(left.Str("confUUID"), right.Str("confUUID"));
        Assert.Equal(leftPolls.GetProperty("records").GetRawText(), rightPolls.GetProperty("records").GetRawText());
    }

    [Fact]
    public async Task Another_seed_gives_other_details()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var one = (await emu.ReserveAsync("One", Hour)).Data();
        var two = (await emu.ReserveAsync("Two", 3 * Hour)).Data();
        await SimulateAsync(emu, one.Num("id"), 5, 1, 0);
        await SimulateAsync(emu, two.Num("id"), 5, 2, 0);

        var ips = async (string no) => string.Join(",", (await ReportAsync(emu, no)).Data()[0].GetProperty("attendees").EnumerateArray().Select(p => p.Str("ip")));

        Assert.NotEqual(await ips(one.Str("meetingNo")), await ips(two.Str("meetingNo")));
    }

    [Fact]
    public async Task Every_stay_lies_inside_the_meeting_and_every_third_person_leaves_and_rejoins()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Stays", Hour, duration: 1)).Data();
        await SimulateAsync(emu, meeting.Num("id"), 7, 3, 0);

        var session = (await ReportAsync(emu, meeting.Str("meetingNo"))).Data()[0];
        var rows = session.GetProperty("attendees").EnumerateArray().ToList();
        var start = session.Str("startTime");
        var end = session.Str("endTime");

        Assert.Equal(10, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.True(string.CompareOrdinal(row.Str("joinTime"), start) >= 0);
            Assert.True(string.CompareOrdinal(row.Str("leaveTime"), end) <= 0);
            Assert.True(string.CompareOrdinal(row.Str("joinTime"), row.Str("leaveTime")) < 0);
        });
        var twice = rows.GroupBy(r => r.Str("cuid")).Where(g => g.Count() == 2).Select(g => g.Key).OrderBy(k => k).ToList();
        Assert.Equal(new[] { "guest-1", "guest-4", "guest-7" }, twice);
    }

    [Fact]
    public async Task Simulating_again_adds_another_session()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Twice", Hour, duration: 30)).Data();
        await SimulateAsync(emu, meeting.Num("id"), 2, 1, 1);
        emu.Clock.Advance(2 * Hour);
        await SimulateAsync(emu, meeting.Num("id"), 3, 2, 1);

        var sessions = (await ReportAsync(emu, meeting.Str("meetingNo"))).Data().EnumerateArray().ToList();
        var polls = (await PollsAsync(emu, meeting.Str("meetingNo"))).Data().EnumerateArray().ToList();
        var log = (await AttendeeLogAsync(emu, meeting.Num("id"))).Data();

        Assert.Equal(2, sessions.Count);
        Assert.True(string.CompareOrdinal(sessions[0].Str("startTime"), sessions[1].Str("startTime")) < 0);
        Assert.NotEqual(sessions[0].Str("confUUID"), sessions[1].Str("confUUID"));
        Assert.Equal(2, polls.Count);
        Assert.Equal(3, polls[1].GetProperty("records").GetArrayLength());
        Assert.Equal(2, log.GetProperty("confInfo").GetArrayLength());
        Assert.Equal(3 + 4, log.GetProperty("Details Log").GetArrayLength());
    }

    [Fact]
    public async Task Simulate_refuses_an_unknown_or_cancelled_meeting_and_bad_numbers()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = await emu.ReserveIdAsync("Gone", Hour);
        await emu.CallAsync("cancelConf", ("confId", id.ToString()));

        var cancelled = await emu.AdminAsync(HttpMethod.Post, $"meetings/{id}/simulate", new { guests = 1 }, HttpStatusCode.NotFound);
        await emu.AdminAsync(HttpMethod.Post, "meetings/999/simulate", new { guests = 1 }, HttpStatusCode.NotFound);
        var live = await emu.ReserveIdAsync("Live", 2 * Hour);
        var bad = await emu.AdminAsync(HttpMethod.Post, $"meetings/{live}/simulate", new { guests = -1 }, HttpStatusCode.BadRequest);
        await emu.AdminAsync(HttpMethod.Post, $"meetings/{live}/simulate", new { polls = 21 }, HttpStatusCode.BadRequest);

        Assert.Contains("cancelled", cancelled.Str("error"));
        Assert.Contains("'guests'", bad.Str("error"));
    }

    [Fact]
    public async Task Simulate_without_a_body_uses_three_guests_and_two_questions()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Defaults", Hour)).Data();

        var answer = await emu.AdminAsync(HttpMethod.Post, $"meetings/{meeting.Num("id")}/simulate");
        var polls = (await PollsAsync(emu, meeting.Str("meetingNo"))).Data();

        Assert.Equal(3, answer.Num("people"));
        Assert.Equal(2, answer.Num("polls"));
        Assert.All(polls.GetProperty("records").EnumerateArray(), r => Assert.Equal(2, r.GetProperty("question_details").GetArrayLength()));
    }

    [Fact]
    public async Task Held_sessions_survive_a_restart_on_the_state_file()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        string meetingNo;
        string before;
        await using (var first = await EmulatorHost.StartAsync(statePath, clock: clock))
        {
            var meeting = (await first.ReserveAsync("Kept", Hour)).Data();
            meetingNo = meeting.Str("meetingNo");
            await SimulateAsync(first, meeting.Num("id"), 3, 5, 2);
            before = (await ReportAsync(first, meetingNo)).Data().GetRawText();
        }

        await using var second = await EmulatorHost.StartAsync(statePath, clock: clock);
        var after = (await ReportAsync(second, meetingNo)).Data().GetRawText();

        Assert.Equal(before, after);
    }
}
