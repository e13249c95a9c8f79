using System.Net.Http;
using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>
/// Every item done exactly once under faults: a create looks before it repeats, a lost cancel is checked, a 102 from
/// another process's timestamp is sent once more, back-off waits are jittered, and one key acts for every account.
/// </summary>
public class ExactlyOnceTests
{
    // TestClient.Meeting(): "Weekly sync", 2017-08-02 00:00 UTC (08:00 site time), 60 minutes.
    private const string NoMeetings = """{"status":100,"message":"","data":[],"totalPage":1,"currentPage":1,"totalRecord":0,"pageSize":50}""";

    private static string Listed(params string[] meetings) =>
        $$"""{"status":100,"message":"","data":[{{string.Join(",", meetings)}}],"totalPage":1,"currentPage":1,"totalRecord":{{meetings.Length}},"pageSize":50}""";

    private static string ListedMeeting(long id, string name = "Weekly sync", string startGmt = "2017-08-02 00:00:00", int duration = 60, int status = 0) =>
        $$"""{"id":{{id}},"meetingNo":"99{{id}}","meetingName":"{{name}}","startTime":"{{startGmt}}","duration":{{duration}},"confStatus":{{status}}}""";

    private static readonly string Created = """{"status":100,"message":"","data":""" + ListedMeeting(501) + "}";

    private static Func<HttpResponseMessage> Ok(string body) => () => FakeHttpHandler.Ok(body);

    private static Func<HttpResponseMessage> Api(int status) => () => FakeHttpHandler.ApiStatus(status, "m" + status);

    private static string[] Endpoints(FakeHttpHandler handler) => handler.Requests.Select(r => r.Uri.AbsolutePath.Split('/').Last()).ToArray();

    [Fact]
    public async Task Create_after_status_103_finds_the_meeting_the_lost_request_made_and_sends_nothing_more()
    {
        var log = new List<string>();
        var handler = FakeHttpHandler.Answering(Api(103), Ok(Listed(ListedMeeting(77))));
        using var client = TestClient.Create(handler, configure: o => { o.MaxRetry = 3; o.Log = log.Add; });

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting());

