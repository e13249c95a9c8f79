using System.Text.Json.Nodes;
using BizConf.Emulator.Api;
using BizConf.Emulator.Meetings;

namespace BizConf.Emulator.Endpoints;

/// <summary>docs/API.md, "Account": account/check.</summary>
internal sealed class AccountEndpoints(EmulatorState state, Auth auth)
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var endpoints = ActivatorUtilities.CreateInstance<AccountEndpoints>(routes.ServiceProvider);
        routes.MapApi("GET", "account/check", endpoints.Check);
    }

    /// <summary>
    /// A locked account never gets here (108). <c>isAvailable</c> is false when every licence of the site is held
    /// right now by other accounts, so the caller could not start a meeting at this moment.
    /// </summary>
    private JsonObject Check(RequestFields fields)
    {
        var caller = auth.AccountOfSite(fields);
        var available = state.Read(data =>
        {
            var account = data.FindAccount(caller.LoginName) ?? throw new ApiFailureException(ApiStatus.AccountNotFound);
            var licences = data.FindSite(account.SiteSign)?.Licences ?? 0;
            return MeetingCalendar.OtherAccountsBusyAt(data, account, state.Now) < licences;
        });
        var body = Envelope.Success();
        body["isAvailable"] = available;
        return body;
    }
}
