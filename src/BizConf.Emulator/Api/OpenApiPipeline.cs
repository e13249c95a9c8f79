using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace BizConf.Emulator.Api;

/// <summary>
/// Runs in front of every /openapi/ request, before routing picks a handler: reads the fields, writes the request
/// log entry, refuses the request at once (429) when its site is over the rate limit, applies <c>--latency-ms</c>,
/// then any armed fault, and only then lets the endpoint run. Every wait is an awaited delay outside the state
/// lock: a slow answer holds neither a thread nor other requests.
/// </summary>
internal sealed class OpenApiPipeline
{
    public const string Prefix = "/openapi";
    private const string FieldsKey = "bizconf.fields";
    private const string StatusKey = "bizconf.status";
    private const string ClaimKey = "bizconf.claimPages";

    private readonly RequestLog log;
    private readonly Faults faults;
    private readonly TimeProvider clock;
    private readonly RateLimiter limiter;
    private readonly EmulatorState state;
    private readonly TimeSpan latency;

    public OpenApiPipeline(RequestLog log, Faults faults, RateLimiter limiter, EmulatorState state, TimeProvider clock, EmulatorOptions options)
    {
        this.log = log;
        this.faults = faults;
        this.limiter = limiter;
        this.state = state;
        this.clock = clock;
        latency = TimeSpan.FromMilliseconds(options.LatencyMs);
    }

    public static RequestFields FieldsOf(HttpContext context) =>
        context.Items[FieldsKey] as RequestFields ?? RequestFields.Empty;

    public static void SetApiStatus(HttpContext context, int status) => context.Items[StatusKey] = status;

    /// <summary>
    /// A <c>claimPages</c> fault's lie, told in a successful listing's page fields: <c>totalPage</c> as armed and
    /// <c>totalRecord</c> as that many full pages, while <c>data</c> stays the real page.
    /// </summary>
    public static void ApplyClaims(HttpContext context, JsonObject body)
    {
        if (context.Items[ClaimKey] is not int pages
            || body["status"] is not JsonValue status || !status.TryGetValue<int>(out var code) || code != ApiStatus.Success
            || body["pageSize"] is not JsonValue size || !size.TryGetValue<int>(out var pageSize))
        {
            return;
        }

        body["totalPage"] = pages;
        body["totalRecord"] = (int)Math.Min(int.MaxValue, (long)pages * pageSize);
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix, out var rest))
        {
            await next(context);
            return;
        }

        var endpoint = (rest.Value ?? "").Trim('/');
        var fields = await RequestFields.ReadAsync(context.Request);
        context.Items[FieldsKey] = fields;
        // Rationed before the entry is logged, so that a logged request has had its turn at the bucket.
        var retryAfter = limiter.TryTake(() => BucketOf(fields));
        var entry = log.Begin(clock.GetUtcNow(), endpoint, context.Request.Method, fields.Sent);
        int? httpStatus = null;
        FaultRule? fault = null;
        try
        {
            if (retryAfter is { } seconds)
            {
                httpStatus = await RationAsync(context, seconds);
                return;
            }

            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted);
            }

            fault = faults.Take(endpoint);
            httpStatus = fault is null ? await AnswerAsync(context, next) : await SufferAsync(context, next, fault);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller hung up while it waited (its timeout, during a delay): there is no one left to answer.
        }
        finally
        {
            entry.Complete(httpStatus, context.Items[StatusKey] as int?, fault?.Kind);
        }
    }

    /// <summary>The rate limit's bucket of a request: its account's site, else the site it names, else the shared one.</summary>
    private string BucketOf(RequestFields fields) => state.Read(data =>
        data.FindAccount(fields.Text("loginName"))?.SiteSign ?? data.FindSite(fields.Text("siteSign"))?.SiteSign ?? "");

    private static async Task<int?> RationAsync(HttpContext context, int retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Too many requests: over the emulator's rate limit for this site.", context.RequestAborted);
        return context.Response.StatusCode;
    }

    private static async Task<int?> AnswerAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        return context.Response.StatusCode;
    }

    /// <summary>Applies a fault; the HTTP status answered, or null when the connection was dropped without one.</summary>
    private static async Task<int?> SufferAsync(HttpContext context, RequestDelegate next, FaultRule fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.Delay:
                await Task.Delay(Math.Max(0, fault.DelayMs), context.RequestAborted);
                return await AnswerAsync(context, next);
            case FaultKind.Drop:
                context.Abort();
                return null;
            case FaultKind.ClaimPages:
                context.Items[ClaimKey] = fault.TotalPage ?? 0;
                return await AnswerAsync(context, next);
            case FaultKind.Lost:
            case FaultKind.Late:
                return await CarryOutAsync(context, next, fault);
            case FaultKind.Status103:
            case FaultKind.Status102:
                var status = fault.Kind == FaultKind.Status103 ? ApiStatus.InternalError : ApiStatus.AuthenticationFailed;
                SetApiStatus(context, status);
                await EndpointResults.WriteAsync(context, Envelope.Failure(status, ApiStatus.MessageFor(status)));
                return context.Response.StatusCode;
            default:
                context.Response.StatusCode = fault.Kind == FaultKind.Http429
                    ? StatusCodes.Status429TooManyRequests
                    : StatusCodes.Status503ServiceUnavailable;
                if (fault.RetryAfterSec is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(
                    fault.Kind == FaultKind.Http429 ? "Too many requests (emulated)." : "Service unavailable (emulated).",
                    context.RequestAborted);
                return context.Response.StatusCode;
        }
    }

    /// <summary>
    /// <c>lost</c> and <c>late</c>: the endpoint does all its work, its change saved, into an answer held back in
    /// memory (nothing reaches the wire before it is done); then that answer is thrown away with the connection, or
    /// sent after <c>delayMs</c>. The state lock is long released by then, so other requests go on meanwhile.
    /// </summary>
    private static async Task<int?> CarryOutAsync(HttpContext context, RequestDelegate next, FaultRule fault)
    {
        var wire = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var heldBack = new MemoryStream();
        var holder = new StreamResponseBodyFeature(heldBack);
        context.Features.Set<IHttpResponseBodyFeature>(holder);
        try
        {
            await next(context);
            await holder.CompleteAsync();
        }
        finally
        {
            context.Features.Set(wire);
        }

        if (fault.Kind == FaultKind.Lost)
        {
            context.Abort();
            return null;
        }

        await Task.Delay(Math.Max(0, fault.DelayMs), context.RequestAborted);
        await context.Response.Body.WriteAsync(heldBack.GetBuffer().AsMemory(0, (int)heldBack.Length), context.RequestAborted);
        return context.Response.StatusCode;
    }
}
