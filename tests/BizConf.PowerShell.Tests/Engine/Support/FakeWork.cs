using BizConf.PowerShell.Engine;

namespace BizConf.PowerShell.Tests.Engine.Support;

/// <summary>
/// Phases the test ends by hand: "prepare 3" and "act 3" are item 3's. It records which phases began, in order, and
/// how many ran at once at most. A phase counts as ended the moment the test ends it, so <see cref="SettleAsync"/>
/// can compare that count with the runner's without racing the runner's own bookkeeping.
/// </summary>
internal sealed class FakeWork
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly object gate = new();
    private readonly Dictionary<string, TaskCompletionSource<object?>> phases = new();
    private readonly List<string> started = new();
    private int current;
    private int peak;

    public int Peak
    {
        get
        {
            lock (gate)
            {
                return peak;
            }
        }
    }

    /// <summary>The phases that began, in the order they began.</summary>
    public IReadOnlyList<string> Started
    {
        get
        {
            lock (gate)
            {
                return started.ToArray();
            }
        }
    }

    public Func<CancellationToken, Task<int>> Act(int item) => async token =>
    {
        await RunAsync("act " + item, token);
        return item;
    };

    public Func<CancellationToken, Task<IEnumerable<TimeWindow>>> Prepare(int item, params TimeWindow[] windows) => async token =>
    {
        await RunAsync("prepare " + item, token);
        return windows;
    };

    public void Complete(string phase) => End(phase, tcs => tcs.TrySetResult(null));

    public void Fail(string phase, Exception failure) => End(phase, tcs => tcs.TrySetException(failure));

    public bool HasStarted(string phase) => Started.Contains(phase);

    /// <summary>Waits until every phase the runner has given a slot has begun here, so that what has begun is final.</summary>
    public async Task SettleAsync<T>(ItemRunner<T> runner)
    {
        var until = DateTime.UtcNow + Deadline;
        while (Current() != runner.Running)
        {
            Assert.True(DateTime.UtcNow < until, $"The runner holds {runner.Running} slots but {Current()} phases began.");
            await Task.Delay(5);
        }
    }

    public async Task WaitForStartAsync(string phase)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!HasStarted(phase))
        {
            Assert.True(DateTime.UtcNow < until, $"'{phase}' never began; began: {string.Join(", ", Started)}.");
            await Task.Delay(5);
        }
    }

    private int Current()
    {
        lock (gate)
        {
            return current;
        }
    }

    private async Task RunAsync(string phase, CancellationToken token)
    {
        TaskCompletionSource<object?> tcs;
        lock (gate)
        {
            tcs = Phase(phase);
            started.Add(phase);
            current++;
            peak = Math.Max(peak, current);
        }

        using var stop = token.Register(() => End(phase, t => t.TrySetCanceled(token)));
        await tcs.Task;
    }

    private void End(string phase, Action<TaskCompletionSource<object?>> how)
    {
        TaskCompletionSource<object?> tcs;
        lock (gate)
        {
            tcs = Phase(phase);
            if (tcs.Task.IsCompleted)
            {
                return;
            }

            if (started.Contains(phase))
            {
                current--;
            }
        }

        how(tcs);
    }

    private TaskCompletionSource<object?> Phase(string phase)
    {
        if (!phases.TryGetValue(phase, out var tcs))
        {
            tcs = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            phases[phase] = tcs;
        }

        return tcs;
    }
}
