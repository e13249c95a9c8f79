using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BizConf.Emulator.Api;

namespace BizConf.Emulator;

/// <summary>The caller an account token proved: who it is and which site it belongs to.</summary>
internal sealed record Caller(string LoginName, long UserId, string SiteSign);

/// <summary>
/// Token checks of docs/API.md, "Signing". Account token: md5("loginName|apiKey|timeStamp") with the key of the
/// account's site. Site token: md5("apiKey|timeStamp") with the key of the site named by siteSign.
/// Order: unknown loginName 101, bad/stale/reused token 102, locked account 108, wrong siteSign 106.
/// </summary>
internal sealed class Auth(EmulatorState state, ReplayGuard replay)
{
    public Caller Account(RequestFields fields)
    {
        var loginName = fields.Text("loginName");
        var found = state.Read(data =>
        {
            var account = data.FindAccount(loginName);
            var site = account is null ? null : data.FindSite(account.SiteSign);
            return account is null || site is null
                ? null
                : new { Caller = new Caller(account.LoginName, account.UserId, site.SiteSign), site.ApiKey, account.Locked };
        }) ?? throw new ApiFailureException(ApiStatus.AccountNotFound);

        CheckToken(fields, found.ApiKey, $"{found.Caller.LoginName}|{found.ApiKey}|");
        if (found.Locked)
        {
            throw new ApiFailureException(ApiStatus.AccountLocked);
        }

        return found.Caller;
    }

    /// <summary>An account token on an endpoint that also takes <c>siteSign*</c>, which must be the account's site.</summary>
    public Caller AccountOfSite(RequestFields fields)
    {
        var caller = Account(fields);
        var siteSign = fields.RequiredText("siteSign", ApiStatus.ParameterError);
        if (!string.Equals(siteSign, caller.SiteSign, StringComparison.Ordinal))
        {
            throw new ApiFailureException(ApiStatus.SiteInvalid);
        }

        return caller;
    }

    /// <summary>A site token (report endpoints): returns the site's sign.</summary>
    public string Site(RequestFields fields)
    {
        var siteSign = fields.RequiredText("siteSign", ApiStatus.ParameterError);
        var apiKey = state.Read(data => data.FindSite(siteSign)?.ApiKey)
            ?? throw new ApiFailureException(ApiStatus.SiteInvalid);
        CheckToken(fields, apiKey, $"{apiKey}|");
        return siteSign;
    }

    // The API's tokens are MD5 digests (docs/API.md, "Signing"); the emulator must compute the same ones.
#pragma warning disable CA5351
    public static string Md5Hex(string text) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private void CheckToken(RequestFields fields, string apiKey, string signedPrefix)
    {
        var timeStampText = fields.Text("timeStamp");
        var token = fields.Text("token");
        if (timeStampText is null || token is null
            || !long.TryParse(timeStampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timeStamp))
        {
            throw new ApiFailureException(ApiStatus.AuthenticationFailed);
        }

        var now = state.Now;
        var age = Math.Abs(now.ToUnixTimeMilliseconds() - timeStamp);
        if (age > ReplayGuard.Window.TotalMilliseconds)
        {
            throw new ApiFailureException(ApiStatus.AuthenticationFailed, "The timeStamp is too far from the server clock.");
        }

        if (!string.Equals(Md5Hex(signedPrefix + timeStampText), token, StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiFailureException(ApiStatus.AuthenticationFailed);
        }

        if (!replay.TryUse(apiKey, timeStamp, now))
        {
            throw new ApiFailureException(ApiStatus.AuthenticationFailed, "The token was already used.");
        }
    }
}
