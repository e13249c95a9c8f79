using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BizConf.Transport;

namespace BizConf;

public sealed partial class BizConfClient
{
    /// <summary>
    /// confReservation, exactly once. A failure that may hide a meeting made (timeout, broken connection, HTTP
    /// 5xx, status 103) is followed by a look on the account for the meeting (<see cref="FindMeetingAsync"/>):
    /// found, it is the answer; not found, the request is sent again with a fresh token, as a retry. 429 and 503
    /// turn the request away unprocessed and are repeated after their wait.
    /// </summary>
    /// <param name="request">The meeting to schedule.</param>
    /// <param name="skipExisting">Look first, and send nothing when the meeting already exists on the account.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<Meeting> CreateMeetingAsync(MeetingRequest request, bool skipExisting, CancellationToken cancellationToken = default)
    {
        request.Validate(Now, requireFutureStart: true);
        if (skipExisting)
        {
            var existing = await FindMeetingAsync(request, cancellationToken).ConfigureAwait(false);
            if (existing != null)
            {
                Log($"Meeting '{existing.Name}' at {Describe(existing)} already exists on account {LoginName} (Id {existing.Id}): not scheduled again.");
                return existing;
            }
        }

        Meeting? made = null;
        var call = Post("confReservation", safeToRepeat: false);
        call.LookBeforeRepeat = async token =>
        {
            try
            {
                made = await FindMeetingAsync(request, token).ConfigureAwait(false);
            }
            catch (Exception lookup) when (lookup is BizConfApiException || lookup is BizConfTransportException)
            {
                return new LookResult(LookOutcome.Unknown,
                    $"Looking for the meeting on account {LoginName} failed too ({lookup.Message}), so it may exist: look for it before scheduling it again.");
            }

            return made != null
                ? new LookResult(LookOutcome.Found, $"Meeting '{made.Name}' (Id {made.Id}) exists on account {LoginName} with this name, start and duration: this request made it.")
                : new LookResult(LookOutcome.NotFound, $"No such meeting exists on account {LoginName} (looked with listConf).");
        };
        AddMeetingFields(call, request);
        call.Add("isSendEmail", request.SendEmail ? null : "n");
        call.Add("registrationType", request.RequireRegistration ? "1" : null);
        try
        {
            var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            return Own(MeetingParser.Parse(Data(root, call.Endpoint)));
        }
        catch (RequestCarriedOutException)
        {
            return made!;
        }
    }

    /// <summary>confReservation, exactly once (see the overload); creates even where a like meeting exists.</summary>
    public Task<Meeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken = default) =>
        CreateMeetingAsync(request, skipExisting: false, cancellationToken);

    /// <summary>
    /// The live meeting on this account with the request's name, start (to the second) and duration, or null:
    /// listConf with the name as keyword, over meetings starting within a minute of it, every page.
    /// </summary>
    public async Task<Meeting?> FindMeetingAsync(MeetingRequest request, CancellationToken cancellationToken = default)
    {
        var name = request.Name.Trim();
        var start = WholeSeconds(request.StartTime);
        var query = new MeetingQuery { Keyword = name, From = start.AddMinutes(-1), To = start.AddMinutes(1) };
        for (var page = 1; ; page++)
        {
            var result = await ListMeetingsAsync(query, page, MeetingQuery.MaxPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var meeting in result.Items)
            {
                if (meeting.Status != MeetingStatus.Cancelled
                    && string.Equals(meeting.Name.Trim(), name, StringComparison.Ordinal)
                    && meeting.StartTime.HasValue && WholeSeconds(meeting.StartTime.Value) == start
                    && meeting.Duration == request.Duration)
                {
                    return meeting;
                }
            }

            if (page >= result.TotalPages || result.Items.Count == 0)
            {
                return null;
            }
        }
    }

    /// <summary>confModify: the service replaces the meeting with what is sent, so send it whole.</summary>
    public async Task<Meeting> ModifyMeetingAsync(long id, MeetingRequest request, CancellationToken cancellationToken = default)
    {
        RequirePositive(id, "Id");
        request.Validate(Now, requireFutureStart: false);
        var call = Post("confModify", safeToRepeat: true).Add("id", id);
        AddMeetingFields(call, request);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return Own(MeetingParser.Parse(Data(root, call.Endpoint)));
    }

    /// <summary>
    /// cancelConf. Repeated after a failure that may hide a cancel carried out; when the repeat then answers 401,
    /// getConf tells: a meeting that is gone (cancelled) is the success asked for.
    /// </summary>
    public async Task CancelMeetingAsync(long id, CancellationToken cancellationToken = default)
    {
        RequirePositive(id, "Id");
        var call = Post("cancelConf", safeToRepeat: true).Add("confId", id);
        try
        {
            await SendAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (BizConfApiException e) when (e.Status == BizConfStatus.MeetingNotFound && call.AmbiguousFailures > 0)
        {
            try
            {
                await GetMeetingAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (BizConfApiException check) when (check.Status == BizConfStatus.MeetingNotFound)
            {
                Log($"The answer to cancelling meeting {id} was lost and the repeat answered 401; getConf finds no live meeting {id} on account {LoginName}: it is cancelled.");
                return;
            }

            throw;
        }
    }

    /// <summary>getConf: the meeting with its live stream settings.</summary>
    public async Task<Meeting> GetMeetingAsync(long id, CancellationToken cancellationToken = default)
    {
        RequirePositive(id, "Id");
        var call = Post("getConf", safeToRepeat: true).Add("confId", id);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return Own(MeetingParser.Parse(Data(root, call.Endpoint)));
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
            items.Add(Own(MeetingParser.Parse(item)));
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

    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        new DateTimeOffset(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Describe(Meeting meeting) =>
        meeting.StartTime.HasValue ? meeting.StartTime.Value.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture) + $" for {meeting.Duration} minutes" : $"an unknown start for {meeting.Duration} minutes";

    private void Log(string line) => Options.Log?.Invoke(line);

    private Meeting Own(Meeting meeting)
    {
        meeting.LoginName = LoginName;
        return meeting;
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
