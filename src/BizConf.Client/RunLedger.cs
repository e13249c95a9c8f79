namespace BizConf;

/// <summary>
/// What one run (a command over many rows) has made or taken as its own: the ids of the meetings its rows ended
/// with. When an answer is lost and the client looks for the meeting a row made, it never takes one that another
/// row of the run already has, so two identical rows end with two meetings, each its own. It also counts the rows
/// that -SkipExisting found already there, and, when <see cref="DeferTwinChecks"/> is on, holds the twin checks
/// that wait for an unanswered attempt to run late, so that a row is written at once and the run settles them at
/// its end. Safe to use from several threads.
/// </summary>
public sealed class RunLedger : IDisposable
{
    private readonly HashSet<long> taken = new HashSet<long>();
    private readonly Dictionary<int, (Task Check, string Meeting)> checks = new Dictionary<int, (Task Check, string Meeting)>();
    private readonly CancellationTokenSource stop = new CancellationTokenSource();
    private int skipped;
    private int nextCheck;
    private int disposed;

    /// <summary>How many rows found their meeting already there and sent nothing.</summary>
    public int SkippedExisting => Volatile.Read(ref skipped);

    /// <summary>
    /// Whether a create answered after an unanswered attempt returns its meeting at once and leaves the look for a
    /// late twin to <see cref="SettleAsync"/>. Off by default: a caller that never settles the ledger gets the look
    /// before the create returns.
    /// </summary>
    public bool DeferTwinChecks { get; set; }

    /// <summary>The meetings whose twin check has not ended yet, as "'name' (Id n) on account a".</summary>
    public IReadOnlyList<string> PendingTwinChecks
    {
        get
        {
            lock (checks)
            {
                return checks.Values.Select(c => c.Meeting).ToList();
            }
        }
    }

    /// <summary>The latest moment a pending twin check looks, or null when none is pending.</summary>
    public DateTimeOffset? SettlesBy { get; private set; }

    /// <summary>Takes <paramref name="meetingId"/> for a row; false when another row of the run already has it.</summary>
    public bool TryTake(long meetingId)
    {
        lock (taken)
        {
            return taken.Add(meetingId);
        }
    }

    /// <summary>Whether a row of the run has <paramref name="meetingId"/>.</summary>
    public bool IsTaken(long meetingId)
    {
        lock (taken)
        {
            return taken.Contains(meetingId);
        }
    }

    /// <summary>Waits until every deferred twin check has ended (each warns of what it found or could not do).</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(() => stop.Cancel()))
        {
            while (true)
            {
                Task[] pending;
                lock (checks)
                {
                    pending = checks.Values.Select(c => c.Check).Where(t => !t.IsCompleted).ToArray();
                }

                if (pending.Length == 0)
                {
                    return;
                }

                await Task.WhenAll(pending).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Ends the deferred twin checks that are still waiting; <see cref="PendingTwinChecks"/> names them.</summary>
    public void StopTwinChecks()
    {
        if (Volatile.Read(ref disposed) == 0)
        {
            stop.Cancel();
        }
    }

    /// <summary>Stops the deferred twin checks still waiting and frees what they wait on.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        stop.Cancel();
        stop.Dispose();
    }

    internal void CountSkipped() => Interlocked.Increment(ref skipped);

    /// <summary>Runs a twin check in the background; it stays pending until it ends, and never throws.</summary>
    internal void Defer(string meeting, DateTimeOffset lookAt, Func<CancellationToken, Task> check)
    {
        lock (checks)
        {
            SettlesBy = SettlesBy.HasValue && SettlesBy.Value > lookAt ? SettlesBy : lookAt;
            var key = nextCheck++;
            var task = Task.Run(async () =>
            {
                try
                {
                    await check(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopped: the meeting stays named in PendingTwinChecks for the stop report.
                    return;
                }

                lock (checks)
                {
                    checks.Remove(key);
                }
            });
            checks[key] = (task, meeting);
        }
    }
}
