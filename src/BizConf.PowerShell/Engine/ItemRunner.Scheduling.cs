using System.Threading;
using System.Threading.Tasks;

namespace BizConf.PowerShell.Engine;

/// <summary>
/// The rules at work. Every decision is taken under the lock, at the moment something changes (an item comes, a
/// phase ends); the phases themselves start after the lock is let go, so no caller's code runs under it.
/// </summary>
internal sealed partial class ItemRunner<TResult>
{
    private bool Add(Func<long, RunnerEntry<TResult>> create)
    {
        var starts = new List<(RunnerEntry<TResult> Entry, bool Acting)>();
        bool room;
        lock (gate)
        {
            if (stop != null)
            {
                return false;
            }

            if (pending.Count >= Window)
            {
                throw new InvalidOperationException($"The window of {Window} pending items is full: take outcomes before submitting more.");
            }

            var entry = create(nextSequence);
            nextSequence++;
            pending.Add(entry);
            if (entry.IsDone)
            {
                WakeIfHead(entry);
            }
            else
            {
                Advance(entry);
                Dispatch(starts);
            }

            room = pending.Count < Window;
        }

        Launch(starts);
        return room;
    }

    /// <summary>Moves an item on as far as the rules let it now; where an earlier item blocks it, it watches that one.</summary>
    private void Advance(RunnerEntry<TResult> entry)
    {
        if (entry.Stage == EntryStage.WaitingForResources)
        {
            var blocker = FirstBlocker(entry, BlocksOnResources);
            if (blocker != null)
            {
                blocker.Watchers.Add(entry);
                return;
            }

            entry.Cursor = 0;
            if (entry.Prepare != null)
            {
                entry.Stage = EntryStage.ReadyToPrepare;
                ready.Add(entry);
                return;
            }

            entry.Stage = EntryStage.WaitingForWindows;
        }

        if (entry.Stage == EntryStage.WaitingForWindows)
        {
            var blocker = FirstBlocker(entry, BlocksInTime);
            if (blocker != null)
            {
                blocker.Watchers.Add(entry);
                return;
            }

            entry.Stage = EntryStage.ReadyToAct;
            ready.Add(entry);
        }
    }

    /// <summary>
    /// The earliest item before <paramref name="entry"/> that blocks it, from its cursor on. Both rules only ever
    /// release: an item that does not block now never will, so the scan never goes back over it.
    /// </summary>
    private RunnerEntry<TResult>? FirstBlocker(RunnerEntry<TResult> entry, Func<RunnerEntry<TResult>, RunnerEntry<TResult>, bool> blocks)
    {
        var head = pending[0].Sequence;
        for (var sequence = Math.Max(entry.Cursor, head); sequence < entry.Sequence; sequence++)
        {
            var earlier = pending[(int)(sequence - head)];
            if (blocks(earlier, entry))
            {
                entry.Cursor = sequence;
                return earlier;
            }
        }

        entry.Cursor = entry.Sequence;
        return null;
    }

    /// <summary>Rule (a): before it reads or acts, an item waits for earlier unfinished ones that clash on a resource.</summary>
    private static bool BlocksOnResources(RunnerEntry<TResult> earlier, RunnerEntry<TResult> later) =>
        !earlier.IsDone && earlier.SameAccount(later) && earlier.ClashesOnResources(later);

    /// <summary>Rule (b): before it acts, an item waits for earlier ones of its account to know their windows, and for overlapping ones to end.</summary>
    private static bool BlocksInTime(RunnerEntry<TResult> earlier, RunnerEntry<TResult> later) =>
        !earlier.IsDone && earlier.SameAccount(later) && (!earlier.WindowsKnown || earlier.OverlapsInTime(later));

