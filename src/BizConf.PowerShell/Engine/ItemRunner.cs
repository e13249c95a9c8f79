using System.Threading;
using System.Threading.Tasks;

namespace BizConf.PowerShell.Engine;

/// <summary>The limits every runner shares.</summary>
internal static class ItemRunner
{
    public const int MaxThrottleLimit = 64;

    /// <summary>How many items may be pending by default: in flight, waiting, or done and not yet handed back.</summary>
    public static int DefaultWindow(int throttleLimit) => throttleLimit + Math.Max(16, 4 * throttleLimit);
}

/// <summary>
/// Runs the items of one command, up to ThrottleLimit requests at once, and hands their outcomes back in input
/// order: a bounded pool with an in-order writer, as ForEach-Object -Parallel has, held by the cmdlet rather than
/// inherited. Submit, TryTake and WaitForWork belong to the one thread that reads input; Wake and Stop may be
/// called from any thread.
/// </summary>
/// <remarks>
/// Which items wait for which. Two items of a run can change each other's outcome only on the same account, and
/// only when they touch the same meeting, webinar or registrant and at least one of them changes it (two reads,
/// or two registrants added to one meeting, do not clash), or they create the same thing (same name, start and
/// duration), or their times overlap (a change holds its old and its new time, a cancel its old one, a create its
/// new one). Such a pair runs in input order, the later item starting after the earlier has ended, so a file gives
/// the same outcome at any ThrottleLimit. An item whose time is known only once it has read the object (a change or
/// a cancel by id) reads after every earlier item on the same object has ended; then it waits for every earlier
/// item of its account to know its own times, and for those that overlap it to end; then it makes its change.
/// Waits point only to earlier items, so none waits for ever, and a wait holds no request slot.
/// </remarks>
/// <typeparam name="TResult">What a successful item gives.</typeparam>
internal sealed partial class ItemRunner<TResult> : IDisposable
{
    private readonly object gate = new object();

    /// <summary>Every item not yet handed back, in input order; the head's sequence is the lowest.</summary>
    private readonly List<RunnerEntry<TResult>> pending = new List<RunnerEntry<TResult>>();

    /// <summary>Items free to run a phase, taken earliest first when a slot frees.</summary>
    private readonly SortedSet<RunnerEntry<TResult>> ready = new SortedSet<RunnerEntry<TResult>>(new BySequence());

    private readonly CancellationTokenSource cancel = new CancellationTokenSource();
    private readonly WakeSignal wake = new WakeSignal();
    private long nextSequence;
    private int running;
    private TaskCompletionSource<StopReport<TResult>>? stop;

    public ItemRunner(int throttleLimit)
        : this(throttleLimit, ItemRunner.DefaultWindow(throttleLimit))
    {
    }

    public ItemRunner(int throttleLimit, int window)
    {
        if (throttleLimit < 1 || throttleLimit > ItemRunner.MaxThrottleLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, $"ThrottleLimit must be 1 to {ItemRunner.MaxThrottleLimit}.");
        }

        if (window < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must hold at least one item.");
        }

