using System.Net;
using System.Text.Json;
using static BizConf.Emulator.Tests.ReportSupport;

namespace BizConf.Emulator.Tests;

public sealed class SimulateTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Who attended a session and from where, without the times (which differ from session to session).</summary>
    private static string[] People(JsonElement session) => session.GetProperty("attendees").EnumerateArray()
        .Select(p => $"{p.Str("cuid")} {p.Str("participantName")} {p.Str("device")} {p.Str("ip")}")
        .ToArray();

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
    public async Task Same_seed_gives_the_same_people_devices_addresses_and_votes_but_a_new_session_id()
    {
        await using var first = await EmulatorHost.StartAsync();
        await using var second = await EmulatorHost.StartAsync();
        var a = (await first.ReserveAsync("Seeded", Hour)).Data();
        var b = (await second.ReserveAsync("Seeded", Hour)).Data();
        await SimulateAsync(first, a.Num("id"), 5, 42, 3);
        await SimulateAsync(second, b.Num("id"), 5, 42, 3);
        first.Clock.Advance(3 * Hour);
        await SimulateAsync(first, a.Num("id"), 5, 42, 3);

        var sessions = (await ReportAsync(first, a.Str("meetingNo"))).Data().EnumerateArray().ToList();
        var elsewhere = (await ReportAsync(second, b.Str("meetingNo"))).Data()[0];
        var polls = (await PollsAsync(first, a.Str("meetingNo"))).Data().EnumerateArray().ToList();
        var pollsElsewhere = (await PollsAsync(second, b.Str("meetingNo"))).Data();

        Assert.Equal(2, sessions.Count);
        Assert.Equal(elsewhere.GetProperty("attendees").GetRawText(), sessions[0].GetProperty("attendees").GetRawText());
        Assert.Equal(pollsElsewhere.GetProperty("records").GetRawText(), polls[0].GetProperty("records").GetRawText());
        Assert.Equal(People(sessions[0]), People(sessions[1]));
        Assert.Equal(polls[0].GetProperty("records").GetRawText(), polls[1].GetProperty("records").GetRawText());
        Assert.NotEqual(sessions[0].Str("confUUID"), sessions[1].Str("confUUID"));
        Assert.Equal(sessions[1].Str("confUUID"), polls[1].Str("uuid"));
    }

    [Fact]
    public async Task Same_seed_at_the_same_moment_gives_each_session_its_own_id()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var one = (await emu.ReserveAsync("One", Hour)).Data();
        var two = (await emu.ReserveAsync("Two", 3 * Hour)).Data();

        var first = await SimulateAsync(emu, one.Num("id"), 2, 1, 1);
        var second = await SimulateAsync(emu, two.Num("id"), 2, 1, 1);
        var earlier = await emu.AdminAsync(HttpMethod.Post, $"meetings/{one.Num("id")}/simulate",
            new { guests = 2, seed = 1, polls = 1, endTime = emu.Clock.GetUtcNow().AddHours(-2) });

        var ids = new[] { first.Str("sessionId"), second.Str("sessionId"), earlier.Str("sessionId") };
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(16, Convert.FromBase64String(id).Length));
        Assert.Equal(second.Str("sessionId"), (await ReportAsync(emu, two.Str("meetingNo"))).Data()[0].Str("confUUID"));
    }

    [Fact]
    public async Task Simulating_again_over_a_session_already_held_is_refused_and_an_earlier_end_time_is_taken()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Weekly", Hour, duration: 30)).Data();
        var id = meeting.Num("id");
        var now = emu.Clock.GetUtcNow();
        var latest = await SimulateAsync(emu, id, 2, 1, 1);

        var again = await emu.AdminAsync(HttpMethod.Post, $"meetings/{id}/simulate", expected: HttpStatusCode.Conflict);
        var touching = await emu.AdminAsync(HttpMethod.Post, $"meetings/{id}/simulate", new { endTime = now.AddMinutes(-20) }, HttpStatusCode.Conflict);
        var lastWeek = await emu.AdminAsync(HttpMethod.Post, $"meetings/{id}/simulate", new { seed = 2, endTime = now.AddDays(-7).AddMilliseconds(700) });
        var sessions = (await ReportAsync(emu, meeting.Str("meetingNo"))).Data().EnumerateArray().ToList();
        var planned = (await emu.CallAsync("getConf", ("confId", id.ToString()))).Data();

        Assert.Contains("already held", again.Str("error"));
        Assert.Contains("endTime", touching.Str("error"));
        Assert.Equal(Wire.Gmt(now.AddDays(-7)).Replace(' ', 'T') + "Z", lastWeek.Str("endTime"));
        Assert.Equal(new[] { lastWeek.Str("sessionId"), latest.Str("sessionId") }, sessions.Select(s => s.Str("confUUID")));
        Assert.Equal(Wire.Gmt(now.AddDays(-7).AddMinutes(-30)), sessions[0].Str("startTime"));
        Assert.Equal(Wire.Gmt(now.AddMinutes(-30)), planned.Str("startTime"));
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

    [Theory]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task Simulate_with_an_empty_body_of_any_type_uses_three_guests_and_two_questions(string? contentType)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Defaults", Hour)).Data();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"_emulator/meetings/{meeting.Num("id")}/simulate");
        if (contentType is not null)
        {
            request.Content = new StringContent("", System.Text.Encoding.UTF8, contentType);
        }

        using var response = await emu.Http.SendAsync(request);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var polls = (await PollsAsync(emu, meeting.Str("meetingNo"))).Data();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, answer.Num("people"));
        Assert.Equal(2, answer.Num("polls"));
        Assert.All(polls.GetProperty("records").EnumerateArray(), r => Assert.Equal(2, r.GetProperty("question_details").GetArrayLength()));
    }

    [Theory]
    [InlineData("{\"guests\":2.5}", "whole numbers")]
    [InlineData("nope", "JSON object")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"endTime\":\"next Tuesday\"}", "ISO 8601")]
    [InlineData("{\"endTime\":\"2031-03-10T03:00:00Z\"}", "later than now")]
    public async Task Simulate_answers_a_malformed_body_with_400_and_an_error(string body, string said)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Malformed", Hour)).Data();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await emu.Http.PostAsync($"_emulator/meetings/{meeting.Num("id")}/simulate", content);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var sessions = (await ReportAsync(emu, meeting.Str("meetingNo"))).Data();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(said, answer.Str("error"));
        Assert.Equal(0, sessions.GetArrayLength());
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
