using System.Globalization;
using System.Net;
using System.Text;

namespace BizConf.TestTools.Http1;

/// <summary>Writes HTTP/1.1 answers on a raw connection, each framed by Content-Length.</summary>
internal static class Http1Answers
{
    public static Task WriteTextAsync(Stream output, int status, string text, IEnumerable<KeyValuePair<string, string>> headers,
        bool close, CancellationToken cancellation)
    {
        var body = Encoding.UTF8.GetBytes(text);
        var all = headers.ToList();
        if (body.Length > 0)
        {
            all.Add(new("Content-Type", "text/plain; charset=utf-8"));
        }

        return WriteAsync(output, status, null, all, body, body.Length, close, cancellation);
    }

    /// <summary>A server's answer relayed. A HEAD, 204 or 304 answer keeps the length the server declared and has no body.</summary>
    public static Task WriteAnswerAsync(Stream output, Answer answer, RequestHead request, CancellationToken cancellation)
    {
        var bodiless = string.Equals(request.Method, "HEAD", StringComparison.OrdinalIgnoreCase) || answer.Status is 204 or 304;
        return bodiless
            ? WriteAsync(output, answer.Status, answer.Reason, answer.Headers, [], answer.DeclaredLength, !request.KeepAlive, cancellation)
            : WriteAsync(output, answer.Status, answer.Reason, answer.Headers, answer.Body, answer.Body.Length, !request.KeepAlive, cancellation);
    }

    private static async Task WriteAsync(Stream output, int status, string? reason, IEnumerable<KeyValuePair<string, string>> headers,
        byte[] body, long? length, bool close, CancellationToken cancellation)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason ?? DefaultReason(status)}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (length is { } declared && status is not (204 or 304))
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {declared}\r\n");
        }

        if (close)
        {
            head.Append("Connection: close\r\n");
        }

        head.Append("\r\n");
        await output.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellation);
        if (body.Length > 0)
        {
            await output.WriteAsync(body, cancellation);
        }

        await output.FlushAsync(cancellation);
    }

    private static string DefaultReason(int status) => status switch
    {
        407 => "Proxy Authentication Required",
        _ => Enum.IsDefined((HttpStatusCode)status) ? SplitWords(((HttpStatusCode)status).ToString()) : "Status",
    };

    /// <summary>BadGateway → Bad Gateway.</summary>
    private static string SplitWords(string name)
    {
        var words = new StringBuilder();
        foreach (var letter in name)
        {
            if (char.IsUpper(letter) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(letter);
        }

        return words.ToString();
    }
}
