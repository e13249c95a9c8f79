using BizConf.Transport;

namespace BizConf;

/// <summary>
/// The client step that makes a create happen exactly once (docs/ARCHITECTURE.md, "Exactly once"): the transport
/// never repeats a create on its own; after a failure that may hide the meeting made, this step looks on the account
/// and returns what it found, or sends again. It counts its sends and looks against the one MaxRetry of the call,
/// and afterwards cancels a twin that an earlier, unanswered attempt may have left behind.
/// </summary>
/// <param name="client">The client whose transport sends and looks.</param>
/// <param name="call">The confReservation request, built once.</param>
/// <param name="request">The meeting asked for, which a look matches against.</param>
/// <param name="ledger">The run's record of meetings it has made and claimed.</param>
/// <param name="state">The call's attempt count, shared by its sends and looks.</param>
internal sealed class MeetingCreation(BizConfClient client, ApiRequest call, MeetingRequest request, RunLedger ledger, CallState state)
{
    private DateTimeOffset? firstUnansweredSentAt;
    private DateTimeOffset? lastEmptyLook;

    private BizConfClientOptions Options => client.Options;

    /// <summary>How long after a timed-out attempt the account is looked at a second time: the service may be finishing it.</summary>
    internal TimeSpan LookGrace => Min(TimeSpan.FromTicks(Options.Timeout.Ticks * 3 / 2), TimeSpan.FromMinutes(1));

    /// <summary>How long after an unanswered attempt was sent the account is looked at for a twin it made, at the least.</summary>
    internal TimeSpan TwinWait => Min(TimeSpan.FromTicks(Options.Timeout.Ticks * 5 / 2), TimeSpan.FromMinutes(2));

    /// <summary>The most a row waits for a twin beyond <see cref="TwinWait"/>, however late the service was seen to be.</summary>
    internal static readonly TimeSpan MaxTwinWait = TimeSpan.FromMinutes(10);

    public async Task<Meeting> RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            BizConfException failure;
            try
            {
                var made = await client.SendCreateAsync(call, state, cancellationToken).ConfigureAwait(false);
                ledger.TryTake(made.Id);
                await RemoveTwinsAsync(made, fromLook: false, cancellationToken).ConfigureAwait(false);
                return made;
            }
            catch (BizConfException e) when ((e is BizConfApiException || e is BizConfTransportException) && e.Outcome == RequestOutcome.MayHaveBeenCarriedOut)
            {
                failure = e;
                state.MarkMaybeDone();
                firstUnansweredSentAt ??= state.LastUnansweredSentAt;
            }

            var (found, lookFailure) = await LookAsync(failure, cancellationToken).ConfigureAwait(false);
            if (lookFailure != null)
            {
                throw failure.WithNote(
                    $"Looking for the meeting on account {client.LoginName} failed too ({lookFailure.Message}), so it may exist: look for it before scheduling it again.");
            }

            if (found != null)
            {
                state.Log($"{failure.Message} Meeting '{found.Name}' (Id {found.Id}) exists on account {client.LoginName} with this name, start and duration: this request made it.");
                await RemoveTwinsAsync(found, fromLook: true, cancellationToken).ConfigureAwait(false);
                return found;
            }

            lastEmptyLook = Options.Clock();
            var none = $"No such meeting exists on account {client.LoginName} (looked with listConf).";
            if (!state.CanRetry)
            {
                throw failure.WithNote($"{none} Gave up {state.AfterAttempts()}.");
            }

            state.UseRetry();
            var delay = DelayStrategy.Next(Options, state.RetriesUsed, null);
            state.Log($"{failure.Message} {none} Trying again in {HttpSender.Seconds(delay)} s (retry {state.RetriesUsed} of {state.MaxRetry}).");
            await Options.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Looks for the meeting; after a timeout, once more after a grace when the first look finds nothing.</summary>
    private async Task<(Meeting? Found, BizConfException? Failure)> LookAsync(BizConfException failure, CancellationToken cancellationToken)
    {
        try
        {
            var found = await client.TakeExistingAsync(request, ledger, cancellationToken).ConfigureAwait(false);
            if (found == null && failure is BizConfTransportException { IsTimeout: true })
            {
                state.Log($"No such meeting on account {client.LoginName} yet; the service may still be working on the request that timed out, so looking again in {HttpSender.Seconds(LookGrace)} s.");
                await Options.Delay(LookGrace, cancellationToken).ConfigureAwait(false);
                found = await client.TakeExistingAsync(request, ledger, cancellationToken).ConfigureAwait(false);
            }

            return (found, null);
        }
        catch (BizConfException lookup) when (lookup is BizConfApiException || lookup is BizConfTransportException)
        {
            return (null, lookup);
        }
    }

