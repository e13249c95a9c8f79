using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace BizConf.PowerShell;

/// <summary>
/// Async inside, sync at the edge: runs a client call to completion on the pipeline thread, writes the client's
/// log lines as verbose output from that thread (never from another one), and stops at Ctrl+C. The base of every
/// cmdlet that sends a request, Connect-BizConf included.
/// </summary>
public abstract class BizConfAsyncCmdlet : PSCmdlet, IDisposable
{
    private static readonly AsyncLocal<BizConfAsyncCmdlet?> LogSink = new AsyncLocal<BizConfAsyncCmdlet?>();

    private readonly CancellationTokenSource stopping = new CancellationTokenSource();
    private readonly ConcurrentQueue<string> log = new ConcurrentQueue<string>();

    /// <summary>Set when a log line arrives, a call ends or Ctrl+C is pressed: the pipeline thread has work.</summary>
    private readonly AutoResetEvent wake = new AutoResetEvent(false);

    protected BizConfAsyncCmdlet()
    {
        stopping.Token.Register(Wake);
    }

    protected CancellationToken StopToken => stopping.Token;

    /// <summary>
    /// Whether -WhatIf is in force, given or through $WhatIfPreference. Changing cmdlets then send nothing at all,
    /// not even a read, and describe the change from what they were given.
    /// </summary>
    protected bool WhatIfInForce =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
            ? ((SwitchParameter)given).IsPresent
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    /// <summary>Routes every client's log lines to whichever cmdlet is awaiting it on this async flow.</summary>
    internal static void ForwardLog(string line)
    {
        var cmdlet = LogSink.Value;
        if (cmdlet != null)
        {
            cmdlet.log.Enqueue(line);
            cmdlet.Wake();
        }
    }

    /// <summary>
    /// Ends the command: calls still in flight (a pipeline ended by an error, not by Ctrl+C) are cancelled, so
    /// nothing goes on being done after the command has returned. The wake event is left to the finalizer, as late
    /// continuations of those calls may still set it, and so is the token source, which such calls may still read.
    /// </summary>
    public void Dispose()
    {
        stopping.Cancel();
        GC.SuppressFinalize(this);
    }

    protected override void StopProcessing() => stopping.Cancel();

    protected override void BeginProcessing() => Internal.FormatViews.EnsureLoaded(this);

    /// <summary>Runs one call to completion on the pipeline thread, writing its log lines as they come.</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> call)
    {
        var task = Start(call);
        while (!task.IsCompleted)
        {
            WaitForWork();
        }

        WriteLog();
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Starts a call whose log lines reach this cmdlet, and which wakes the pipeline thread when it ends. The log
    /// route is an AsyncLocal, so it flows into every continuation of the call, on whatever thread.
    /// </summary>
    protected Task<T> Start<T>(Func<CancellationToken, Task<T>> call)
    {
        Task<T> task;
        var previous = LogSink.Value;
        LogSink.Value = this;
        try
        {
            task = call(StopToken);
        }
        catch (Exception e)
        {
            task = Task.FromException<T>(e);
        }
        finally
        {
            LogSink.Value = previous;
        }

        task.ContinueWith(_ => Wake(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private void Wake() => wake.Set();

    /// <summary>Waits until a call ends, a log line comes or Ctrl+C is pressed, then writes the log lines.</summary>
    protected void WaitForWork()
    {
        wake.WaitOne(250);
        WriteLog();
    }

    protected void WriteLog()
    {
        while (log.TryDequeue(out var line))
        {
            WriteVerbose(line);
        }
    }
}
