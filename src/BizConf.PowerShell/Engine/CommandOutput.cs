using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace BizConf.PowerShell.Engine;

/// <summary>
/// The verbose lines and warnings of one command's calls, queued from whatever thread the calls run on and written
/// on the pipeline thread, never from another one. The client is handed <see cref="Verbose"/> and
/// <see cref="Warning"/> as the sinks of its view for this command, so no ambient state routes them.
/// </summary>
internal sealed class CommandOutput
{
    private readonly ConcurrentQueue<(bool Warning, string Text)> lines = new ConcurrentQueue<(bool, string)>();
    private readonly WakeSignal wake = new WakeSignal();
    private Action? alsoWake;

    /// <summary>Something else to wake when a line comes (the item runner the pipeline thread waits on).</summary>
    public void WakeAlso(Action wakeUp) => alsoWake = wakeUp;

    public void Verbose(string line) => Enqueue(false, line);

    public void Warning(string line) => Enqueue(true, line);

    /// <summary>Writes what has come so far; on the pipeline thread only.</summary>
    public void Pump(PSCmdlet cmdlet)
    {
        while (lines.TryDequeue(out var line))
        {
            if (line.Warning)
            {
                cmdlet.WriteWarning(line.Text);
            }
            else
            {
                cmdlet.WriteVerbose(line.Text);
            }
        }
    }

    /// <summary>
    /// Runs one call to its end on the pipeline thread, writing its lines as they come; Ctrl+C (<paramref name="stop"/>)
    /// ends the wait at once with PipelineStoppedException.
    /// </summary>
    public T Await<T>(PSCmdlet cmdlet, Func<CancellationToken, Task<T>> call, CancellationToken stop)
    {
        Task<T> task;
        try
        {
            task = call(stop);
        }
        catch (Exception e)
        {
            task = Task.FromException<T>(e);
        }

        using (stop.Register(wake.Set))
        {
            task.ContinueWith(_ => wake.Set(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted && !stop.IsCancellationRequested)
            {
                wake.Wait(TimeSpan.FromMilliseconds(250));
                Pump(cmdlet);
            }
        }

        Pump(cmdlet);
        if (stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        return task.GetAwaiter().GetResult();
    }

    private void Enqueue(bool warning, string text)
    {
        lines.Enqueue((warning, text));
        wake.Set();
        alsoWake?.Invoke();
    }
}
