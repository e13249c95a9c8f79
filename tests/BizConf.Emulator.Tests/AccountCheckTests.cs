using System.Text.Json;

namespace BizConf.Emulator.Tests;

public sealed class AccountCheckTests
{
    [Fact]
    public async Task Answer_has_is_available_at_the_top_level()
    {
        await using var emu = await EmulatorHost.StartAsync();

        using var response = await emu.SendRawAsync(HttpMethod.Get, "account/check", With(emu.Signed(), "siteSign", Wire.DemoSite));
        var text = await response.Content.ReadAsStringAsync();
        var answer = JsonDocument.Parse(text).RootElement;

        Assert.Equal(100, answer.Status());
        Assert.True(answer.GetProperty("isAvailable").GetBoolean());
        Assert.False(answer.Has("data"));
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Not_available_while_other_accounts_hold_every_licence_of_the_site()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("small", "small-key", 1);
        await emu.AddAccountAsync("alice", "small");
        await emu.AddAccountAsync("bob", "small");
        await emu.ReserveIdAsync("Alice's", TimeSpan.FromMinutes(30), 60, login: "alice", apiKey: "small-key");

        var beforeItStarts = await Check(emu, "bob");
        emu.Clock.Advance(TimeSpan.FromMinutes(45));
        var whileItRuns = await Check(emu, "bob");
        var aliceHerself = await Check(emu, "alice");
        emu.Clock.Advance(TimeSpan.FromMinutes(60));
        var afterItEnds = await Check(emu, "bob");

        Assert.True(beforeItStarts);
        Assert.False(whileItRuns);
        Assert.True(aliceHerself);
        Assert.True(afterItEnds);
    }

    [Fact]
    public async Task Site_without_licences_is_never_available()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync(Wire.DemoSite, Wire.DemoKey, 0);

        Assert.False(await Check(emu, "demo", Wire.DemoKey, Wire.DemoSite));
        Assert.Equal(205, (await emu.ReserveAsync("No licence", TimeSpan.FromHours(1))).Status());
    }

    [Fact]
    public async Task Post_to_account_check_is_405()
    {
        await using var emu = await EmulatorHost.StartAsync();

        using var response = await emu.SendRawAsync(HttpMethod.Post, "account/check", With(emu.Signed(), "siteSign", Wire.DemoSite));

        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static async Task<bool> Check(EmulatorHost emu, string login, string apiKey = "small-key", string siteSign = "small")
    {
        var answer = await emu.CallAsync("account/check", new[] { ("siteSign", siteSign) }, login, apiKey);
        Assert.Equal(100, answer.Status());
        return answer.GetProperty("isAvailable").GetBoolean();
    }

    private static Dictionary<string, string> With(Dictionary<string, string> fields, string name, string value)
    {
        fields[name] = value;
        return fields;
    }
}
