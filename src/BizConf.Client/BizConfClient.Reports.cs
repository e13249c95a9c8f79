using System.Net.Http;
using BizConf.Transport;

namespace BizConf;

/// <summary>
/// The report endpoints (docs/API.md, "Reports"). They are signed with the site token, md5(apiKey|timeStamp) plus the
/// siteSign, so they need a session with a site sign. Reading is harmless, so every one of them may be retried.
/// </summary>
public sealed partial class BizConfClient
{
    /// <summary>confAttendeeLog: every stay of every person in the meeting with this id.</summary>
    public async Task<IReadOnlyList<Attendee>> GetAttendeesAsync(long meetingId, CancellationToken cancellationToken = default)
    {
        RequirePositive(meetingId, "MeetingId");
        var call = SiteCall("confAttendeeLog", HttpMethod.Get).Add("confId", meetingId);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return ReportParser.ParseAttendees(root, meetingId);
    }

    /// <summary>getConfLogListByConfNumber: one report per session held under this meeting number.</summary>
    public async Task<IReadOnlyList<MeetingReport>> GetReportsByNumberAsync(string meetingNumber, CancellationToken cancellationToken = default)
    {
        var number = InputRules.CheckMeetingNumber(meetingNumber);
        var call = SiteCall("getConfLogListByConfNumber", HttpMethod.Get).Add("confNumber", number);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return ReportParser.ParseReports(root, number);
    }

    /// <summary>getConfLogListByJoinUrl: the reports of the meeting that this join link opens.</summary>
    public async Task<IReadOnlyList<MeetingReport>> GetReportsByJoinUrlAsync(string joinUrl, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(joinUrl))
        {
            throw new BizConfArgumentException("JoinUrl must not be empty.", "JoinUrl");
        }

        InputRules.CheckJoinUrl(joinUrl);
        var trimmed = joinUrl.Trim();

        var call = SiteCall("getConfLogListByJoinUrl", HttpMethod.Post).Add("joinUrl", trimmed);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return ReportParser.ParseReports(root, requestedNumber: null);
    }

    /// <summary>getConfPolls: one row per person per poll question.</summary>
    public async Task<IReadOnlyList<PollAnswer>> GetPollAnswersAsync(string meetingNumber, CancellationToken cancellationToken = default)
    {
        var number = InputRules.CheckMeetingNumber(meetingNumber);
        var call = SiteCall("getConfPolls", HttpMethod.Get).Add("confNo", number);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return ReportParser.ParsePolls(root, number);
    }

    private ApiRequest SiteCall(string endpoint, HttpMethod method)
    {
        RequireSiteSign(endpoint);
        return new ApiRequest(endpoint, method, TokenKind.Site, null, Repeat.Safe);
    }
}
