using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell;

/// <summary>
/// The per-item engine (DESIGN.md section 5). A cmdlet only states, for each item, its target, its question
/// (ShouldProcess, asked here on the pipeline thread in input order), the account it acts for and its client call.
/// This base sends up to -ThrottleLimit calls at once, runs calls that share an order key (the changes of one
/// account) one at a time in input order, and writes output and errors in input order, each error with its row
/// as the target. In flight plus finished-but-waiting is bounded: while that window is full, no more input is read.
/// </summary>
public abstract class BizConfItemCmdlet : BizConfCmdlet
{
    private const int ProgressId = 2;

    private readonly Queue<PendingItem> pending = new Queue<PendingItem>();
    private readonly Dictionary<string, Task> lastInOrder = new Dictionary<string, Task>(StringComparer.OrdinalIgnoreCase);
    private SemaphoreSlim slots = null!;
    private int inFlight;
    private int done;
    private int failed;
    private DateTime lastProgress;
    private bool wroteProgress;

    /// <summary>How many requests may be in flight at once (1 to 64).</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 5;

    /// <summary>The progress bar's activity, such as "Scheduling BizConf meetings".</summary>
    protected abstract string Activity { get; }

    /// <summary>The number of items when it is known in advance (an array on the command line); null while items stream in.</summary>
    protected int? KnownTotal { get; set; }

