namespace BizConf.Emulator.Model;

/// <summary>Everything the emulator keeps across restarts: the document written to the <c>--state</c> file.</summary>
public sealed class EmulatorData
{
    public const string SeedSiteSign = "demo-site";
    public const string SeedApiKey = "demo-api-key";
    public const string SeedLoginName = "demo";
    public const int SeedLicences = 100;
    private const long FirstUserId = 1001;

    public int FormatVersion { get; set; } = 1;

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
