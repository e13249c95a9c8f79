using System.Text.Json.Nodes;
using BizConf.Emulator.Api;
using BizConf.Emulator.Hosting;
using BizConf.Emulator.Model;
using BizConf.Emulator.Reports;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// docs/API.md, "Reports": confAttendeeLog, getConfLogListByConfNumber, getConfLogListByJoinUrl, getConfPolls. They take the
/// site token, so they see every meeting of the site, whoever hosts it; cancelled meetings are gone (401).
/// </summary>
internal sealed class ReportEndpoints(EmulatorState state, Auth auth, ServerInfo server)
{
    private const int Bad = ApiStatus.MeetingParameterError;

    public static void Map(IEndpointRouteBuilder routes)
    {
        var endpoints = ActivatorUtilities.CreateInstance<ReportEndpoints>(routes.ServiceProvider);
        routes.MapApi("GET", "confAttendeeLog", endpoints.AttendeeLog);
        routes.MapApi("GET", "getConfLogListByConfNumber", endpoints.ReportByNumber);
        routes.MapApi("POST", "getConfLogListByJoinUrl", endpoints.ReportByJoinUrl);
        routes.MapApi("GET", "getConfPolls", endpoints.Polls);
    }

    private JsonObject AttendeeLog(RequestFields fields)
    {
        var siteSign = auth.Site(fields);
        var id = fields.RequiredLong("confId", Bad);
        return state.Read(data =>
        {
            var meeting = LiveMeetingsOf(data, siteSign).FirstOrDefault(m => m.Id == id)
                ?? throw new ApiFailureException(ApiStatus.MeetingNotFound);
            return Envelope.Success(ReportJson.AttendeeLog(meeting));
        });
    }

    private JsonObject ReportByNumber(RequestFields fields)
    {
        var siteSign = auth.Site(fields);
        var number = MeetingNumber(fields, "confNumber");
        return state.Read(data => Envelope.Success(Sessions(FindByNumber(data, siteSign, number))));
    }

    private JsonObject ReportByJoinUrl(RequestFields fields)
    {
        var siteSign = auth.Site(fields);
        // Links are stored as paths and the client may hold one handed out before a restart on another port, so
        // only the path and query of what it sends count.
        var joinPath = LinkPath.Of(fields.RequiredText("joinUrl", Bad).Trim()).TrimEnd('/');
        return state.Read(data =>
        {
            var meetings = LiveMeetingsOf(data, siteSign)
                .Where(m => SameLink(m.JoinUrl, joinPath) || m.Registrants.Exists(r => SameLink(r.JoinUrl, joinPath)))
                .ToList();
            if (meetings.Count == 0)
            {
                throw new ApiFailureException(ApiStatus.MeetingNotFound);
            }

            return Envelope.Success(Sessions(meetings));
        });
    }

    /// <summary>
    /// The documented answer is one object for the session; a meeting held several times answers an array of
    /// such objects (one per session, oldest first), and one never held an empty array.
    /// </summary>
    private JsonObject Polls(RequestFields fields)
    {
        var siteSign = auth.Site(fields);
        var number = MeetingNumber(fields, "confNo");
        return state.Read(data =>
        {
            var polls = FindByNumber(data, siteSign, number)
                .SelectMany(m => m.HeldSessions.Select(s => (Meeting: m, Session: s)))
                .OrderBy(pair => pair.Session.StartUtc)
                .Select(pair => (JsonNode)ReportJson.Polls(pair.Meeting, pair.Session))
                .ToArray();
            return Envelope.Success(polls.Length == 1 ? polls[0] : new JsonArray(polls));
        });
    }

    private JsonArray Sessions(IEnumerable<Meeting> meetings) => new(meetings
        .SelectMany(m => m.HeldSessions.Select(s => (Meeting: m, Session: s)))
        .OrderBy(pair => pair.Session.StartUtc)
        .Select(pair => (JsonNode)ReportJson.Session(pair.Meeting, pair.Session, server))
        .ToArray());

    private static List<Meeting> FindByNumber(EmulatorData data, string siteSign, string number)
    {
        var meetings = LiveMeetingsOf(data, siteSign).Where(m => m.MeetingNo == number).ToList();
        return meetings.Count > 0 ? meetings : throw new ApiFailureException(ApiStatus.MeetingNotFound);
    }

    private static IEnumerable<Meeting> LiveMeetingsOf(EmulatorData data, string siteSign) =>
        data.MeetingsOfSite(siteSign).Where(m => m.Lifecycle != MeetingLifecycle.Cancelled);

    private static string MeetingNumber(RequestFields fields, string name)
    {
        var number = fields.RequiredText(name, Bad).Trim();
        return number.All(char.IsAsciiDigit) ? number : throw new ApiFailureException(Bad, $"'{name}' must be a meeting number (digits).");
    }

    private static bool SameLink(string storedPath, string askedPath) =>
        storedPath.Length > 0 && string.Equals(storedPath.TrimEnd('/'), askedPath, StringComparison.OrdinalIgnoreCase);
}
