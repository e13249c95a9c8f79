using System.Text.Json.Nodes;
using BizConf.Emulator.Api;
using BizConf.Emulator.Hosting;
using BizConf.Emulator.Model;
using BizConf.Emulator.Webinars;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// docs/API.md, "Webinars": createDiyWebinar, updateDiyWebinar, getWebinarInfo, deleteWebinar, each with the account token and
/// the account's siteSign. A webinar number that is unknown, deleted or another account's is 401, as for meetings.
/// Webinars hold no meeting slot: the capacity rules of section 7 are about meetings.
/// </summary>
internal sealed class WebinarEndpoints(EmulatorState state, Auth auth, ServerInfo server)
{
    private const int Bad = ApiStatus.MeetingParameterError;

    public static void Map(IEndpointRouteBuilder routes)
    {
        var endpoints = ActivatorUtilities.CreateInstance<WebinarEndpoints>(routes.ServiceProvider);
        routes.MapApi("POST", "createDiyWebinar", endpoints.Create);
        routes.MapApi("POST", "updateDiyWebinar", endpoints.Update);
        routes.MapApi("GET", "getWebinarInfo", endpoints.Get);
        routes.MapApi("POST", "deleteWebinar", endpoints.Delete);
    }

    private JsonObject Create(RequestFields fields)
    {
        var caller = auth.AccountOfSite(fields);
        var input = WebinarInput.Read(fields);
        return state.Change(data =>
        {
            var now = state.Now;
            input.CheckTime(now);
            var owner = data.FindAccount(caller.LoginName) ?? throw new ApiFailureException(ApiStatus.AccountNotFound);
            var webinar = WebinarFactory.Create(data, owner, input, now);
            data.Add(webinar);
            return WebinarJson.Success(WebinarJson.ToJson(webinar, server));
        });
    }

    private JsonObject Update(RequestFields fields)
    {
        var caller = auth.AccountOfSite(fields);
        var webinarNo = fields.RequiredText("webinarNo", Bad);
        return state.Change(data =>
        {
            var webinar = OwnWebinar(data, caller, webinarNo);
            var input = WebinarInput.Read(fields);
            input.CheckTime(state.Now);
            WebinarFactory.Apply(data, data.Changing(webinar), input);
            return WebinarJson.Success(WebinarJson.ToJson(webinar, server));
        });
    }

    private JsonObject Get(RequestFields fields)
    {
        var caller = auth.AccountOfSite(fields);
        var webinarNo = fields.RequiredText("webinarNo", Bad);
        return state.Read(data => WebinarJson.Success(WebinarJson.ToJson(OwnWebinar(data, caller, webinarNo), server)));
    }

    private JsonObject Delete(RequestFields fields)
    {
        var caller = auth.AccountOfSite(fields);
        var webinarNo = fields.RequiredText("webinarNo", Bad);
        return state.Change(data =>
        {
            data.Remove(OwnWebinar(data, caller, webinarNo));
            return WebinarJson.Success();
        });
    }

    private static Webinar OwnWebinar(EmulatorData data, Caller caller, string webinarNo) =>
        data.Webinars.Find(w => w.WebinarNo == webinarNo && string.Equals(w.OwnerLoginName, caller.LoginName, StringComparison.Ordinal))
            ?? throw new ApiFailureException(ApiStatus.MeetingNotFound);
}
