using System.Net;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// The /_emulator/ route group: no tokens, so it answers only callers on this machine (403 to others). Every
/// file that adds control endpoints (meetings, simulations, ...) maps them on a group made here.
/// </summary>
public static class AdminGroup
{
    public const string Prefix = "/_emulator";

    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder routes) =>
        routes.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
            IsLocal(context.HttpContext.Connection.RemoteIpAddress)
                ? await next(context)
                : Results.StatusCode(StatusCodes.Status403Forbidden));

    public static bool IsLocal(IPAddress? address) =>
        address is not null
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
