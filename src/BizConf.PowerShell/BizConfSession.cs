using System;

namespace BizConf;

/// <summary>
/// A connection to one BizConf account. It carries no API key: the key lives inside the client's signer only,
/// so printing, serializing or logging a session cannot reveal it.
/// </summary>
public sealed class BizConfSession : IDisposable
{
    internal BizConfSession(BizConfClient client, string timeZoneId)
    {
        Client = client;
        TimeZone = timeZoneId;
        ConnectedAt = DateTimeOffset.Now;
    }

    public string LoginName => Client.Options.LoginName;

    public string? SiteSign => Client.Options.SiteSign;

    public Uri BaseUri => Client.Options.BaseUri;

    /// <summary>The site's time zone: request times are sent as wall-clock time in it.</summary>
    public string TimeZone { get; }

    public int TimeoutSec => (int)Client.Options.Timeout.TotalSeconds;

    public int MaxRetry => Client.Options.MaxRetry;

    public DateTimeOffset ConnectedAt { get; }

    internal BizConfClient Client { get; }

    internal bool IsDisposed { get; private set; }

    public void Dispose()
    {
        IsDisposed = true;
        Client.Dispose();
    }

    public override string ToString() => $"{LoginName} at {BaseUri}";
}
