namespace BizConf.PowerShell.Engine;

/// <summary>How an item touches a resource: Shared reads or uses it, Exclusive changes it.</summary>
internal enum ResourceUse
{
    Shared,
    Exclusive,
}

/// <summary>
/// What one item may touch, stated before it runs: its account, the resources it reads or changes (names from
/// <see cref="ResourceKeys"/>), and the time windows it is known to hold. Windows known only after a read come from
/// the item's Prepare instead. The runner copies a footprint when the item is submitted.
/// </summary>
internal sealed class Footprint
{
    private readonly Dictionary<string, ResourceUse> resources = new Dictionary<string, ResourceUse>(StringComparer.OrdinalIgnoreCase);
    private readonly List<TimeWindow> windows = new List<TimeWindow>();

    public Footprint(string account)
    {
        if (account == null)
        {
            throw new ArgumentNullException(nameof(account));
        }

        Account = account.Trim();
    }

    /// <summary>The account the item acts for; items of different accounts never wait for each other.</summary>
    public string Account { get; }

    /// <summary>Each resource with the strongest use stated for it.</summary>
    public IReadOnlyDictionary<string, ResourceUse> Resources => resources;

    public IReadOnlyList<TimeWindow> Windows => windows;

    /// <summary>The item reads or uses <paramref name="resource"/>: it runs beside other readers, not beside a change.</summary>
    public Footprint Uses(string resource)
    {
        if (!resources.ContainsKey(Checked(resource)))
        {
            resources[resource] = ResourceUse.Shared;
        }

        return this;
    }

    /// <summary>The item changes <paramref name="resource"/>: it runs after every earlier item that touches it.</summary>
    public Footprint Changes(string resource)
    {
        resources[Checked(resource)] = ResourceUse.Exclusive;
        return this;
    }

    /// <summary>The item holds <paramref name="window"/> on its account (a create's new time, a change's old and new).</summary>
    public Footprint Holds(TimeWindow window)
    {
        windows.Add(window ?? throw new ArgumentNullException(nameof(window)));
        return this;
    }

    private static string Checked(string resource) =>
        string.IsNullOrEmpty(resource) ? throw new ArgumentException("A resource key must not be empty.", nameof(resource)) : resource;
}
