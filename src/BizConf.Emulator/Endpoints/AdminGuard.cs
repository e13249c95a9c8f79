using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// Keeps the admin API for tools on this machine. It has no tokens and can overwrite the state file, so a caller
/// must be a loopback peer, and a web page in a browser must not reach it either: not cross-site (the Origin is
/// checked, and only <c>application/json</c> bodies, which a page cannot send without a CORS preflight that is
/// never granted), and not through DNS rebinding (the Host must name loopback). The /openapi/ API is left open.
/// </summary>
internal static class AdminGuard
{
    /// <summary>
    /// Registers the middleware that notes the peer address and Host as the connection gave them. It is put first
    /// of all startup filters, so it runs before the forwarded-headers middleware
    /// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>) can replace them with what an <c>X-Forwarded-*</c> header says.
    /// </summary>
    public static void CaptureConnectionFirst(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, CaptureFilter>());

    /// <summary>Notes what the connection itself said, before any other middleware runs.</summary>
    public static void Capture(HttpContext context) =>
        context.Features.Set(new ConnectionFacts(context.Connection.RemoteIpAddress, context.Request.Host));

    /// <summary>Runs after routing: refuses a request for an admin endpoint that <see cref="Refusal"/> turns away.</summary>
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AdminOnly>() is null || Refusal(context) is not { } status)
        {
            return next(context);
        }

        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>403 or 415 when the admin API must not answer this request; null when it may.</summary>
    public static int? Refusal(HttpContext context)
    {
        var facts = context.Features.Get<ConnectionFacts>();
        var request = context.Request;
        var origins = request.Headers.Origin;
        if (facts is null
            || !IsLocal(facts.Peer)
            || !IsLoopbackName(facts.Host.Host)
            || origins.Count > 1
            || (origins.Count == 1 && !IsLoopbackOrigin(origins[0])))
        {
            return StatusCodes.Status403Forbidden;
        }

        if (HasBody(context))
        {
            return MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                && string.Equals(type.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase)
                ? null
                : StatusCodes.Status415UnsupportedMediaType;
        }

        // A browser sends Origin with every POST and DELETE; the tools this API is for never do.
        var changes = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        return changes && origins.Count > 0 ? StatusCodes.Status403Forbidden : null;
    }

    public static bool IsLocal(IPAddress? address) =>
        address is not null
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary><c>localhost</c> or a loopback address (IPv6 in brackets, as in a Host header or an Origin).</summary>
    public static bool IsLoopbackName(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address) && IsLocal(address);
    }

    private static bool IsLoopbackOrigin(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && IsLoopbackName(uri.Host);

    private static bool HasBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
        ?? context.Request.ContentLength > 0;

    /// <summary>The peer address and Host header as the connection gave them.</summary>
    public sealed record ConnectionFacts(IPAddress? Peer, HostString Host);

    private sealed class CaptureFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                Capture(context);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
