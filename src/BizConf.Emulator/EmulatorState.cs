using BizConf.Emulator.Hosting;
using BizConf.Emulator.Model;

namespace BizConf.Emulator;

/// <summary>
/// The emulator's data behind one lock. A change runs inside the lock; with a state file it is then queued to be
/// saved (<see cref="StateSaver"/>), and the request's answer waits until it is on disk (<see cref="SaveWait"/>),
/// as do the answers of requests that read it meanwhile. A change whose save fails is undone, with every change
/// made after it, and its request is answered as failed: memory holds only what the disk holds.
/// </summary>
internal sealed class EmulatorState : ISavedState
{
    private readonly object gate = new();
    private readonly ReplayGuard replay;
    private readonly StateSaver? saves;
    private EmulatorData data;
    private long version;
    private long lastChange;

    public EmulatorState(TimeProvider clock, StateFile? file, ReplayGuard replay, TextWriter? errors = null)
    {
        Clock = clock;
        this.replay = replay;
        if (file is null)
        {
            data = EmulatorData.Seed();
            return;
        }

        var loaded = file.Load();
        data = loaded.Data;
        lastChange = data.LastChange;
        replay.Restore(data.UsedTokens);
        data.UsedTokens = new List<UsedToken>();
        if (loaded.EarlierFormat)
        {
            // A single document from an earlier version: written once now in this version's form.
            file.WriteSnapshot(Document(), startJournal: true);
        }

        saves = new StateSaver(gate, file, new SaveFailure(file, errors ?? Console.Error), this);
    }

    public TimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>
    /// Counts the changes. Read inside <see cref="Read{T}"/> it names the data being read, so a result worked out
    /// from that data (a sorted listing) can be kept until the next change.
    /// </summary>
    public long Version
    {
        get
        {
            lock (gate)
            {
                return version;
            }
        }
    }

    public T Read<T>(Func<EmulatorData, T> query)
    {
        T result;
        Task? unsaved;
        lock (gate)
        {
            result = query(data);
            unsaved = saves?.Newest;
        }

        SaveWait.Note(unsaved);
        return result;
    }

    /// <summary>
    /// Runs <paramref name="change"/>, which makes its changes through <see cref="EmulatorData.Add(Meeting)"/>,
    /// <see cref="EmulatorData.Changing{T}"/> and <see cref="EmulatorData.Remove(Webinar)"/>. A change that
    /// refuses (throws) should do so before it modifies anything; with a state file, what it did is undone.
    /// </summary>
    public T Change<T>(Func<EmulatorData, T> change)
    {
        T result;
        Task? saved = null;
        lock (gate)
        {
            version++;
            var tracker = saves is null ? null : new ChangeTracker(data);
            data.Changes = tracker;
            try
            {
                result = change(data);
            }
            catch
            {
                tracker?.Undo(data);
                throw;
            }
            finally
            {
                data.Changes = null;
            }

            if (saves is not null)
            {
                var tokens = replay.TakeUnsaved(Now);
                var seq = ++lastChange;
                saved = saves.Add(new PendingChange
                {
                    Seq = seq,
                    Line = tracker!.Entry(data, seq, tokens),
                    Undo = () =>
                    {
                        tracker.Undo(data);
                        replay.ReturnUnsaved(tokens);
                    },
                });
            }
        }

        SaveWait.Note(saved);
        return result;
    }

    public void Change(Action<EmulatorData> change) => Change(data =>
    {
        change(data);
        return true;
    });

    /// <summary>Back to the seed, used tokens forgotten too.</summary>
    public void ResetToSeed()
    {
        Task? saved = null;
        lock (gate)
        {
            version++;
            var before = data;
            var tokensBefore = replay.Fresh(Now);
            replay.Clear();
            data = EmulatorData.Seed();
            if (saves is not null)
            {
                saved = saves.Add(new PendingChange
                {
                    Seq = ++lastChange,
                    Line = null,
                    Undo = () =>
                    {
                        data = before;
                        replay.Restore(tokensBefore);
                    },
                });
            }
        }

        SaveWait.Note(saved);
    }

    /// <summary>
    /// At a clean stop: the whole state written once more, with the tokens spent by requests that changed nothing
    /// (they are journalled only with the next change), and the journal removed.
    /// </summary>
    public void SaveOnStop() => saves?.Stop();

    byte[] ISavedState.Document() => Document();

    void ISavedState.RollBack(IReadOnlyList<PendingChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        for (var i = changes.Count - 1; i >= 0; i--)
        {
            changes[i].Undo();
        }

        lastChange = changes[0].Seq - 1;
        version++;
    }

    private byte[] Document()
    {
        data.FormatVersion = EmulatorData.CurrentFormat;
        data.LastChange = lastChange;
        data.UsedTokens = replay.Fresh(Now);
        try
        {
            return StateFile.Serialize(data);
        }
        finally
        {
            data.UsedTokens = new List<UsedToken>();
        }
    }
}
