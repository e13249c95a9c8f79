using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using BizConf.TestTools.Http1;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BizConf.TestTools.Proxy;

/// <summary>
/// An HTTP forward proxy on raw connections (Kestrel's HTTP server does not take proxy requests): absolute-form
/// requests are forwarded and answered, CONNECT opens a tunnel. With --user and --password every request must carry
/// those Basic credentials in Proxy-Authorization, or it is answered 407. One log line per request; the credentials
/// and bodies are never written.
/// </summary>
internal sealed class ForwardProxy : Tool
{
    public const string Challenge = "Basic realm=\"bizconf-test\"";

    private readonly string? expectedCredentials;
    private readonly HttpClient client = Upstream.CreateClient();

    public ForwardProxy(ToolOptions options, JsonLog log)
        : base(log)
    {
        expectedCredentials = options.User is null ? null : $"{options.User}:{options.Password}";
    }

    public override void ConfigureListen(ListenOptions listen) => listen.Run(HandleConnectionAsync);

    protected override void Map(WebApplication app)
    {
        // Nothing to map: every connection goes to HandleConnectionAsync, not to the HTTP pipeline.
    }

    private async Task HandleConnectionAsync(ConnectionContext connection)
    {
        // Only a stop cancels: a client that ends its side of a tunnel may still be sent the rest of the answer.
        var token = Stopping;
        var input = connection.Transport.Input.AsStream(leaveOpen: true);
        var output = connection.Transport.Output.AsStream(leaveOpen: true);
        var reader = new ConnectionReader(input);
        RequestHead? head = null;
        try
        {
            while (true)
            {
                // Cleared first, so that a refused head is not logged under the request before it.
                head = null;
                head = await reader.ReadHeadAsync(token);
                if (head is null || !await HandleRequestAsync(head, reader, input, output, token))
                {
                    return;
                }
            }
        }
        catch (BadRequestException ex)
        {
            Log.Write(Entry(head, null, ex.Status, ex.Message));
            await Http1Answers.WriteTextAsync(output, ex.Status, ex.Message, [], close: true, token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the tool is stopping: nothing is left to answer.
        }
    }

    /// <summary>Answers one request; true when the connection stays open for the next.</summary>
    private async Task<bool> HandleRequestAsync(RequestHead head, ConnectionReader reader, Stream input, Stream output,
        CancellationToken token)
    {
        bool? accepted = expectedCredentials is null ? null : CredentialsMatch(head.Header("Proxy-Authorization"));
        if (accepted == false)
        {
            // A client that waits for 100 Continue never sends its body now; only a body that comes anyway is skipped.
            var keepOpen = head.KeepAlive && !head.ExpectsContinue;
            if (keepOpen)
            {
                await reader.ReadBodyAsync(head, token);
            }

            Log.Write(Entry(head, accepted, 407));
            await Http1Answers.WriteTextAsync(output, 407, string.Empty, [new("Proxy-Authenticate", Challenge)], !keepOpen, token);
            return keepOpen;
        }

        if (head.IsConnect)
        {
            await TunnelAsync(head, accepted, reader, input, output, token);
            return false;
        }

        if (!Uri.TryCreate(head.Target, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new BadRequestException(400, "This proxy forwards absolute http:// URIs and tunnels CONNECT host:port.");
        }

        if (head.ExpectsContinue)
        {
            await output.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), token);
        }

        var body = await reader.ReadBodyAsync(head, token);
        Answer answer;
        var declaredBody = head.IsChunked || head.Header("Content-Length") is not null;
        using (var request = Upstream.BuildRequest(head.Method, uri, head.Headers, body, declaredBody))
        {
            try
            {
                answer = await Upstream.SendAsync(client, request, token);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !token.IsCancellationRequested)
            {
                Log.Write(Entry(head, accepted, 502, ex.Message));
                await Http1Answers.WriteTextAsync(output, 502, ex.Message, [], !head.KeepAlive, token);
                return head.KeepAlive;
            }
        }

        Log.Write(Entry(head, accepted, answer.Status));
        await Http1Answers.WriteAnswerAsync(output, answer, head, token);
        return head.KeepAlive;
    }

    private async Task TunnelAsync(RequestHead head, bool? accepted, ConnectionReader reader, Stream input, Stream output,
        CancellationToken token)
    {
        if (!Uri.TryCreate("tcp://" + head.Target, UriKind.Absolute, out var authority) || authority.Port <= 0
            || authority.PathAndQuery != "/" || authority.UserInfo.Length > 0)
        {
            throw new BadRequestException(400, $"CONNECT needs host:port, not '{head.Target}'.");
        }

        using var upstream = new TcpClient();
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            connectTimeout.CancelAfter(TimeSpan.FromSeconds(10));
            await upstream.ConnectAsync(authority.DnsSafeHost, authority.Port, connectTimeout.Token);
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !token.IsCancellationRequested))
        {
            Log.Write(Entry(head, accepted, 502, ex.Message));
            await Http1Answers.WriteTextAsync(output, 502, ex.Message, [], close: true, token);
            return;
        }

        Log.Write(Entry(head, accepted, 200));
        await output.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray(), token);
        await ProxyTunnel.PumpAsync(reader.TakeBuffered(), input, output, upstream, token);
    }

    private bool CredentialsMatch(string? header)
    {
        const string Scheme = "Basic ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            return string.Equals(Encoding.UTF8.GetString(Convert.FromBase64String(header[Scheme.Length..].Trim())),
                expectedCredentials, StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static JsonObject Entry(RequestHead? head, bool? accepted, int status, string? error = null)
    {
        var entry = new JsonObject();
        entry["method"] = head?.Method;
        entry["target"] = head?.Target;
        entry["credentialsGiven"] = head?.Header("Proxy-Authorization") is not null;
        entry["credentialsAccepted"] = accepted;
        entry["status"] = status;
        if (error is not null)
        {
            entry["error"] = error;
        }

        return entry;
    }
}
