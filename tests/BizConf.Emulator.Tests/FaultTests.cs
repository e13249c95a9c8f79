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
    public async Task Status102_fails_before_processing_as_a_timestamp_clash_and_the_token_stays_unspent()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "listConf", kind = "status102" });
        var fields = emu.Signed();

        var failed = await emu.SendAsync(HttpMethod.Post, "listConf", fields);
        var same = await emu.SendAsync(HttpMethod.Post, "listConf", fields);

        Assert.Equal(102, failed.Status());
        Assert.Equal(100, same.Status());
    }

    [Fact]
    public async Task Every_spreads_a_fault_over_the_matching_requests()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "listConf", kind = "status103", count = 2, every = 3 });

        var statuses = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            await emu.CallAsync("getConf");
            statuses.Add((await emu.CallAsync("listConf")).Status());
        }

        Assert.Equal(new[] { 100, 100, 103, 100, 100, 103, 100, 100 }, statuses);
    }

    [Fact]
    public async Task Every_below_one_is_refused()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var refused = await emu.AdminAsync(HttpMethod.Post, "faults", new { endpoint = "*", kind = "drop", every = 0 }, HttpStatusCode.BadRequest);

        Assert.Contains("'every' must be at least 1", refused.GetProperty("error").GetString(), StringComparison.Ordinal);
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
    public async Task Lost_carries_the_request_out_and_saves_it_then_drops_the_connection_without_an_answer()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        await using var emu = await EmulatorHost.StartAsync(statePath);
        await emu.AddFaultAsync(new { endpoint = "confReservation", kind = "lost", count = 1 });
        using var freshClient = new HttpClient { BaseAddress = emu.BaseAddress };
        var fields = ReservationFields(emu, "Done but unheard");

        await Assert.ThrowsAsync<HttpRequestException>(() => emu.SendRawAsync(HttpMethod.Post, "confReservation", fields, freshClient));
        var meetings = await emu.AllMeetingsAsync();
        var repeated = await emu.SendAsync(HttpMethod.Post, "confReservation", fields);

        Assert.Equal("Done but unheard", Assert.Single(meetings.EnumerateArray()).Str("meetingName"));
        Assert.Contains("Done but unheard", StateOnDisk.Text(statePath));
        Assert.Equal(102, repeated.Status());
        var lost = (await emu.RequestLogAsync())[0];
        Assert.Equal(JsonValueKind.Null, lost.GetProperty("httpStatus").ValueKind);
        Assert.Equal(100, lost.Num("status"));
        Assert.Equal("lost", lost.Str("fault"));
    }

    [Fact]
    public async Task Late_answers_the_done_request_after_the_delay()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "confReservation", kind = "late", count = 1, delayMs = 300 });

        var watch = Stopwatch.StartNew();
        var answer = await emu.SendAsync(HttpMethod.Post, "confReservation", ReservationFields(emu, "Slow but done"));
        watch.Stop();

        Assert.Equal(100, answer.Status());
        Assert.Equal("Slow but done", answer.Data().Str("meetingName"));
        Assert.True(watch.ElapsedMilliseconds >= 290, $"answered after {watch.ElapsedMilliseconds} ms");
        var late = (await emu.RequestLogAsync())[0];
        Assert.Equal(200, late.Num("httpStatus"));
        Assert.Equal(100, late.Num("status"));
        Assert.Equal("late", late.Str("fault"));
        Assert.Equal(1, (await emu.AllMeetingsAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Late_request_is_done_while_its_answer_is_still_held_back_so_a_caller_giving_up_misses_it()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "confReservation", kind = "late", count = 1, delayMs = 60_000 });
        using var giveUp = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "openapi/confReservation")
        {
            Content = new FormUrlEncodedContent(ReservationFields(emu, "Done before the answer")),
        };

        var pending = emu.Http.SendAsync(request, giveUp.Token);
        var meetings = await Eventually(() => emu.AllMeetingsAsync(), m => m.GetArrayLength() == 1);
        var answeredYet = pending.IsCompleted;
        await giveUp.CancelAsync();

        Assert.False(answeredYet);
        Assert.Equal("Done before the answer", meetings[0].Str("meetingName"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        var entry = (await Eventually(() => emu.RequestLogAsync(), log => log[0].GetProperty("status").ValueKind == JsonValueKind.Number))[0];
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("httpStatus").ValueKind);
        Assert.Equal(100, entry.Num("status"));
        Assert.Equal("late", entry.Str("fault"));
    }

    [Fact]
    public async Task Lost_and_late_are_echoed_with_their_delay()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var lost = await emu.AddFaultAsync(new { endpoint = "cancelConf", kind = "lost" });
        var late = await emu.AddFaultAsync(new { endpoint = "*", kind = "late", count = 2, delayMs = 1500 });

        Assert.Equal("lost", lost.Str("kind"));
        Assert.Equal("late", late.Str("kind"));
        Assert.Equal(1500, late.Num("delayMs"));
        Assert.Equal(2, late.Num("count"));
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
    public async Task Request_log_names_the_fault_that_struck_and_null_for_none()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "listConf", kind = "http503", count = 1 });

        using (await emu.SendRawAsync(HttpMethod.Post, "listConf", emu.Signed()))
        {
        }

        await emu.CallAsync("listConf");

        var log = (await emu.RequestLogAsync()).EnumerateArray().ToList();
        Assert.Equal("http503", log[0].Str("fault"));
        Assert.Equal(JsonValueKind.Null, log[1].GetProperty("fault").ValueKind);
    }

    [Fact]
    public async Task Unknown_fault_kind_is_400()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.AdminAsync(HttpMethod.Post, "faults", new { endpoint = "*", kind = "explode", count = 1 }, HttpStatusCode.BadRequest);

        Assert.Contains("kind", answer.Str("error"));
    }

    private static Dictionary<string, string> ReservationFields(EmulatorHost emu, string name)
    {
        var fields = emu.Signed();
        fields["confName"] = name;
        fields["startTime"] = Wire.Wall(emu.Clock.GetUtcNow().AddHours(1));
        fields["duration"] = "30";
        return fields;
    }

    /// <summary>Reads until <paramref name="done"/> holds (at most 10 s): for what another request does meanwhile.</summary>
    private static async Task<JsonElement> Eventually(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(20);
        }
    }
}