    /// <summary>
    /// After the row has its meeting: an attempt that went unanswered may still be carried out later (a queue in a
    /// gateway). An attempt answered 103 or a server error cannot: the look after it saw whether it was done. A
    /// meeting such a late attempt makes is this row's own twin, since a look found none before the repeat and the
    /// run's other rows keep theirs in the ledger: it is cancelled, with a warning. A meeting found by a look is
    /// taken as the work of the last unanswered attempt.
    /// </summary>
    private async Task RemoveTwinsAsync(Meeting kept, bool fromLook, CancellationToken cancellationToken)
    {
        var others = state.Unanswered - (fromLook ? 1 : 0);
        if (others <= 0)
        {
            return;
        }

        var wait = state.LastUnansweredSentAt.HasValue ? state.LastUnansweredSentAt.Value + TwinLookDelay() - Options.Clock() : TimeSpan.Zero;
        if (wait > TimeSpan.Zero && ledger.DeferTwinChecks)
        {
            // The row is written now; the run waits for its late twins at its end, all of them at once.
            state.Log($"An earlier attempt for meeting '{kept.Name}' (Id {kept.Id}) went unanswered and may still be carried out: the run looks for a twin in {HttpSender.Seconds(wait)} s, before it ends.");
            ledger.Defer($"'{kept.Name}' (Id {kept.Id}) on account {client.LoginName}", Options.Clock() + wait, token => LookForTwinsAsync(kept, wait, token));
            return;
        }

        await LookForTwinsAsync(kept, wait, cancellationToken).ConfigureAwait(false);
    }

    private async Task LookForTwinsAsync(Meeting kept, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait > TimeSpan.Zero)
        {
            state.Log($"An earlier attempt for meeting '{kept.Name}' went unanswered and may still be carried out: looking for a twin in {HttpSender.Seconds(wait)} s.");
            await Options.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            foreach (var twin in await client.FindMeetingsAsync(request, cancellationToken).ConfigureAwait(false))
            {
                if (twin.Id == kept.Id || !ledger.TryTake(twin.Id))
                {
                    continue;
                }

                await client.CancelMeetingAsync(twin.Id, cancellationToken).ConfigureAwait(false);
                state.Sinks.Warn?.Invoke(
                    $"Meeting '{twin.Name}' (Id {twin.Id}) on account {client.LoginName} was made by an earlier attempt of this row that the service carried out " +
                    $"after the client had given up on it; it was cancelled, and the row keeps meeting Id {kept.Id}.");
            }
        }
        catch (BizConfException e) when (e is BizConfApiException || e is BizConfTransportException)
        {
            state.Sinks.Warn?.Invoke(
                $"Meeting '{kept.Name}' (Id {kept.Id}) was made, but looking for a twin left by an earlier unanswered attempt failed ({e.Message}): " +
                $"check account {client.LoginName} for a second meeting with this name and start.");
        }
    }

    /// <summary>
    /// How long after the last unanswered send to look for a twin. A look that found nothing showed that the first
    /// unanswered attempt was not done that long after it was sent; the service is then taken to be at least that
    /// slow for the last attempt too, and given twice as long (up to <see cref="MaxTwinWait"/>), so that a queue which
    /// holds every request longer than the timeout does not slip a twin past the look.
    /// </summary>
    private TimeSpan TwinLookDelay()
    {
        if (!lastEmptyLook.HasValue || !firstUnansweredSentAt.HasValue)
        {
            return TwinWait;
        }

        var seenLate = lastEmptyLook.Value - firstUnansweredSentAt.Value;
        var delay = Min(TimeSpan.FromTicks(seenLate.Ticks * 2), MaxTwinWait);
        return delay > TwinWait ? delay : TwinWait;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
