using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace BizConf.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Http429_answers_with_retry_after_for_count_requests_then_recovers()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "*", kind = "http429", count = 2, retryAfterSec = 7 });

        using var first = await emu.SendRawAsync(HttpMethod.Post, "listConf", emu.Signed());
        using var second = await emu.SendRawAsync(HttpMethod.Post, "listConf", emu.Signed());
        var third = await emu.CallAsync("listConf");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(100, third.Status());
    }

    [Fact]
    public async Task Http503_without_retry_after_has_no_header()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "listConf", kind = "http503", count = 1 });

        using var response = await emu.SendRawAsync(HttpMethod.Post, "listConf", emu.Signed());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Status103_fails_before_processing_so_nothing_is_created_and_the_token_is_unspent()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "confReservation", kind = "status103", count = 1 });
        var fields = emu.Signed();
        fields["confName"] = "Retried";
        fields["startTime"] = Wire.Wall(emu.Clock.GetUtcNow().AddHours(1));
        fields["duration"] = "30";

        var failed = await emu.SendAsync(HttpMethod.Post, "confReservation", fields);
        var meetingsAfterFailure = (await emu.AllMeetingsAsync()).GetArrayLength();
        var retried = await emu.SendAsync(HttpMethod.Post, "confReservation", fields);

        Assert.Equal(103, failed.Status());
        Assert.Equal(0, meetingsAfterFailure);
        Assert.Equal(100, retried.Status());
        Assert.Equal(1, (await emu.AllMeetingsAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Fault_for_one_endpoint_leaves_the_others_alone()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "confReservation", kind = "http503", count = 1 });

        var list = await emu.CallAsync("listConf");
        using var reserve = await emu.SendRawAsync(HttpMethod.Post, "confReservation", emu.Signed());

        Assert.Equal(100, list.Status());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, reserve.StatusCode);
    }

    [Fact]
    public async Task Delay_waits_then_answers_normally()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "listConf", kind = "delay", count = 1, delayMs = 400 });

        var watch = Stopwatch.StartNew();
        var answer = await emu.CallAsync("listConf");
        watch.Stop();

        Assert.Equal(100, answer.Status());
        Assert.True(watch.ElapsedMilliseconds >= 390, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Drop_closes_the_connection_without_an_answer()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "listConf", kind = "drop", count = 1 });
        using var freshClient = new HttpClient { BaseAddress = emu.BaseAddress };

        await Assert.ThrowsAsync<HttpRequestException>(() => emu.SendRawAsync(HttpMethod.Post, "listConf", emu.Signed(), freshClient));
        var next = await emu.CallAsync("listConf");

        Assert.Equal(100, next.Status());
        var log = (await emu.RequestLogAsync()).EnumerateArray().ToList();
        Assert.Equal(2, log.Count);
        Assert.Equal(JsonValueKind.Null, log[0].GetProperty("httpStatus").ValueKind);
        Assert.Equal(200, log[1].Num("httpStatus"));
    }

    [Fact]
    public async Task Delete_clears_armed_faults()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "*", kind = "http503", count = 5 });

        await emu.AdminAsync(HttpMethod.Delete, "faults", expected: HttpStatusCode.NoContent);
        var answer = await emu.CallAsync("listConf");

        Assert.Equal(100, answer.Status());
        Assert.Equal(0, (await emu.AdminAsync(HttpMethod.Get, "faults")).GetArrayLength());
    }

    [Fact]
    public async Task Armed_fault_is_echoed_and_listed()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var echoed = await emu.AddFaultAsync(new { endpoint = "getConf", kind = "http429", count = 3, retryAfterSec = 2 });
        var listed = (await emu.AdminAsync(HttpMethod.Get, "faults"))[0];

        foreach (var fault in new[] { echoed, listed })
        {
            Assert.Equal("getConf", fault.Str("endpoint"));
            Assert.Equal("http429", fault.Str("kind"));
            Assert.Equal(3, fault.Num("count"));
            Assert.Equal(2, fault.Num("retryAfterSec"));
        }
    }

    [Fact]
    public async Task Unknown_fault_kind_is_400()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.AdminAsync(HttpMethod.Post, "faults", new { endpoint = "*", kind = "explode", count = 1 }, HttpStatusCode.BadRequest);

        Assert.Contains("kind", answer.Str("error"));
    }
}
