using BizConf.Emulator.Api;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Meetings;

/// <summary>
/// The capacity rules of docs/API.md, "Server rules": an account runs at most maxConcurrent meetings at one moment (202),
/// and at most <c>licences</c> accounts of a site hold meetings at one moment (205). Cancelled and ended meetings
/// hold nothing; the meeting being modified is left out so that it never conflicts with itself.
/// </summary>
internal static class MeetingCalendar
{
    public static void CheckCapacity(EmulatorData data, Account account, DateTimeOffset start, DateTimeOffset end, long? movingId)
    {
        var others = data.Meetings
            .Where(m => m.HoldsSlot && m.Id != movingId && m.Overlaps(start, end))
            .ToList();

        var own = others.Where(m => m.OwnerLoginName == account.LoginName).ToList();
        if (PeakOverlap(own, start, end) + 1 > account.MaxConcurrent)
        {
            throw new ApiFailureException(ApiStatus.MeetingConflict);
        }

        var site = data.FindSite(account.SiteSign);
        var siteLogins = data.Accounts
            .Where(a => a.SiteSign == account.SiteSign && a.LoginName != account.LoginName)
            .Select(a => a.LoginName)
            .ToHashSet(StringComparer.Ordinal);
        var otherAccountsMeetings = others.Where(m => siteLogins.Contains(m.OwnerLoginName)).ToList();
        if (PeakAccounts(otherAccountsMeetings, start, end) + 1 > (site?.Licences ?? 0))
        {
            throw new ApiFailureException(ApiStatus.NoMeetingResources);
        }
    }

    /// <summary>How many other accounts of the account's site hold a meeting at <paramref name="instant"/>.</summary>
    public static int OtherAccountsBusyAt(EmulatorData data, Account account, DateTimeOffset instant) =>
        data.MeetingsOfSite(account.SiteSign)
            .Where(m => m.HoldsSlot && m.Covers(instant) && m.OwnerLoginName != account.LoginName)
            .Select(m => m.OwnerLoginName)
            .Distinct(StringComparer.Ordinal)
            .Count();

    /// <summary>
    /// The most meetings of <paramref name="meetings"/> running together at any moment of [start, end). With
    /// half-open intervals that peak is reached at <paramref name="start"/> or at one of the meetings' starts.
    /// </summary>
    private static int PeakOverlap(List<Meeting> meetings, DateTimeOffset start, DateTimeOffset end) =>
        Moments(meetings, start, end).Max(moment => meetings.Count(m => m.Covers(moment)));

    /// <summary>The most distinct owners among <paramref name="meetings"/> at any moment of [start, end).</summary>
    private static int PeakAccounts(List<Meeting> meetings, DateTimeOffset start, DateTimeOffset end) =>
        Moments(meetings, start, end).Max(moment => meetings
            .Where(m => m.Covers(moment))
            .Select(m => m.OwnerLoginName)
            .Distinct(StringComparer.Ordinal)
            .Count());

    private static IEnumerable<DateTimeOffset> Moments(List<Meeting> meetings, DateTimeOffset start, DateTimeOffset end) =>
        meetings.Select(m => m.StartUtc).Where(s => s > start && s < end).Prepend(start);
}
