using System.Globalization;
using System.Text.Json.Nodes;
using BizConf.Emulator.Model;
using BizConf.Emulator.Reports;

namespace BizConf.Emulator.Endpoints;

/// <summary>Body of POST /_emulator/meetings/{id}/simulate; absent values take the defaults of <see cref="SimulateEndpoint"/>.</summary>
public sealed record SimulateRequest(int? Guests, int? Seed, int? Polls);

/// <summary>
/// POST /_emulator/meetings/{id}/simulate (DESIGN.md section 3): the meeting takes place in the duration up to now
/// and ends, so the report endpoints have something to tell. Each call adds another session.
/// </summary>
public static class SimulateEndpoint
{
    public const int DefaultGuests = 3;
    public const int DefaultSeed = 1;
    public const int DefaultPolls = 2;
    public const int MaxGuests = 1000;
    public const int MaxPolls = 20;

    public static void Map(IEndpointRouteBuilder routes)
    {
        var state = routes.ServiceProvider.GetRequiredService<EmulatorState>();
        routes.MapAdminGroup().MapPost("/meetings/{id:long}/simulate", (long id, SimulateRequest? body) => Simulate(state, id, body));
    }

    private static IResult Simulate(EmulatorState state, long id, SimulateRequest? body)
    {
        var plan = new SimulationPlan(body?.Guests ?? DefaultGuests, body?.Seed ?? DefaultSeed, body?.Polls ?? DefaultPolls);
        if (plan.Guests is < 0 or > MaxGuests || plan.Polls is < 0 or > MaxPolls)
        {
            return Answer(new JsonObject { ["error"] = $"'guests' must be 0 to {MaxGuests} and 'polls' 0 to {MaxPolls}." }, StatusCodes.Status400BadRequest);
        }

        return state.Change(data =>
        {
            var meeting = data.Meetings.Find(m => m.Id == id && m.Lifecycle != MeetingLifecycle.Cancelled);
            if (meeting is null)
            {
                return Answer(new JsonObject { ["error"] = $"No meeting {id} (or it is cancelled)." }, StatusCodes.Status404NotFound);
            }

            var session = MeetingSimulator.Hold(meeting, plan, state.Now);
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

    private static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IResult Answer(JsonObject body, int status) =>
        Results.Text(Api.Envelope.Serialize(body), "application/json; charset=utf-8", statusCode: status);
}
