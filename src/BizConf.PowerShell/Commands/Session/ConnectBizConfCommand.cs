using System.Net;
using System.Security;
using System.Threading;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Connect-BizConf: makes a session and, unless told otherwise, the runspace's default one. A connect that fails
/// leaves no default session at all, so a runbook that goes on does not act for the site it was connected to before.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "BizConf", DefaultParameterSetName = ConnectCredentials.EnvironmentSet)]
[OutputType(typeof(BizConfSession))]
public sealed class ConnectBizConfCommand : PSCmdlet, IDisposable
{
    private readonly CommandOutput output = new CommandOutput();
    private readonly CancellationTokenSource stopping = new CancellationTokenSource();

    /// <summary>Whether the arguments were bound and the command began.</summary>
    private bool begun;

    /// <summary>The login name of the BizConf account (the API's loginName), used with ApiKey.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ConnectCredentials.ApiKeySet)]
    [ValidateNotNullOrEmpty]
    [Alias("UserName")]
    public string LoginName { get; set; } = string.Empty;

    /// <summary>The API key of the account's site, as a SecureString, used with LoginName.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ConnectCredentials.ApiKeySet)]
    [ValidateNotNull]
    [SecureStringTransformation]
    public SecureString ApiKey { get; set; } = null!;

    /// <summary>The login name (user name) and API key (password) as one credential.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ConnectCredentials.CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>The site sign (the API's siteSign): with it the account is checked on connecting; defaults to BIZCONF_SITE_SIGN.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SiteSign { get; set; }

    /// <summary>The API root: BIZCONF_BASE_URI when set, otherwise the service's own; a bare host gets /openapi/ added.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>The site's time zone (Windows or IANA id), in which times are sent; China Standard Time by default.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    public string TimeZone { get; set; } = SiteTime.DefaultZoneId;

    /// <summary>How long one attempt may take, in seconds: 1 to 86400 (a day).</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int TimeoutSec { get; set; } = 100;

    /// <summary>How many times a failed request is tried again, 0 to 10 (3 by default).</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetry { get; set; } = 3;

    /// <summary>The HTTP proxy every call of the session goes through; without it, HTTPS_PROXY, HTTP_PROXY and NO_PROXY decide.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>The credentials the proxy asks for.</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Answers the proxy with the credentials of the user running PowerShell.</summary>
    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    /// <summary>Against a service that rations requests (HTTP 429), retry each refused request as any other instead of finding and keeping its pace.</summary>
    [Parameter]
    public SwitchParameter NoRateAdaptation { get; set; }

    /// <summary>Writes the new session, to keep in a variable and pass to -Session.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Loads the module's views, so the session reads as a table.</summary>
    protected override void BeginProcessing()
    {
        begun = true;
        FormatViews.EnsureLoaded(this);
    }

    /// <summary>Cancels the account check in flight (Ctrl+C).</summary>
    protected override void StopProcessing() => stopping.Cancel();

    /// <summary>Cancels anything still in flight when PowerShell lets go of the command.</summary>
    public void Dispose()
    {
        if (!begun)
        {
            // PowerShell refused an argument (-TimeoutSec 86401, a null -ApiKey) before any of this command ran; a
            // runbook going on must not act for the site it was connected to before. Tab completion makes the
            // command too, but never disposes it.
            SessionStore.ConnectFailed("PowerShell refused one of its arguments before it could connect");
        }

        stopping.Cancel();
        GC.SuppressFinalize(this);
    }

    /// <summary>Makes the session, checks the account when a site sign is given, and makes it the current one.</summary>
    protected override void EndProcessing()
    {
        var credentials = ConnectCredentials.Resolve(this, ParameterSetName, LoginName, ApiKey, Credential);
        var options = new BizConfClientOptions
        {
            LoginName = credentials.LoginName,
            SiteSign = SiteSign ?? ConnectCredentials.NonEmpty(Environment.GetEnvironmentVariable(ConnectCredentials.SiteSignVariable)),
            MaxRetry = MaxRetry,
            AdaptiveRate = !NoRateAdaptation,
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
            ProxyUseDefaultCredentials = ProxyUseDefaultCredentials,
        };

        BizConfClient client = null!;
        try
        {
            options.Timeout = TimeSpan.FromSeconds(TimeoutSec);
            options.TimeZone = SiteTime.ResolveZone(TimeZone);
            var baseUri = BaseUri ?? ConnectCredentials.ParseUri(Environment.GetEnvironmentVariable(ConnectCredentials.BaseUriVariable));
            if (baseUri != null)
            {
                options.BaseUri = baseUri;
            }

            client = new BizConfClient(options, credentials.ApiKey);
        }
        catch (BizConfArgumentException e)
        {
            Fail(e, "InvalidConnectArgument");
        }

        if (options.IsUnencrypted)
        {
            WriteWarning($"BaseUri {options.BaseUri} is plain http to another machine: the tokens signed with the API key, " +
                "meeting passwords and join links travel unencrypted. Use https, or http only to 127.0.0.1 or localhost.");
        }

        var session = new BizConfSession(client, options.TimeZone.Id);
        if (session.SiteSign != null)
        {
            CheckAccount(session);
        }

        // The previous default is not disposed: a script may still hold it (from -PassThru) and use it with -Session.
        SessionStore.Current = session;
        WriteVerbose($"Connected to {session.BaseUri} as {session.LoginName}.");
        if (PassThru)
        {
            WriteObject(session);
        }
    }

    /// <summary>Ends the connect with a terminating error, and leaves the runspace with no default session.</summary>
    internal void Fail(BizConfException e, string errorId, string? detail = null)
    {
        SessionStore.ConnectFailed(detail ?? e.Message);
        var record = new System.Management.Automation.ErrorRecord(e, errorId, ErrorRecords.Category(e.Kind), null);
        if (detail != null)
        {
            record.ErrorDetails = new ErrorDetails(detail);
        }

        ThrowTerminatingError(record);
    }

    private void CheckAccount(BizConfSession session)
    {
        bool available;
        try
        {
            var client = session.Client.WithOutput(output.Verbose, output.Warning);
            available = output.Await(this, token => client.CheckAccountAsync(null, token), stopping.Token);
        }
        catch (PipelineStoppedException)
        {
            session.Dispose();
            SessionStore.ConnectFailed("it was stopped before the account was checked");
            throw;
        }
        catch (BizConfException e)
        {
            session.Dispose();
            Fail(e, e.ErrorId, $"Connect-BizConf could not use the account '{session.LoginName}' on site '{session.SiteSign}': {e.Message}");
            return;
        }

        if (!available)
        {
            WriteWarning($"account/check says the account '{session.LoginName}' is not available on site '{session.SiteSign}' right now.");
        }
    }
}
