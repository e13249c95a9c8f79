using BizConf.Emulator.Model;

namespace BizConf.Emulator.Meetings;

/// <summary>
/// listConf's matches: one account's meetings that are not cancelled, filtered, in start order (then id). A client
/// walking 20,000 meetings 50 at a time asks for the same sorted list 400 times, so each list is kept, per caller
/// and filter, until the data changes (<see cref="EmulatorState.Version"/>): a walk costs one sort, not one per page.
/// </summary>
internal sealed class MeetingListing
{
    /// <summary>Lists kept at once; past this they are all dropped and made again as asked.</summary>
    private const int MaxKept = 64;

    private readonly object gate = new();
    private readonly Dictionary<Filter, List<Meeting>> kept = new();
    private long version = -1;

    /// <summary>The matches for <paramref name="filter"/> in <paramref name="data"/> as of <paramref name="version"/>; never to be changed by the caller.</summary>
    public IReadOnlyList<Meeting> Matches(EmulatorData data, long version, Filter filter)
    {
        lock (gate)
        {
            if (version != this.version || kept.Count >= MaxKept)
            {
                kept.Clear();
                this.version = version;
            }

            if (!kept.TryGetValue(filter, out var matches))
            {
                matches = data.Meetings
                    .Where(m => m.OwnerLoginName == filter.LoginName && m.Lifecycle != MeetingLifecycle.Cancelled)
                    .Where(m => filter.Keyword is null || m.Name.Contains(filter.Keyword, StringComparison.OrdinalIgnoreCase))
                    .Where(m => (filter.From is null || m.StartUtc >= filter.From) && (filter.To is null || m.StartUtc <= filter.To))
                    .OrderBy(m => m.StartUtc)
                    .ThenBy(m => m.Id)
                    .ToList();
                kept[filter] = matches;
            }

            return matches;
        }
    }

    public readonly record struct Filter(string LoginName, string? Keyword, DateTimeOffset? From, DateTimeOffset? To);
}
