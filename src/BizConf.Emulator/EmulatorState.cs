using BizConf.Emulator.Hosting;
using BizConf.Emulator.Model;

namespace BizConf.Emulator;

/// <summary>
/// The emulator's data behind one lock. Every change runs inside the lock and is saved to the state file (when
/// there is one) before the lock is released, so the HTTP answer that follows never reports unsaved work.
/// </summary>
public sealed class EmulatorState
{
    private readonly object _gate = new();
    private readonly StateFile? _file;
    private EmulatorData _data;

    public EmulatorState(TimeProvider clock, StateFile? file)
    {
        Clock = clock;
        _file = file;
        _data = file?.Load() ?? EmulatorData.Seed();
    }

    public TimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public T Read<T>(Func<EmulatorData, T> query)
    {
        lock (_gate)
        {
            return query(_data);
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> and saves. A change that refuses (throws) must do so before it modifies
    /// anything: nothing is saved then.
    /// </summary>
    public T Change<T>(Func<EmulatorData, T> change)
    {
        lock (_gate)
        {
            var result = change(_data);
            _file?.Save(_data);
            return result;
        }
    }

    public void Change(Action<EmulatorData> change) => Change(data =>
    {
        change(data);
        return true;
    });

    public void ResetToSeed()
    {
        lock (_gate)
        {
            _data = EmulatorData.Seed();
            _file?.Save(_data);
        }
    }
}
