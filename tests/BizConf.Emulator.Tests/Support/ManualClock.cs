namespace BizConf.Emulator.Tests.Support;

/// <summary>A clock the test moves by hand, so "in progress", "expired" and stale tokens can be reached at once.</summary>
public sealed class ManualClock : TimeProvider
{
    /// <summary>10:00 site time (UTC+8) on 2031-03-10.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2031, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset? start = null)
    {
        _now = start ?? DefaultStart;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
