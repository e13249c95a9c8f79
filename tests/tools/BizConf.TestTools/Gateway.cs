using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace BizConf.TestTools;

/// <summary>
/// A reverse proxy in front of one server (--target). A request whose path contains --match (any request without it;
/// letter case ignored) is held --hold-ms before it is forwarded, and it is forwarded whether or not its client is
/// still there: the server does the work of a request its client gave up on. The whole body is read on arrival, so a
/// client that leaves during the hold takes nothing of its request with it.
/// </summary>
internal sealed class Gateway : HttpTool
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

    protected override async Task HandleAsync(HttpContext context)
    {
        var arrived = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var departure = new Departure();
        using var watch = context.RequestAborted.Register(departure.Note);
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var held = match is null || path.Contains(match, StringComparison.OrdinalIgnoreCase);
        var entry = new JsonObject();
        entry["method"] = request.Method;
        entry["path"] = path;
        entry["held"] = held;
        entry["arrived"] = JsonLog.Stamp(arrived);

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, Stopping);
            body = buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
        {
            Finish(entry, departure, forwarded: null, status: null, "The request body did not arrive whole; nothing was forwarded.");
            return;
        }

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
                return;
            }
        }

        entry["heldMs"] = (long)clock.Elapsed.TotalMilliseconds;
        var forwarded = DateTimeOffset.UtcNow;
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var uri = new Uri(target.GetLeftPart(UriPartial.Authority) + target.AbsolutePath.TrimEnd('/') + rawTarget);
        var headers = request.Headers
            .Where(h => !string.Equals(h.Key, "Host", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Select(value => new KeyValuePair<string, string>(h.Key, value ?? string.Empty)));
        Answer answer;
        using (var message = Upstream.BuildRequest(request.Method, uri, headers, body, request.ContentLength is not null || body.Length > 0))
        {
            try
            {
                answer = await Upstream.SendAsync(client, message, Stopping);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                Finish(entry, departure, forwarded, status: null, $"The target did not answer: {ex.Message}");
                await TryAnswerAsync(context, 502, [], []);
                return;
            }
        }

        Finish(entry, departure, forwarded, answer.Status, error: null);
        await TryAnswerAsync(context, answer.Status, answer.Headers, answer.Body);
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

    /// <summary>Relays an answer to a client that may have gone; a client that left gets nothing, and that is fine.</summary>
    private static async Task TryAnswerAsync(HttpContext context, int status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        try
        {
            var response = context.Response;
            response.StatusCode = status;
            foreach (var group in headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            {
                response.Headers[group.Key] = group.Select(h => h.Value).ToArray();
            }

            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
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
