using System.Text.Json.Nodes;
using BizConf.Emulator.Api;
using BizConf.Emulator.Meetings;

namespace BizConf.Emulator.Endpoints;

/// <summary>API.md 5.2: account/check.</summary>
public sealed class AccountEndpoints
{
    private readonly EmulatorState _state;
    private readonly Auth _auth;

    public AccountEndpoints(EmulatorState state, Auth auth)
    {
        _state = state;
        _auth = auth;
    }

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
        var caller = _auth.AccountOfSite(fields);
        var available = _state.Read(data =>
        {
            var account = data.FindAccount(caller.LoginName) ?? throw new ApiFailure(ApiStatus.AccountNotFound);
            var licences = data.FindSite(account.SiteSign)?.Licences ?? 0;
            return MeetingCalendar.OtherAccountsBusyAt(data, account, _state.Now) < licences;
        });
        var body = Envelope.Success();
        body["isAvailable"] = available;
        return body;
    }
}
