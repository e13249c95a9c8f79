using System.Threading;
using System.Threading.Tasks;
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
        var call = Get("account/check").Add("siteSign", RequireSiteSign("account/check"));
        call.LoginName = string.IsNullOrWhiteSpace(loginName) ? null : loginName;
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        var available = Json.Flag(root, "isAvailable");
        if (available == null && Json.TryGet(root, "data", out var data))
        {
            available = Json.Flag(data, "isAvailable");
        }

        return available ?? false;
    }
}
