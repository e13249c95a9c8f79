using BizConf.Emulator.Hosting;
using BizConf.Emulator.Model;

namespace BizConf.Emulator;

/// <summary>
/// The emulator's data behind one lock. Every change runs inside the lock and is saved to the state file (when
/// there is one) before the lock is released, so the HTTP answer that follows never reports unsaved work. Each
/// save also writes the tokens of the last five minutes, so that a restart does not take one of them again.
/// </summary>
public sealed class EmulatorState
{
    private readonly object gate = new();
    private readonly StateFile? file;
    private readonly ReplayGuard replay;
    private EmulatorData data;
    private long version;

    public EmulatorState(TimeProvider clock, StateFile? file, ReplayGuard replay)
    {
        Clock = clock;
        this.file = file;
        this.replay = replay;
        data = file?.Load() ?? EmulatorData.Seed();
        replay.Restore(data.UsedTokens);
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
        lock (gate)
        {
            return query(data);
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> and saves. A change that refuses (throws) must do so before it modifies
    /// anything: nothing is saved then.
    /// </summary>
    public T Change<T>(Func<EmulatorData, T> change)
    {
        lock (gate)
        {
            version++;
            var result = change(data);
            Save();
            return result;
        }
    }

    public void Change(Action<EmulatorData> change) => Change(data =>
    {
        change(data);
        return true;
    });

    /// <summary>Back to the seed, used tokens forgotten too.</summary>
    public void ResetToSeed()
    {
        lock (gate)
        {
            version++;
            replay.Clear();
            data = EmulatorData.Seed();
            Save();
        }
    }

    /// <summary>
    /// Saves once more when the emulator stops: requests that change nothing spend tokens without a save, and
    /// writing the file for each of them would make every read a disk write.
    /// </summary>
    public void SaveOnStop()
    {
        lock (gate)
        {
            Save();
        }
    }

    private void Save()
    {
        if (file is null)
        {
            return;
        }

        data.UsedTokens = replay.Fresh(Now);
        file.Save(data);
    }
}
