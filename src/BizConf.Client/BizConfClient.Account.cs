using BizConf.Transport;

namespace BizConf;

public sealed partial class BizConfClient
{
    /// <summary>
    /// account/check: whether the account can be used on the session's site. A missing account (101) or a locked
    /// one (108) throws <see cref="BizConfApiException"/>, like every other failure.
    /// </summary>
    public async Task<bool> CheckAccountAsync(string? loginName = null, CancellationToken cancellationToken = default)
    {
        InputRules.CheckText("LoginName", loginName);
        var account = string.IsNullOrWhiteSpace(loginName) ? LoginName : loginName!.Trim();
        var call = new ApiRequest("account/check", System.Net.Http.HttpMethod.Get, TokenKind.Account, account, Repeat.Safe)
            .Add("siteSign", RequireSiteSign("account/check"));
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        var available = Json.Flag(root, "isAvailable");
        if (available == null && Json.TryGet(root, "data", out var data))
        {
            available = Json.Flag(data, "isAvailable");
        }

        return available ?? false;
    }
}
