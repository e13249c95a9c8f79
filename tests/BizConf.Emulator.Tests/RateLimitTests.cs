using System.Net;
using System.Text.Json;
using static BizConf.Emulator.Tests.ReportSupport;

namespace BizConf.Emulator.Tests;

/// <summary>
/// <c>--rate-limit N</c> and <c>/_emulator/rate-limit</c>: a token bucket per site on the emulator's clock, so each
/// test moves time by hand and knows exactly how full every bucket is.
/// </summary>
public sealed class RateLimitTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Request_over_the_rate_is_429_with_retry_after_and_its_token_stays_unspent()
    {
        await using var emu = await EmulatorHost.StartAsync(more: ["--rate-limit", "2"]);
        Assert.Equal(100, (await emu.CallAsync("listConf")).Status());
        Assert.Equal(100, (await emu.CallAsync("listConf")).Status());
        var refused = emu.Signed();

        using var over = await emu.SendRawAsync(HttpMethod.Post, "listConf", refused);
        emu.Clock.Advance(TimeSpan.FromMilliseconds(500));
        var later = await emu.SendAsync(HttpMethod.Post, "listConf", refused);

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), over.Headers.RetryAfter?.Delta);
        Assert.Equal(100, later.Status());
    }

    [Fact]
    public async Task Bucket_refills_continuously_not_per_whole_second()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AdminAsync(HttpMethod.Put, "rate-limit", new { perSecond = 4, burst = 4 });
        var statuses = new List<int>();
        async Task Send(int times)
        {
            for (var i = 0; i < times; i++)
            {
                using var response = await emu.SendRawAsync(HttpMethod.Post, "listConf", emu.Signed());
                statuses.Add((int)response.StatusCode);
            }
        }

        await Send(5);
        emu.Clock.Advance(TimeSpan.FromMilliseconds(250));
        await Send(2);
        emu.Clock.Advance(TimeSpan.FromMilliseconds(100));
        await Send(1);
        emu.Clock.Advance(TimeSpan.FromMilliseconds(150));
        await Send(1);

        Assert.Equal(new[] { 200, 200, 200, 200, 429, 200, 429, 429, 200 }, statuses);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1500, 3)]
    [InlineData(3900, 1)]
    public async Task Retry_after_is_the_whole_seconds_until_a_token_is_free(int waitedMs, int retryAfter)
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AdminAsync(HttpMethod.Put, "rate-limit", new { perSecond = 0.25 });
        Assert.Equal(100, (await emu.CallAsync("listConf")).Status());
        emu.Clock.Advance(TimeSpan.FromMilliseconds(waitedMs));

        using var over = await emu.SendRawAsync(HttpMethod.Post, "listConf", emu.Signed());
        emu.Clock.Advance(TimeSpan.FromMilliseconds(4000 - waitedMs));
        var free = await emu.CallAsync("listConf");

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(retryAfter), over.Headers.RetryAfter?.Delta);
        Assert.Equal(100, free.Status());
    }

    [Fact]
    public async Task Each_site_has_its_own_bucket_and_callers_naming_no_known_site_share_one()
    {
        await using var emu = await EmulatorHost.StartAsync(more: ["--rate-limit", "1"]);
        await emu.AddSiteAsync("acme", "acme-key", 5);
        await emu.AddAccountAsync("ann", siteSign: "acme");

        var demo = (await emu.CallAsync("listConf")).Status();
        var demoAgain = await Status(emu, emu.Signed());
        var demoSiteToken = await Status(emu, SiteSigned(emu), "getConfLogListByConfNumber", ("confNumber", "1"));
        var ann = (await emu.CallAsync("listConf", Array.Empty<(string, string)>(), login: "ann", apiKey: "acme-key")).Status();
        var acmeSiteToken = await Status(emu, SiteSigned(emu, "acme", "acme-key"), "getConfLogListByConfNumber", ("confNumber", "1"));
        var ghost = (await emu.CallAsync("listConf", Array.Empty<(string, string)>(), login: "ghost")).Status();
        var nowhere = await Status(emu, SiteSigned(emu, "nowhere", "x"), "getConfLogListByConfNumber", ("confNumber", "1"));

        Assert.Equal(100, demo);
        Assert.Equal(429, demoAgain);
        Assert.Equal(429, demoSiteToken);
        Assert.Equal(100, ann);
        Assert.Equal(429, acmeSiteToken);
        Assert.Equal(101, ghost);
        Assert.Equal(429, nowhere);
    }

    [Fact]
    public async Task Refused_request_is_logged_does_nothing_and_leaves_armed_faults_alone()
    {
        await using var emu = await EmulatorHost.StartAsync(more: ["--rate-limit", "1"]);
        await emu.ReserveIdAsync("First", Hour);
        await emu.AddFaultAsync(new { endpoint = "*", kind = "http503", count = 1 });
        var second = emu.Signed();
        second["confName"] = "Second";
        second["startTime"] = Wire.Wall(emu.Clock.GetUtcNow() + 3 * Hour);
        second["duration"] = "30";

        using var refused = await emu.SendRawAsync(HttpMethod.Post, "confReservation", second);
        var meetingsAfterRefusal = (await emu.AllMeetingsAsync()).GetArrayLength();
        var faultsAfterRefusal = (await emu.AdminAsync(HttpMethod.Get, "faults"))[0].Num("count");
        emu.Clock.Advance(TimeSpan.FromSeconds(1));
        using var faulted = await emu.SendRawAsync(HttpMethod.Post, "confReservation", second);
        emu.Clock.Advance(TimeSpan.FromSeconds(1));
        var made = await emu.SendAsync(HttpMethod.Post, "confReservation", second);
        var entry = (await emu.RequestLogAsync()).EnumerateArray().First(e => e.Num("httpStatus") == 429);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(1, meetingsAfterRefusal);
        Assert.Equal(1, faultsAfterRefusal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(100, made.Status());
        Assert.Equal("confReservation", entry.Str("endpoint"));
        Assert.Equal("Second", entry.GetProperty("fields").Str("confName"));
        Assert.Equal(second["token"], entry.GetProperty("fields").Str("token"));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("status").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("fault").ValueKind);
    }

    [Fact]
    public async Task Refusal_comes_before_the_latency_wait()
    {
        await using var emu = await EmulatorHost.StartAsync(latencyMs: 600_000, more: ["--rate-limit", "1"]);
        using var giveUp = new CancellationTokenSource();
        using var waiting = new HttpRequestMessage(HttpMethod.Post, "openapi/listConf") { Content = new FormUrlEncodedContent(emu.Signed()) };
        var slow = emu.Http.SendAsync(waiting, giveUp.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await emu.RequestLogAsync()).GetArrayLength() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // The HttpClient gives up after 20 s; ten minutes of latency first would fail this request.
        using var refused = await emu.SendRawAsync(HttpMethod.Post, "listConf", emu.Signed());
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Limit_is_set_read_and_cleared_at_run_time_and_reset_restores_the_command_line()
    {
        await using var emu = await EmulatorHost.StartAsync(more: ["--rate-limit", "5"]);

        var fromCommandLine = await emu.AdminAsync(HttpMethod.Get, "rate-limit");
        var set = await emu.AdminAsync(HttpMethod.Put, "rate-limit", new { perSecond = 20 });
        var read = await emu.AdminAsync(HttpMethod.Get, "rate-limit");
        await emu.AdminAsync(HttpMethod.Delete, "rate-limit", expected: HttpStatusCode.NoContent);
        var cleared = await emu.AdminAsync(HttpMethod.Get, "rate-limit");
        var unlimited = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            unlimited.Add((await emu.CallAsync("listConf")).Status());
        }

        await emu.AdminAsync(HttpMethod.Put, "rate-limit", new { perSecond = 1, burst = 3 });
        await emu.AdminAsync(HttpMethod.Post, "reset", expected: HttpStatusCode.NoContent);
        var afterReset = await emu.AdminAsync(HttpMethod.Get, "rate-limit");

        Assert.Equal(5, fromCommandLine.GetProperty("perSecond").GetDouble());
        Assert.Equal(5, fromCommandLine.Num("burst"));
        Assert.Equal("commandLine", fromCommandLine.Str("setBy"));
        Assert.Equal(20, set.Num("burst"));
        Assert.Equal("admin", set.Str("setBy"));
        Assert.Equal(set.GetRawText(), read.GetRawText());
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("perSecond").ValueKind);
        Assert.All(unlimited, status => Assert.Equal(100, status));
        Assert.Equal(fromCommandLine.GetRawText(), afterReset.GetRawText());
    }

    [Fact]
    public async Task Admin_requests_never_count_and_a_limit_set_at_run_time_starts_with_full_buckets()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AdminAsync(HttpMethod.Put, "rate-limit", new { perSecond = 1, burst = 2 });

        for (var i = 0; i < 20; i++)
        {
            await emu.AdminAsync(HttpMethod.Get, "faults");
        }

        var first = (await emu.CallAsync("listConf")).Status();
        var second = (await emu.CallAsync("listConf")).Status();
        var third = await Status(emu, emu.Signed());

        Assert.Equal(100, first);
        Assert.Equal(100, second);
        Assert.Equal(429, third);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("fast")]
    [InlineData("2000000")]
    public void Rate_limit_switch_takes_a_positive_number(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => EmulatorApp.Build(["--rate-limit", value]));

        Assert.Contains("--rate-limit", error.Message);
        Assert.Contains(value, error.Message);
    }

    private static async Task<int> Status(EmulatorHost emu, Dictionary<string, string> fields, string endpoint = "listConf", params (string Name, string Value)[] more)
    {
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        using var response = await emu.SendRawAsync(endpoint == "listConf" ? HttpMethod.Post : HttpMethod.Get, endpoint, fields);
        return response.StatusCode == HttpStatusCode.TooManyRequests
            ? 429
            : JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Status();
    }
}
