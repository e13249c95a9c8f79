using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>The API key never leaves the signer except inside an MD5 digest.</summary>
public class SecretTests
{
    // Unique, with characters that would be percent-encoded, so encoded leaks are caught too.
    private static readonly string ApiKey = "Sekr3t+Key/Ω=" + Guid.NewGuid().ToString("N");

    private static readonly string[] Forms = { ApiKey, Uri.EscapeDataString(ApiKey), ApiKey.Replace("+", "%2B"), ApiKey.Substring(0, 12) };

    private static void AssertNoKey(string? text, string where)
    {
        if (text == null)
        {
            return;
        }

        foreach (var form in Forms)
        {
            Assert.False(text.Contains(form, StringComparison.OrdinalIgnoreCase), $"the API key (as '{form}') appears in {where}: {text}");
        }
    }

    /// <summary>Runs every call through success, API errors, HTTP errors, bad bodies and a timeout.</summary>
    private static async Task<(FakeHttpHandler Handler, List<string> Log, List<Exception> Errors, BizConfClient Client)> ExerciseAsync()
    {
        var log = new List<string>();
        var errors = new List<Exception>();
        var script = new Func<HttpResponseMessage>[]
        {
            () => FakeHttpHandler.Ok(TestClient.RealisticMeeting),                         // create
            () => FakeHttpHandler.Http(503, 0), () => FakeHttpHandler.Ok(TestClient.RealisticMeeting), // get, retried
            () => FakeHttpHandler.ApiStatus(102, "权限验证失败,请检测APIKey 或者token加密方式是否正确"), // modify: 102,
            () => FakeHttpHandler.ApiStatus(102, "权限验证失败,请检测APIKey 或者token加密方式是否正确"), // sent once more
            () => FakeHttpHandler.Ok("<html>oops</html>"),                                  // list
            () => FakeHttpHandler.Http(429, 0), () => FakeHttpHandler.Http(429, 0),          // cancel: 429 twice, gives up
            () => FakeHttpHandler.Ok("""{"status":100,"isAvailable":true}"""),              // account/check
            () => FakeHttpHandler.ApiStatus(103, "服务器内部错误"),                           // create: 103,
            () => FakeHttpHandler.Ok("""{"status":100,"data":[],"totalPage":1,"totalRecord":0}"""), // no such meeting,
            () => FakeHttpHandler.ApiStatus(103, "服务器内部错误"),                           // sent again: 103,
            () => FakeHttpHandler.Ok("""{"status":100,"data":[],"totalPage":1,"totalRecord":0}"""), // still none: gives up
        };
        var handler = new FakeHttpHandler(async (i, _, ct) =>
        {
            if (i >= script.Length)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct); // the last call times out
            }

            return script[Math.Min(i, script.Length - 1)]();
        });
        // Calls meant to succeed get a deadline in seconds; only the call chosen to time out gets a short one (below).
        var client = TestClient.Create(handler, ApiKey, o =>
        {
            o.MaxRetry = 1;
            // The script's 429s stand for plain retries against MaxRetry, not the adaptive pace.
            o.AdaptiveRate = false;
            o.Timeout = TimeSpan.FromSeconds(10);
            o.Log = line => { lock (log) { log.Add(line); } };
        });

        async Task Try(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        }

        await Try(() => client.CreateMeetingAsync(TestClient.Meeting("周会")));
        await Try(() => client.GetMeetingAsync(17962));
        await Try(() => client.ModifyMeetingAsync(17962, TestClient.Meeting()));
        await Try(() => client.ListMeetingsAsync(new MeetingQuery { Keyword = "周" }, 1, 10));
        await Try(() => client.CancelMeetingAsync(17962));
        await Try(() => client.CheckAccountAsync("李四"));
        await Try(() => client.CreateMeetingAsync(TestClient.Meeting()));
        client.Options.Timeout = TimeSpan.FromMilliseconds(100);
        await Try(() => client.GetMeetingAsync(17962));
        await Try(() => client.CreateMeetingAsync(new MeetingRequest { Name = "", StartTime = TestClient.Now.AddDays(1), Duration = 60 }));
        return (handler, log, errors, client);
    }

    [Fact]
    public async Task Api_key_is_in_no_request_url_body_or_header()
    {
        var (handler, _, _, client) = await ExerciseAsync();
        using (client)
        {
            // create 1, get 2 (503 then answer), modify 2 (102 sent once more), list 1, cancel 2 (429 twice), check 1,
            // create 4 (103, look, 103, look), get 2 (timeouts)
            Assert.Equal(15, handler.Requests.Count);
            foreach (var request in handler.Requests)
            {
                AssertNoKey(request.Uri.AbsoluteUri, "a request URL");
                AssertNoKey(request.Uri.OriginalString, "a request URL");
                AssertNoKey(request.Body, "a request body");
                AssertNoKey(request.Headers, "the request headers");
                AssertNoKey(string.Join("&", request.Fields.Select(f => f.Key + "=" + f.Value)), "the decoded fields");
            }
        }
    }

    [Fact]
    public async Task Api_key_is_in_no_exception_message()
    {
        var (_, _, errors, client) = await ExerciseAsync();
        using (client)
        {
            Assert.Equal(6, errors.Count); // modify 102, list not JSON, cancel 429, create 103, get timeout, create refused
            Assert.Contains(errors, e => e is BizConfApiException { Status: 102 });
            Assert.Contains(errors, e => e is BizConfTransportException { IsTimeout: true });
            Assert.Contains(errors, e => e is BizConfArgumentException);
            foreach (var e in errors)
            {
                AssertNoKey(e.Message, "an exception message");
                AssertNoKey(e.ToString(), "an exception's ToString()");
                AssertNoKey(e.InnerException?.Message, "an inner exception message");
            }
        }
    }

    [Fact]
    public async Task Api_key_is_in_no_log_line()
    {
        var (_, log, _, client) = await ExerciseAsync();
        using (client)
        {
            Assert.Contains(log, l => l.StartsWith("POST confReservation (attempt 1): confName=周会", StringComparison.Ordinal));
            Assert.Contains(log, l => l.Contains("Trying again"));
            Assert.Contains(log, l => l.StartsWith("GET account/check", StringComparison.Ordinal));
            foreach (var line in log)
            {
                AssertNoKey(line, "a log line");
            }
        }
    }

    [Fact]
    public void Api_key_is_not_in_the_client_ToString_nor_in_its_options()
    {
        using var client = TestClient.Create(FakeHttpHandler.Json("{}"), ApiKey);

        Assert.Equal("BizConf client for demo at https://api.example.test/openapi/", client.ToString());
        foreach (var property in typeof(BizConfClientOptions).GetProperties())
        {
            AssertNoKey(property.GetValue(client.Options)?.ToString(), "BizConfClientOptions." + property.Name);
        }
    }

    private static async Task<List<string>> LogOfAsync(Func<BizConfClient, Task> calls)
    {
        var log = new List<string>();
        var handler = FakeHttpHandler.Json("""{"status":100,"message":"","data":{"id":1}}""");
        using var client = TestClient.Create(handler, configure: o => o.Log = line => { lock (log) { log.Add(line); } });
        await calls(client);
        Assert.NotEmpty(log);
        return log;
    }

    // BizConfClientOptions.Log promises "one line per request and retry, with no secret in it".

    [Fact]
    public async Task Log_lines_carry_no_meeting_password()
    {
        // hostKey is the meeting password: whoever reads the log can join any meeting it names.
        var request = TestClient.Meeting();
        request.Password = "Pw-860412";

        var log = await LogOfAsync(async client =>
        {
            await client.CreateMeetingAsync(request);
            await client.ModifyMeetingAsync(1, request);
        });

        Assert.Equal(2, log.Count);
        Assert.All(log, line => Assert.DoesNotContain("Pw-860412", line));
    }

    [Fact]
    public async Task Log_lines_carry_no_stream_key()
    {
        var log = await LogOfAsync(client => client.SetLiveStreamAsync(1, "rtmp://push.example/live", "StreamKey-5c1d", "https://live.example/1"));

        var line = Assert.Single(log);
        Assert.DoesNotContain("StreamKey-5c1d", line);
        Assert.Contains("streamUrl=rtmp://push.example/live", line);
    }
}
