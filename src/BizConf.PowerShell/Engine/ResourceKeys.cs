using System.Globalization;

namespace BizConf.PowerShell.Engine;

/// <summary>
/// The names of the resources items touch. Keys are compared without case: two names that differ only in case at
/// worst make two items wait for each other, which never changes an outcome.
/// </summary>
internal static class ResourceKeys
{
    public static string Meeting(long id) => "meeting " + id.ToString(CultureInfo.InvariantCulture);

    public static string Webinar(long id) => "webinar " + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A webinar by its number, as the API names it (digits).</summary>
    public static string Webinar(string number) => "webinar " + (number ?? string.Empty).Trim();

    /// <summary>One person's registration for a meeting or webinar, by e-mail.</summary>
    public static string Registrant(long meetingId, string email) =>
        "registrant " + meetingId.ToString(CultureInfo.InvariantCulture) + " " + (email ?? string.Empty).Trim();

    /// <summary>
    /// The identity of a meeting to be made (name, start to the second, duration): identical rows take it in turn,
    /// so each ends with its own meeting, or its own refusal, as at ThrottleLimit 1.
    /// </summary>
    public static string NewMeeting(string name, DateTimeOffset start, int duration) => New("meeting", name, start, duration);

    public static string NewWebinar(string name, DateTimeOffset start, int duration) => New("webinar", name, start, duration);

    private static string New(string kind, string name, DateTimeOffset start, int duration) =>
        string.Format(CultureInfo.InvariantCulture, "new {0} {1} {2} {3}", kind, start.UtcTicks / TimeSpan.TicksPerSecond, duration, (name ?? string.Empty).Trim());
}