        ThrottleLimit = throttleLimit;
        Window = window;
    }

    public int ThrottleLimit { get; }

    public int Window { get; }

    /// <summary>Items submitted and not yet handed back.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>Phases running now, each holding a request slot.</summary>
    public int Running
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }

    /// <summary>Whether Submit may be called: the window has room and the runner is not stopped.</summary>
    public bool HasRoom
    {
        get
        {
            lock (gate)
            {
                return stop == null && pending.Count < Window;
            }
        }
    }

    public bool IsStopped
    {
        get
        {
            lock (gate)
            {
                return stop != null;
            }
        }
    }

    /// <summary>
    /// Takes the next item in input order. <paramref name="prepare"/>, when given, runs first and must change nothing
    /// (a read); it gives the windows known only then. <paramref name="act"/> makes the change. Both run on the thread
    /// pool in the execution context of this call, so AsyncLocal values (the log route) flow into them. True when the
    /// window has room for another item; false when it is full (take outcomes until <see cref="HasRoom"/>) or the runner
    /// is stopped (the item is then dropped).
    /// </summary>
    public bool Submit(string label, Footprint footprint, Func<CancellationToken, Task<IEnumerable<TimeWindow>>>? prepare, Func<CancellationToken, Task<TResult>> act)
    {
        if (footprint == null)
        {
            throw new ArgumentNullException(nameof(footprint));
        }

        if (act == null)
        {
            throw new ArgumentNullException(nameof(act));
        }

        var context = ExecutionContext.Capture();
        return Add(sequence => new RunnerEntry<TResult>(sequence, label ?? string.Empty, footprint, prepare, act) { Context = context });
    }

    /// <summary>Takes an item whose result is already in hand; it is handed back in its turn and blocks nothing.</summary>
    public bool SubmitDone(string label, TResult result) =>
        Add(sequence => Decided(sequence, label, ItemOutcomeKind.Succeeded, result, null));

    /// <summary>Takes an item that fails without being sent (bad input); its failure is handed back in its turn.</summary>
    public bool SubmitFailed(string label, Exception failure)
    {
        if (failure == null)
        {
            throw new ArgumentNullException(nameof(failure));
        }

        var kind = failure is OperationCanceledException ? ItemOutcomeKind.Canceled : ItemOutcomeKind.Failed;
        return Add(sequence => Decided(sequence, label, kind, default!, failure));
    }

    /// <summary>The outcome of the oldest item when it has ended; null while it runs, when none is pending, or once stopped.</summary>
    public ItemOutcome<TResult>? TryTake()
    {
        lock (gate)
        {
            if (stop != null || pending.Count == 0 || !pending[0].IsDone)
            {
                return null;
            }

            var head = pending[0];
            pending.RemoveAt(0);
            return head.Outcome;
        }
    }

    /// <summary>
    /// Blocks until the oldest item has ended, <see cref="Wake"/> is called, the runner stops, or
    /// <paramref name="timeout"/> passes; a wake that came before this call is not lost.
    /// </summary>
    public void WaitForWork(TimeSpan timeout) => wake.Wait(timeout);

    /// <summary>Wakes the pipeline thread from <see cref="WaitForWork"/>, say for a new log line. Any thread.</summary>
    public void Wake() => wake.Set();

    /// <summary>
    /// Stops the run, from any thread, once; later calls give the same report. Nothing not yet sent is sent; items in
    /// flight get up to <paramref name="grace"/> to end; then every call still running is cancelled. Outcomes are not
    /// handed back any more: the report holds every sent item not handed back, finished or not.
    /// </summary>
    public StopReport<TResult> Stop(TimeSpan grace)
    {
        if (grace < TimeSpan.Zero && grace != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(grace), grace, "The grace must not be negative.");
        }

        var mine = new TaskCompletionSource<StopReport<TResult>>(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource<StopReport<TResult>>? earlier;
        var inFlight = new List<Task>();
        lock (gate)
        {
            earlier = stop;
            if (earlier == null)
            {
                stop = mine;
                ready.Clear();
                foreach (var entry in pending)
                {
                    if (entry.Stage == EntryStage.Acting)
                    {
                        inFlight.Add(entry.ActEnded!.Task);
                    }
                }
            }
        }

        if (earlier != null)
        {
            return earlier.Task.GetAwaiter().GetResult();
        }

        wake.Set();
        Task.WaitAll(inFlight.ToArray(), grace);
        StopReport<TResult> report;
        lock (gate)
        {
            report = Report();
            pending.Clear();
        }

        cancel.Cancel();
        mine.SetResult(report);
        wake.Set();
        return report;
    }

    /// <summary>Stops at once when not stopped yet: nothing goes on being sent after the command has ended.</summary>
    public void Dispose()
    {
        if (!IsStopped)
        {
            Stop(TimeSpan.Zero);
        }
    }

    private static RunnerEntry<TResult> Decided(long sequence, string label, ItemOutcomeKind kind, TResult result, Exception? failure)
    {
        var entry = new RunnerEntry<TResult>(sequence, label ?? string.Empty, null, null, null);
        entry.Finish(new ItemOutcome<TResult>(sequence, entry.Label, kind, result, failure));
        return entry;
    }

    private StopReport<TResult> Report()
    {
        var unreported = new List<StoppedItem<TResult>>();
        var notSent = new List<string>();
        foreach (var entry in pending)
        {
            if (entry.ActSent)
            {
                unreported.Add(new StoppedItem<TResult>(entry.Sequence, entry.Label, entry.IsDone ? entry.Outcome : null));
            }
            else
            {
                notSent.Add(entry.Label);
            }
        }

        return new StopReport<TResult>(unreported, notSent);
    }

    private sealed class BySequence : IComparer<RunnerEntry<TResult>>
    {
        public int Compare(RunnerEntry<TResult>? x, RunnerEntry<TResult>? y) => (x?.Sequence ?? -1).CompareTo(y?.Sequence ?? -1);
    }
}
