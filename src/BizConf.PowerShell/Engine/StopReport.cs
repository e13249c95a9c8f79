namespace BizConf.PowerShell.Engine;

/// <summary>
/// What a stop left untold: the items that were sent (so were, or may have been, carried out) whose outcome was not
/// handed back, and the items that were never sent. Items already handed back are in neither list.
/// </summary>
/// <typeparam name="TResult">What a successful item gives.</typeparam>
internal sealed class StopReport<TResult>
{
    internal StopReport(IReadOnlyList<StoppedItem<TResult>> unreported, IReadOnlyList<string> notSent)
    {
        Unreported = unreported;
        NotSent = notSent;
    }

    /// <summary>Items whose change was sent, in input order: finished with an outcome, or still in flight.</summary>
    public IReadOnlyList<StoppedItem<TResult>> Unreported { get; }

    /// <summary>
    /// The labels of items whose change was never sent, in input order: waiting for a predecessor or a slot, only
    /// read (Prepare), or decided without a request (SubmitDone, SubmitFailed).
    /// </summary>
    public IReadOnlyList<string> NotSent { get; }
}

/// <summary>One sent item whose outcome the caller has not seen.</summary>
/// <typeparam name="TResult">What a successful item gives.</typeparam>
internal sealed class StoppedItem<TResult>
{
    internal StoppedItem(long sequence, string label, ItemOutcome<TResult>? outcome)
    {
        Sequence = sequence;
        Label = label;
        Outcome = outcome;
    }

    public long Sequence { get; }

    public string Label { get; }

    /// <summary>False when the item was still in flight as the grace ran out: whether it was carried out is unknown.</summary>
    public bool Finished => Outcome != null;

    /// <summary>How it ended, when <see cref="Finished"/>.</summary>
    public ItemOutcome<TResult>? Outcome { get; }

    public override string ToString() => Finished ? Outcome!.ToString() : Label + ": still in flight, outcome unknown";
}
