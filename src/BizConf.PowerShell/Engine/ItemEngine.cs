using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace BizConf.PowerShell.Engine;

/// <summary>
/// A command's items on their way: the <see cref="ItemRunner{TResult}"/> that runs them (conflict order, bounded
/// pool) and the pipeline-thread side that writes each outcome in input order, each error naming its item and its
/// place in the input, with progress. A cmdlet holds one, made in BeginProcessing (BizConfCmdlet.StartItems),
/// drained in EndProcessing and stopped in StopProcessing; a stop tells on the host what was or may have been done.
/// </summary>
internal sealed partial class ItemEngine : IDisposable
{
    private const int ProgressId = 2;

    private readonly BizConfCmdlet cmdlet;
    private readonly ItemRunner<ItemResult> runner;
    private readonly Queue<(object? Target, bool Numbered)> targets = new Queue<(object?, bool)>();
    private readonly Queue<Action> later = new Queue<Action>();
    private readonly string activity;
    private int done;
    private int failed;
    private DateTime lastProgress;
    private bool wroteProgress;

    public ItemEngine(BizConfCmdlet cmdlet, int throttleLimit, string activity)
    {
        this.cmdlet = cmdlet;
        this.activity = activity;
        runner = new ItemRunner<ItemResult>(throttleLimit);
        cmdlet.Output.WakeAlso(runner.Wake);
    }

    /// <summary>The number of items when it is known in advance (an array on the command line); null while items stream in.</summary>
    public int? KnownTotal { get; set; }

    /// <summary>Notes how many items the command line gave; while items stream in from the pipeline the total stays unknown.</summary>
    public void ExpectGiven(int count) => KnownTotal = cmdlet.MyInvocation.ExpectingInput ? (int?)null : count;

    /// <summary>The input position the next item will have, from 1, for labels.</summary>
    public long NextPosition { get; private set; } = 1;

    /// <summary>Whether the items change things, so a stop must tell which of them were or may have been done.</summary>
    public bool Changes { get; set; }

    /// <summary>What to tell after a stop about running the command again (for a create: -SkipExisting).</summary>
    public string RerunAdvice { get; set; } = "Running the same command again is safe: it sends each change whole.";

    internal ItemRunner<ItemResult> Runner => runner;

    /// <summary>Sends one item: <paramref name="prepare"/> (a read that finds its times) then <paramref name="act"/>, as the footprint allows.</summary>
    /// <param name="target">The error target: the piped row, or the key.</param>
    /// <param name="label">What the item is, for its error and for a stop.</param>
    /// <param name="footprint">What it touches, which decides what it waits for.</param>
    /// <param name="prepare">A read that finds its times, or null when they are known.</param>
    /// <param name="act">The call.</param>
    /// <param name="numbered">False for an item that is not a piece of input (a page of a listing): its error is not numbered.</param>
    public void Submit(object? target, string label, Footprint footprint,
        Func<CancellationToken, Task<IEnumerable<TimeWindow>>>? prepare, Func<CancellationToken, Task<ItemResult>> act, bool numbered = true)
    {
        MakeRoom();
        targets.Enqueue((target, numbered));
        NextPosition++;
        runner.Submit(label, footprint, prepare, act);
        Flush(all: false);
    }

    /// <summary>Writes, in its turn, a result already in hand.</summary>
    public void Done(object? target, string label, ItemResult result)
    {
        MakeRoom();
        targets.Enqueue((target, true));
        NextPosition++;
        runner.SubmitDone(label, result);
        Flush(all: false);
    }

    /// <summary>Writes, in its turn, an error for an item that is not sent (bad input, a failed read before asking).</summary>
    public void Fail(object? target, string label, BizConfException failure)
    {
        MakeRoom();
        targets.Enqueue((target, true));
        NextPosition++;
        runner.SubmitFailed(label, failure);
        Flush(all: false);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the pipeline thread once the window has room: a listing submits its next
    /// page from an outcome this way, without submitting from inside the writing of another outcome.
    /// </summary>
    public void Later(Action action) => later.Enqueue(action);

    /// <summary>Writes every outcome that is ready; with <paramref name="all"/>, waits until nothing is pending.</summary>
    public void Flush(bool all)
    {
        while (true)
        {
            ThrowIfStopped();
            var outcome = runner.TryTake();
            if (outcome != null)
            {
                Write(outcome, targets.Dequeue());
                continue;
            }

            if (later.Count > 0 && runner.HasRoom)
            {
                later.Dequeue()();
                continue;
            }

            if (!all || (runner.Pending == 0 && later.Count == 0))
            {
                cmdlet.Output.Pump(cmdlet);
                Progress();
                return;
            }

            Wait();
        }
    }

    /// <summary>Ends the command: writes what is left, then clears the progress bar.</summary>
    public void Finish()
    {
        Flush(all: true);
        if (wroteProgress)
        {
            cmdlet.WriteProgress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    public void Dispose() => runner.Dispose();

    private void MakeRoom()
    {
        while (!runner.HasRoom)
        {
            ThrowIfStopped();
            if (runner.TryTake() is { } outcome)
            {
                Write(outcome, targets.Dequeue());
                continue;
            }

            Wait();
        }
    }

    private void Wait()
    {
        runner.WaitForWork(TimeSpan.FromMilliseconds(250));
        cmdlet.Output.Pump(cmdlet);
        Progress();
    }

    private void ThrowIfStopped()
    {
        if (runner.IsStopped || cmdlet.StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private void Write(ItemOutcome<ItemResult> outcome, (object? Target, bool Numbered) item)
    {
        var target = item.Target;
        cmdlet.Output.Pump(cmdlet);
        done++;
        try
        {
            switch (outcome.Kind)
            {
                case ItemOutcomeKind.Succeeded:
                    WriteResult(outcome.Result);
                    break;
                case ItemOutcomeKind.Failed when outcome.Failure is BizConfException failure:
                    failed++;
                    cmdlet.WriteError(ErrorRecords.ForItem(failure, target, item.Numbered ? Label(outcome) : outcome.Label));
                    break;
                case ItemOutcomeKind.Canceled:
                    throw new PipelineStoppedException();
                default:
                    // Not a failure of the item: a bug, which ends the command rather than passing for a row's error.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(outcome.Failure!).Throw();
                    break;
            }
        }
        catch (Exception e) when (!(e is PipelineStoppedException) || !runner.IsStopped)
        {
            // A downstream Select-Object -First, -ErrorAction Stop or a bug ends the pipeline here: account for the rest.
            StopAndReport();
            throw;
        }
    }

    private void WriteResult(ItemResult result)
    {
        if (result.OnPipeline != null)
        {
            result.OnPipeline();
        }
        else if (result.Value != null)
        {
            cmdlet.WriteObject(result.Value, result.Enumerate);
        }
    }

    /// <summary>"#7 Meeting 'Sales 4' at ...": the item's place in the input, then what it is.</summary>
    private static string Label(ItemOutcome<ItemResult> outcome) =>
        "#" + (outcome.Sequence + 1).ToString(CultureInfo.InvariantCulture) + " " + outcome.Label;

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
            done, KnownTotal.HasValue ? " of " + KnownTotal.Value.ToString(CultureInfo.InvariantCulture) : string.Empty, runner.Running, failed);

        // A new record each time: a host may keep the ones written, so one must not change after it is written.
        var record = new ProgressRecord(ProgressId, activity, status);
        if (KnownTotal.HasValue && KnownTotal.Value > 0)
        {
            record.PercentComplete = Math.Min(100, done * 100 / KnownTotal.Value);
        }

        cmdlet.WriteProgress(record);
    }
}
