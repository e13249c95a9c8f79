using System.Threading;

namespace BizConf.PowerShell.Engine;

/// <summary>
/// An auto-reset signal for the one pipeline thread: a Set before the Wait is not lost. Built on a monitor so that
/// there is nothing to dispose, as late continuations may still set it after the command has ended.
/// </summary>
internal sealed class WakeSignal
{
    private readonly object gate = new object();
    private bool set;

    public void Set()
    {
        lock (gate)
        {
            set = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Waits until set or <paramref name="timeout"/>; true when it was set. Either way it is reset.</summary>
    public bool Wait(TimeSpan timeout)
    {
        lock (gate)
        {
            if (!set)
            {
                Monitor.Wait(gate, timeout);
            }

            var was = set;
            set = false;
            return was;
        }
    }
}
