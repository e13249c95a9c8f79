using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BizConf.Transport;

namespace BizConf
{
    /// <summary>
    /// The report endpoints (API.md 5.3). They are signed with the site token, md5(apiKey|timeStamp) plus the
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
            var number = RequireMeetingNumber(meetingNumber);
            var call = SiteCall("getConfLogListByConfNumber", HttpMethod.Get).Add("confNumber", number);
            var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            return ReportParser.ParseReports(root, number);
        }

        /// <summary>getConfLogListByJoinUrl: the reports of the meeting that this join link opens.</summary>
        public async Task<IReadOnlyList<MeetingReport>> GetReportsByJoinUrlAsync(string joinUrl, CancellationToken cancellationToken = default)
        {
            var trimmed = joinUrl?.Trim();
            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttp && link.Scheme != Uri.UriSchemeHttps))
            {
                throw new BizConfArgumentException($"JoinUrl must be an absolute http or https link; '{joinUrl}' is not.", "JoinUrl");
            }

            var call = SiteCall("getConfLogListByJoinUrl", HttpMethod.Post).Add("joinUrl", trimmed);
            var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            return ReportParser.ParseReports(root, requestedNumber: null);
        }

        /// <summary>getConfPolls: one row per person per poll question.</summary>
        public async Task<IReadOnlyList<PollAnswer>> GetPollAnswersAsync(string meetingNumber, CancellationToken cancellationToken = default)
        {
            var number = RequireMeetingNumber(meetingNumber);
            var call = SiteCall("getConfPolls", HttpMethod.Get).Add("confNo", number);
            var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            return ReportParser.ParsePolls(root, number);
        }

        private ApiCall SiteCall(string endpoint, HttpMethod method)
        {
            RequireSiteSign(endpoint);
            return new ApiCall(endpoint, method, TokenKind.Site, safeToRepeat: true);
        }

        private static string RequireMeetingNumber(string? meetingNumber)
        {
            var number = meetingNumber?.Trim() ?? string.Empty;
            if (number.Length == 0 || !number.All(c => c >= '0' && c <= '9'))
            {
                throw new BizConfArgumentException($"MeetingNumber must be the meeting's number, digits only; '{meetingNumber}' is not.", "MeetingNumber");
            }

            return number;
        }
    }
}
