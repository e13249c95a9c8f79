using System;

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
internal sealed class ItemOutcome<TResult>
{
    internal ItemOutcome(long sequence, string label, ItemOutcomeKind kind, TResult result, Exception? failure)
    {
        Sequence = sequence;
        Label = label;
        Kind = kind;
        Result = result;
        Failure = failure;
    }

    /// <summary>The item's place in the input, from 0.</summary>
    public long Sequence { get; }

    public string Label { get; }

    public ItemOutcomeKind Kind { get; }

    /// <summary>The item's value when it succeeded; the default otherwise.</summary>
    public TResult Result { get; }

    /// <summary>The exception of a failed or cancelled item; null when it succeeded.</summary>
    public Exception? Failure { get; }

    public override string ToString() => Label + ": " + (Kind == ItemOutcomeKind.Succeeded ? "done" : Kind + " (" + Failure?.Message + ")");
}
