using System.Text.Json.Nodes;
using BizConf.Emulator.Api;
using BizConf.Emulator.Hosting;
using BizConf.Emulator.Meetings;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Endpoints;

/// <summary>docs/API.md, "Meetings": confReservation, confModify, cancelConf, listConf, getConf, settingLivestream.</summary>
internal sealed class MeetingEndpoints(EmulatorState state, Auth auth, ServerInfo server)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    private readonly MeetingListing listing = new();

    public static void Map(IEndpointRouteBuilder routes)
    {
        var endpoints = ActivatorUtilities.CreateInstance<MeetingEndpoints>(routes.ServiceProvider);
        routes.MapApi("POST", "confReservation", endpoints.Reserve);
        routes.MapApi("POST", "confModify", endpoints.Modify);
        routes.MapApi("POST", "cancelConf", endpoints.Cancel);
        routes.MapApi("POST", "listConf", endpoints.List);
        routes.MapApi("POST", "getConf", endpoints.Get);
        routes.MapApi("POST", "settingLivestream", endpoints.SetLivestream);
    }

    private JsonObject Reserve(RequestFields fields)
    {
        var caller = auth.Account(fields);
        var input = MeetingInput.Read(fields);
        return state.Change(data =>
        {
            var now = state.Now;
            input.CheckTime(now);
            var account = OwnerOf(data, caller);
            MeetingCalendar.CheckCapacity(data, account, input.StartUtc, input.EndUtc, movingId: null);
            var meeting = MeetingFactory.Create(data, account, input, now);
            data.Add(meeting);
            return Envelope.Success(MeetingJson.Summary(meeting, now, server));
        });
    }

    private JsonObject Modify(RequestFields fields)
    {
        var caller = auth.Account(fields);
        var id = fields.RequiredLong("id", ApiStatus.MeetingParameterError);
        return state.Change(data =>
        {
            var meeting = OwnMeeting(data, caller, id);
            var input = MeetingInput.Read(fields);
            var now = state.Now;
            input.CheckTime(now);
            MeetingCalendar.CheckCapacity(data, OwnerOf(data, caller), input.StartUtc, input.EndUtc, movingId: meeting.Id);
            MeetingFactory.Apply(data.Changing(meeting), input);
            return Envelope.Success(MeetingJson.Summary(meeting, now, server));
        });
    }

    private JsonObject Cancel(RequestFields fields)
    {
        var caller = auth.Account(fields);
        var id = fields.RequiredLong("confId", ApiStatus.MeetingParameterError);
        return state.Change(data =>
        {
            data.Changing(OwnMeeting(data, caller, id)).Lifecycle = MeetingLifecycle.Cancelled;
            return Envelope.Success();
        });
    }

    private JsonObject Get(RequestFields fields)
    {
        var caller = auth.Account(fields);
        var id = fields.RequiredLong("confId", ApiStatus.MeetingParameterError);
        return state.Read(data => Envelope.Success(MeetingJson.Detail(OwnMeeting(data, caller, id), state.Now, server)));
    }

    private JsonObject SetLivestream(RequestFields fields)
    {
        var caller = auth.Account(fields);
        const int Bad = ApiStatus.ParameterError;
        var id = fields.RequiredLong("id", Bad);
        var streamUrl = fields.RequiredText("streamUrl", Bad);
        var streamKey = fields.RequiredText("streamKey", Bad);
        var liveUrl = fields.RequiredText("liveUrl", Bad);
        return state.Change(data =>
        {
            var meeting = data.Changing(OwnMeeting(data, caller, id));
            meeting.StreamUrl = streamUrl;
            meeting.StreamKey = streamKey;
            meeting.LiveUrl = liveUrl;
            return Envelope.Success();
        });
    }

    private JsonObject List(RequestFields fields)
    {
        var caller = auth.Account(fields);
        const int Bad = ApiStatus.ParameterError;
        var keyword = fields.Text("keyword");
        var from = fields.WallTime("startTime", Bad);
        var to = fields.WallTime("endTime", Bad);
        var pageNo = fields.IntValue("pageNo", Bad) ?? 1;
        var pageSize = fields.IntValue("pageSize", Bad) ?? DefaultPageSize;
        if (pageNo < 1 || pageSize is < 1 or > MaxPageSize)
        {
            throw new ApiFailureException(Bad, $"'pageNo' starts at 1 and 'pageSize' is 1 to {MaxPageSize}.");
        }

        return state.Read(data =>
        {
            var now = state.Now;
            var matches = listing.Matches(data, state.Version, new MeetingListing.Filter(caller.LoginName, keyword, from, to));
            var page = matches
                .Skip((int)Math.Min(int.MaxValue, (long)(pageNo - 1) * pageSize))
                .Take(pageSize)
                .Select(m => (JsonNode)MeetingJson.Summary(m, now, server))
                .ToArray();

            var body = Envelope.Success();
            body["totalPage"] = (matches.Count + pageSize - 1) / pageSize;
            body["currentPage"] = pageNo;
            body["totalRecord"] = matches.Count;
            body["pageSize"] = pageSize;
            body["data"] = new JsonArray(page);
            return body;
        });
    }

    private static Account OwnerOf(EmulatorData data, Caller caller) =>
        data.FindAccount(caller.LoginName) ?? throw new ApiFailureException(ApiStatus.AccountNotFound);

    private static Meeting OwnMeeting(EmulatorData data, Caller caller, long id) =>
        data.FindOwnMeeting(id, caller.LoginName) ?? throw new ApiFailureException(ApiStatus.MeetingNotFound);
}
