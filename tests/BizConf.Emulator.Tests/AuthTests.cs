using System.Globalization;

namespace BizConf.Emulator.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Correctly_signed_request_succeeds()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.CallAsync("listConf");

        Assert.Equal(100, answer.Status());
    }

    [Fact]
    public async Task Unknown_login_name_is_101()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.CallAsync("listConf", Array.Empty<(string, string)>(), login: "nobody");

        Assert.Equal(101, answer.Status());
        Assert.False(answer.Has("data"));
        Assert.False(string.IsNullOrEmpty(answer.Str("message")));
    }

    [Fact]
    public async Task Token_made_with_a_wrong_key_is_102()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.CallAsync("listConf", Array.Empty<(string, string)>(), apiKey: "not-the-key");

        Assert.Equal(102, answer.Status());
    }

    [Fact]
    public async Task Reused_timestamp_is_102_even_with_a_correct_token()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = emu.Signed();

        var first = await emu.SendAsync(HttpMethod.Post, "listConf", fields);
        var second = await emu.SendAsync(HttpMethod.Post, "listConf", fields);

        Assert.Equal(100, first.Status());
        Assert.Equal(102, second.Status());
    }

    [Fact]
    public async Task Same_timestamp_under_another_api_key_is_not_a_reuse()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("other-site", "other-key", 10);
        await emu.AddAccountAsync("other", "other-site");
        var timeStamp = emu.NextTimeStamp();

        var demo = await emu.SendAsync(HttpMethod.Post, "listConf", SignedAt("demo", Wire.DemoKey, timeStamp));
        var other = await emu.SendAsync(HttpMethod.Post, "listConf", SignedAt("other", "other-key", timeStamp));

        Assert.Equal(100, demo.Status());
        Assert.Equal(100, other.Status());
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Timestamp_more_than_five_minutes_from_the_server_clock_is_102(int minutes)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var timeStamp = emu.Clock.GetUtcNow().AddMinutes(minutes).ToUnixTimeMilliseconds();

        var answer = await emu.SendAsync(HttpMethod.Post, "listConf", SignedAt("demo", Wire.DemoKey, timeStamp));

        Assert.Equal(102, answer.Status());
    }

    [Fact]
    public async Task Timestamp_four_minutes_old_is_still_accepted()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var timeStamp = emu.Clock.GetUtcNow().AddMinutes(-4).ToUnixTimeMilliseconds();

        var answer = await emu.SendAsync(HttpMethod.Post, "listConf", SignedAt("demo", Wire.DemoKey, timeStamp));

        Assert.Equal(100, answer.Status());
    }

    [Theory]
    [InlineData("12ab")]
    [InlineData("-5")]
    [InlineData("")]
    public async Task Non_numeric_or_missing_timestamp_is_102(string timeStamp)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = new Dictionary<string, string>
        {
            ["loginName"] = "demo",
            ["timeStamp"] = timeStamp,
            ["token"] = Wire.Md5($"demo|{Wire.DemoKey}|{timeStamp}"),
        };

        var answer = await emu.SendAsync(HttpMethod.Post, "listConf", fields);

        Assert.Equal(102, answer.Status());
    }

    [Fact]
    public async Task Token_is_compared_ignoring_case()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = emu.Signed();
        fields["token"] = fields["token"].ToUpperInvariant();

        var answer = await emu.SendAsync(HttpMethod.Post, "listConf", fields);

        Assert.Equal(100, answer.Status());
    }

    [Fact]
    public async Task Account_token_is_checked_with_the_accounts_own_site_key()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("other-site", "other-key", 10);
        await emu.AddAccountAsync("other", "other-site");

        var withDemoKey = await emu.CallAsync("listConf", Array.Empty<(string, string)>(), login: "other", apiKey: Wire.DemoKey);
        var withOwnKey = await emu.CallAsync("listConf", Array.Empty<(string, string)>(), login: "other", apiKey: "other-key");

        Assert.Equal(102, withDemoKey.Status());
        Assert.Equal(100, withOwnKey.Status());
    }

    [Fact]
    public async Task Locked_account_is_108_after_a_good_token_and_102_before()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddAccountAsync("demo", locked: true);

        var goodToken = await emu.CallAsync("listConf");
        var badToken = await emu.CallAsync("listConf", Array.Empty<(string, string)>(), apiKey: "wrong");

        Assert.Equal(108, goodToken.Status());
        Assert.Equal(102, badToken.Status());
    }

    [Fact]
    public async Task Unlocking_an_account_lets_it_in_again()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddAccountAsync("demo", locked: true);
        await emu.AddAccountAsync("demo", locked: false);

        Assert.Equal(100, (await emu.CallAsync("listConf")).Status());
    }

    [Theory]
    [InlineData("no-such-site", 106)]
    [InlineData("other-site", 106)]
    [InlineData("", 109)]
    public async Task Account_check_refuses_a_site_sign_that_is_not_the_accounts(string siteSign, int expected)
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("other-site", "other-key", 10);

        var answer = await emu.CallAsync("account/check", ("siteSign", siteSign));

        Assert.Equal(expected, answer.Status());
    }

    [Fact]
    public async Task Site_sign_is_checked_after_the_token()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.CallAsync("account/check", new[] { ("siteSign", "no-such-site") }, apiKey: "wrong");

        Assert.Equal(102, answer.Status());
    }

    private static Dictionary<string, string> SignedAt(string login, string apiKey, long timeStamp) => new()
    {
        ["loginName"] = login,
        ["timeStamp"] = timeStamp.ToString(CultureInfo.InvariantCulture),
        ["token"] = Wire.AccountToken(login, apiKey, timeStamp),
    };
}
