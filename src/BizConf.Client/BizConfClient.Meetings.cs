using System.Globalization;
using BizConf.Resources;
using BizConf.Transport;

namespace BizConf;

public sealed partial class BizConfClient
{
    /// <summary>confReservation, exactly once (see the overload with a <see cref="RunLedger"/>).</summary>
    public Task<Meeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken = default) =>
        CreateMeetingAsync(request, new RunLedger(), skipExisting: false, cancellationToken);

    /// <summary>confReservation, exactly once; <paramref name="skipExisting"/> looks first and sends nothing when the meeting is there.</summary>
    public Task<Meeting> CreateMeetingAsync(MeetingRequest request, bool skipExisting, CancellationToken cancellationToken = default) =>
        CreateMeetingAsync(request, new RunLedger(), skipExisting, cancellationToken);

    /// <summary>
    /// confReservation, exactly once. A failure that may hide a meeting made (a timeout, a broken connection, a server
    /// error, status 103) is followed by a look on the account (after a timeout, again after a grace, for a service
    /// that finishes late): found, it is the answer; not found, the request goes again with a fresh token, against the
    /// one MaxRetry. A request that was never sent, or turned away (429, 503), simply goes again. When an attempt
    /// that went unanswered may still land after a repeat, the account is looked at once more and such a twin is
    /// cancelled, with a warning. Meetings another row of <paramref name="ledger"/> has are never taken.
    /// </summary>
    /// <param name="request">The meeting to schedule.</param>
    /// <param name="ledger">What the run's rows have taken so far.</param>
    /// <param name="skipExisting">Look first, and send nothing when the meeting already exists on the account.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public async Task<Meeting> CreateMeetingAsync(MeetingRequest request, RunLedger ledger, bool skipExisting, CancellationToken cancellationToken = default)
    {
        request.Validate(Now, requireFutureStart: true);
        if (skipExisting)
        {
            var existing = await TakeExistingAsync(request, ledger, cancellationToken).ConfigureAwait(false);
            if (existing != null)
            {
                ledger.CountSkipped();
                Log($"Meeting '{existing.Name}' at {Describe(existing)} already exists on account {LoginName} (Id {existing.Id}): not scheduled again.");
                return existing;
            }
        }

        var call = Post("confReservation", Repeat.LookFirst);
        MeetingSchema.Table.Write(call, request, Options.TimeZone, creating: true);
        return await new MeetingCreation(this, call, request, ledger, NewCall()).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The live meetings on this account with the request's name, start (to the second) and duration: listConf with
    /// the name as keyword, over meetings starting within a minute of it, every page.
    /// </summary>
    public async Task<IReadOnlyList<Meeting>> FindMeetingsAsync(MeetingRequest request, CancellationToken cancellationToken = default)
    {
        var name = request.Name.Trim();
        var start = WholeSeconds(request.StartTime);
        var query = new MeetingQuery { Keyword = name, From = start.AddMinutes(-1), To = start.AddMinutes(1) };
        var found = new List<Meeting>();
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
                    found.Add(meeting);
                }
            }

            if (page >= result.TotalPages || result.Items.Count < result.PageSize)
            {
                return found;
            }
        }
    }

    /// <summary>The first live meeting on this account with the request's name, start and duration, or null.</summary>
    public async Task<Meeting?> FindMeetingAsync(MeetingRequest request, CancellationToken cancellationToken = default)
    {
        var found = await FindMeetingsAsync(request, cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>confModify: the service replaces the meeting with what is sent, so send it whole.</summary>
    public async Task<Meeting> ModifyMeetingAsync(long id, MeetingRequest request, CancellationToken cancellationToken = default)
    {
        RequirePositive(id, "Id");
        request.Validate(Now, requireFutureStart: false);
        var call = Post("confModify", Repeat.Safe).Add("id", id);
        MeetingSchema.Table.Write(call, request, Options.TimeZone, creating: false);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return Own(MeetingParser.Parse(Data(root, call.Endpoint)));
    }

    /// <summary>
    /// A read-modify-write of one meeting under the session's lock for it: reads the meeting, asks
    /// <paramref name="change"/> for the whole request to send (the current meeting with the changes applied and
    /// checked), and sends it. Two runspaces changing one meeting through one session each see the other's change.
    /// </summary>
    public async Task<Meeting> ChangeMeetingAsync(long id, Func<Meeting, MeetingRequest> change, CancellationToken cancellationToken = default)
    {
        RequirePositive(id, "Id");
        using (await Locks.AcquireAsync("meeting:" + id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false))
        {
            var current = await GetMeetingAsync(id, cancellationToken).ConfigureAwait(false);
            return await ModifyMeetingAsync(id, change(current), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// cancelConf. Repeated after a failure that may hide a cancel carried out; when the repeat then answers 401,
    /// getConf tells: a meeting that is gone (cancelled) is the success asked for.
    /// </summary>
    public async Task CancelMeetingAsync(long id, CancellationToken cancellationToken = default)
    {
        RequirePositive(id, "Id");
        var call = Post("cancelConf", Repeat.Safe).Add("confId", id);
        var state = NewCall();
        try
        {
            await SendAsync(call, state, cancellationToken).ConfigureAwait(false);
        }
        catch (BizConfApiException e) when (e.Is(BizConfStatus.MeetingNotFound) && state.Attempts > 1)
        {
            try
            {
                await GetMeetingAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (BizConfApiException check) when (check.Is(BizConfStatus.MeetingNotFound))
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
        var call = Post("getConf", Repeat.Safe).Add("confId", id);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return Own(MeetingParser.Parse(Data(root, call.Endpoint)));
    }

    /// <summary>settingLivestream.</summary>
    public Task SetLiveStreamAsync(long id, string streamUrl, string streamKey, string liveUrl, CancellationToken cancellationToken = default)
    {
        RequirePositive(id, "Id");
        InputRules.CheckLiveStream(streamUrl, streamKey, liveUrl);
        var call = Post("settingLivestream", Repeat.Safe)
            .Add("id", id)
            .Add("streamUrl", streamUrl)
            .Add("streamKey", streamKey)
            .Add("liveUrl", liveUrl);
        return SendAsync(call, cancellationToken);
    }

    /// <summary>Sends a create and reads the meeting it answers with.</summary>
    internal async Task<Meeting> SendCreateAsync(ApiRequest call, CallState state, CancellationToken cancellationToken)
    {
        var root = await SendAsync(call, state, cancellationToken).ConfigureAwait(false);
        return Own(MeetingParser.Parse(Data(root, call.Endpoint)));
    }

    internal async Task<Meeting?> TakeExistingAsync(MeetingRequest request, RunLedger ledger, CancellationToken cancellationToken)
    {
        foreach (var meeting in await FindMeetingsAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (ledger.TryTake(meeting.Id))
            {
                return meeting;
            }
        }

        return null;
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        new DateTimeOffset(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Describe(Meeting meeting) =>
        meeting.StartTime.HasValue
            ? meeting.StartTime.Value.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) + $" for {meeting.Duration} minutes"
            : $"an unknown start for {meeting.Duration} minutes";

    private Meeting Own(Meeting meeting)
    {
        meeting.LoginName = LoginName;
        return meeting;
    }
}
