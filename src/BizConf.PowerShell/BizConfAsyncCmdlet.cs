using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace BizConf.PowerShell
{
    /// <summary>
    /// Async inside, sync at the edge: runs a client call to completion on the pipeline thread, writes the client's
    /// log lines as verbose output from that thread (never from another one), and stops at Ctrl+C. The base of every
    /// cmdlet that sends a request, Connect-BizConf included.
    /// </summary>
    public abstract class BizConfAsyncCmdlet : PSCmdlet, IDisposable
    {
        private static readonly AsyncLocal<ConcurrentQueue<string>?> LogSink = new AsyncLocal<ConcurrentQueue<string>?>();

        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly ConcurrentQueue<string> log = new ConcurrentQueue<string>();

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
        internal static void ForwardLog(string line) => LogSink.Value?.Enqueue(line);

        public void Dispose() => stopping.Dispose();

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>Runs one call to completion on the pipeline thread, writing its log lines as they come.</summary>
        protected T Await<T>(Func<CancellationToken, Task<T>> call)
        {
            Task<T> task;
            var previous = LogSink.Value;
            LogSink.Value = log;
            try
            {
                task = call(StopToken);
            }
            finally
            {
                LogSink.Value = previous;
            }

            while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(100))
            {
                WriteLog();
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

        private void WriteLog()
        {
            while (log.TryDequeue(out var line))
            {
                WriteVerbose(line);
            }
        }
    }
}
