using System.Collections;

namespace BizConf.PowerShell.Engine;

/// <summary>What one item leaves to be done on the pipeline thread, in its turn: objects to write, or an action.</summary>
internal sealed class ItemResult
{
    public static readonly ItemResult Nothing = new ItemResult(null, false, null, null);

    private ItemResult(object? value, bool enumerate, Action? onPipeline, string? done)
    {
        Value = value;
        Enumerate = enumerate;
        OnPipeline = onPipeline;
        Done = done;
    }

    /// <summary>The object to write (null writes nothing).</summary>
    public object? Value { get; }

    /// <summary>Write each element of <see cref="Value"/>.</summary>
    public bool Enumerate { get; }

    /// <summary>Run on the pipeline thread instead of writing (a warning about the row, a write of several things).</summary>
    public Action? OnPipeline { get; }

    /// <summary>What was done, for a stop that could not write it ("made meeting Id 17962").</summary>
    public string? Done { get; }

    public static ItemResult Write(object? value, string? done = null) => new ItemResult(value, false, null, done);

    public static ItemResult WriteEach(IEnumerable values) => new ItemResult(values, true, null, null);

    public static ItemResult Run(Action onPipeline, string? done = null) => new ItemResult(null, false, onPipeline, done);
}
