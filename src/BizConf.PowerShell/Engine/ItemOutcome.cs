namespace BizConf.PowerShell.Engine;

internal enum ItemOutcomeKind
{
    Succeeded,
    Failed,

    /// <summary>The item ended with an OperationCanceledException: stopped, not refused.</summary>
    Canceled,
}

/// <summary>How one item ended, handed back in input order.</summary>
/// <typeparam name="TResult">What a successful item gives.</typeparam>
/// <param name="Sequence">The item's place in the input, from 0.</param>
/// <param name="Label">How messages name the item.</param>
/// <param name="Kind">Done, refused or stopped.</param>
/// <param name="Result">The item's value when it succeeded; the default otherwise.</param>
/// <param name="Failure">The exception of a failed or cancelled item; null when it succeeded.</param>
internal sealed record ItemOutcome<TResult>(long Sequence, string Label, ItemOutcomeKind Kind, TResult Result, Exception? Failure)
{
    /// <inheritdoc/>
    public override string ToString() => Label + ": " + (Kind == ItemOutcomeKind.Succeeded ? "done" : Kind + " (" + Failure?.Message + ")");
}
