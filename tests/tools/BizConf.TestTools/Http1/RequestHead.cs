namespace BizConf.TestTools.Http1;

/// <summary>The request line and header fields of one request, as the client sent them.</summary>
internal sealed class RequestHead
{
    private RequestHead(string method, string target, string version, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Method = method;
        Target = target;
        Version = version;
        Headers = headers;
    }

    public string Method { get; }

    /// <summary>A path (origin form), an absolute URI, or <c>host:port</c> for CONNECT, as the client put it.</summary>
    public string Target { get; }

    public string Version { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public bool IsConnect => string.Equals(Method, "CONNECT", StringComparison.OrdinalIgnoreCase);

    public bool IsChunked => Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it.</summary>
    public bool KeepAlive => Version == "HTTP/1.1" ? !ConnectionSays("close") : ConnectionSays("keep-alive");

    public bool ExpectsContinue => string.Equals(Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase);

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public static RequestHead Parse(string text)
    {
        var lines = text.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new BadRequestException(400, "The request line is not 'METHOD target HTTP/1.x'.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon].Any(char.IsWhiteSpace))
            {
                throw new BadRequestException(400, "A header line is not 'Name: value'.");
            }

            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        return new RequestHead(parts[0], parts[1], parts[2], headers);
    }

    private bool ConnectionSays(string token) =>
        Headers.Where(h => string.Equals(h.Key, "Connection", StringComparison.OrdinalIgnoreCase)
                || string.Equals(h.Key, "Proxy-Connection", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split(','))
            .Any(value => string.Equals(value.Trim(), token, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A request refused with an HTTP status and a short reason; the connection is closed after the answer.</summary>
internal sealed class BadRequestException : Exception
{
    public BadRequestException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    public int Status { get; }
}
