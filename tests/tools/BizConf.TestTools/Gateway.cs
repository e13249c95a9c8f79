using System.Diagnostics;
using System.Text.Json.Nodes;
using BizConf.TestTools.Http1;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BizConf.TestTools;

/// <summary>
/// A reverse proxy in front of one server (--target). A request whose path contains --match (any request without it;
/// letter case ignored) is held --hold-ms before it is forwarded, and it is forwarded whether or not its client is
/// still there: the server does the work of a request its client gave up on. It reads raw connections, as the proxy
/// does, because Kestrel's HTTP server drops a request whose client closes before the body is read; here every byte
/// that arrived is read, whenever the client leaves.
/// </summary>
internal sealed class Gateway : Tool
{
    private readonly HttpClient client = Upstream.CreateClient();
    private readonly Uri target;
    private readonly TimeSpan hold;
    private readonly string? match;

    public Gateway(ToolOptions options, JsonLog log)
        : base(log)
    {
        target = options.Target!;
        hold = TimeSpan.FromMilliseconds(options.HoldMs);
        match = options.Match;
    }

    public override void ConfigureListen(ListenOptions listen) => listen.Run(HandleConnectionAsync);

    protected override void Map(WebApplication app)
    {
        // Nothing to map: every connection goes to HandleConnectionAsync, not to the HTTP pipeline.
    }

    private async Task HandleConnectionAsync(ConnectionContext connection)
    {
        var departure = new Departure();
        // Kestrel's transport notes the end of the client's side (its FIN or reset) while nobody reads.
        using var watch = connection.ConnectionClosed.Register(departure.Note);
        var output = connection.Transport.Output.AsStream(leaveOpen: true);
        var reader = new ConnectionReader(connection.Transport.Input.AsStream(leaveOpen: true));
        try
        {
            while (await reader.ReadHeadAsync(Stopping) is { } head)
            {
                if (!await HandleRequestAsync(head, reader, output, departure) || departure.Left is not null)
                {
                    return;
                }
            }
        }
        catch (BadRequestException ex)
        {
            Log.Write(new JsonObject { ["status"] = ex.Status, ["error"] = ex.Message });
            await TryWriteAsync(() => Http1Answers.WriteTextAsync(output, ex.Status, ex.Message, [], close: true, Stopping));
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away before its request was whole, or the tool is stopping: nothing to forward.
        }
    }

    /// <summary>Holds, forwards and answers one request; true when the connection stays open for the next.</summary>
    private async Task<bool> HandleRequestAsync(RequestHead head, ConnectionReader reader, Stream output, Departure departure)
    {
        var arrived = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var pathAndQuery = Uri.TryCreate(head.Target, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : head.Target;
        var path = pathAndQuery.Split('?')[0];
        var held = match is null || path.Contains(match, StringComparison.OrdinalIgnoreCase);
        var entry = new JsonObject
        {
            ["method"] = head.Method,
            ["path"] = path,
            ["held"] = held,
            ["arrived"] = JsonLog.Stamp(arrived),
        };

        if (head.ExpectsContinue)
        {
            await TryWriteAsync(() => output.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), Stopping).AsTask());
        }

        var body = await reader.ReadBodyAsync(head, Stopping);

        // A loop on the clock rather than one delay, so that the hold is never shorter than asked.
        while (held && clock.Elapsed < hold)
        {
            try
            {
                await Task.Delay(hold - clock.Elapsed, Stopping);
            }
            catch (OperationCanceledException)
            {
                Finish(entry, departure, forwarded: null, status: null, "The gateway was stopped during the hold; nothing was forwarded.");
                return false;
            }
        }

        entry["heldMs"] = (long)clock.Elapsed.TotalMilliseconds;
        var forwarded = DateTimeOffset.UtcNow;
        var uri = new Uri(target.GetLeftPart(UriPartial.Authority) + target.AbsolutePath.TrimEnd('/') + pathAndQuery);
        var headers = head.Headers.Where(h => !string.Equals(h.Key, "Host", StringComparison.OrdinalIgnoreCase));
        var declaredBody = head.IsChunked || head.Header("Content-Length") is not null;
        Answer answer;
        using (var request = Upstream.BuildRequest(head.Method, uri, headers, body, declaredBody))
        {
            try
            {
                answer = await Upstream.SendAsync(client, request, Stopping);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                Finish(entry, departure, forwarded, status: null, $"The target did not answer: {ex.Message}");
                await TryWriteAsync(() => Http1Answers.WriteTextAsync(output, 502, ex.Message, [], !head.KeepAlive, Stopping));
                return head.KeepAlive;
            }
        }

        Finish(entry, departure, forwarded, answer.Status, error: null);
        return await TryWriteAsync(() => Http1Answers.WriteAnswerAsync(output, answer, head, Stopping)) && head.KeepAlive;
    }

    private void Finish(JsonObject entry, Departure departure, DateTimeOffset? forwarded, int? status, string? error)
    {
        entry["forwarded"] = forwarded is { } time ? JsonLog.Stamp(time) : null;
        entry["answered"] = status is null ? null : JsonLog.Stamp(DateTimeOffset.UtcNow);
        entry["status"] = status;
        var left = departure.Left;
        entry["clientPresent"] = left is null;
        entry["clientLeft"] = left is { } gone ? JsonLog.Stamp(gone) : null;
        if (error is not null)
        {
            entry["error"] = error;
        }

        Log.Write(entry);
    }

    /// <summary>Writes to a client that may have gone; a client that left gets nothing, and that is fine.</summary>
    private static async Task<bool> TryWriteAsync(Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>When the client closed its connection, noted as it happens (Kestrel calls this on its own thread).</summary>
    private sealed class Departure
    {
        private long ticks;

        public DateTimeOffset? Left => Interlocked.Read(ref ticks) is var value && value != 0 ? new DateTimeOffset(value, TimeSpan.Zero) : null;

        public void Note() => Interlocked.CompareExchange(ref ticks, DateTimeOffset.UtcNow.UtcTicks, 0);
    }
}