    /// <summary>Gives free slots to ready items, earliest first, so the head of the line is never kept waiting by later ones.</summary>
    private void Dispatch(List<(RunnerEntry<TResult> Entry, bool Acting)> starts)
    {
        while (running < ThrottleLimit && ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            var acting = next.Stage == EntryStage.ReadyToAct;
            next.Stage = acting ? EntryStage.Acting : EntryStage.Preparing;
            if (acting)
            {
                next.ActEnded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            running++;
            starts.Add((next, acting));
        }
    }

    /// <summary>Starts each phase on the thread pool, in the execution context its item was submitted in.</summary>
    private void Launch(List<(RunnerEntry<TResult> Entry, bool Acting)> starts)
    {
        foreach (var (entry, acting) in starts)
        {
            if (entry.Context == null)
            {
                _ = Task.Run(() => RunPhaseAsync(entry, acting));
            }
            else
            {
                ExecutionContext.Run(entry.Context.CreateCopy(), _ => { _ = Task.Run(() => RunPhaseAsync(entry, acting)); }, null);
            }
        }
    }

    private async Task RunPhaseAsync(RunnerEntry<TResult> entry, bool acting)
    {
        if (!TryBegin(entry, acting))
        {
            return;
        }

        var token = cancel.Token;
        if (!acting)
        {
            IEnumerable<TimeWindow>? windows = null;
            ItemOutcome<TResult>? failure = null;
            try
            {
                windows = await entry.Prepare!(token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure = Failed(entry, e);
            }

            End(entry, failure, windows);
            return;
        }

        ItemOutcome<TResult> outcome;
        try
        {
            var result = await entry.Act!(token).ConfigureAwait(false);
            outcome = new ItemOutcome<TResult>(entry.Sequence, entry.Label, ItemOutcomeKind.Succeeded, result, null);
        }
        catch (Exception e)
        {
            outcome = Failed(entry, e);
        }

        End(entry, outcome, null);
    }

    /// <summary>The last look before a phase runs: after a stop, nothing that has not begun begins.</summary>
    private bool TryBegin(RunnerEntry<TResult> entry, bool acting)
    {
        lock (gate)
        {
            if (stop != null)
            {
                running--;
                entry.ActEnded?.TrySetResult(false);
                return false;
            }

            entry.ActSent |= acting;
            return true;
        }
    }

    /// <summary>A phase has ended: with an outcome the item is done; without one its Prepare gave its windows.</summary>
    private void End(RunnerEntry<TResult> entry, ItemOutcome<TResult>? outcome, IEnumerable<TimeWindow>? windows)
    {
        var starts = new List<(RunnerEntry<TResult> Entry, bool Acting)>();
        lock (gate)
        {
            running--;
            if (outcome == null)
            {
                try
                {
                    entry.AddWindows(windows);
                }
                catch (InvalidOperationException e)
                {
                    outcome = Failed(entry, e);
                }
            }

            if (outcome != null)
            {
                entry.Finish(outcome);
            }

            if (stop != null)
            {
                return;
            }

            if (outcome == null)
            {
                entry.Stage = EntryStage.WaitingForWindows;
                Advance(entry);
            }
            else
            {
                WakeIfHead(entry);
            }

            Release(entry);
            Dispatch(starts);
        }

        Launch(starts);
    }

    /// <summary>The item now knows its windows or has ended: each item waiting for it looks again.</summary>
    private void Release(RunnerEntry<TResult> changed)
    {
        if (changed.Watchers.Count == 0)
        {
            return;
        }

        var watchers = changed.Watchers.ToArray();
        changed.Watchers.Clear();
        foreach (var watcher in watchers)
        {
            Advance(watcher);
        }
    }

    private void WakeIfHead(RunnerEntry<TResult> entry)
    {
        if (pending.Count > 0 && pending[0] == entry)
        {
            wake.Set();
        }
    }

    private static ItemOutcome<TResult> Failed(RunnerEntry<TResult> entry, Exception failure) =>
        new ItemOutcome<TResult>(entry.Sequence, entry.Label, failure is OperationCanceledException ? ItemOutcomeKind.Canceled : ItemOutcomeKind.Failed, default!, failure);
}
