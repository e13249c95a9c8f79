namespace BizConf.Emulator.Tests.Support;

/// <summary>A clock the test moves by hand, so "in progress", "expired" and stale tokens can be reached at once.</summary>
public sealed class ManualClock : TimeProvider
{
    /// <summary>10:00 site time (UTC+8) on 2031-03-10.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2031, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private readonly object gate = new();
    private DateTimeOffset now;
    private long lastTimeStamp;

    public ManualClock(DateTimeOffset? start = null)
    {
        now = start ?? DefaultStart;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <summary>
    /// The clock's milliseconds, kept increasing, as a client's timeStamps must be. Emulators restarted on the same
    /// clock share the sequence: used tokens outlive a restart, so a new run must not be sent an old timeStamp.
    /// </summary>
    public long NextTimeStamp()
    {
        lock (gate)
        {
            lastTimeStamp = Math.Max(now.ToUnixTimeMilliseconds(), lastTimeStamp + 1);
            return lastTimeStamp;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }
}
