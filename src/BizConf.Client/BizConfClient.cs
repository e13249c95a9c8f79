using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BizConf.Transport;

namespace BizConf;

/// <summary>
/// The BizConf Open API as plain async C#. One instance per session: it owns one HttpClient. Safe to use from
/// several threads at once. Each area of the API lives in its own partial file.
/// </summary>
public sealed partial class BizConfClient : IDisposable
{
    private readonly ApiTransport transport;
    private readonly bool ownsTransport;

    public BizConfClient(BizConfClientOptions options, string apiKey)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        if (string.IsNullOrWhiteSpace(options.LoginName))
        {
            throw new BizConfArgumentException("LoginName must not be empty.", "LoginName");
        }

        InputRules.CheckText("LoginName", options.LoginName);
        InputRules.CheckText("SiteSign", options.SiteSign);

        transport = new ApiTransport(options, new Signer(apiKey));
        ownsTransport = true;
        LoginName = options.LoginName;
    }

    private BizConfClient(BizConfClient site, string loginName)
    {
        Options = site.Options;
        transport = site.transport;
        LoginName = loginName;
    }

    public BizConfClientOptions Options { get; }

    /// <summary>The account every account-token call of this client acts for.</summary>
    public string LoginName { get; }

    /// <summary>
    /// The same client acting for another account of the site. The API key is the site's, so one key signs for
    /// every account; the view shares this client's connection and timestamps, and disposing it does nothing.
    /// An empty name means this client's own account. A name that breaks the input rules (a control character,
    /// more than 255 characters) is refused, naming LoginName.
    /// </summary>
    public BizConfClient ForAccount(string? loginName)
    {
        var name = loginName?.Trim();
        InputRules.CheckText("LoginName", name);
        return string.IsNullOrEmpty(name) || string.Equals(name, LoginName, StringComparison.Ordinal) ? this : new BizConfClient(this, name!);
    }

    public void Dispose()
    {
        if (ownsTransport)
        {
            transport.Dispose();
        }
    }

    public override string ToString() => $"BizConf client for {LoginName} at {Options.BaseUri}";

    private Task<JsonElement> SendAsync(ApiCall call, CancellationToken cancellationToken) =>
        transport.SendAsync(call, cancellationToken);

    private ApiCall Post(string endpoint, bool safeToRepeat) =>
        new ApiCall(endpoint, HttpMethod.Post, TokenKind.Account, safeToRepeat) { LoginName = LoginName };

    private ApiCall Get(string endpoint) =>
        new ApiCall(endpoint, HttpMethod.Get, TokenKind.Account, safeToRepeat: true) { LoginName = LoginName };

    private string RequireSiteSign(string parameterUse)
    {
        if (string.IsNullOrWhiteSpace(Options.SiteSign))
        {
            throw new BizConfOperationException(
                $"This call ({parameterUse}) needs the site sign, and the session has none: connect with -SiteSign (or set BIZCONF_SITE_SIGN).",
                "SiteSignRequired");
        }

        return Options.SiteSign!;
    }

    private DateTimeOffset Now => Options.Clock();

    private string Wire(DateTimeOffset instant) => SiteTime.ToWire(instant, Options.TimeZone);

    private static void RequirePositive(long value, string parameter)
    {
        if (value <= 0)
        {
            throw new BizConfArgumentException($"{parameter} must be a positive number; it is {value}.", parameter);
        }
    }
}
