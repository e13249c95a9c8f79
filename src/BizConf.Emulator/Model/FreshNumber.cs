using System.Globalization;

namespace BizConf.Emulator.Model;

/// <summary>Random numbers of a fixed number of digits that no existing object holds yet: meeting, webinar and phone numbers.</summary>
internal static class FreshNumber
{
    /// <summary>A number from <paramref name="min"/> (inclusive) to <paramref name="max"/> (exclusive) for which <paramref name="taken"/> is false.</summary>
    public static long Draw(long min, long max, Func<long, bool> taken)
    {
        while (true)
        {
            var candidate = Random.Shared.NextInt64(min, max);
            if (!taken(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The same, as the invariant text the API sends for a meeting or webinar number.</summary>
    public static string DrawText(long min, long max, Func<string, bool> taken)
    {
        var text = string.Empty;
        Draw(min, max, candidate => taken(text = candidate.ToString(CultureInfo.InvariantCulture)));
        return text;
    }
}
