using System.Net.Http;
using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>Retries, timeouts and cancellation (Transport/ApiTransport.cs SendAsync).</summary>
public class RetryTests
{
    private const string Success = """{"status":100,"message":""}""";

    private static Func<HttpResponseMessage> Ok(string body = TestClient.RealisticMeeting) => () => FakeHttpHandler.Ok(body);

    private static Func<HttpResponseMessage> Http(int status, int? retryAfter = 0) => () => FakeHttpHandler.Http(status, retryAfter);

    private static Func<HttpResponseMessage> Api(int status, string message) => () => FakeHttpHandler.ApiStatus(status, message);

    /// <summary>
    /// A handler that never answers within the test: it waits until the request is cancelled. Requests from
    /// <paramref name="hangCount"/> on are answered at once; <paramref name="arrived"/> is set when one hangs.
    /// </summary>
    private static FakeHttpHandler Hanging(Func<HttpResponseMessage>? thenAnswer = null, int hangCount = int.MaxValue, TaskCompletionSource? arrived = null) =>
        new FakeHttpHandler(async (i, _, ct) =>
        {
            if (i >= hangCount && thenAnswer != null)
            {
                return thenAnswer();
            }

            arrived?.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return FakeHttpHandler.Ok(TestClient.RealisticMeeting);
        });

    /// <summary>An injected delay that records the waits asked of it and spends none.</summary>
    private static Func<TimeSpan, CancellationToken, Task> Recording(List<TimeSpan> waits) => (wait, _) =>
    {
        lock (waits)
        {
            waits.Add(wait);
        }

        return Task.CompletedTask;
    };

    /// <summary>
    /// The back-off waits the client asked of the injected delay, against the longest wait each retry may take
    /// (base, doubling, capped). Today each wait is exactly that ceiling; when waits get jitter from an injected
    /// random source, this is the one place that says how a wait relates to its ceiling.
    /// </summary>
    /// <summary>
    /// The waits asked of the injected delay. Back-off is "full jitter", a random share of each ceiling; these tests
    /// inject a share of 1, so the waits asked are the ceilings themselves (ExactlyOnceTests pins the share).
    /// </summary>
    private static void AssertBackoffWaits(double[] ceilingSeconds, List<TimeSpan> asked) =>
        Assert.Equal(ceilingSeconds.Select(TimeSpan.FromSeconds).ToArray(), asked.ToArray());