    /// <summary>How many items may be pending at once: in flight, waiting for their turn, or done and waiting to be written.</summary>
    internal int Window => ThrottleLimit + Math.Max(16, 4 * ThrottleLimit);

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        slots = new SemaphoreSlim(ThrottleLimit, ThrottleLimit);
        WriteDebug(string.Format(CultureInfo.InvariantCulture, "Up to {0} requests in flight; at most {1} items pending.", ThrottleLimit, Window));
    }

    protected override void EndProcessing()
    {
        while (pending.Count > 0)
        {
            WriteHead(wait: true);
        }

        if (wroteProgress)
        {
            WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        base.EndProcessing();
    }

    /// <summary>The account a call acts for: the one named, or the session's own when none is.</summary>
    protected string AccountOf(string? loginName) =>
        string.IsNullOrWhiteSpace(loginName) ? ActiveSession.LoginName : loginName!.Trim();

    /// <summary>
    /// Sends one item's call for <paramref name="account"/>. Calls with the same <paramref name="orderKey"/> run one
    /// at a time in the order sent; null runs it as soon as a slot is free. <paramref name="write"/> runs on the
    /// pipeline thread in input order when the call succeeded; a failure is written as an error on the target.
    /// </summary>
    protected void Send<T>(object? target, string account, string? orderKey, Func<BizConfClient, CancellationToken, Task<T>> call, Action<T>? write, string? failureContext = null)
    {
        BizConfClient client;
        try
        {
            client = Client.ForAccount(account);
        }
        catch (BizConfArgumentException e)
        {
            Fail(e, target, failureContext);
            return;
        }

        Task? previous = null;
        if (orderKey != null)
        {
            lastInOrder.TryGetValue(orderKey, out previous);
        }

        var task = Start(token => RunAsync(previous, client, call, token));
        if (orderKey != null)
        {
            if (lastInOrder.Count >= 2 * Window)
            {
                ForgetFinishedOrderKeys();
            }

            lastInOrder[orderKey] = task;
        }

        Add(new PendingItem(target, task, write == null ? (Action?)null : () => write(task.Result), failureContext));
    }

    /// <summary>A call that returns nothing to write.</summary>
    protected void Send(object? target, string account, string? orderKey, Func<BizConfClient, CancellationToken, Task> call) =>
        Send<bool>(target, account, orderKey, async (client, token) =>
        {
            await call(client, token).ConfigureAwait(false);
            return true;
        }, null);

    /// <summary>Writes, in its turn, a result already in hand.</summary>
    protected void Done(object? target, Action write) => Add(new PendingItem(target, Task.CompletedTask, write, null));

    /// <summary>Writes, in its turn, an error for an item that is not sent (bad input, a failed read before asking).</summary>
    protected void Fail(Exception failure, object? target, string? failureContext = null) =>
        Add(new PendingItem(target, Task.FromException(failure), null, failureContext));

    /// <summary>
    /// Whether ShouldProcess will ask the user: an explicit -Confirm decides; otherwise -Force answers in advance,
    /// and without it the cmdlet's ConfirmImpact is compared with $ConfirmPreference. A cmdlet that names the real
    /// object in its question reads it first only when someone will see the question.
    /// </summary>
    protected bool WillAsk(bool force = false)
    {
        if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
        {
            return ((SwitchParameter)confirm).IsPresent;
        }

        if (force)
        {
            return false;
        }

        var impact = GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
        var preference = GetVariableValue("ConfirmPreference") is ConfirmImpact set ? set : ConfirmImpact.High;
        return preference != ConfirmImpact.None && impact >= preference;
    }

    /// <summary>
    /// The flow of every Set-* cmdlet: the service replaces the whole object, so the current one is read, changed
    /// and sent back, in the account's turn. Nothing given: nothing sent (with -PassThru, the object is read).
    /// -WhatIf describes from what was given and sends nothing; when someone will see the question, the object is
    /// read first, here, so that the question names it.
    /// </summary>
    internal void SendChange<TCurrent, TRequest>(
        object? target,
        string account,
        string given,
        IReadOnlyList<Change<TRequest>> changes,
        Func<BizConfClient, CancellationToken, Task<TCurrent>> read,
        Func<TCurrent, DateTimeOffset, TRequest> changed,
        Func<TCurrent, string> named,
        Func<BizConfClient, TRequest, CancellationToken, Task<TCurrent>> write,
        Action<TCurrent>? written)
    {
        if (changes.Count == 0)
        {
            WriteVerbose($"Nothing to change for {given}: no setting was given.");
            if (written != null)
            {
                Send(target, account, null, read, written);
            }

            return;
        }

        var action = "Change " + string.Join(", ", System.Linq.Enumerable.Select(changes, change => change.Description));
        if (WhatIfInForce)
        {
            ShouldProcess(given, action);
            return;
        }

        if (WillAsk())
        {
            if (!TryRead(target, account, read, out var current))
            {
                return;
            }

            TRequest request;
            try
            {
                request = changed(current, Client.Options.Clock());
            }
            catch (BizConfArgumentException e)
            {
                Fail(e, target);
                return;
            }

            if (ShouldProcess(named(current), action))
            {
                Send(target, account, account, (client, token) => write(client, request, token), written);
            }

            return;
        }

        if (ShouldProcess(given, action))
        {
            // The read is part of the change, in the account's turn, so it sees the changes of the rows before it.
            Send(target, account, account, async (client, token) =>
            {
                var current = await read(client, token).ConfigureAwait(false);
                return await write(client, changed(current, client.Options.Clock()), token).ConfigureAwait(false);
            }, written);
        }
    }

    /// <summary>
    /// The flow of every Remove-* cmdlet: asks first unless -Force, and when someone will see the question, reads
    /// the object first so that the question names it and a wrong key fails without one. -WhatIf sends nothing.
    /// </summary>
    internal void SendRemoval<TCurrent>(
        object key,
        string account,
        bool force,
        string given,
        string action,
        Func<BizConfClient, CancellationToken, Task<TCurrent>> read,
        Func<TCurrent, string> named,
        Func<BizConfClient, CancellationToken, Task> remove)
    {
        var target = key;
        if (!WhatIfInForce && WillAsk(force))
        {
            if (!TryRead(key, account, read, out var current))
            {
                return;
            }

            target = current!;
            if (!ShouldProcess(named(current), action))
            {
                return;
            }
        }
        else if ((WhatIfInForce || !force) && !ShouldProcess(given, action))
        {
            return;
        }

        Send(target, account, account, remove);
    }

    /// <summary>Runs a read on the pipeline thread before asking; a failure is queued in its turn and the result is false.</summary>
    protected bool TryRead<T>(object? target, string account, Func<BizConfClient, CancellationToken, Task<T>> call, out T result, string? failureContext = null)
    {
        try
        {
            var client = Client.ForAccount(account);
            result = Await(token => call(client, token));
            return true;
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            Fail(e, target, failureContext);
            result = default!;
            return false;
        }
    }

    private async Task<T> RunAsync<T>(Task? previous, BizConfClient client, Func<BizConfClient, CancellationToken, Task<T>> call, CancellationToken token)
    {
        if (previous != null)
        {
            // Only the order matters here: the earlier item's own failure is written in its own turn.
            await previous.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        await slots.WaitAsync(token).ConfigureAwait(false);
        Interlocked.Increment(ref inFlight);
        try
        {
            return await call(client, token).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
            slots.Release();
        }
    }

    /// <summary>Keys with nothing left to wait for, so a long job over many keys does not keep every result.</summary>
    private void ForgetFinishedOrderKeys()
    {
        var finished = new List<string>();
        foreach (var entry in lastInOrder)
        {
            if (entry.Value.IsCompleted)
            {
                finished.Add(entry.Key);
            }
        }

        foreach (var key in finished)
        {
            lastInOrder.Remove(key);
        }
    }

    private void Add(PendingItem item)
    {
        pending.Enqueue(item);
        while (pending.Count > 0 && WriteHead(wait: false))
        {
        }

        // A full window stops the reading of input until the oldest item is written.
        while (pending.Count >= Window)
        {
            WriteHead(wait: true);
        }

        Progress();
    }

    /// <summary>Writes the oldest item once it is done; false when it is not done and <paramref name="wait"/> is false.</summary>
    private bool WriteHead(bool wait)
    {
        var head = pending.Peek();
        while (!head.Task.IsCompleted)
        {
            if (!wait)
            {
                return false;
            }

            ThrowIfStopping();
            WaitForWork();
            Progress();
        }

        ThrowIfStopping();
        pending.Dequeue();
        WriteLog();
        if (head.Task.Status == TaskStatus.RanToCompletion)
        {
            done++;
            head.Write?.Invoke();
            Progress();
            return true;
        }

        var failure = head.Task.IsCanceled
            ? new OperationCanceledException("The request was cancelled.")
            : head.Task.Exception!.InnerExceptions.Count == 1 ? head.Task.Exception.InnerException! : head.Task.Exception;
        if (!IsItemFailure(failure))
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        done++;
        failed++;
        var record = ErrorRecords.From((BizConfException)failure, head.Target);
        if (head.FailureContext != null)
        {
            record.ErrorDetails = new ErrorDetails(head.FailureContext + ": " + failure.Message);
        }

        WriteError(record);
        Progress();
        return true;
    }

    private void ThrowIfStopping()
    {
        if (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Done, in flight and failed, from the second item on (one item needs no bar), at most twice a second so a
    /// console does not slow the job.
    /// </summary>
    private void Progress()
    {
        var now = DateTime.UtcNow;
        if (done < 2 || now - lastProgress < TimeSpan.FromMilliseconds(500))
        {
            return;
        }

        lastProgress = now;
        wroteProgress = true;
        var status = string.Format(CultureInfo.InvariantCulture, "{0}{1} done, {2} in flight, {3} failed",
            done, KnownTotal.HasValue ? " of " + KnownTotal.Value.ToString(CultureInfo.InvariantCulture) : string.Empty, Volatile.Read(ref inFlight), failed);

        // A new record each time: a host may keep the ones written, so one must not change after it is written.
        var record = new ProgressRecord(ProgressId, Activity, status);
        if (KnownTotal.HasValue && KnownTotal.Value > 0)
        {
            record.PercentComplete = Math.Min(100, done * 100 / KnownTotal.Value);
        }

        WriteProgress(record);
    }

    private sealed class PendingItem
    {
        public PendingItem(object? target, Task task, Action? write, string? failureContext)
        {
            Target = target;
            Task = task;
            Write = write;
            FailureContext = failureContext;
        }

        public string? FailureContext { get; }

        public object? Target { get; }

        public Task Task { get; }

        public Action? Write { get; }
    }
}
