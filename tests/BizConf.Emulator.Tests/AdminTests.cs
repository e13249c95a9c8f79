using System.Net;
using System.Text.Json;

namespace BizConf.Emulator.Tests;

public sealed class AdminTests
{
    [Fact]
    public async Task Request_log_records_every_field_as_sent_and_both_statuses_in_order()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var signed = emu.Signed();
        signed["keyword"] = "周";
        await emu.SendAsync(HttpMethod.Post, "listConf", signed);
        await emu.CallAsync("listConf", Array.Empty<(string, string)>(), login: "ghost");
        using (await emu.SendRawAsync(HttpMethod.Get, "confReservation", new Dictionary<string, string> { ["a"] = "1" }))
        {
        }

        await emu.AddFaultAsync(new { endpoint = "*", kind = "http429", count = 1 });
        using (await emu.SendRawAsync(HttpMethod.Get, "account/check", new Dictionary<string, string>()))
        {
        }

        var log = (await emu.RequestLogAsync()).EnumerateArray().ToList();

        Assert.Equal(4, log.Count);
        Assert.Equal("listConf", log[0].Str("endpoint"));
        Assert.Equal("POST", log[0].Str("method"));
        var fields = log[0].GetProperty("fields");
        Assert.Equal(signed.Count, fields.EnumerateObject().Count());
        foreach (var (name, value) in signed)
        {
            Assert.Equal(value, fields.Str(name));
        }

        Assert.Equal(200, log[0].Num("httpStatus"));
        Assert.Equal(100, log[0].Num("status"));
        Assert.Equal(101, log[1].Num("status"));
        Assert.Equal("GET", log[2].Str("method"));
        Assert.Equal("1", log[2].GetProperty("fields").Str("a"));
        Assert.Equal(405, log[2].Num("httpStatus"));
        Assert.Equal(JsonValueKind.Null, log[2].GetProperty("status").ValueKind);
        Assert.Equal("account/check", log[3].Str("endpoint"));
        Assert.Equal(429, log[3].Num("httpStatus"));
        Assert.Equal(JsonValueKind.Null, log[3].GetProperty("status").ValueKind);
        Assert.Equal("2031-03-10T02:00:00.000Z", log[0].Str("time"));
    }

    [Fact]
    public async Task Request_log_can_be_cleared_and_ignores_admin_calls()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.CallAsync("listConf");

        await emu.AdminAsync(HttpMethod.Delete, "requests", expected: HttpStatusCode.NoContent);
        await emu.AllMeetingsAsync();

        Assert.Equal(0, (await emu.RequestLogAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Sites_and_accounts_are_created_and_updated_and_echoed()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var site = await emu.AdminAsync(HttpMethod.Post, "sites", new { siteSign = "acme", apiKey = "acme-key", licences = 3 });
        var created = await emu.AdminAsync(HttpMethod.Post, "accounts", new { loginName = "ann", siteSign = "acme", maxConcurrent = 2, locked = false });
        var updated = await emu.AdminAsync(HttpMethod.Post, "accounts", new { loginName = "ann", locked = true });

        Assert.Equal("acme", site.Str("siteSign"));
        Assert.Equal("acme-key", site.Str("apiKey"));
        Assert.Equal(3, site.Num("licences"));
        Assert.Equal("acme", created.Str("siteSign"));
        Assert.Equal(2, created.Num("maxConcurrent"));
        Assert.False(created.GetProperty("locked").GetBoolean());
        Assert.Equal(1002, created.Num("userId"));
        Assert.True(updated.GetProperty("locked").GetBoolean());
        Assert.Equal(2, updated.Num("maxConcurrent"));
        Assert.Equal(created.Num("userId"), updated.Num("userId"));
    }

    [Fact]
    public async Task Account_on_an_unknown_site_is_400()
    {
        await using var emu = await EmulatorHost.StartAsync();

        await emu.AdminAsync(HttpMethod.Post, "accounts", new { loginName = "ann", siteSign = "nowhere" }, HttpStatusCode.BadRequest);

        Assert.Equal(101, (await emu.CallAsync("listConf", Array.Empty<(string, string)>(), login: "ann")).Status());
    }

    [Fact]
    public async Task Changing_a_sites_key_changes_which_tokens_pass()
    {
        await using var emu = await EmulatorHost.StartAsync();

        await emu.AddSiteAsync(Wire.DemoSite, "rotated-key", 100);

        Assert.Equal(102, (await emu.CallAsync("listConf")).Status());
        Assert.Equal(100, (await emu.CallAsync("listConf", Array.Empty<(string, string)>(), apiKey: "rotated-key")).Status());
    }

    [Fact]
    public async Task Reset_returns_to_the_seed_and_forgets_meetings_faults_log_and_used_tokens()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("extra", "extra-key", 1);
        await emu.AddAccountAsync("demo", locked: true);
        await emu.AddAccountAsync("demo", locked: false);
        await emu.ReserveIdAsync("Before reset", TimeSpan.FromHours(1));
        var usedOnce = emu.Signed();
        Assert.Equal(100, (await emu.SendAsync(HttpMethod.Post, "listConf", usedOnce)).Status());
        await emu.AddFaultAsync(new { endpoint = "getConf", kind = "http503", count = 3 });

        await emu.AdminAsync(HttpMethod.Post, "reset", expected: HttpStatusCode.NoContent);

        Assert.Equal(0, (await emu.AllMeetingsAsync()).GetArrayLength());
        Assert.Equal(0, (await emu.AdminAsync(HttpMethod.Get, "faults")).GetArrayLength());
        Assert.Equal(0, (await emu.RequestLogAsync()).GetArrayLength());
        Assert.Equal(100, (await emu.SendAsync(HttpMethod.Post, "listConf", usedOnce)).Status());
        await emu.AdminAsync(HttpMethod.Post, "accounts", new { loginName = "x", siteSign = "extra" }, HttpStatusCode.BadRequest);
        var meeting = (await emu.ReserveAsync("After reset", TimeSpan.FromHours(1))).Data();
        Assert.Equal(1, meeting.Num("id"));
        Assert.Equal(1001, meeting.Num("userId"));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("192.168.0.7", false)]
    [InlineData("fe80::1", false)]
    public void Admin_api_accepts_only_loopback_callers(string address, bool allowed)
    {
        Assert.Equal(allowed, BizConf.Emulator.Endpoints.AdminGuard.IsLocal(IPAddress.Parse(address)));
    }

    [Fact]
    public void Admin_api_refuses_a_caller_without_an_address()
    {
        Assert.False(BizConf.Emulator.Endpoints.AdminGuard.IsLocal(null));
    }
}
