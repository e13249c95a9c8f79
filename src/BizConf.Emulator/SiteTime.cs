using System.Globalization;

namespace BizConf.Emulator;

/// <summary>
/// The two clocks of the API: requests carry wall times of the site's zone (China Standard Time, a fixed
/// UTC+08:00 with no daylight saving); responses carry GMT. Both use <c>yyyy-MM-dd HH:mm:ss</c>.
/// </summary>
internal static class SiteTime
{
    public const string WireFormat = "yyyy-MM-dd HH:mm:ss";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static bool TryParseWall(string text, out DateTimeOffset instant)
    {
        if (DateTime.TryParseExact(text, WireFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            instant = new DateTimeOffset(wall, Offset).ToUniversalTime();
            return true;
        }

        instant = default;
        return false;
    }

    public static string FormatGmt(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture);
}
