using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BizConf.Transport;

namespace BizConf
{
    public sealed partial class BizConfClient
    {
        /// <summary>confReservation. Never retried after an ambiguous failure, so a timeout cannot make two meetings.</summary>
        public async Task<Meeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken = default)
        {
            request.Validate(Now, requireFutureStart: true);
            var call = Post("confReservation", safeToRepeat: false);
            AddMeetingFields(call, request);
            call.Add("isSendEmail", request.SendEmail ? null : "n");
            call.Add("registrationType", request.RequireRegistration ? "1" : null);
            var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            return MeetingParser.Parse(Data(root, call.Endpoint));
        }

        /// <summary>confModify: the service replaces the meeting with what is sent, so send it whole.</summary>
        public async Task<Meeting> ModifyMeetingAsync(long id, MeetingRequest request, CancellationToken cancellationToken = default)
        {
            RequirePositive(id, "Id");
            request.Validate(Now, requireFutureStart: false);
            var call = Post("confModify", safeToRepeat: true).Add("id", id);
            AddMeetingFields(call, request);
            var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            return MeetingParser.Parse(Data(root, call.Endpoint));
        }

        /// <summary>cancelConf.</summary>
        public Task CancelMeetingAsync(long id, CancellationToken cancellationToken = default)
        {
            RequirePositive(id, "Id");
            return SendAsync(Post("cancelConf", safeToRepeat: false).Add("confId", id), cancellationToken);
        }

        /// <summary>getConf: the meeting with its live stream settings.</summary>
        public async Task<Meeting> GetMeetingAsync(long id, CancellationToken cancellationToken = default)
        {
            RequirePositive(id, "Id");
            var call = Post("getConf", safeToRepeat: true).Add("confId", id);
            var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            return MeetingParser.Parse(Data(root, call.Endpoint));
        }

        /// <summary>listConf: one page, numbered from 1.</summary>
        public async Task<MeetingPage> ListMeetingsAsync(MeetingQuery query, int pageNumber, int pageSize, CancellationToken cancellationToken = default)
        {
            if (pageNumber < 1)
            {
                throw new BizConfArgumentException($"PageNumber must be 1 or more; it is {pageNumber}.", "PageNumber");
            }

            if (pageSize < 1 || pageSize > MeetingQuery.MaxPageSize)
            {
                throw new BizConfArgumentException($"PageSize must be 1 to {MeetingQuery.MaxPageSize}; it is {pageSize}.", "PageSize");
            }

            query.Validate();
            var call = Post("listConf", safeToRepeat: true)
                .Add("keyword", string.IsNullOrEmpty(query.Keyword) ? null : query.Keyword)
                .Add("startTime", query.From.HasValue ? Wire(query.From.Value) : null)
                .Add("endTime", query.To.HasValue ? Wire(query.To.Value) : null)
                .Add("pageNo", pageNumber)
                .Add("pageSize", pageSize);
            var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            var items = new List<Meeting>();
            foreach (var item in Json.Items(root, "data"))
            {
                items.Add(MeetingParser.Parse(item));
            }

            var totalCount = Json.Int32(root, "totalRecord") ?? items.Count;
            var size = Json.Int32(root, "pageSize") ?? pageSize;
            var totalPages = Json.Int32(root, "totalPage") ?? (size > 0 ? (totalCount + size - 1) / size : 1);
            return new MeetingPage(items, Json.Int32(root, "currentPage") ?? pageNumber, size, totalPages, totalCount);
        }

        /// <summary>settingLivestream.</summary>
        public Task SetLiveStreamAsync(long id, string streamUrl, string streamKey, string liveUrl, CancellationToken cancellationToken = default)
        {
            RequirePositive(id, "Id");
            InputRules.CheckLiveStream(streamUrl, streamKey, liveUrl);
            var call = Post("settingLivestream", safeToRepeat: true)
                .Add("id", id)
                .Add("streamUrl", streamUrl)
                .Add("streamKey", streamKey)
                .Add("liveUrl", liveUrl);
            return SendAsync(call, cancellationToken);
        }

        private void AddMeetingFields(ApiCall call, MeetingRequest request)
        {
            call.Add("confName", request.Name)
                .Add("startTime", Wire(request.StartTime))
                .Add("duration", request.Duration)
                .Add("hostKey", string.IsNullOrEmpty(request.SecretPassword) ? null : request.SecretPassword)
                .AddFlag("optionJbh", request.AllowJoinBeforeHost)
                .Add("optionStartType", (int)request.Video)
                .Add("audio", (int)request.Audio);
        }

        private static System.Text.Json.JsonElement Data(System.Text.Json.JsonElement root, string endpoint)
        {
            if (!Json.TryGet(root, "data", out var data) || data.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                throw new BizConfTransportException($"{endpoint} answered success without a data object.", endpoint, 200);
            }

            return data;
        }
    }
}
