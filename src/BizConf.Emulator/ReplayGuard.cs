using BizConf.Emulator.Model;

namespace BizConf.Emulator;

/// <summary>
/// Remembers which (API key, timeStamp) pairs have been used, so that each token is good once. Entries older
/// than the freshness window are forgotten: such timestamps are refused as stale anyway.
/// </summary>
public sealed class ReplayGuard
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly object _gate = new();
    private readonly HashSet<(string ApiKey, long TimeStamp)> _seen = new();
    private readonly PriorityQueue<(string ApiKey, long TimeStamp), long> _byAge = new();

    /// <summary>True the first time a pair is offered; false when it has been seen before.</summary>
    public bool TryUse(string apiKey, long timeStamp, DateTimeOffset now)
    {
        lock (_gate)
        {
            Forget(OldestFresh(now));
            return Remember(apiKey, timeStamp);
        }
    }

    /// <summary>The pairs that still guard anything at <paramref name="now"/>, for the state file.</summary>
    public List<UsedToken> Fresh(DateTimeOffset now)
    {
        lock (_gate)
        {
            var oldest = OldestFresh(now);
            return _seen
                .Where(pair => pair.TimeStamp >= oldest)
                .OrderBy(pair => pair.TimeStamp)
                .Select(pair => new UsedToken { ApiKey = pair.ApiKey, TimeStamp = pair.TimeStamp })
                .ToList();
        }
    }

    /// <summary>Takes back the pairs a previous run saved, so that a restart does not accept them again.</summary>
    public void Restore(IEnumerable<UsedToken> used)
    {
        lock (_gate)
        {
            foreach (var token in used)
            {
                Remember(token.ApiKey, token.TimeStamp);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _seen.Clear();
            _byAge.Clear();
        }
    }

    private static long OldestFresh(DateTimeOffset now) => now.Add(-Window).ToUnixTimeMilliseconds();

    private bool Remember(string apiKey, long timeStamp)
    {
        if (!_seen.Add((apiKey, timeStamp)))
        {
            return false;
        }

        _byAge.Enqueue((apiKey, timeStamp), timeStamp);
        return true;
    }

    private void Forget(long olderThan)
    {
        while (_byAge.TryPeek(out var pair, out var timeStamp) && timeStamp < olderThan)
        {
            _byAge.Dequeue();
            _seen.Remove(pair);
        }
    }
}
