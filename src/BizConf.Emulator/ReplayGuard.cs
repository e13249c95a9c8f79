using BizConf.Emulator.Model;

namespace BizConf.Emulator;

/// <summary>
/// Remembers which (API key, timeStamp) pairs have been used, so that each token is good once. Entries older
/// than the freshness window are forgotten: such timestamps are refused as stale anyway.
/// </summary>
public sealed class ReplayGuard
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly object gate = new();
    private readonly HashSet<(string ApiKey, long TimeStamp)> seen = new();
    private readonly PriorityQueue<(string ApiKey, long TimeStamp), long> byAge = new();

    /// <summary>True the first time a pair is offered; false when it has been seen before.</summary>
    public bool TryUse(string apiKey, long timeStamp, DateTimeOffset now)
    {
        lock (gate)
        {
            Forget(OldestFresh(now));
            return Remember(apiKey, timeStamp);
        }
    }

    /// <summary>The pairs that still guard anything at <paramref name="now"/>, for the state file.</summary>
    public List<UsedToken> Fresh(DateTimeOffset now)
    {
        lock (gate)
        {
            var oldest = OldestFresh(now);
            return seen
                .Where(pair => pair.TimeStamp >= oldest)
                .OrderBy(pair => pair.TimeStamp)
                .Select(pair => new UsedToken { ApiKey = pair.ApiKey, TimeStamp = pair.TimeStamp })
                .ToList();
        }
    }

    /// <summary>Takes back the pairs a previous run saved, so that a restart does not accept them again.</summary>
    public void Restore(IEnumerable<UsedToken> used)
    {
        lock (gate)
        {
            foreach (var token in used)
            {
                Remember(token.ApiKey, token.TimeStamp);
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            seen.Clear();
            byAge.Clear();
        }
    }

    private static long OldestFresh(DateTimeOffset now) => now.Add(-Window).ToUnixTimeMilliseconds();

    private bool Remember(string apiKey, long timeStamp)
    {
        if (!seen.Add((apiKey, timeStamp)))
        {
            return false;
        }

        byAge.Enqueue((apiKey, timeStamp), timeStamp);
        return true;
    }

    private void Forget(long olderThan)
    {
        while (byAge.TryPeek(out var pair, out var timeStamp) && timeStamp < olderThan)
        {
            byAge.Dequeue();
            seen.Remove(pair);
        }
    }
}
