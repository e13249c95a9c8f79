using System.Globalization;
using System.Text.RegularExpressions;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// How a start time given as text becomes an instant, the same under every culture:
/// <list type="bullet">
/// <item>A date of numbers with the year last (01.06.2031, 06/01/2031, 1-6-2031) whose day and month could be swapped
/// is refused, naming both readings: no culture decides it, because a CSV file travels between computers set to
/// different ones (Excel writes the local form, PowerShell's casts read the invariant one). One whose day is over 12
/// reads one way and is taken (23.01.2031 is 23 January everywhere). A two-digit year is refused too.</item>
/// <item>A time alone (23:59) is refused: it would be read as today, so the same file would mean another day
/// depending on when it runs, and a row's meaning must not depend on that.</item>
/// <item>Other text (year first, month names, with an offset or Z) is read in this computer's culture and in the
/// invariant one, and refused where the two disagree.</item>
/// <item>A wall time without an offset is this computer's local time. Where the local zone skips it (clocks going
/// forward) or shows it twice (going back), it is taken one way and a note names both instants.</item>
/// </list>
/// </summary>
internal static class InstantReading
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces;

    private static readonly Regex YearLast = new Regex(
        @"^\s*(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<year>\d+)(?<rest>\s.*)?$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>The instant, and a note when a local wall time was skipped or doubled by the zone; null when the text is no date.</summary>
    public static (DateTimeOffset Instant, string? Note)? Read(string text)
    {
        var yearFirst = YearFirst(text);
        var culture = yearFirst == null ? CultureInfo.CurrentCulture : CultureInfo.InvariantCulture;
        var readable = yearFirst ?? text;
        RefuseTimeAlone(text, readable, culture);

        DateTimeOffset? instant;
        if (yearFirst != null)
        {
            instant = Parse(readable, CultureInfo.InvariantCulture);
        }
        else
        {
            var local = Parse(text, CultureInfo.CurrentCulture);
            var invariant = Parse(text, CultureInfo.InvariantCulture);
            if (local.HasValue && invariant.HasValue && local.Value != invariant.Value)
            {
                throw new ArgumentTransformationMetadataException(
                    $"'{text}' could be read as {local.Value:yyyy-MM-dd HH:mm} or as {invariant.Value:yyyy-MM-dd HH:mm}. Write it year first, like 2031-06-01 10:00.");
            }

            culture = local.HasValue ? CultureInfo.CurrentCulture : CultureInfo.InvariantCulture;
            instant = local ?? invariant;
        }

        if (!instant.HasValue)
        {
            return null;
        }

        // Only a wall time written without an offset is read in the local zone, so only it can fall into a gap or an overlap.
        return DateTime.TryParse(readable, culture, Styles | DateTimeStyles.RoundtripKind, out var wall) && wall.Kind == DateTimeKind.Unspecified
            ? FromWallTime(wall)
            : (instant.Value, null);
    }

    /// <summary>A local wall time as an instant: a skipped one after the change, a doubled one at its first showing, with a note saying so.</summary>
    public static (DateTimeOffset Instant, string? Note) FromWallTime(DateTime wall)
    {
        var zone = TimeZoneInfo.Local;
        var unspecified = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        var written = unspecified.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (zone.IsInvalidTime(unspecified))
        {
            var before = zone.GetUtcOffset(unspecified.AddHours(-12));
            var after = zone.GetUtcOffset(unspecified.AddHours(12));
            var taken = Local(new DateTimeOffset(unspecified, before));
            var other = Local(new DateTimeOffset(unspecified, after));
            return (taken, $"{written} does not exist in the time zone {zone.Id}: its clocks skip from {Offset(before)} to {Offset(after)} there. " +
                $"It was read with the offset before the change, as {Shown(taken)}; with the one after it, it would be {Shown(other)}. Write the time with an offset to choose.");
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(unspecified);
            var first = offsets[0] > offsets[1] ? offsets[0] : offsets[1];
            var second = offsets[0] > offsets[1] ? offsets[1] : offsets[0];
            var taken = Local(new DateTimeOffset(unspecified, first));
            var other = Local(new DateTimeOffset(unspecified, second));
            return (taken, $"{written} happens twice in the time zone {zone.Id}: at {Shown(taken)} and, when the clocks have gone back, at {Shown(other)}. " +
                $"It was read as the first, {Shown(taken)}. Write the time with an offset to choose.");
        }

        return (new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)), null);
    }

    /// <summary>Text of a date of numbers with the year last, rewritten year first; null for other text.</summary>
    private static string? YearFirst(string text)
    {
        var match = YearLast.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var a = int.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture);
        var year = match.Groups["year"].Value;
        if (year.Length != 4)
        {
            throw new ArgumentTransformationMetadataException($"'{text}' has a year of {year.Length} digits. Write the date year first with the whole year, like 2031-06-01 10:00.");
        }

        if (a <= 12 && b <= 12 && a != b)
        {
            var rest = match.Groups["rest"].Value.Trim();
            var example = $"{year}-{b:00}-{a:00}" + (rest.Length == 0 ? string.Empty : " " + rest);
            throw new ArgumentTransformationMetadataException(
                $"'{text}' reads two ways: {Day(year, b, a)} with the day first, or {Day(year, a, b)} with the month first. " +
                $"Write it year first, like {example} for {Day(year, b, a)}.");
        }

        // The one over 12 is the day; equal ones read the same either way.
        var (month, day) = a > 12 ? (b, a) : (a, b);
        return $"{year}-{month:00}-{day:00}{match.Groups["rest"].Value}";
    }

    private static void RefuseTimeAlone(string text, string readable, CultureInfo culture)
    {
        // Without a date, NoCurrentDateDefault reads the time on 1 January of year 1 instead of today.
        if (DateTime.TryParse(readable, culture, Styles | DateTimeStyles.NoCurrentDateDefault, out var read) && read.Year == 1)
        {
            throw new ArgumentTransformationMetadataException(
                $"'{text}' is a time without a date, which would mean a different day depending on when the command runs. Write the date too, like 2031-06-01 {text.Trim()}.");
        }
    }

    private static DateTimeOffset? Parse(string text, CultureInfo culture) =>
        DateTimeOffset.TryParse(text, culture, Styles | DateTimeStyles.AssumeLocal, out var instant) ? instant : (DateTimeOffset?)null;

    private static string Day(string year, int month, int day) =>
        new DateTime(int.Parse(year, CultureInfo.InvariantCulture), month, day).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The instant with the offset the local zone has at it, as times in results are shown.</summary>
    private static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.Local);

    private static string Shown(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
