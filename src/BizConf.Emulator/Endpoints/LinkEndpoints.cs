using System.Net;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// Small pages behind the joinUrl (/j/{meetingNo}) and startUrl (/s/{meetingNo}?token=…) the emulator hands out,
/// so a link followed in a browser or a test lands somewhere that names the meeting.
/// </summary>
internal static class LinkEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/j/{meetingNo}", (string meetingNo, EmulatorState state) =>
            Page(state, meetingNo, m => $"Join meeting {m.MeetingNo}: {m.Name}")).AddEndpointFilter(AdminGroup.AnswerOnceSavedAsync);
        routes.MapGet("/s/{meetingNo}", (string meetingNo, string? token, EmulatorState state) =>
            Page(state, meetingNo, m => m.Token == token
                ? $"Start meeting {m.MeetingNo} as host: {m.Name}"
                : null)).AddEndpointFilter(AdminGroup.AnswerOnceSavedAsync);
    }

    private static IResult Page(EmulatorState state, string meetingNo, Func<Meeting, string?> describe)
    {
        var text = state.Read(data =>
        {
            var meeting = data.Meetings.Find(m => m.MeetingNo == meetingNo && m.Lifecycle != MeetingLifecycle.Cancelled);
            return meeting is null ? null : describe(meeting);
        });
        return text is null
            ? Results.NotFound()
            : Results.Content($"<!DOCTYPE html><title>BizConf emulator</title><p>{WebUtility.HtmlEncode(text)}</p>", "text/html; charset=utf-8");
    }
}
