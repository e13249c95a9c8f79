using System.Net;
using System.Security;

namespace BizConf.PowerShell.Commands;

/// <summary>Who Connect-BizConf connects as: from -LoginName and -ApiKey, -Credential, or the environment.</summary>
internal sealed class ConnectCredentials
{
    internal const string ApiKeySet = "ApiKey";
    internal const string CredentialSet = "Credential";
    internal const string EnvironmentSet = "Environment";

    internal const string LoginNameVariable = "BIZCONF_LOGIN_NAME";
    internal const string ApiKeyVariable = "BIZCONF_API_KEY";
    internal const string SiteSignVariable = "BIZCONF_SITE_SIGN";
    internal const string BaseUriVariable = "BIZCONF_BASE_URI";

    private ConnectCredentials(string loginName, string apiKey)
    {
        LoginName = loginName;
        ApiKey = apiKey;
    }

    public string LoginName { get; }

    public string ApiKey { get; }

    public static ConnectCredentials Resolve(ConnectBizConfCommand command, string parameterSet, string loginName, SecureString apiKey, System.Management.Automation.PSCredential credential)
    {
        string login;
        string key;
        switch (parameterSet)
        {
            case ApiKeySet:
                login = loginName;
                key = new NetworkCredential(string.Empty, apiKey).Password;
                break;
            case CredentialSet:
                login = credential.UserName;
                key = credential.GetNetworkCredential().Password;
                break;
            default:
                login = Environment.GetEnvironmentVariable(LoginNameVariable) ?? string.Empty;
                key = Environment.GetEnvironmentVariable(ApiKeyVariable) ?? string.Empty;
                if (login.Length == 0 && key.Length == 0)
                {
                    command.Fail(new BizConfArgumentException(
                        $"Connect-BizConf needs -LoginName and -ApiKey, or -Credential, or the environment variables {LoginNameVariable} and {ApiKeyVariable}.",
                        "LoginName"), "NoBizConfCredentials");
                }
                else if (login.Length == 0 || key.Length == 0)
                {
                    var (missing, set) = login.Length == 0 ? (LoginNameVariable, ApiKeyVariable) : (ApiKeyVariable, LoginNameVariable);
                    command.Fail(new BizConfArgumentException(
                        $"The environment variable {set} is set but {missing} is not: set {missing} too, or connect with -LoginName and -ApiKey.",
                        login.Length == 0 ? "LoginName" : "ApiKey"), "NoBizConfCredentials");
                }

                break;
        }

        if (string.IsNullOrWhiteSpace(login))
        {
            command.Fail(new BizConfArgumentException("The login name (the credential's user name) must not be empty.", "LoginName"), "NoBizConfCredentials");
        }

        if (string.IsNullOrEmpty(key))
        {
            command.Fail(new BizConfArgumentException("The API key (the credential's password) must not be empty.", "ApiKey"), "NoBizConfCredentials");
        }

        return new ConnectCredentials(login.Trim(), key);
    }

    public static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    public static Uri? ParseUri(string? text)
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
