using System.Text.Json.Nodes;
using BizConf.Emulator.Model;
using BizConf.Emulator.Registration;
using BizConf.Emulator.Reports;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// POST /_emulator/meetings/{id}/simulate: the meeting takes place in the duration up to now
/// (or up to <c>endTime</c>) and ends, so the report endpoints have something to tell. Each call adds another
/// session; one that would overlap a session already held is refused (409), as a meeting is held once at a time.
/// </summary>
internal sealed class SimulateEndpoint(EmulatorState state)
{
    public const int DefaultGuests = 3;
    public const int DefaultSeed = 1;
    public const int DefaultPolls = 2;
    public const int MaxGuests = 1000;
    public const int MaxPolls = 20;

    private const string Example = "{\"guests\":3,\"seed\":1,\"polls\":2,\"endTime\":\"2031-03-03T02:00:00Z\"}";

    public static void Map(IEndpointRouteBuilder routes)
    {
        var endpoint = ActivatorUtilities.CreateInstance<SimulateEndpoint>(routes.ServiceProvider);
        routes.MapAdminGroup().MapPost("/meetings/{id:long}/simulate", (long id, HttpRequest request) => endpoint.SimulateAsync(id, request));
    }

    /// <summary>
    /// Reads the body itself rather than through parameter binding: an empty body means all defaults whatever its
    /// content type (<c>Invoke-RestMethod -Method Post</c> and <c>curl -d ''</c> send a form type), and a body that
    /// is not the expected JSON gets the admin API's <c>{"error":…}</c> naming the field instead of an empty 400.
    /// </summary>
    private async Task<IResult> SimulateAsync(long id, HttpRequest request)
    {
        var body = await AdminBody.ReadAsync(request, Example, emptyAllowed: true, "guests", "seed", "polls", "endTime");
        var plan = new SimulationPlan(
            body.Whole("guests", min: 0, max: MaxGuests) ?? DefaultGuests,
            body.Whole("seed", min: int.MinValue) ?? DefaultSeed,
            body.Whole("polls", min: 0, max: MaxPolls) ?? DefaultPolls);
        var endTime = body.Instant("endTime");
        var now = state.Now;
        if (endTime > now)
        {
            return Error("'endTime' cannot be later than now: a simulated meeting has already ended.", StatusCodes.Status400BadRequest);
        }

        return state.Change(data =>
        {
            var meeting = data.Meetings.Find(m => m.Id == id && m.Lifecycle != MeetingLifecycle.Cancelled);
            if (meeting is null)
            {
                return Error($"No meeting {id} (or it is cancelled).", StatusCodes.Status404NotFound);
            }

            var window = MeetingSimulator.Window(meeting, endTime ?? now);
            if (MeetingSimulator.HeldDuring(meeting, window) is { } held)
            {
                return Error(
                    $"Meeting {id} was already held from {Iso(held.StartUtc)} to {Iso(held.EndUtc)}; give an 'endTime' whose {meeting.Duration} minutes do not overlap it.",
                    StatusCodes.Status409Conflict);
            }

            var session = MeetingSimulator.Hold(data.Changing(meeting), plan, window);
            return Answer(new JsonObject
            {
                ["id"] = meeting.Id,
                ["meetingNo"] = meeting.MeetingNo,
                ["sessionId"] = session.Uuid,
                ["startTime"] = Iso(session.StartUtc),
                ["endTime"] = Iso(session.EndUtc),
                ["people"] = session.Attendance.Select(a => a.Cuid).Distinct().Count(),
                ["rows"] = session.Attendance.Count,
                ["polls"] = plan.Polls,
            }, StatusCodes.Status200OK);
        });
    }

    /// <summary>The admin API writes instants in the one ISO form the emulator has, that of registrant times.</summary>
    private static string Iso(DateTimeOffset instant) => RegistrantJson.Iso(instant);

    private static IResult Error(string error, int status) => AdminGroup.Error(error, status);

    private static IResult Answer(JsonObject body, int status) => AdminGroup.Json(body, status);
}
