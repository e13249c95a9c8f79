namespace BizConf.Emulator.Model;

/// <summary>A BizConf site: the unit that owns an API key and a pool of meeting licences.</summary>
internal sealed class Site
{
    public string SiteSign { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>How many accounts of the site may hold meetings at the same moment.</summary>
    public int Licences { get; set; }
}
