using System.Threading;
using System.Threading.Tasks;

namespace BizConf.PowerShell.Engine;

/// <summary>Where an item stands; it only moves forward.</summary>
internal enum EntryStage
{
    WaitingForResources,
    ReadyToPrepare,
    Preparing,
    WaitingForWindows,
    ReadyToAct,
    Acting,
    Done,
}

/// <summary>One submitted item and its place in the rules. Every member is read and written under the runner's lock.</summary>
/// <typeparam name="TResult">What a successful item gives.</typeparam>
internal sealed class RunnerEntry<TResult>
{
    private readonly Dictionary<string, ResourceUse> resources;
    private readonly List<TimeWindow> windows;

    public RunnerEntry(long sequence, string label, Footprint? footprint, Func<CancellationToken, Task<IEnumerable<TimeWindow>>>? prepare, Func<CancellationToken, Task<TResult>>? act)
    {
        Sequence = sequence;
        Label = label;
        Account = footprint?.Account;
        Prepare = prepare;
        Act = act;
        resources = new Dictionary<string, ResourceUse>(StringComparer.OrdinalIgnoreCase);
        windows = new List<TimeWindow>();
        if (footprint != null)
        {
            foreach (var resource in footprint.Resources)
            {
                resources[resource.Key] = resource.Value;
            }

            windows.AddRange(footprint.Windows);
        }

        WindowsKnown = prepare == null;
    }

    public long Sequence { get; }

    public string Label { get; }

    /// <summary>Null for an item decided without a request (SubmitDone, SubmitFailed).</summary>
    public string? Account { get; }

    public Func<CancellationToken, Task<IEnumerable<TimeWindow>>>? Prepare { get; }

    public Func<CancellationToken, Task<TResult>>? Act { get; }

    /// <summary>The log route and other AsyncLocal values of the submitting thread, for the item's phases.</summary>
    public ExecutionContext? Context { get; set; }

    public EntryStage Stage { get; set; }

    public bool IsDone => Stage == EntryStage.Done;

    /// <summary>True from the start for an item without Prepare; otherwise once its Prepare has given them.</summary>
    public bool WindowsKnown { get; private set; }

    /// <summary>The earliest sequence not yet cleared under the rule being checked: earlier ones can never block again.</summary>
    public long Cursor { get; set; }

    /// <summary>Later items waiting for this one to know its windows or to end.</summary>
    public List<RunnerEntry<TResult>> Watchers { get; } = new List<RunnerEntry<TResult>>();

    /// <summary>Set once the Act was handed to its delegate: from then on the change may have been carried out.</summary>
    public bool ActSent { get; set; }

    /// <summary>Completed when an Act that was given a slot has ended, or has been called off before it began.</summary>
    public TaskCompletionSource<bool>? ActEnded { get; set; }

    public ItemOutcome<TResult>? Outcome { get; private set; }

    public void Finish(ItemOutcome<TResult> outcome)
    {
        Outcome = outcome;
        Stage = EntryStage.Done;
        ActEnded?.TrySetResult(true);
    }

    public void AddWindows(IEnumerable<TimeWindow>? known)
    {
        if (known != null)
        {
            foreach (var window in known)
            {
                windows.Add(window ?? throw new InvalidOperationException($"The Prepare of '{Label}' gave a null time window."));
            }
        }

        WindowsKnown = true;
    }

    public bool SameAccount(RunnerEntry<TResult> other) =>
        Account != null && other.Account != null && string.Equals(Account, other.Account, StringComparison.OrdinalIgnoreCase);

    /// <summary>Both touch one resource and at least one of them changes it.</summary>
    public bool ClashesOnResources(RunnerEntry<TResult> other)
    {
        foreach (var resource in resources)
        {
            if (other.resources.TryGetValue(resource.Key, out var use) && (use == ResourceUse.Exclusive || resource.Value == ResourceUse.Exclusive))
            {
                return true;
            }
        }

        return false;
    }

    public bool OverlapsInTime(RunnerEntry<TResult> other)
    {
        foreach (var mine in windows)
        {
            foreach (var theirs in other.windows)
            {
                if (mine.Overlaps(theirs))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