        Assert.Equal(77, meeting.Id);
        Assert.Equal("demo", meeting.LoginName);
        Assert.Equal(new[] { "confReservation", "listConf" }, Endpoints(handler));
        var look = handler.Requests[1];
        Assert.Equal("Weekly sync", look.Field("keyword"));
        Assert.Equal("2017-08-02 07:59:00", look.Field("startTime"));
        Assert.Equal("2017-08-02 08:01:00", look.Field("endTime"));
        Assert.Equal("1", look.Field("pageNo"));
        Assert.Contains(log, l => l.Contains("Meeting 'Weekly sync' (Id 77) exists on account demo with this name, start and duration: this request made it.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_after_a_timeout_looks_again_after_a_grace_then_sends_again_and_looks_for_a_twin()
    {
        var creates = 0;
        var handler = new FakeHttpHandler(async (_, request, ct) =>
        {
            if (request.Uri.AbsolutePath.EndsWith("/confReservation", StringComparison.Ordinal) && creates++ == 0)
            {
                // Only the first create hangs, past the one-second deadline.
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }

            return request.Uri.AbsolutePath.EndsWith("/listConf", StringComparison.Ordinal)
                ? FakeHttpHandler.Ok(creates > 1 ? Listed(ListedMeeting(501)) : NoMeetings)
                : FakeHttpHandler.Ok(Created);
        });
        var waits = new List<TimeSpan>();
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 2;
            o.Timeout = TimeSpan.FromSeconds(1);
            o.Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; };
        });

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting());

        Assert.Equal(501, meeting.Id);
        // The look after the timeout, a second look after a grace of 1.5 x the timeout, the repeat, and the look for a
        // twin that the first attempt could still leave, 2.5 x the timeout after it was sent: only its own meeting is there.
        Assert.Equal(new[] { "confReservation", "listConf", "listConf", "confReservation", "listConf" }, Endpoints(handler));
        Assert.Contains(TimeSpan.FromSeconds(1.5), waits);
        Assert.Contains(TimeSpan.FromSeconds(2.5), waits);
        Assert.NotEqual(handler.Requests[0].Field("timeStamp"), handler.Requests[3].Field("timeStamp"));
        Assert.NotEqual(handler.Requests[0].Field("token"), handler.Requests[3].Field("token"));
        Assert.Equal(handler.Requests[0].Field("confName"), handler.Requests[3].Field("confName"));
    }

    [Fact]
    public async Task A_create_the_service_finishes_after_the_client_gave_up_is_found_by_the_second_look()
    {
        var handler = new FakeHttpHandler(async (i, request, ct) =>
        {
            if (i == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }

            // The first look finds nothing yet; by the second, the queued request has been carried out.
            return FakeHttpHandler.Ok(i == 1 ? NoMeetings : Listed(ListedMeeting(77)));
        });
        var waits = new List<TimeSpan>();
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 2;
            o.Timeout = TimeSpan.FromSeconds(1);
            o.Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; };
        });

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting());

        Assert.Equal(77, meeting.Id);
        Assert.Equal(new[] { "confReservation", "listConf", "listConf" }, Endpoints(handler));
    }

    [Fact]
    public async Task A_twin_left_by_an_unanswered_attempt_after_a_repeat_is_cancelled_with_a_warning()
    {
        var warnings = new List<string>();
        var creates = 0;
        var looks = 0;
        var handler = new FakeHttpHandler(async (_, request, ct) =>
        {
            var endpoint = request.Uri.AbsolutePath.Split('/').Last();
            if (endpoint == "confReservation" && creates++ == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }

            return endpoint switch
            {
                // Two looks find nothing; the look for a twin finds the repeat's meeting and the first attempt's.
                "listConf" => FakeHttpHandler.Ok(looks++ < 2 ? NoMeetings : Listed(ListedMeeting(501), ListedMeeting(500))),
                "cancelConf" => FakeHttpHandler.Ok("""{"status":100,"message":""}"""),
                _ => FakeHttpHandler.Ok(Created),
            };
        });
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 2;
            o.Timeout = TimeSpan.FromSeconds(1);
            o.Delay = (_, _) => Task.CompletedTask;
            o.Warn = warnings.Add;
        });

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting());

        Assert.Equal(501, meeting.Id);
        Assert.Equal(new[] { "confReservation", "listConf", "listConf", "confReservation", "listConf", "cancelConf" }, Endpoints(handler));
        Assert.Equal("500", handler.Requests[5].Field("confId"));
        var warning = Assert.Single(warnings);
        Assert.Contains("Meeting 'Weekly sync' (Id 500) on account demo was made by an earlier attempt of this row", warning, StringComparison.Ordinal);
        Assert.Contains("it was cancelled, and the row keeps meeting Id 501", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_look_never_takes_a_meeting_another_row_of_the_run_has()
    {
        var handler = FakeHttpHandler.Answering(Api(103), Ok(Listed(ListedMeeting(77), ListedMeeting(78))));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 1);
        var ledger = new RunLedger();
        Assert.True(ledger.TryTake(77));

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting(), ledger, skipExisting: false);

        Assert.Equal(78, meeting.Id);
        Assert.True(ledger.IsTaken(78));
    }

    [Fact]
    public async Task Create_that_keeps_failing_ambiguously_gives_up_after_MaxRetry_and_says_no_meeting_exists()
    {
        var handler = FakeHttpHandler.Answering(() => FakeHttpHandler.Http(500), Ok(NoMeetings), () => FakeHttpHandler.Http(500), Ok(NoMeetings));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 1);

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.CreateMeetingAsync(TestClient.Meeting()));

        Assert.Equal(500, e.HttpStatus);
        Assert.Equal(new[] { "confReservation", "listConf", "confReservation", "listConf" }, Endpoints(handler));
        Assert.EndsWith("No such meeting exists on account demo (looked with listConf). Gave up after 2 attempts.", e.Message);
    }

    [Fact]
    public async Task A_create_counts_its_looks_and_its_turned_away_tries_against_one_MaxRetry()
    {
        var handler = FakeHttpHandler.Answering(() => FakeHttpHandler.Http(500), Ok(NoMeetings), () => FakeHttpHandler.Http(429, 0), Ok(Created));
        // The 429 as a plain retry: with the adaptive pace it would spend none (RetryTests pins that).
        using var client = TestClient.Create(handler, configure: o => { o.MaxRetry = 1; o.AdaptiveRate = false; });

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.CreateMeetingAsync(TestClient.Meeting()));

        // One retry in all: the send after the look; its 429 is not tried once more.
        Assert.Equal(429, e.HttpStatus);
        Assert.EndsWith("Gave up after 2 attempts.", e.Message);
        Assert.Equal(new[] { "confReservation", "listConf", "confReservation" }, Endpoints(handler));
    }

    [Fact]
    public async Task Create_whose_look_fails_too_says_the_meeting_may_exist_and_sends_no_second_create()
    {
        var handler = FakeHttpHandler.Answering(Api(103), Api(109));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 3);

        var e = await Assert.ThrowsAsync<BizConfApiException>(() => client.CreateMeetingAsync(TestClient.Meeting()));

        Assert.Equal(103, e.Status);
        Assert.Equal(new[] { "confReservation", "listConf" }, Endpoints(handler));
        Assert.Contains("Looking for the meeting on account demo failed too", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("so it may exist: look for it before scheduling it again.", e.Message);
    }

    [Fact]
    public async Task A_listed_meeting_counts_only_with_the_same_name_start_and_duration_and_not_cancelled()
    {
        var others = Listed(
            ListedMeeting(1, name: "Weekly sync 2"),
            ListedMeeting(2, startGmt: "2017-08-02 00:01:00"),
            ListedMeeting(3, duration: 45),
            ListedMeeting(4, status: 9));
        var handler = FakeHttpHandler.Answering(() => throw new HttpRequestException("reset"), Ok(others), Ok(Created), Ok(others));
        using var client = TestClient.Create(handler, configure: o => { o.MaxRetry = 1; o.Delay = (_, _) => Task.CompletedTask; });

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting());

        Assert.Equal(501, meeting.Id);
        // The last look is for a twin the cut-off attempt could leave; none of the listed meetings is one.
        Assert.Equal(new[] { "confReservation", "listConf", "confReservation", "listConf" }, Endpoints(handler));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Create_turned_away_with_429_or_503_is_sent_again_after_the_wait_without_looking(int status)
    {
        var handler = FakeHttpHandler.Answering(() => FakeHttpHandler.Http(status, 0), Ok(Created));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 1);

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting());

        Assert.Equal(501, meeting.Id);
        Assert.Equal(new[] { "confReservation", "confReservation" }, Endpoints(handler));
    }

    [Fact]
    public async Task SkipExisting_writes_the_meeting_already_there_and_sends_no_create()
    {
        var log = new List<string>();
        var handler = FakeHttpHandler.Answering(Ok(Listed(ListedMeeting(88))));
        using var client = TestClient.Create(handler, configure: o => o.Log = log.Add);

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting(), skipExisting: true);

        Assert.Equal(88, meeting.Id);
        Assert.Equal(new[] { "listConf" }, Endpoints(handler));
        Assert.Contains(log, l => l.StartsWith("Meeting 'Weekly sync' at ", StringComparison.Ordinal) && l.EndsWith("already exists on account demo (Id 88): not scheduled again.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SkipExisting_schedules_a_meeting_that_is_not_there()
    {
        var handler = FakeHttpHandler.Answering(Ok(NoMeetings), Ok(Created));
        using var client = TestClient.Create(handler);

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting(), skipExisting: true);

        Assert.Equal(501, meeting.Id);
        Assert.Equal(new[] { "listConf", "confReservation" }, Endpoints(handler));
    }

    [Fact]
    public async Task A_cancel_whose_answer_was_lost_and_whose_repeat_answers_401_is_a_success_when_getConf_finds_no_meeting()
    {
        var log = new List<string>();
        var handler = FakeHttpHandler.Answering(() => throw new HttpRequestException("connection reset"), Api(401), Api(401));
        using var client = TestClient.Create(handler, configure: o => { o.MaxRetry = 2; o.Log = log.Add; });

        await client.CancelMeetingAsync(17962);

        Assert.Equal(new[] { "cancelConf", "cancelConf", "getConf" }, Endpoints(handler));
        Assert.Equal("17962", handler.Requests[2].Field("confId"));
        Assert.Contains(log, l => l.Contains("getConf finds no live meeting 17962 on account demo: it is cancelled.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancel_answered_401_at_once_fails_without_a_check()
    {
        var handler = FakeHttpHandler.Answering(Api(401));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 2);

        var e = await Assert.ThrowsAsync<BizConfApiException>(() => client.CancelMeetingAsync(17962));

        Assert.Equal(401, e.Status);
        Assert.Equal(new[] { "cancelConf" }, Endpoints(handler));
    }

    [Fact]
    public async Task A_cancel_whose_repeat_answers_401_while_getConf_still_finds_the_meeting_fails_with_the_401()
    {
        var handler = FakeHttpHandler.Answering(Api(103), Api(401), Ok(TestClient.RealisticMeeting));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 2);

        var e = await Assert.ThrowsAsync<BizConfApiException>(() => client.CancelMeetingAsync(17962));

        Assert.Equal(401, e.Status);
        Assert.Equal(new[] { "cancelConf", "cancelConf", "getConf" }, Endpoints(handler));
    }

    [Fact]
    public async Task A_102_is_sent_once_more_after_a_short_random_wait_with_a_fresh_timestamp()
    {
        var waits = new List<TimeSpan>();
        var handler = FakeHttpHandler.Answering(Api(102), Ok(TestClient.RealisticMeeting));
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 0;
            o.Jitter = () => 0.5;
            o.Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; };
        });

        var meeting = await client.GetMeetingAsync(17962);

        Assert.Equal(17962, meeting.Id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.NotEqual(handler.Requests[0].Field("timeStamp"), handler.Requests[1].Field("timeStamp"));
        // 5 ms plus half of 45 ms.
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(27.5) }, waits);
    }

    [Fact]
    public async Task A_second_102_fails_with_the_usual_message_so_a_wrong_key_is_still_reported()
    {
        var handler = FakeHttpHandler.Answering(Api(102));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 3);

        var e = await Assert.ThrowsAsync<BizConfApiException>(() => client.CreateMeetingAsync(TestClient.Meeting()));

        Assert.Equal(102, e.Status);
        Assert.Equal("BizConf status 102 from confReservation: Authentication failed: check the API key, and that each token is new. Server message: m102", e.Message);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Back_off_waits_are_a_random_share_of_the_doubling_ceiling()
    {
        var waits = new List<TimeSpan>();
        var handler = FakeHttpHandler.Answering(() => FakeHttpHandler.Http(503), () => FakeHttpHandler.Http(503), () => FakeHttpHandler.Http(503), Ok(TestClient.RealisticMeeting));
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 3;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(300);
            o.Jitter = () => 0.25;
            o.Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; };
        });

        await client.GetMeetingAsync(17962);

        // Ceilings 100, 200, then 400 capped at 300; a quarter of each.
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(75) }, waits);
    }

    [Fact]
    public async Task The_default_jitter_varies_the_waits()
    {
        var waits = new List<TimeSpan>();
        var handler = FakeHttpHandler.Answering(() => FakeHttpHandler.Http(503));
        var options = new BizConfClientOptions();
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 20;
            o.Jitter = options.Jitter;
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
            o.MaxRetryDelay = TimeSpan.FromSeconds(1);
            o.Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; };
        });

        await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(17962));

        Assert.Equal(20, waits.Count);
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.True(waits.Distinct().Count() > 10, "twenty random waits should not repeat each other");
    }

    [Fact]
    public async Task A_client_for_another_account_signs_as_that_account_with_the_site_key_and_marks_what_it_returns()
    {
        const string key = "site-key-for-accounts";
        var handler = FakeHttpHandler.Answering(Ok(TestClient.RealisticMeeting));
        using var client = TestClient.Create(handler, key);

        var host = client.ForAccount(" host-b ");
        var meeting = await host.GetMeetingAsync(17962);
        host.Dispose();
        var own = await client.GetMeetingAsync(17962);

        Assert.Equal("host-b", host.LoginName);
        Assert.Equal("host-b", meeting.LoginName);
        Assert.Equal("demo", own.LoginName);
        var request = handler.Requests[0];
        Assert.Equal("host-b", request.Field("loginName"));
        Assert.Equal(TestClient.Md5("host-b|" + key + "|" + request.Field("timeStamp")), request.Field("token"));
        Assert.Equal("demo", handler.Requests[1].Field("loginName"));
        Assert.Same(client, client.ForAccount(""));
        Assert.Same(client, client.ForAccount("demo"));
    }

    [Fact]
    public void After_a_clash_a_key_keeps_to_one_lane_of_milliseconds_and_moves_lane_at_the_next()
    {
        var signer = new BizConf.Transport.Signer(TestClient.NewApiKey());
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal((1, 0), signer.LaneOf());
        var before = new[] { signer.NextTimeStamp(() => now), signer.NextTimeStamp(() => now) };
        Assert.Equal(before[0] + 1, before[1]);

        signer.ClashSeen(() => now);
        var (lanes, lane) = signer.LaneOf();
        var stamps = Enumerable.Range(0, 12).Select(_ => signer.NextTimeStamp(() => now)).ToArray();
        signer.ClashSeen(() => now);
        var moved = signer.LaneOf();

        Assert.Equal(4, lanes);
        Assert.All(stamps, stamp => Assert.Equal(lane, (int)(stamp % 4)));
        Assert.True(stamps.Zip(stamps.Skip(1), (a, b) => b - a).All(step => step == 4), "each stamp is the next one of the lane");
        // The first stamp after the clash lies one to five seconds past the clock, where other processes are not.
        Assert.InRange(stamps[0] - now.ToUnixTimeMilliseconds(), 1000, 5003);
        Assert.Equal(4, moved.Lanes);
        Assert.NotEqual(lane, moved.Lane);
        Assert.Equal(moved.Lane, (int)(signer.NextTimeStamp(() => now) % 4));
    }

    [Fact]
    public async Task A_102_moves_the_key_to_a_lane_and_the_repeat_takes_its_timestamp_from_it()
    {
        var key = TestClient.NewApiKey();
        var handler = FakeHttpHandler.Answering(Api(102), Ok(TestClient.RealisticMeeting));
        using var client = TestClient.Create(handler, key, o => o.Delay = (_, _) => Task.CompletedTask);

        await client.GetMeetingAsync(17962);

        var lane = new BizConf.Transport.Signer(key).LaneOf();
        Assert.Equal(4, lane.Lanes);
        Assert.Equal(lane.Lane, (int)(long.Parse(handler.Requests[1].Field("timeStamp")) % 4));
    }

    [Fact]
    public void Clashes_never_lead_the_clock_by_more_than_two_minutes()
    {
        var signer = new BizConf.Transport.Signer(TestClient.NewApiKey());
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        for (var i = 0; i < 200; i++)
        {
            signer.ClashSeen(() => now);
        }

        Assert.InRange(signer.NextTimeStamp(() => now) - now.ToUnixTimeMilliseconds(), 1, BizConf.Transport.Signer.MaxLeadMs + 4);
    }
}
