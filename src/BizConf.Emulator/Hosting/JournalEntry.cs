using BizConf.Emulator.Model;

namespace BizConf.Emulator.Hosting;

/// <summary>
/// One change as the journal holds it, one JSON line: every entity the change touched, whole and as it left it,
/// the two counters, and the tokens spent since the line before. Replaying the lines in order over the state file
/// they follow gives back what the emulator held. <see cref="Seq"/> numbers every change the emulator ever saved,
/// so a line that the state file already holds (<see cref="EmulatorData.LastChange"/>) is known and passed over.
/// </summary>
internal sealed class JournalEntry
{
    public long Seq { get; set; }

    public List<Site>? Sites { get; set; }

    public List<Account>? Accounts { get; set; }

    public List<Meeting>? Meetings { get; set; }

    public List<Webinar>? Webinars { get; set; }

    public List<string>? RemovedWebinars { get; set; }

    public long NextMeetingId { get; set; }

    public long NextUserId { get; set; }

    public List<UsedToken>? UsedTokens { get; set; }
}

/// <summary>Applies journal entries to a loaded document, finding entities by their keys.</summary>
internal sealed class JournalReplay
{
    private readonly EmulatorData data;
    private readonly Dictionary<long, int> meetingAt = new();
    private readonly Dictionary<string, int> accountAt = new(StringComparer.Ordinal);

    public JournalReplay(EmulatorData data)
    {
        this.data = data;
        for (var i = 0; i < data.Meetings.Count; i++)
        {
            meetingAt.TryAdd(data.Meetings[i]?.Id ?? 0, i);
        }

        for (var i = 0; i < data.Accounts.Count; i++)
        {
            accountAt.TryAdd(data.Accounts[i]?.LoginName ?? "", i);
        }
    }

    /// <summary>The first thing wrong with <paramref name="entry"/> (a null in a list), or null once it is applied.</summary>
    public string? Apply(JournalEntry entry)
    {
        if (HasNull(entry.Sites) || HasNull(entry.Accounts) || HasNull(entry.Meetings) || HasNull(entry.Webinars)
            || HasNull(entry.RemovedWebinars) || HasNull(entry.UsedTokens))
        {
            return "a list holds a null entry.";
        }

        foreach (var site in entry.Sites ?? [])
        {
            Put(data.Sites, data.Sites.FindIndex(s => s.SiteSign == site.SiteSign), site);
        }

        foreach (var account in entry.Accounts ?? [])
        {
            accountAt[account.LoginName] = Put(data.Accounts, accountAt.GetValueOrDefault(account.LoginName, -1), account);
        }

        foreach (var meeting in entry.Meetings ?? [])
        {
            meetingAt[meeting.Id] = Put(data.Meetings, meetingAt.GetValueOrDefault(meeting.Id, -1), meeting);
        }

        foreach (var webinar in entry.Webinars ?? [])
        {
            Put(data.Webinars, data.Webinars.FindIndex(w => w.WebinarNo == webinar.WebinarNo), webinar);
        }

        foreach (var number in entry.RemovedWebinars ?? [])
        {
            data.Webinars.RemoveAll(w => w.WebinarNo == number);
        }

        data.NextMeetingId = entry.NextMeetingId;
        data.NextUserId = entry.NextUserId;
        data.UsedTokens.AddRange(entry.UsedTokens ?? []);
        return null;
    }

    private static int Put<T>(List<T> list, int index, T item)
    {
        if (index < 0)
        {
            list.Add(item);
            return list.Count - 1;
        }

        list[index] = item;
        return index;
    }

    private static bool HasNull<T>(List<T>? items)
        where T : class =>
        items is not null && items.Exists(item => item is null);
}
