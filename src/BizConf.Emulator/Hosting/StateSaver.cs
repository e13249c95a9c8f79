namespace BizConf.Emulator.Hosting;

/// <summary>One change waiting to be saved: its journal line (null when the whole state must be written) and its undo.</summary>
internal sealed class PendingChange
{
    public required long Seq { get; init; }

    public required byte[]? Line { get; init; }

    public required Action Undo { get; init; }
}

/// <summary>The side of <see cref="EmulatorState"/> a <see cref="StateSaver"/> needs, each called with the state lock held.</summary>
internal interface ISavedState
{
    /// <summary>The whole state as the state file holds it, as of the last change made.</summary>
    byte[] Document();

    /// <summary>Undoes these changes, the last first: their save failed.</summary>
    void RollBack(IReadOnlyList<PendingChange> changes);
}

/// <summary>
/// Saves changes in the order they were made, grouping those made while a save was under way into the next one, so
/// that many requests at once share one fsync. A change is applied in memory at once, under the state lock, and
/// queued; its request waits for the task <see cref="Add"/> hands out before it answers. When a save fails, that
/// change and every later one (they may build on it) are undone, their tasks fail, and the next save writes the
/// whole state, since the journal's end is then in doubt.
/// </summary>
internal sealed class StateSaver
{
    private readonly object gate;
    private readonly StateFile file;
    private readonly SaveFailure failures;
    private readonly ISavedState state;
    private Batch open = new();
    private Batch? writing;
    private bool running;

    public StateSaver(object gate, StateFile file, SaveFailure failures, ISavedState state)
    {
        this.gate = gate;
        this.file = file;
        this.failures = failures;
        this.state = state;
    }

    /// <summary>Queues a change just made; call with the state lock held. The task ends when it is on disk.</summary>
    public Task Add(PendingChange change)
    {
        open.Changes.Add(change);
        if (!running)
        {
            running = true;
            ThreadPool.UnsafeQueueUserWorkItem(static queue => queue.Run(), this, preferLocal: false);
        }

        return open.Done.Task;
    }

    /// <summary>With the state lock held: the save of the newest change not yet on disk, or null when all are.</summary>
    public Task? Newest => open.Changes.Count > 0 ? open.Done.Task : writing?.Done.Task;

    /// <summary>At a clean stop: waits for the saves under way, then writes the whole state and removes the journal.</summary>
    public void Stop()
    {
        lock (gate)
        {
            while (running)
            {
                Monitor.Wait(gate);
            }

            try
            {
                file.WriteSnapshot(state.Document(), startJournal: false);
                failures.Saved();
            }
            catch (Exception ex) when (SaveFailure.IsSaveFailure(ex))
            {
                failures.Report(ex);
            }

            file.Dispose();
        }
    }

    private void Run()
    {
        while (true)
        {
            Batch batch;
            bool whole;
            lock (gate)
            {
                if (open.Changes.Count == 0)
                {
                    running = false;
                    Monitor.PulseAll(gate);
                    return;
                }

                batch = open;
                open = new Batch();
                writing = batch;
                whole = file.NeedsSnapshot || batch.Changes.Exists(c => c.Line is null);
            }

            if (whole)
            {
                WriteWhole(batch);
            }
            else
            {
                WriteLines(batch);
            }
        }
    }

    private void WriteLines(Batch batch)
    {
        var lines = new byte[batch.Changes.Sum(c => c.Line!.Length)];
        var at = 0;
        foreach (var change in batch.Changes)
        {
            change.Line!.CopyTo(lines, at);
            at += change.Line.Length;
        }

        try
        {
            file.Append(lines);
        }
        catch (Exception ex) when (SaveFailure.IsSaveFailure(ex))
        {
            Fail(ex, [batch]);
            return;
        }

        Succeed([batch]);
    }

    /// <summary>
    /// Writes the whole state, which also holds the changes made meanwhile: they are saved by the same write. Only
    /// the serializing holds the lock; the disk work does not.
    /// </summary>
    private void WriteWhole(Batch batch)
    {
        List<Batch> covered = [batch];
        byte[] document;
        lock (gate)
        {
            if (open.Changes.Count > 0)
            {
                covered.Add(open);
                writing = open;
                open = new Batch();
            }

            document = state.Document();
        }

        try
        {
            file.WriteSnapshot(document, startJournal: true);
        }
        catch (Exception ex) when (SaveFailure.IsSaveFailure(ex))
        {
            Fail(ex, covered);
            return;
        }

        Succeed(covered);
    }

    private void Succeed(List<Batch> batches)
    {
        lock (gate)
        {
            writing = null;
        }

        foreach (var batch in batches)
        {
            batch.Done.TrySetResult();
        }

        failures.Saved();
    }

    private void Fail(Exception ex, List<Batch> batches)
    {
        var failure = failures.Report(ex);
        lock (gate)
        {
            batches.Add(open);
            open = new Batch();
            writing = null;
            file.NeedsSnapshot = true;
            state.RollBack(batches.SelectMany(b => b.Changes).ToList());
        }

        foreach (var batch in batches)
        {
            batch.Done.TrySetException(failure);
            _ = batch.Done.Task.Exception;
        }
    }

    private sealed class Batch
    {
        public List<PendingChange> Changes { get; } = new();

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
