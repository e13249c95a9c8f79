namespace BizConf;

/// <summary>
/// One lock per meeting or webinar that is being changed through a session: held from the read of a
/// read-modify-write to its write, so that two runspaces changing one meeting at once each see the other's change
/// instead of undoing it. Locks are made when asked and dropped when nobody holds or waits for them.
/// </summary>
internal sealed class ResourceLocks
{
    private readonly Dictionary<string, Entry> entries = new Dictionary<string, Entry>(StringComparer.Ordinal);

    /// <summary>Waits for the lock of <paramref name="key"/> (such as "meeting:17962"); disposing the result releases it.</summary>
    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (entries)
        {
            if (!entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                entries[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(key, entry, held: false);
            throw;
        }

        return new Holder(this, key, entry);
    }

    private void Release(string key, Entry entry, bool held)
    {
        if (held)
        {
            entry.Gate.Release();
        }

        lock (entries)
        {
            if (--entry.Users == 0)
            {
                entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new SemaphoreSlim(1, 1);

        public int Users { get; set; }
    }

    private sealed class Holder : IDisposable
    {
        private ResourceLocks? owner;
        private readonly string key;
        private readonly Entry entry;

        public Holder(ResourceLocks owner, string key, Entry entry)
        {
            this.owner = owner;
            this.key = key;
            this.entry = entry;
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref owner, null)?.Release(key, entry, held: true);
        }
    }
}
