using System.Net;

namespace BizConf.Emulator.Tests;

/// <summary>The <c>claimPages</c> fault: listConf lies about how many pages there are, and only listConf.</summary>
public sealed class ClaimPagesTests
{
    [Fact]
    public async Task Listing_claims_the_armed_page_count_while_its_data_stays_the_real_page()
    {
        await using var emu = await EmulatorHost.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await emu.ReserveIdAsync($"Real {i}", TimeSpan.FromHours(2 * (i + 1)));
        }

        await emu.AddFaultAsync(new { endpoint = "*", kind = "claimPages", totalPage = 7, count = 2 });
        var first = await emu.CallAsync("listConf", ("pageSize", "2"));
        var got = await emu.CallAsync("getConf", ("confId", "1"));
        var pastTheEnd = await emu.CallAsync("listConf", ("pageSize", "2"), ("pageNo", "3"));
        var honest = await emu.CallAsync("listConf", ("pageSize", "2"));
        var log = (await emu.RequestLogAsync()).EnumerateArray().ToList();

        Assert.Equal(7, first.Num("totalPage"));
        Assert.Equal(14, first.Num("totalRecord"));
        Assert.Equal(2, first.Num("pageSize"));
        Assert.Equal(1, first.Num("currentPage"));
        Assert.Equal(new[] { "Real 0", "Real 1" }, first.GetProperty("data").EnumerateArray().Select(m => m.Str("meetingName")));
        Assert.Equal(100, got.Status());
        Assert.Equal(7, pastTheEnd.Num("totalPage"));
        Assert.Equal(0, pastTheEnd.GetProperty("data").GetArrayLength());
        Assert.Equal(2, honest.Num("totalPage"));
        Assert.Equal(3, honest.Num("totalRecord"));
        Assert.Equal(new[] { "claimPages", null, "claimPages", null }, log.Where(e => e.Str("endpoint") is "listConf" or "getConf")
            .Select(e => e.GetProperty("fault").GetString()));
    }

    [Fact]
    public async Task Claimed_record_count_is_clamped_to_a_32_bit_number()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "listConf", kind = "claimPages", totalPage = int.MaxValue });

        var answer = await emu.CallAsync("listConf", ("pageSize", "50"));

        Assert.Equal(int.MaxValue, answer.Num("totalPage"));
        Assert.Equal(int.MaxValue, answer.Num("totalRecord"));
        Assert.Equal(0, answer.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"kind\":\"claimPages\"}", "'totalPage' is required")]
    [InlineData("{\"kind\":\"claimPages\",\"totalPage\":-1}", "'totalPage' must be at least 0")]
    [InlineData("{\"kind\":\"claimPages\",\"totalPage\":2,\"endpoint\":\"getConf\"}", "'endpoint' must be listConf")]
    [InlineData("{\"kind\":\"http503\",\"totalPage\":2}", "'totalPage' is only for the kind claimPages")]
    public async Task Claim_pages_fault_needs_a_page_count_and_the_listing_endpoint(string body, string said)
    {
        await using var emu = await EmulatorHost.StartAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await emu.Http.PostAsync("_emulator/faults", content);
        var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(said, answer.Str("error"));
        Assert.Equal(0, (await emu.AdminAsync(HttpMethod.Get, "faults")).GetArrayLength());
    }
}
