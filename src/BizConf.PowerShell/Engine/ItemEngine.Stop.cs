using System.Globalization;
using System.Threading;

namespace BizConf.PowerShell.Engine;

internal sealed partial class ItemEngine
{
    /// <summary>How long calls in flight at a stop may take to answer, so that what they did can be told.</summary>
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private int reported;

    /// <summary>
    /// Stops the run (Ctrl+C, a downstream stop, -ErrorAction Stop): nothing more is sent, calls in flight get a short
    /// grace, and then every row that was or may have been carried out, and not written, is told on the host, with
    /// how to finish. Warnings written to the host still show while PowerShell is stopping the pipeline. Once only;
    /// from any thread.
    /// </summary>
    public void StopAndReport()
    {
        var grace = cmdlet.SessionTimeout < StopGrace ? cmdlet.SessionTimeout : StopGrace;
        var report = runner.Stop(grace);
        if (!Changes || Interlocked.Exchange(ref reported, 1) == 1)
        {
            return;
        }

        var told = report.Unreported
            .Select(item => (Sequence: item.Sequence, Line: Describe(item)))
            .Where(item => item.Line != null)
            .ToList();
        if (told.Count == 0)
        {
            return;
        }

        var notSent = report.NotSent.Count;
        Tell($"The command stopped before it wrote the outcome of {told.Count} item{(told.Count == 1 ? string.Empty : "s")} that {(told.Count == 1 ? "was" : "were")} sent:");
        foreach (var item in told)
        {
            Tell($"  #{(item.Sequence + 1).ToString(CultureInfo.InvariantCulture)} {item.Line}");
        }

        Tell((notSent > 0 ? $"{notSent} more item{(notSent == 1 ? " was" : "s were")} not sent. " : string.Empty) + RerunAdvice);
    }

    private static string? Describe(StoppedItem<ItemResult> item)
    {
        if (!item.Finished)
        {
            return $"{item.Label}: no answer came before the stop, so it may have been carried out.";
        }

        var outcome = item.Outcome!;
        return outcome.Kind switch
        {
            ItemOutcomeKind.Succeeded => $"{item.Label}: done{(outcome.Result.Done == null ? string.Empty : ": " + outcome.Result.Done)}.",
            ItemOutcomeKind.Failed when outcome.Failure is BizConfException { Outcome: RequestOutcome.MayHaveBeenCarriedOut } e =>
                $"{item.Label}: failed in a way that may hide it carried out ({e.Message})",
            _ => null,
        };
    }

    private void Tell(string line)
    {
        // A host without a UI has nowhere to show it; the run is stopped all the same.
        cmdlet.Host?.UI?.WriteWarningLine(line);
    }
}
