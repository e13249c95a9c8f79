using System.Net;
using System.Text.Json;
using static BizConf.Emulator.Tests.ReportSupport;

namespace BizConf.Emulator.Tests;

public sealed class ReportEndpointTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Attendee_log_has_conf_info_and_details_log_in_gmt()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("周会 Weekly", Hour, duration: 30)).Data();
        await SimulateAsync(emu, meeting.Num("id"), 3, 9, 0);
        var now = emu.Clock.GetUtcNow();

        var answer = await AttendeeLogAsync(emu, meeting.Num("id"));

        Assert.Equal(100, answer.Status());
        var info = Assert.Single(answer.Data().GetProperty("confInfo").EnumerateArray());
        Assert.Equal("周会 Weekly", info.Str("topic"));
        Assert.Equal(meeting.Str("meetingNo"), info.Str("meetingNo"));
        Assert.Equal(30, info.Num("duration"));
        Assert.Equal(Wire.Gmt(now.AddMinutes(-30)), info.Str("startTime"));
        Assert.Equal(Wire.Gmt(now), info.Str("endTime"));
        var rows = answer.Data().GetProperty("Details Log").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, row => Assert.Equal(new[] { "joinTime", "leaveTime", "joinName", "cuid", "ip" }, row.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(2, rows.Count(r => r.Str("cuid") == "guest-1"));
        Assert.Matches(@"^10\.\d+\.\d+\.\d+$", rows[0].Str("ip"));
    }

    [Fact]
    public async Task Attendee_log_of_a_meeting_never_held_has_its_plan_and_no_rows()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Not yet", Hour, duration: 20)).Data();

        var data = (await AttendeeLogAsync(emu, meeting.Num("id"))).Data();

        Assert.Equal(meeting.Str("startTime"), data.GetProperty("confInfo")[0].Str("startTime"));
        Assert.Equal(0, data.GetProperty("Details Log").GetArrayLength());
    }

    [Fact]
    public async Task Report_by_number_lists_sessions_with_attendees_for_a_meeting_without_registration()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Open", Hour, duration: 60)).Data();
        await SimulateAsync(emu, meeting.Num("id"), 2, 4, 0);

        var session = Assert.Single((await ReportAsync(emu, meeting.Str("meetingNo"))).Data().EnumerateArray());

        Assert.Equal(meeting.Num("id"), session.Num("confId"));
        Assert.Equal("Open", session.Str("confName"));
        Assert.Equal(meeting.Str("meetingNo"), session.Str("confNumber"));
        Assert.Equal(Wire.DemoLogin, session.Str("hostName"));
        Assert.Equal(60, session.Num("duration"));
        Assert.False(session.Has("records"));
        var first = session.GetProperty("attendees")[0];
        Assert.Equal(new[] { "cuid", "participantName", "joinTime", "leaveTime", "device", "ip" }, first.EnumerateObject().Select(p => p.Name));
        Assert.Contains(first.Str("device"), new[] { "windows", "mac", "ios", "android", "web" });
    }

    [Fact]
    public async Task Report_of_a_registration_meeting_carries_approved_registrants_in_records()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        long id;
        string meetingNo;
        await using (var setup = await EmulatorHost.StartAsync(statePath, clock: clock))
        {
            var meeting = (await setup.ReserveAsync("Registered", Hour, extra: ("registrationType", "1"))).Data();
            id = meeting.Num("id");
            meetingNo = meeting.Str("meetingNo");
        }

        AddRegistrants(statePath, id,
            Registrant("r-1", "jchill@example.com", "Jill", "Chill"),
            Registrant("r-2", "wait@example.com", "Wai", "Ting", status: "pending"));
        await using var emu = await EmulatorHost.StartAsync(statePath, clock: clock);
        await SimulateAsync(emu, id, 1, 2, 1);

        var session = (await ReportAsync(emu, meetingNo)).Data()[0];
        var polls = (await PollsAsync(emu, meetingNo)).Data().GetProperty("records").EnumerateArray().ToList();

        Assert.False(session.Has("attendees"));
        var records = session.GetProperty("records").EnumerateArray().ToList();
        Assert.DoesNotContain(records, r => r.Str("cuid") == "r-2");
        var jill = records.First(r => r.Str("cuid") == "r-1");
        Assert.Equal("Jill Chill", jill.Str("participantName"));
        Assert.Equal("r-1", jill.Str("registrantId"));
        Assert.Equal("jchill@example.com", jill.Str("email"));
        Assert.Equal("Jill", jill.Str("first_name"));
        Assert.Equal("Chill", jill.Str("last_name"));
        Assert.Equal("Cooking Org", jill.Str("org"));
        Assert.Equal("Chef", jill.Str("job_title"));
        Assert.Equal("", jill.Str("zip"));
        Assert.Equal("approved", jill.Str("status"));
        Assert.Equal("2031-03-01T05:59:09Z", jill.Str("create_time"));
        Assert.Equal($"{emu.BaseAddress.GetLeftPart(UriPartial.Authority)}/j/r-1", jill.Str("join_url"));
        var answer = Assert.Single(jill.GetProperty("custom_questions").EnumerateArray());
        Assert.Equal("What are you ?", answer.Str("title"));
        Assert.Equal("fine.", answer.Str("value"));
        var guest = records.First(r => r.Str("cuid") == "guest-1");
        Assert.False(guest.Has("registrantId"));
        Assert.Equal("jchill@example.com", polls.Single(p => p.Str("name") == "Jill Chill").Str("email"));
        Assert.False(polls.Single(p => p.Str("name") != "Jill Chill").Has("email"));
    }

    [Fact]
    public async Task Report_by_join_url_is_a_post_and_finds_the_meeting_by_its_link()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Linked", Hour)).Data();
        await SimulateAsync(emu, meeting.Num("id"), 2, 1, 0);

        var found = await SiteCallAsync(emu, "getConfLogListByJoinUrl", "joinUrl", meeting.Str("joinUrl") + "/");
        var unknown = await SiteCallAsync(emu, "getConfLogListByJoinUrl", "joinUrl", "http://127.0.0.1:1/j/123");
        using var asGet = await emu.SendRawAsync(HttpMethod.Get, "getConfLogListByJoinUrl", SiteSigned(emu));

        Assert.Equal(meeting.Str("meetingNo"), found.Data()[0].Str("confNumber"));
        Assert.Equal(401, unknown.Status());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, asGet.StatusCode);
    }

    [Fact]
    public async Task Polls_answer_one_object_per_session_with_every_person_answering_every_question()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Vote", Hour)).Data();
        await SimulateAsync(emu, meeting.Num("id"), 4, 11, 3);

        var data = (await PollsAsync(emu, meeting.Str("meetingNo"))).Data();

        Assert.Equal(JsonValueKind.Object, data.ValueKind);
        Assert.Equal(meeting.Str("meetingNo"), data.Str("confNo"));
        Assert.False(string.IsNullOrEmpty(data.Str("uuid")));
        Assert.Equal(Wire.Gmt(emu.Clock.GetUtcNow().AddMinutes(-60)), data.Str("startTime"));
        var records = data.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Equal(
            new[] { "Which day suits the follow-up?", "How useful was this meeting?", "谁当班长" },
            r.GetProperty("question_details").EnumerateArray().Select(q => q.Str("question"))));
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("question_details")[0].Str("answer"))));
    }

    [Fact]
    public async Task Reports_of_a_meeting_never_held_are_empty_arrays()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Later", Hour)).Data();

        var report = await ReportAsync(emu, meeting.Str("meetingNo"));
        var polls = await PollsAsync(emu, meeting.Str("meetingNo"));

        Assert.Equal(100, report.Status());
        Assert.Equal(0, report.Data().GetArrayLength());
        Assert.Equal(0, polls.Data().GetArrayLength());
    }

    [Fact]
    public async Task Report_endpoints_need_the_site_token()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Guarded", Hour)).Data();
        var id = meeting.Num("id").ToString();

        var accountToken = emu.Signed();
        accountToken["confId"] = id;
        var withAccountToken = await emu.SendAsync(HttpMethod.Get, "confAttendeeLog", accountToken);
        var accountTokenWithSite = emu.Signed();
        accountTokenWithSite["siteSign"] = Wire.DemoSite;
        accountTokenWithSite["confNumber"] = meeting.Str("meetingNo");
        var wrongToken = await emu.SendAsync(HttpMethod.Get, "getConfLogListByConfNumber", accountTokenWithSite);
        var unknownSite = await SiteCallAsync(emu, "getConfPolls", "confNo", meeting.Str("meetingNo"), siteSign: "nowhere");
        var reused = SiteSigned(emu);
        reused["confId"] = id;
        var firstUse = await emu.SendAsync(HttpMethod.Get, "confAttendeeLog", reused);
        var secondUse = await emu.SendAsync(HttpMethod.Get, "confAttendeeLog", reused);

        Assert.Equal(109, withAccountToken.Status());
        Assert.Equal(102, wrongToken.Status());
        Assert.Equal(106, unknownSite.Status());
        Assert.Equal(100, firstUse.Status());
        Assert.Equal(102, secondUse.Status());
    }

    [Fact]
    public async Task Report_endpoints_see_only_live_meetings_of_the_site()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("other-site", "other-key", 10);
        await emu.AddAccountAsync("stranger", "other-site");
        var theirs = (await emu.ReserveAsync("Theirs", Hour, login: "stranger", apiKey: "other-key")).Data();
        var colleague = "colleague";
        await emu.AddAccountAsync(colleague);
        var shared = (await emu.ReserveAsync("Colleague's", Hour, login: colleague)).Data();
        var cancelled = (await emu.ReserveAsync("Cancelled", 3 * Hour)).Data();
        await emu.CallAsync("cancelConf", ("confId", cancelled.Num("id").ToString()));

        Assert.Equal(401, (await AttendeeLogAsync(emu, theirs.Num("id"))).Status());
        Assert.Equal(401, (await ReportAsync(emu, theirs.Str("meetingNo"))).Status());
        Assert.Equal(100, (await SiteCallAsync(emu, "getConfPolls", "confNo", theirs.Str("meetingNo"), "other-site", "other-key")).Status());
        Assert.Equal(100, (await AttendeeLogAsync(emu, shared.Num("id"))).Status());
        Assert.Equal(401, (await AttendeeLogAsync(emu, cancelled.Num("id"))).Status());
        Assert.Equal(401, (await PollsAsync(emu, cancelled.Str("meetingNo"))).Status());
    }

    [Fact]
    public async Task Missing_or_malformed_meeting_fields_are_104()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var noId = await emu.SendAsync(HttpMethod.Get, "confAttendeeLog", SiteSigned(emu));
        var wordId = await SiteCallAsync(emu, "confAttendeeLog", "confId", "twelve");
        var letters = await SiteCallAsync(emu, "getConfLogListByConfNumber", "confNumber", "12ab");
        var noUrl = await emu.SendAsync(HttpMethod.Post, "getConfLogListByJoinUrl", SiteSigned(emu));
        var unknownNumber = await PollsAsync(emu, "1234567890");

        Assert.Equal(104, noId.Status());
        Assert.Equal(104, wordId.Status());
        Assert.Equal(104, letters.Status());
        Assert.Equal(104, noUrl.Status());
        Assert.Equal(401, unknownNumber.Status());
    }
}
