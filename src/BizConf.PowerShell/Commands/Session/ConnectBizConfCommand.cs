using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Commands;

/// <summary>Connect-BizConf: makes a session and, unless told otherwise, the runspace's default one.</summary>
[Cmdlet(VerbsCommunications.Connect, "BizConf", DefaultParameterSetName = EnvironmentSet)]
[OutputType(typeof(BizConfSession))]
public sealed class ConnectBizConfCommand : BizConfAsyncCmdlet
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";
    private const string EnvironmentSet = "Environment";

    internal const string LoginNameVariable = "BIZCONF_LOGIN_NAME";
    internal const string ApiKeyVariable = "BIZCONF_API_KEY";
    internal const string SiteSignVariable = "BIZCONF_SITE_SIGN";
    internal const string BaseUriVariable = "BIZCONF_BASE_URI";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
    [ValidateNotNullOrEmpty]
    [Alias("UserName")]
    public string LoginName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ApiKeySet)]
    [ValidateNotNull]
    public SecureString ApiKey { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = null!;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SiteSign { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    public string TimeZone { get; set; } = SiteTime.DefaultZoneId;

    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 100;

    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetry { get; set; } = 3;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        string loginName;
        string apiKey;
        switch (ParameterSetName)
        {
            case ApiKeySet:
                loginName = LoginName;
                apiKey = new NetworkCredential(string.Empty, ApiKey).Password;
                break;
            case CredentialSet:
                loginName = Credential.UserName;
                apiKey = Credential.GetNetworkCredential().Password;
                break;
            default:
                loginName = Environment.GetEnvironmentVariable(LoginNameVariable) ?? string.Empty;
                apiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) ?? string.Empty;
                if (loginName.Length == 0 || apiKey.Length == 0)
                {
                    Fail(new BizConfArgumentException(
                        $"Connect-BizConf needs -LoginName and -ApiKey, or -Credential, or the environment variables {LoginNameVariable} and {ApiKeyVariable}.",
                        "LoginName"), "NoBizConfCredentials");
                }

                break;
        }

        if (string.IsNullOrWhiteSpace(loginName))
        {
            Fail(new BizConfArgumentException("The login name (the credential's user name) must not be empty.", "LoginName"), "NoBizConfCredentials");
        }

        if (string.IsNullOrEmpty(apiKey))
        {
            Fail(new BizConfArgumentException("The API key (the credential's password) must not be empty.", "ApiKey"), "NoBizConfCredentials");
        }

        var options = new BizConfClientOptions
        {
            LoginName = loginName.Trim(),
            SiteSign = SiteSign ?? NonEmpty(Environment.GetEnvironmentVariable(SiteSignVariable)),
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            MaxRetry = MaxRetry,
            Log = ForwardLog,
        };

        try
        {
            options.TimeZone = SiteTime.ResolveZone(TimeZone);
            var baseUri = BaseUri ?? ParseUri(Environment.GetEnvironmentVariable(BaseUriVariable));
            if (baseUri != null)
            {
                options.BaseUri = baseUri;
            }
        }
        catch (BizConfArgumentException e)
        {
            Fail(e, "InvalidConnectArgument");
        }

        BizConfClient client = null!;
        try
        {
            client = new BizConfClient(options, apiKey);
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

    private void CheckAccount(BizConfSession session)
    {
        bool available;
        try
        {
            available = Await(token => session.Client.CheckAccountAsync(null, token));
        }
        catch (PipelineStoppedException)
        {
            session.Dispose();
            throw;
        }
        catch (Exception e) when (e is BizConfApiException || e is BizConfTransportException)
        {
            session.Dispose();
            var record = ErrorRecords.From((BizConfException)e, session.LoginName);
            record.ErrorDetails = new ErrorDetails(
                $"Connect-BizConf could not use the account '{session.LoginName}' on site '{session.SiteSign}': {e.Message}");
            ThrowTerminatingError(record);
            return;
        }

        if (!available)
        {
            WriteWarning($"account/check says the account '{session.LoginName}' is not available on site '{session.SiteSign}' right now.");
        }
    }

    private void Fail(BizConfArgumentException e, string errorId)
    {
        var record = ErrorRecords.From(e, null);
        ThrowTerminatingError(new ErrorRecord(record.Exception, errorId, ErrorCategory.InvalidArgument, null));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static Uri? ParseUri(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri))
        {
            throw new BizConfArgumentException($"{BaseUriVariable} '{text}' is not an absolute URI.", "BaseUri");
        }

        return uri;
    }
}
