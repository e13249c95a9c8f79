namespace BizConf.Emulator.Api;

/// <summary>
/// Runs in front of every /openapi/ request, before routing picks a handler: reads the fields, writes the request
/// log entry, applies <c>--latency-ms</c>, then any armed fault, and only then lets the endpoint run.
/// </summary>
public sealed class OpenApiPipeline
{
    public const string Prefix = "/openapi";
    private const string FieldsKey = "bizconf.fields";
    private const string StatusKey = "bizconf.status";

    private readonly RequestLog _log;
    private readonly Faults _faults;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _latency;

    public OpenApiPipeline(RequestLog log, Faults faults, TimeProvider clock, EmulatorOptions options)
    {
        _log = log;
        _faults = faults;
        _clock = clock;
        _latency = TimeSpan.FromMilliseconds(options.LatencyMs);
    }

    public static RequestFields FieldsOf(HttpContext context) =>
        context.Items[FieldsKey] as RequestFields ?? RequestFields.Empty;

    public static void SetApiStatus(HttpContext context, int status) => context.Items[StatusKey] = status;

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
        var entry = _log.Begin(_clock.GetUtcNow(), endpoint, context.Request.Method, fields.Sent);
        int? httpStatus = null;
        try
        {
            if (_latency > TimeSpan.Zero)
            {
                await Task.Delay(_latency, context.RequestAborted);
            }

            var fault = _faults.Take(endpoint);
            if (fault is not null && await SufferAsync(context, fault))
            {
                httpStatus = fault.Kind == FaultKind.Drop ? null : context.Response.StatusCode;
                return;
            }

            await next(context);
            httpStatus = context.Response.StatusCode;
        }
        finally
        {
            entry.Complete(httpStatus, context.Items[StatusKey] as int?);
        }
    }

    /// <summary>Applies a fault; true when it answered (or dropped) the request itself.</summary>
    private static async Task<bool> SufferAsync(HttpContext context, FaultRule fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.Delay:
                await Task.Delay(Math.Max(0, fault.DelayMs), context.RequestAborted);
                return false;
            case FaultKind.Drop:
                context.Abort();
                return true;
            case FaultKind.Status103:
                SetApiStatus(context, ApiStatus.InternalError);
                await EndpointResults.WriteAsync(context, Envelope.Failure(ApiStatus.InternalError, ApiStatus.MessageFor(ApiStatus.InternalError)));
                return true;
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
                return true;
        }
    }
}
