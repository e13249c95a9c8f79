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

    /// <summary>The account the session acts for.</summary>
    public string LoginName => Client.Options.LoginName;

    /// <summary>The site sign given to Connect-BizConf, which webinars, reports and Test-BizConfAccount need; null when none was given.</summary>
    public string? SiteSign => Client.Options.SiteSign;

    /// <summary>The API root the session sends its requests to.</summary>
    public Uri BaseUri => Client.Options.BaseUri;

    /// <summary>The site's time zone: request times are sent as wall-clock time in it.</summary>
    public string TimeZone { get; }

    /// <summary>How many seconds one attempt of a request may take.</summary>
    public int TimeoutSec => (int)Client.Options.Timeout.TotalSeconds;

    /// <summary>How many times a request that failed in a passing way is tried again.</summary>
    public int MaxRetry => Client.Options.MaxRetry;

    /// <summary>When Connect-BizConf made the session.</summary>
    public DateTimeOffset ConnectedAt { get; }

    internal BizConfClient Client { get; }

    internal bool IsDisposed { get; private set; }

    /// <summary>Closes the session: its connections are released, and later commands that use it are refused.</summary>
    public void Dispose()
    {
        IsDisposed = true;
        Client.Dispose();
    }

    /// <summary>The account and the API root, as a short label.</summary>
    public override string ToString() => $"{LoginName} at {BaseUri}";
}
