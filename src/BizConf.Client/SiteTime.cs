using System.Globalization;

namespace BizConf;

/// <summary>
/// The time rules of docs/API.md, "Times": requests carry wall-clock time in the site's zone, responses carry GMT.
/// </summary>
public static class SiteTime
{
    /// <summary>How the service writes a time, in both directions.</summary>
    public const string WireFormat = "yyyy-MM-dd HH:mm:ss";
    /// <summary>The site's zone when none is given.</summary>
    public const string DefaultZoneId = "China Standard Time";

    private static readonly string[] ChinaZoneIds = { "China Standard Time", "Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC" };

    /// <summary>
    /// Finds a zone by IANA or Windows id. China Standard Time falls back to a fixed UTC+08:00 zone (China has
    /// no daylight saving) on machines without time zone data.
    /// </summary>
    public static TimeZoneInfo ResolveZone(string? id) => ResolveZone(id, TimeZoneInfo.FindSystemTimeZoneById);

    /// <summary>As <see cref="ResolveZone(string)"/>, with the zone lookup given (tests stand in a machine without zone data).</summary>
    internal static TimeZoneInfo ResolveZone(string? id, Func<string, TimeZoneInfo> findSystemZone)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            id = DefaultZoneId;
        }

        try
        {
            return findSystemZone(id!.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException || e is InvalidTimeZoneException)
        {
            foreach (var china in ChinaZoneIds)
            {
                if (string.Equals(china, id!.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, TimeSpan.FromHours(8), DefaultZoneId, DefaultZoneId);
                }
            }

            throw new BizConfArgumentException(
                $"TimeZone '{id}' is not a time zone this machine knows. Give an IANA id (Asia/Shanghai) or a Windows id (China Standard Time).",
                "TimeZone", e);
        }
    }

    /// <summary>An instant as the site's wall-clock time in the wire format.</summary>
    public static string ToWire(DateTimeOffset instant, TimeZoneInfo siteZone) =>
        TimeZoneInfo.ConvertTime(instant, siteZone).ToString(WireFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a response time: <c>yyyy-MM-dd HH:mm:ss</c> is GMT; ISO 8601 with an offset or Z keeps its offset.
    /// The result is in the local zone of this machine. Null for an empty or unreadable value.
    /// </summary>
    public static DateTimeOffset? FromWire(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text!.Trim();
        if (DateTime.TryParseExact(trimmed, WireFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var gmt))
        {
            return new DateTimeOffset(gmt, TimeSpan.Zero).ToLocalTime();
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var any))
        {
            return any.ToLocalTime();
        }

        return null;
    }
}
