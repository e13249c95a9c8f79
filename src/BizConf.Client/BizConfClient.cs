using System.Net.Http;
using System.Text.Json;
using BizConf.Transport;

namespace BizConf;

/// <summary>
/// The BizConf Open API as plain async C#. One instance per session: it owns one HttpClient. Safe to use from
/// several threads at once. Views of it (<see cref="ForAccount"/>, <see cref="WithOutput"/>) share its connection,
/// timestamps, pace and locks; disposing a view does nothing. Each area of the API lives in its own partial file.
/// </summary>
public sealed partial class BizConfClient : IDisposable
{
    private readonly ApiTransport transport;
    private readonly bool ownsTransport;
    private readonly CallSinks sinks;

    /// <summary>A client for <see cref="BizConfClientOptions.LoginName"/>, signing with <paramref name="apiKey"/>, which only the signer keeps.</summary>
    public BizConfClient(BizConfClientOptions options, string apiKey)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        if (string.IsNullOrWhiteSpace(options.LoginName))
        {
            throw new BizConfArgumentException("LoginName must not be empty.", "LoginName");
        }

        InputRules.CheckText("LoginName", options.LoginName);
        InputRules.CheckText("SiteSign", options.SiteSign);
        InputRules.CheckProxy(options.Proxy);

        transport = new ApiTransport(options, new Signer(apiKey));
        ownsTransport = true;
        LoginName = options.LoginName;
        sinks = new CallSinks(options.Log, options.Warn ?? options.Log);
        Locks = new ResourceLocks();
    }

    private BizConfClient(BizConfClient site, string loginName, CallSinks sinks)
    {
        Options = site.Options;
        transport = site.transport;
        Locks = site.Locks;
        LoginName = loginName;
        this.sinks = sinks;
    }

    /// <summary>The settings of the session.</summary>
    public BizConfClientOptions Options { get; }

    /// <summary>The account every account-token call of this client acts for.</summary>
    public string LoginName { get; }

    /// <summary>
    /// The session's locks on meetings and webinars: a read-modify-write of one holds its lock, so two runspaces that
    /// share the session cannot undo each other's change. The API has no guard across processes.
    /// </summary>
    internal ResourceLocks Locks { get; }

    /// <summary>
    /// The same client acting for another account of the site. The API key is the site's, so one key signs for
    /// every account. An empty name means this client's own account. A name that breaks the input rules (a control
    /// character, more than 255 characters) is refused, naming LoginName.
    /// </summary>
    public BizConfClient ForAccount(string? loginName)
    {
        var name = loginName?.Trim();
        InputRules.CheckText("LoginName", name);
        return string.IsNullOrEmpty(name) || string.Equals(name, LoginName, StringComparison.Ordinal) ? this : new BizConfClient(this, name!, sinks);
    }

    /// <summary>
    /// The same client, with the log lines and warnings of its calls sent to <paramref name="verbose"/> and
    /// <paramref name="warning"/> (a cmdlet's verbose and warning streams) instead of the options' log.
    /// </summary>
    public BizConfClient WithOutput(Action<string>? verbose, Action<string>? warning) =>
        new BizConfClient(this, LoginName, new CallSinks(verbose, warning));

    /// <summary>The pace this session keeps against a rationing service, in requests a second; null while none was needed.</summary>
    public double? RequestRate => transport.Gate.Rate;

    /// <summary>Closes the connection; calls in flight end as closed.</summary>
    public void Dispose()
    {
        if (ownsTransport)
        {
            transport.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"BizConf client for {LoginName} at {Options.BaseUri}";

    private CallState NewCall() => new CallState(Options.MaxRetry, sinks);

    private Task<JsonElement> SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
        transport.SendAsync(request, NewCall(), cancellationToken);

    private Task<JsonElement> SendAsync(ApiRequest request, CallState state, CancellationToken cancellationToken) =>
        transport.SendAsync(request, state, cancellationToken);

    private ApiRequest Post(string endpoint, Repeat repeat) =>
        new ApiRequest(endpoint, HttpMethod.Post, TokenKind.Account, LoginName, repeat);

    private ApiRequest Get(string endpoint) =>
        new ApiRequest(endpoint, HttpMethod.Get, TokenKind.Account, LoginName, Repeat.Safe);

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

    private void Log(string line) => sinks.Log?.Invoke(line);

    private void Warn(string line) => sinks.Warn?.Invoke(line);

    private static void RequirePositive(long value, string parameter)
    {
        if (value <= 0)
        {
            throw new BizConfArgumentException($"{parameter} must be a positive number; it is {value}.", parameter);
        }
    }

    private static JsonElement Data(JsonElement root, string endpoint)
    {
        if (!Json.TryGet(root, "data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new BizConfTransportException($"{endpoint} answered success without a data object.", endpoint, TransportFailure.BadAnswer, HttpStatusCodes.Ok);
        }

        return data;
    }
}
