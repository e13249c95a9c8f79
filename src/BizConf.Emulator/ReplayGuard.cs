using BizConf.Emulator.Model;

namespace BizConf.Emulator;

/// <summary>
/// Remembers which (API key, timeStamp) pairs have been used, so that each token is good once. Entries older
/// than the freshness window are forgotten: such timestamps are refused as stale anyway. With a state file it
/// also keeps the pairs used since the last save (<see cref="TakeUnsaved"/>), for the next journal line.
/// </summary>
internal sealed class ReplayGuard
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Reads spend tokens without a save; past this many unsaved ones the stale are dropped, so the list stays bounded.</summary>
    private const int MinPrune = 4096;

    private readonly object gate = new();
    private readonly HashSet<(string ApiKey, long TimeStamp)> seen = new();
    private readonly PriorityQueue<(string ApiKey, long TimeStamp), long> byAge = new();
    private readonly bool keepsUnsaved;
    private List<UsedToken> unsaved = new();
    private int pruneUnsavedAt = MinPrune;

    public ReplayGuard(bool keepsUnsaved = false)
    {
        this.keepsUnsaved = keepsUnsaved;
    }

    /// <summary>True the first time a pair is offered; false when it has been seen before.</summary>
    public bool TryUse(string apiKey, long timeStamp, DateTimeOffset now)
    {
        lock (gate)
        {
            Forget(OldestFresh(now));
            if (!Remember(apiKey, timeStamp))
            {
                return false;
            }

            if (keepsUnsaved)
            {
                unsaved.Add(new UsedToken { ApiKey = apiKey, TimeStamp = timeStamp });
                if (unsaved.Count >= pruneUnsavedAt)
                {
                    var oldest = OldestFresh(now);
                    unsaved.RemoveAll(token => token.TimeStamp < oldest);
                    pruneUnsavedAt = Math.Max(MinPrune, unsaved.Count * 2);
                }
            }

            return true;
        }
    }

    /// <summary>
    /// The pairs used since the last call, for the journal line being written; those gone stale meanwhile are
    /// left out, since a stale timestamp is refused anyway.
    /// </summary>
    public List<UsedToken> TakeUnsaved(DateTimeOffset now)
    {
        lock (gate)
        {
            var oldest = OldestFresh(now);
            var taken = unsaved;
            unsaved = new List<UsedToken>();
            taken.RemoveAll(token => token.TimeStamp < oldest);
            return taken;
        }
    }

    /// <summary>Pairs whose journal line was not saved: they go with the next one.</summary>
    public void ReturnUnsaved(IEnumerable<UsedToken> tokens)
    {
        lock (gate)
        {
            unsaved.InsertRange(0, tokens);
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
            unsaved.Clear();
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
