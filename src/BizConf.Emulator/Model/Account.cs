namespace BizConf.Emulator.Model;

/// <summary>A user of a site, identified on the wire by its login name.</summary>
internal sealed class Account
{
    public string LoginName { get; set; } = "";

    /// <summary>The numeric id the service reports as a meeting's <c>userId</c>.</summary>
    public long UserId { get; set; }

    public string SiteSign { get; set; } = "";

    /// <summary>How many of this account's meetings may run at the same moment.</summary>
    public int MaxConcurrent { get; set; } = 1;

    public bool Locked { get; set; }
}
