using System.Diagnostics;
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

    /// <summary>A handler that never answers within the test: it waits until the request is cancelled.</summary>
    private static FakeHttpHandler Hanging(Func<HttpResponseMessage>? thenAnswer = null, int hangCount = int.MaxValue) =>
        new FakeHttpHandler(async (i, _, ct) =>
        {
            if (i >= hangCount && thenAnswer != null)
            {
                return thenAnswer();
            }

            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return FakeHttpHandler.Ok(TestClient.RealisticMeeting);
        });

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
    public async Task Without_retry_after_the_delay_starts_at_RetryBaseDelay_and_doubles()
    {
        var handler = FakeHttpHandler.Answering(Http(503, retryAfter: null), Http(503, retryAfter: null), Http(503, retryAfter: null), Ok());
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 3;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(40);
            o.MaxRetryDelay = TimeSpan.FromSeconds(10);
        });

        await client.GetMeetingAsync(17962);

        var at = handler.Requests.Select(r => r.At).ToArray();
        Assert.Equal(4, at.Length);
        Assert.True(at[1] - at[0] >= TimeSpan.FromMilliseconds(35), $"first retry after {(at[1] - at[0]).TotalMilliseconds} ms, expected 40");
        Assert.True(at[2] - at[1] >= TimeSpan.FromMilliseconds(75), $"second retry after {(at[2] - at[1]).TotalMilliseconds} ms, expected 80");
        Assert.True(at[3] - at[2] >= TimeSpan.FromMilliseconds(155), $"third retry after {(at[3] - at[2]).TotalMilliseconds} ms, expected 160");
    }

    [Fact]
    public async Task After_MaxRetry_the_last_http_failure_is_thrown()
    {
        var handler = FakeHttpHandler.Answering(Http(503), Http(503), Http(429, retryAfter: 0));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 2);

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
        });

        var meeting = await client.GetMeetingAsync(17962);

        Assert.Equal(17962, meeting.Id);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_during_the_request_is_an_OperationCanceledException_not_a_transport_exception()
    {
        var handler = Hanging();
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 3;
            o.Timeout = TimeSpan.FromSeconds(20);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var e = await Record.ExceptionAsync(() => client.GetMeetingAsync(17962, cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(e);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_during_the_retry_wait_is_an_OperationCanceledException()
    {
        var handler = FakeHttpHandler.Answering(Http(503, retryAfter: 30));
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 3;
            o.MaxRetryDelay = TimeSpan.FromSeconds(60);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var e = await Record.ExceptionAsync(() => client.GetMeetingAsync(17962, cts.Token));

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
        Assert.True(handler.Requests.Count <= 1);
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
