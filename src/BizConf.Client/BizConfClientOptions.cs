using System.Net.Http;

namespace BizConf;

/// <summary>
/// Everything a client needs except the API key, which is handed to the client's constructor alone so that
/// no settings object ever carries it.
/// </summary>
public sealed class BizConfClientOptions
{
    /// <summary>The service's own API root, used unless BaseUri says otherwise.</summary>
    public static readonly Uri DefaultBaseUri = new Uri("https://api.bizvideo.cn/openapi/");

    private Uri baseUri = DefaultBaseUri;

    /// <summary>
    /// The API root. A bare host (http://127.0.0.1:5080) gets <c>/openapi/</c> added; any other path is kept
    /// and given a trailing slash.
    /// </summary>
    public Uri BaseUri
    {
        get => baseUri;
        set => baseUri = NormalizeBaseUri(value);
    }

    /// <summary>The account the client acts for: it signs every meeting, webinar and registration call.</summary>
    public string LoginName { get; set; } = string.Empty;

    /// <summary>The site sign; required by the webinar and report endpoints and by account/check.</summary>
    public string? SiteSign { get; set; }

    /// <summary>The site's zone, in which requests carry wall-clock times (China Standard Time unless said otherwise).</summary>
    public TimeZoneInfo TimeZone { get; set; } = SiteTime.ResolveZone(null);

    /// <summary>The longest an attempt may be given: a day.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    private TimeSpan timeout = TimeSpan.FromSeconds(100);

    /// <summary>How long one attempt may take: at most a day (Connect-BizConf takes whole seconds from 1).</summary>
    public TimeSpan Timeout
    {
        get => timeout;
        set => timeout = value > TimeSpan.Zero && value <= MaxTimeout
            ? value
            : throw new BizConfArgumentException(
                $"TimeoutSec must be 1 to {(long)MaxTimeout.TotalSeconds} seconds (one day); it is {value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}.", "TimeoutSec");
    }

    /// <summary>How many times a failed request is tried again (429, 503, status 103, and for safe requests timeouts).</summary>
    public int MaxRetry { get; set; } = 3;

    /// <summary>The first back-off delay when the server gives no Retry-After; it doubles each retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest back-off between two tries. A server's Retry-After is waited in full, even when longer.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest Retry-After the client waits out (five minutes by default). A service that asks for longer fails
    /// the item, saying how long it asked for, instead of holding a job for hours.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// True (the default) to find the rate a rationing service allows and pace requests just under it, so that a
    /// 429 answered by slowing down spends no retry. False leaves 429 to plain wait-and-retry against MaxRetry.
    /// </summary>
    public bool AdaptiveRate { get; set; } = true;

    /// <summary>
    /// The HTTP proxy every request goes through; null uses the system's (on PowerShell 7, the HTTPS_PROXY, HTTP_PROXY
    /// and NO_PROXY environment variables).
    /// </summary>
    public Uri? Proxy { get; set; }

    /// <summary>The credentials the proxy asks for (HTTP 407), for <see cref="Proxy"/> or the system's proxy.</summary>
    public System.Net.NetworkCredential? ProxyCredential { get; set; }

    /// <summary>Answers the proxy with the credentials of the user running PowerShell (Windows integrated authentication).</summary>
    public bool ProxyUseDefaultCredentials { get; set; }

    /// <summary>For tests: the HTTP handler to send through.</summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>For tests: how the client waits between tries, so a test can see the waits without spending them.</summary>
    public Func<TimeSpan, System.Threading.CancellationToken, System.Threading.Tasks.Task> Delay { get; set; } = System.Threading.Tasks.Task.Delay;

    /// <summary>
    /// For tests: a number from 0 to 1 that scales each back-off wait ("full jitter", so that workers failing
    /// together do not retry together). Random by default; called from any thread.
    /// </summary>
    public Func<double> Jitter { get; set; } = SharedRandom.NextDouble;

    /// <summary>For tests: the clock that timestamps and time checks read.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Receives one line per request and retry, with no secret in it. Called from any thread.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Receives warnings: what the client did on its own that the caller should know (a twin cancelled). Log when null.</summary>
    public Action<string>? Warn { get; set; }

    /// <summary>
    /// True when requests to <see cref="BaseUri"/> cross a network unencrypted: plain http to a host other than this
    /// machine. Tokens, passwords and meeting links can then be read (and a token used) by anyone on the way.
    /// </summary>
    public bool IsUnencrypted => baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback;

    private static class SharedRandom
    {
        private static readonly Random Source = new Random();

        public static double NextDouble()
        {
            lock (Source)
            {
                return Source.NextDouble();
            }
        }
    }

    /// <summary>Checks that a root is absolute http or https and gives it the form BaseUri keeps (see there).</summary>
    public static Uri NormalizeBaseUri(Uri uri)
    {
        if (uri == null)
        {
            throw new ArgumentNullException(nameof(uri));
        }

        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new BizConfArgumentException($"BaseUri '{uri}' must be an absolute http or https URI.", "BaseUri");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new BizConfArgumentException(
                "BaseUri must not carry a user name or password (user:password@host): the session shows its BaseUri, so they would be in plain sight. The API needs none; for a proxy, use -Proxy and -ProxyCredential.",
                "BaseUri");
        }

        var builder = new UriBuilder(uri) { Query = string.Empty, Fragment = string.Empty };
        if (builder.Path == "/" || builder.Path.Length == 0)
        {
            builder.Path = "/openapi/";
        }
        else if (!builder.Path.EndsWith("/", StringComparison.Ordinal))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }
}
