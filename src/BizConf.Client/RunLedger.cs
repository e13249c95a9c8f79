using System.Collections.Generic;
using System.Threading;

namespace BizConf;

/// <summary>
/// What one run (a command over many rows) has made or taken as its own: the ids of the meetings its rows ended
/// with. When an answer is lost and the client looks for the meeting a row made, it never takes one that another
/// row of the run already has, so two identical rows end with two meetings, each its own. It also counts the rows
/// that -SkipExisting found already there. Safe to use from several threads.
/// </summary>
public sealed class RunLedger
{
    private readonly HashSet<long> taken = new HashSet<long>();
    private int skipped;

    /// <summary>How many rows found their meeting already there and sent nothing.</summary>
    public int SkippedExisting => Volatile.Read(ref skipped);

    /// <summary>Takes <paramref name="meetingId"/> for a row; false when another row of the run already has it.</summary>
    public bool TryTake(long meetingId)
    {
        lock (taken)
        {
            return taken.Add(meetingId);
        }
    }

    /// <summary>Whether a row of the run has <paramref name="meetingId"/>.</summary>
    public bool IsTaken(long meetingId)
    {
        lock (taken)
        {
            return taken.Contains(meetingId);
        }
    }

    internal void CountSkipped() => Interlocked.Increment(ref skipped);
}