    /// <summary>Options as a user gets them, with only the handler, the clock and the delay replaced.</summary>
    private static BizConfClientOptions DefaultOptions(FakeHttpHandler handler, List<TimeSpan> waits) => new()
    {
        BaseUri = TestClient.BaseUri,
        LoginName = TestClient.LoginName,
        Handler = handler,
        Clock = () => TestClient.Now,
        Delay = Recording(waits),
        Jitter = () => 1.0,
    };

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Http_429_and_503_are_retried_for_create_too(int status)
    {
        var handler = FakeHttpHandler.Answering(Http(status), Http(status), Ok());
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 3);

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting());

        Assert.Equal(17962, meeting.Id);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.EndsWith("/confReservation", r.Uri.AbsolutePath));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Http_429_and_503_are_retried_for_every_kind_of_call(int status)
    {
        var handler = FakeHttpHandler.Answering(Http(status), Ok("""{"status":100,"isAvailable":true,"data":{"id":5},"totalRecord":0}"""));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 1);

        await client.GetMeetingAsync(5);
        await client.CancelMeetingAsync(5);
        await client.ModifyMeetingAsync(5, TestClient.Meeting());
        await client.ListMeetingsAsync(new MeetingQuery(), 1, 10);
        await client.SetLiveStreamAsync(5, "rtmp://a", "k", "https://l");
        Assert.True(await client.CheckAccountAsync());

        // Only the very first request got the HTTP error; each call succeeded (the first one on its retry).
        Assert.Equal(
            new[] { "getConf", "getConf", "cancelConf", "confModify", "listConf", "settingLivestream", "check" },
            handler.Requests.Select(r => r.Uri.Segments.Last()).ToArray());
    }

    [Fact]
    public async Task Each_retry_sends_a_new_timeStamp_and_a_token_matching_it()
    {
        var key = TestClient.NewApiKey();
        var handler = FakeHttpHandler.Answering(Http(503), Http(429), Api(103, "服务器内部错误"), Ok());
        using var client = TestClient.Create(handler, key, o => o.MaxRetry = 3);

        await client.GetMeetingAsync(17962);

        var requests = handler.Requests;
        Assert.Equal(4, requests.Count);
        // The clock stands still, so the stamps can only differ because the signer issues a new one per attempt.
        Assert.Equal(new[] { "1501545600000", "1501545600001", "1501545600002", "1501545600003" }, requests.Select(r => r.Field("timeStamp")).ToArray());
        Assert.Equal(4, requests.Select(r => r.Field("token")).Distinct().Count());
        Assert.All(requests, r => Assert.Equal(TestClient.Md5($"demo|{key}|{r.Field("timeStamp")}"), r.Field("token")));
        Assert.All(requests, r => Assert.Equal("17962", r.Field("confId")));
    }

    [Fact]
    public async Task Retry_after_header_is_honoured_over_the_base_delay()
    {
        var handler = FakeHttpHandler.Answering(Http(429, retryAfter: 1), Ok());
        var waits = new List<TimeSpan>();
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 1;
            o.AdaptiveRate = false;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromSeconds(10);
            o.Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; };
        });

        await client.GetMeetingAsync(17962);

        Assert.Equal(2, handler.Requests.Count);
        // The whole second, and up to one base delay more so that workers told the same second part again.
        Assert.Equal(new[] { TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(1) }, waits);
    }

    [Fact]
    public async Task Retry_after_is_never_cut_by_MaxRetryDelay_and_the_last_failure_is_thrown()
    {
        var handler = FakeHttpHandler.Answering(Http(503, retryAfter: 7));
        var waits = new List<TimeSpan>();
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 2;
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(60);
            o.Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; };
        });

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(17962));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(503, e.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.EndsWith("Gave up after 3 attempts.", e.Message);
        // Retry-After said 7 s each time; both waits honour it in full (MaxRetryDelay caps back-off only), plus the
        // base delay of jitter (1 ms here).
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(7001), TimeSpan.FromMilliseconds(7001) }, waits);
    }

    [Fact]
    public async Task Without_retry_after_the_delay_starts_at_RetryBaseDelay_and_doubles_up_to_MaxRetryDelay()
    {
        var handler = FakeHttpHandler.Answering(Http(503, retryAfter: null), Http(503, retryAfter: null), Http(503, retryAfter: null), Http(503, retryAfter: null), Ok());
        var waits = new List<TimeSpan>();
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 4;
            o.RetryBaseDelay = TimeSpan.FromSeconds(3);
            o.MaxRetryDelay = TimeSpan.FromSeconds(10);
            o.Delay = Recording(waits);
        });

        await client.GetMeetingAsync(17962);

        Assert.Equal(5, handler.Requests.Count);
        AssertBackoffWaits(new[] { 3.0, 6, 10, 10 }, waits);
    }

    [Fact]
    public void The_documented_defaults_are_3_retries_a_100_s_timeout_and_waits_from_half_a_second_to_a_minute()
    {
        // about_BizConf: -MaxRetry 3, -TimeoutSec 100, "0.5 seconds, doubling with each retry", Retry-After "at most 60 seconds".
        var options = new BizConfClientOptions();

        Assert.Equal(3, options.MaxRetry);
        Assert.Equal(TimeSpan.FromSeconds(100), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryDelay);
    }

    [Fact]
    public async Task By_default_a_busy_service_is_tried_four_times_waiting_half_a_second_then_doubling()
    {
        var handler = FakeHttpHandler.Answering(Http(503, retryAfter: null));
        var waits = new List<TimeSpan>();
        using var client = new BizConfClient(DefaultOptions(handler, waits), TestClient.NewApiKey());

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(17962));

        Assert.Equal(4, handler.Requests.Count);
        Assert.EndsWith("Gave up after 4 attempts.", e.Message);
        AssertBackoffWaits(new[] { 0.5, 1, 2 }, waits);
    }

    [Fact]
    public async Task By_default_the_doubling_stops_at_60_seconds()
    {
        var handler = FakeHttpHandler.Answering(Http(503, retryAfter: null));
        var waits = new List<TimeSpan>();
        var options = DefaultOptions(handler, waits);
        options.MaxRetry = 10;
        using var client = new BizConfClient(options, TestClient.NewApiKey());

        await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(17962));

        Assert.Equal(11, handler.Requests.Count);
        AssertBackoffWaits(new[] { 0.5, 1, 2, 4, 8, 16, 32, 60, 60, 60 }, waits);
    }

    [Fact]
    public async Task By_default_a_Retry_After_over_60_seconds_is_waited_in_full()
    {
        var handler = FakeHttpHandler.Answering(Http(503, retryAfter: 240), Ok());
        var waits = new List<TimeSpan>();
        using var client = new BizConfClient(DefaultOptions(handler, waits), TestClient.NewApiKey());

        await client.GetMeetingAsync(17962);

        Assert.Equal(2, handler.Requests.Count);
        // Never cut: the server said 240 s. Up to one base delay (0.5 s) is added so that parted workers stay parted.
        Assert.Equal(new[] { TimeSpan.FromSeconds(240.5) }, waits);
    }

    [Theory]
    [InlineData(429, 301, "5 minutes")]
    [InlineData(503, 3600, "60 minutes")]
    [InlineData(429, 100000000, "1157 days")]
    public async Task A_Retry_After_beyond_five_minutes_fails_the_item_saying_how_long_the_server_asked(int status, int seconds, string asked)
    {
        var handler = FakeHttpHandler.Answering(Http(status, retryAfter: seconds), Ok());
        var waits = new List<TimeSpan>();
        using var client = new BizConfClient(DefaultOptions(handler, waits), TestClient.NewApiKey());

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(17962));

        Assert.Single(handler.Requests);
        Assert.Empty(waits);
        Assert.Equal(status, e.HttpStatus);
        Assert.Contains($"asked to wait {asked} before trying again, longer than the 5 minutes this client waits at most", e.Message);
    }

    [Fact]
    public async Task A_429_answered_by_slowing_down_spends_no_retry()
    {
        var handler = FakeHttpHandler.Answering(Http(429, retryAfter: 2), Http(429, retryAfter: 2), Ok());
        var waits = new List<TimeSpan>();
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 0;
            o.AdaptiveRate = true;
            o.Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; };
        });

        var meeting = await client.GetMeetingAsync(17962);

        Assert.Equal(17962, meeting.Id);
        Assert.Equal(3, handler.Requests.Count);
        // Each refused request waits its Retry-After before it goes again (on the gate's clock, which a test does not move).
        Assert.Equal(2, waits.Count);
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task After_MaxRetry_the_last_http_failure_is_thrown()
    {
        var handler = FakeHttpHandler.Answering(Http(503), Http(503), Http(429, retryAfter: 0));
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 2;
            o.AdaptiveRate = false;
        });

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.CreateMeetingAsync(TestClient.Meeting()));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(429, e.HttpStatus);
        Assert.Equal(TimeSpan.Zero, e.RetryAfter);
        Assert.Equal("confReservation", e.Endpoint);
    }

    [Fact]
    public async Task Status_103_is_retried_for_getConf()
    {
        var handler = FakeHttpHandler.Answering(Api(103, "服务器内部错误"), Api(103, "服务器内部错误"), Ok());
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 3);

        var meeting = await client.GetMeetingAsync(17962);

        Assert.Equal(17962, meeting.Id);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Status_103_after_MaxRetry_throws_the_last_api_error()
    {
        var handler = FakeHttpHandler.Answering(Api(103, "第1次"), Api(103, "第2次"), Api(103, "第3次"));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 2);

        var e = await Assert.ThrowsAsync<BizConfApiException>(() => client.GetMeetingAsync(17962));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(103, e.Status);
        Assert.Equal("第3次", e.ServerMessage);
        Assert.Equal("getConf", e.Endpoint);
    }

    [Fact]
    public async Task Status_103_is_retried_for_cancelConf_since_cancelling_twice_is_harmless()
    {
        var handler = FakeHttpHandler.Answering(Api(103, "服务器内部错误"), Ok(Success));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 3);

        await client.CancelMeetingAsync(17962);

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.EndsWith("/cancelConf", r.Uri.AbsolutePath));
    }

    [Theory]
    [InlineData(109)]
    [InlineData(401)]
    public async Task Non_transient_statuses_are_never_retried(int status)
    {
        var handler = FakeHttpHandler.Answering(Api(status, "x"), Ok());
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 3);

        var e = await Assert.ThrowsAsync<BizConfApiException>(() => client.GetMeetingAsync(17962));

        Assert.Equal(status, e.Status);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Http_500_is_retried_for_getConf()
    {
        var getHandler = FakeHttpHandler.Answering(Http(500, retryAfter: null), Ok());
        using var getClient = TestClient.Create(getHandler, configure: o => o.MaxRetry = 3);

        await getClient.GetMeetingAsync(17962);

        Assert.Equal(2, getHandler.Requests.Count);
    }

    [Fact]
    public async Task Broken_connection_is_retried_for_getConf()
    {
        var getHandler = new FakeHttpHandler((i, _, _) => i == 0
            ? throw new HttpRequestException("Connection refused")
            : Task.FromResult(FakeHttpHandler.Ok(TestClient.RealisticMeeting)));
        using var getClient = TestClient.Create(getHandler, configure: o => o.MaxRetry = 3);

        var meeting = await getClient.GetMeetingAsync(17962);

        Assert.Equal(17962, meeting.Id);
        Assert.Equal(2, getHandler.Requests.Count);
    }

    [Fact]
    public async Task Timeout_on_getConf_is_retried_and_the_last_timeout_is_thrown()
    {
        var handler = Hanging();
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 2;
            o.Timeout = TimeSpan.FromMilliseconds(50);
        });

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(17962));

        Assert.Equal(3, handler.Requests.Count);
        Assert.True(e.IsTimeout);
    }

    [Fact]
    public async Task Timeout_on_getConf_followed_by_an_answer_returns_the_meeting()
    {
        var handler = Hanging(Ok(), hangCount: 1);
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 2;
            o.Timeout = TimeSpan.FromMilliseconds(50);
            // Each attempt takes its own deadline: only the attempt chosen to time out races a short one, and the
            // retry, meant to succeed, has seconds even on a busy machine.
            o.Delay = (_, _) =>
            {
                o.Timeout = TimeSpan.FromSeconds(10);
                return Task.CompletedTask;
            };
        });

        var meeting = await client.GetMeetingAsync(17962);

        Assert.Equal(17962, meeting.Id);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_during_the_request_is_an_OperationCanceledException_not_a_transport_exception()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = Hanging(arrived: arrived);
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 3;
            o.Timeout = TimeSpan.FromSeconds(20);
        });
        using var cts = new CancellationTokenSource();

        var call = client.GetMeetingAsync(17962, cts.Token);
        await arrived.Task; // cancel while the request is in flight, not before it is sent
        cts.Cancel();
        var e = await Record.ExceptionAsync(() => call);

        Assert.IsAssignableFrom<OperationCanceledException>(e);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_during_the_retry_wait_is_an_OperationCanceledException()
    {
        var handler = FakeHttpHandler.Answering(Http(503, retryAfter: 30));
        var waiting = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 3;
            o.MaxRetryDelay = TimeSpan.FromSeconds(60);
            o.Delay = (wait, token) =>
            {
                waiting.TrySetResult(wait);
                return Task.Delay(wait, token);
            };
        });
        using var cts = new CancellationTokenSource();

        var call = client.GetMeetingAsync(17962, cts.Token);
        // The 30 s Retry-After in full, plus the test client's base delay of jitter (1 ms).
        Assert.Equal(TimeSpan.FromSeconds(30) + TimeSpan.FromMilliseconds(1), await waiting.Task);
        cts.Cancel();
        var e = await Record.ExceptionAsync(() => call);

        // Had the wait ignored the token, the retry would have been sent after the 30 s Retry-After.
        Assert.IsAssignableFrom<OperationCanceledException>(e);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Already_cancelled_token_is_an_OperationCanceledException()
    {
        // A handler that observes its token, as real handlers do.
        var handler = Hanging();
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 3);

        var e = await Record.ExceptionAsync(() => client.CreateMeetingAsync(TestClient.Meeting(), new CancellationToken(canceled: true)));

        Assert.IsAssignableFrom<OperationCanceledException>(e);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task MaxRetry_0_sends_exactly_one_request()
    {
        var handler = FakeHttpHandler.Answering(Http(503), Ok());
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 0);

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(17962));

        Assert.Equal(503, e.HttpStatus);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Each_retry_is_logged_with_its_number()
    {
        var lines = new List<string>();
        var handler = FakeHttpHandler.Answering(Http(503), Http(503), Ok());
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 3;
            o.Log = line => { lock (lines) { lines.Add(line); } };
        });

        await client.GetMeetingAsync(17962);

        Assert.Equal(3, lines.Count(l => l.StartsWith("POST getConf (attempt ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("(retry 1 of 3)"));
        Assert.Contains(lines, l => l.Contains("(retry 2 of 3)"));
        Assert.DoesNotContain(lines, l => l.Contains("(retry 3 of 3)"));
    }
}
