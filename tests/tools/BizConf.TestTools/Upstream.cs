using System.Net;

namespace BizConf.TestTools;

/// <summary>
/// How the proxy and the gateway pass a request on and take the answer back: one request of end-to-end headers and
/// the whole body, and the whole answer read before it is relayed. No system proxy, no redirects followed, no
/// cookies, no decompression: what the server said reaches the client as it was said.
/// </summary>
internal static class Upstream
{
    /// <summary>Fields that describe one connection, not the request; never passed on in either direction.</summary>
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "Proxy-Authenticate", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Expect", "Content-Length",
    };

    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        // A held or slow answer is what these tools are for; only a stop of the tool ends the wait.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public static bool IsHopByHop(string name) => HopByHop.Contains(name);

    /// <summary>
    /// The request to send: every end-to-end header of <paramref name="headers"/> (Host too, if it is there), and a
    /// body when the client sent one or declared one.
    /// </summary>
    public static HttpRequestMessage BuildRequest(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers,
        byte[] body, bool declaredBody)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), uri) { Version = HttpVersion.Version11 };
        var content = body.Length > 0 || declaredBody ? new ByteArrayContent(body) : null;
        foreach (var (name, value) in headers)
        {
            if (IsHopByHop(name) || request.Headers.TryAddWithoutValidation(name, value))
            {
                continue;
            }

            content?.Headers.TryAddWithoutValidation(name, value);
        }

        request.Content = content;
        return request;
    }

    public static async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellation)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        var body = await response.Content.ReadAsByteArrayAsync(cancellation);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !IsHopByHop(h.Key))
            .SelectMany(h => h.Value.Select(value => new KeyValuePair<string, string>(h.Key, value)))
            .ToList();
        return new Answer((int)response.StatusCode, response.ReasonPhrase, headers, body, response.Content.Headers.ContentLength);
    }
}

/// <summary>
/// A server's answer: status, end-to-end headers (Content-Length left out, as the relay frames the body itself) and
/// body, and the length the server declared, which a HEAD answer carries without a body.
/// </summary>
internal sealed record Answer(int Status, string? Reason, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body,
    long? DeclaredLength);
