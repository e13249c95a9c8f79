using System.Globalization;
using System.Net.Http;
using System.Text;

namespace BizConf.Transport;

/// <summary>
/// Signs each attempt afresh (docs/API.md, "Signing"): a new timestamp, greater than every one this key used before,
/// and the token made from it; then encodes the form and logs the attempt with its secrets hidden.
/// </summary>
internal sealed class SigningPolicy : IApiPolicy
{
    /// <summary>Fields whose values stay out of log lines: passwords let anyone into a meeting, a stream key lets anyone broadcast into it.</summary>
    private static readonly HashSet<string> SecretFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "hostKey", "password", "pwd", "streamKey", "token",
    };

    private readonly BizConfClientOptions options;
    private readonly Signer signer;

    public SigningPolicy(BizConfClientOptions options, Signer signer)
    {
        this.options = options;
        this.signer = signer;
    }

    public async Task ProcessAsync(ApiExchange exchange, ApiNext next, CancellationToken cancellationToken)
    {
        var request = exchange.Request;
        exchange.Attempt = exchange.State.NextAttempt();
        using var http = Sign(request);
        exchange.Http = http;
        exchange.State.Log($"{request.Method} {request.Endpoint} (attempt {exchange.Attempt}): {DescribeFields(request)}");
        await next(exchange, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage Sign(ApiRequest request)
    {
        var timeStamp = signer.NextTimeStamp(options.Clock).ToString(CultureInfo.InvariantCulture);
        var fields = new List<KeyValuePair<string, string>>();
        if (request.Token == TokenKind.Account)
        {
            var loginName = request.LoginName ?? options.LoginName;
            fields.Add(Field("loginName", loginName));
            fields.Add(Field("timeStamp", timeStamp));
            fields.Add(Field("token", signer.AccountToken(loginName, timeStamp)));
        }
        else
        {
            fields.Add(Field("siteSign", options.SiteSign ?? string.Empty));
            fields.Add(Field("timeStamp", timeStamp));
            fields.Add(Field("token", signer.SiteToken(timeStamp)));
        }

        fields.AddRange(request.Fields);
        var encoded = Encode(fields);
        var uri = new Uri(options.BaseUri, request.Endpoint);
        if (request.Method == HttpMethod.Get)
        {
            return new HttpRequestMessage(HttpMethod.Get, new UriBuilder(uri) { Query = encoded }.Uri);
        }

        return new HttpRequestMessage(request.Method, uri)
        {
            Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
    }

    /// <summary>UTF-8 percent-encoding of every name and value, joined with &amp;.</summary>
    internal static string Encode(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(Uri.EscapeDataString(field.Key)).Append('=').Append(Uri.EscapeDataString(field.Value));
        }

        return text.ToString();
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new KeyValuePair<string, string>(name, value);

    private static string DescribeFields(ApiRequest request)
    {
        var text = new StringBuilder();
        foreach (var field in request.Fields)
        {
            var shown = SecretFields.Contains(field.Key) ? "(hidden)" : EnvelopePolicy.Shorten(field.Value);
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(field.Key).Append('=').Append(shown);
        }

        return text.Length == 0 ? "(no fields)" : text.ToString();
    }
}
