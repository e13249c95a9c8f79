using System;
using System.Net.Http;

namespace BizConf;

/// <summary>
/// Everything a client needs except the API key, which is handed to the client's constructor alone so that
/// no settings object ever carries it.
/// </summary>
public sealed class BizConfClientOptions
{
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

    public string LoginName { get; set; } = string.Empty;

    /// <summary>The site sign; required by the webinar and report endpoints and by account/check.</summary>
    public string? SiteSign { get; set; }

    public TimeZoneInfo TimeZone { get; set; } = SiteTime.ResolveZone(null);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How many times a failed request is tried again (429, 503, status 103, and for safe requests timeouts).</summary>
    public int MaxRetry { get; set; } = 3;

    /// <summary>The first back-off delay when the server gives no Retry-After; it doubles each retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest back-off between two tries. A server's Retry-After is waited in full, even when longer.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

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
