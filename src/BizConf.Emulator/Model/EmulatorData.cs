using System.Text.Json.Serialization;
using BizConf.Emulator.Hosting;

namespace BizConf.Emulator.Model;

/// <summary>
/// Everything the emulator keeps across restarts: the document written to the <c>--state</c> file. A change adds,
/// changes or removes entities through <see cref="Add(Meeting)"/>, <see cref="Changing{T}"/> and
/// <see cref="Remove(Webinar)"/>, so that with a state file it can be journalled and, if its save fails, undone.
/// </summary>
internal sealed class EmulatorData
{
    /// <summary>The document this version writes; version 1 (the whole state in one document, no journal) still loads.</summary>
    public const int CurrentFormat = 2;

    public const string SeedSiteSign = "demo-site";
    public const string SeedApiKey = "demo-api-key";
    public const string SeedLoginName = "demo";
    public const int SeedLicences = 100;
    private const long FirstUserId = 1001;

    public int FormatVersion { get; set; } = CurrentFormat;

    /// <summary>The number of the last change this document holds; journal lines up to it are already in it.</summary>
    public long LastChange { get; set; }

    public List<Site> Sites { get; set; } = new();

    public List<Account> Accounts { get; set; } = new();

    public List<Meeting> Meetings { get; set; } = new();

    public List<Webinar> Webinars { get; set; } = new();

    public long NextMeetingId { get; set; } = 1;

    public long NextUserId { get; set; } = FirstUserId;

    /// <summary>
    /// The tokens of the last five minutes, as of the last save. Only the state file reads it (at start-up): while
    /// running, <see cref="ReplayGuard"/> is the record, and each save copies it here.
    /// </summary>
    public List<UsedToken> UsedTokens { get; set; } = new();

    /// <summary>The change being made, while <see cref="EmulatorState.Change{T}"/> runs with a state file; null otherwise.</summary>
    [JsonIgnore]
    internal ChangeTracker? Changes { get; set; }

    public void Add(Meeting meeting) => Added(Meetings, meeting);

    public void Add(Webinar webinar) => Added(Webinars, webinar);

    public void Add(Site site) => Added(Sites, site);

    public void Add(Account account) => Added(Accounts, account);

    /// <summary>Says that <paramref name="entity"/> (a meeting, webinar, site or account held here) is about to change.</summary>
    public T Changing<T>(T entity)
        where T : class
    {
        Changes?.Changing(entity);
        return entity;
    }

    public void Remove(Webinar webinar)
    {
        var index = Webinars.IndexOf(webinar);
        Webinars.RemoveAt(index);
        Changes?.Removed(webinar, index);
    }

    public static EmulatorData Seed()
    {
        var data = new EmulatorData();
        data.Sites.Add(new Site { SiteSign = SeedSiteSign, ApiKey = SeedApiKey, Licences = SeedLicences });
        data.Accounts.Add(new Account
        {
            LoginName = SeedLoginName,
            UserId = data.NextUserId++,
            SiteSign = SeedSiteSign,
            MaxConcurrent = 1,
        });
        return data;
    }

    private void Added<T>(List<T> list, T item)
        where T : class
    {
        list.Add(item);
        Changes?.Added(list, item);
    }

    public Site? FindSite(string? siteSign) =>
        siteSign is null ? null : Sites.Find(s => string.Equals(s.SiteSign, siteSign, StringComparison.Ordinal));

    public Account? FindAccount(string? loginName) =>
        loginName is null ? null : Accounts.Find(a => string.Equals(a.LoginName, loginName, StringComparison.Ordinal));

    /// <summary>The meeting with this id if it is the caller's and not cancelled; otherwise null (status 401).</summary>
    public Meeting? FindOwnMeeting(long id, string loginName) =>
        Meetings.Find(m => m.Id == id
            && m.Lifecycle != MeetingLifecycle.Cancelled
            && string.Equals(m.OwnerLoginName, loginName, StringComparison.Ordinal));

    public IEnumerable<Meeting> MeetingsOfSite(string siteSign)
    {
        var logins = Accounts
            .Where(a => string.Equals(a.SiteSign, siteSign, StringComparison.Ordinal))
            .Select(a => a.LoginName)
            .ToHashSet(StringComparer.Ordinal);
        return Meetings.Where(m => logins.Contains(m.OwnerLoginName));
    }
}
