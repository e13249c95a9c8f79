using System.Globalization;

namespace BizConf.PowerShell.Engine;

/// <summary>
/// A stretch of time an item holds on its account, <c>[start, start + length)</c>. The start is cut to the whole
/// second, as the wire carries it, so two windows overlap here exactly when the service sees them overlap; a meeting
/// that ends at 10:00 and one that starts at 10:00 do not.
/// </summary>
internal sealed class TimeWindow
{
    public TimeWindow(DateTimeOffset start, TimeSpan length)
    {
        if (length <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A time window must be longer than zero.");
        }

        Start = start.AddTicks(-(start.UtcTicks % TimeSpan.TicksPerSecond));
        End = Start + length;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>The window of something that starts at <paramref name="start"/> and lasts <paramref name="minutes"/>.</summary>
    public static TimeWindow FromMinutes(DateTimeOffset start, int minutes) => new TimeWindow(start, TimeSpan.FromMinutes(minutes));

    public bool Overlaps(TimeWindow other) => Start < other.End && other.Start < End;

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm:ss zzz} to {1:yyyy-MM-dd HH:mm:ss zzz}", Start, End);
}
