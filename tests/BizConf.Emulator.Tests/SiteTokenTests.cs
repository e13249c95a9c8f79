using System.Globalization;
using BizConf.Emulator.Api;
using Microsoft.Extensions.Primitives;

namespace BizConf.Emulator.Tests;

/// <summary>
/// The site token (docs/API.md, "Signing") guards the report endpoints, which arrive in a later round; the check itself
/// is pinned here directly.
/// </summary>
public sealed class SiteTokenTests
{
    private readonly ManualClock clock = new();
    private readonly Auth auth;

    public SiteTokenTests()
    {
        var replay = new ReplayGuard();
        auth = new Auth(new EmulatorState(clock, file: null, replay), replay);
    }

    [Fact]
    public void Good_site_token_names_the_site_and_is_good_once()
    {
        var fields = SiteFields(Wire.DemoSite, Wire.DemoKey, clock.GetUtcNow().ToUnixTimeMilliseconds());

        Assert.Equal(Wire.DemoSite, auth.Site(fields));
        Assert.Equal(102, Assert.Throws<ApiFailureException>(() => auth.Site(fields)).Status);
    }

    [Fact]
    public void Unknown_site_is_106_and_wrong_key_is_102()
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        Assert.Equal(106, Assert.Throws<ApiFailureException>(() => auth.Site(SiteFields("nowhere", Wire.DemoKey, now))).Status);
        Assert.Equal(102, Assert.Throws<ApiFailureException>(() => auth.Site(SiteFields(Wire.DemoSite, "wrong", now + 1))).Status);
    }

    private static RequestFields SiteFields(string siteSign, string apiKey, long timeStamp)
    {
        var stamp = timeStamp.ToString(CultureInfo.InvariantCulture);
        return new RequestFields(new Dictionary<string, StringValues>
        {
            ["siteSign"] = siteSign,
            ["timeStamp"] = stamp,
            ["token"] = Wire.Md5($"{apiKey}|{stamp}"),
        });
    }
}
