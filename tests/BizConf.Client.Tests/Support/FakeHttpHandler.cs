using System.Net;
using System.Net.Http;
using System.Text;

namespace BizConf.Client.Tests.Support;

/// <summary>One request as the fake server saw it.</summary>
internal sealed class RecordedRequest
{
    public required HttpMethod Method { get; init; }

    public required Uri Uri { get; init; }

    /// <summary>The Content-Type header exactly as sent, or null for a request without a body.</summary>
    public string? ContentType { get; init; }

    public string? Body { get; init; }

    /// <summary>Every request and content header, one "Name: value" line each.</summary>
    public string Headers { get; init; } = string.Empty;

    /// <summary>The form fields (body for POST, query string for GET) in the order sent, decoded as a server would.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields =>
        Form.Decode(Method == HttpMethod.Get ? Uri.Query.TrimStart('?') : Body ?? string.Empty);

    public string Field(string name) => Fields.Single(f => f.Key == name).Value;

    public bool Has(string name) => Fields.Any(f => f.Key == name);
}

/// <summary>
/// An <see cref="HttpMessageHandler"/> that records every request and answers from a script: answer i goes to
/// request i, and the last answer repeats.
/// </summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Func<int, RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond;
    private readonly List<RecordedRequest> requests = new();

    public FakeHttpHandler(Func<int, RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        this.respond = respond;
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToList();
            }
        }
    }

    public RecordedRequest Single => Assert.Single(Requests);

    /// <summary>Answers request i with answers[i] (the last one repeats).</summary>
    public static FakeHttpHandler Answering(params Func<HttpResponseMessage>[] answers) =>
        new FakeHttpHandler((i, _, _) => Task.FromResult(answers[Math.Min(i, answers.Length - 1)]()));

    /// <summary>Answers every request with HTTP 200 and this body.</summary>
    public static FakeHttpHandler Json(string body) => Answering(() => Ok(body));

    public static HttpResponseMessage Ok(string body) => new HttpResponseMessage(HttpStatusCode.OK)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    };

    public static HttpResponseMessage Http(int status, int? retryAfterSeconds = null, string body = "busy")
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body) };
        if (retryAfterSeconds.HasValue)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfterSeconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return response;
    }

    /// <summary>An API answer with the given status (as a JSON number) and server message.</summary>
    public static HttpResponseMessage ApiStatus(int status, string message) =>
        Ok($$"""{"status":{{status}},"message":{{System.Text.Json.JsonSerializer.Serialize(message)}}}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The body is already in memory. Reading it under the caller's deadline would let a busy machine lose the
        // record of a request that was sent, so it is read without the token.
        var recorded = new RecordedRequest
        {
            Method = request.Method,
            Uri = request.RequestUri!,
            ContentType = request.Content?.Headers.ContentType?.ToString(),
            Body = request.Content == null ? null : await request.Content.ReadAsStringAsync(CancellationToken.None),
            Headers = string.Join("\n", request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .Select(h => h.Key + ": " + string.Join(", ", h.Value))),
        };
        int index;
        lock (requests)
        {
            index = requests.Count;
            requests.Add(recorded);
        }

        return await respond(index, recorded, cancellationToken);
    }
}

/// <summary>application/x-www-form-urlencoded decoding as a server does it ('+' is a space, then %XX as UTF-8).</summary>
internal static class Form
{
    public static IReadOnlyList<KeyValuePair<string, string>> Decode(string encoded)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (encoded.Length == 0)
        {
            return fields;
        }

        foreach (var pair in encoded.Split('&'))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair.Substring(0, equals);
            var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
            fields.Add(new KeyValuePair<string, string>(Unescape(name), Unescape(value)));
        }

        return fields;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
