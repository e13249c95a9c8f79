namespace BizConf.Emulator.Endpoints;

/// <summary>
/// The /_emulator/ route group: no tokens, so every route in it carries <see cref="AdminOnly"/> and
/// <see cref="AdminGuard"/> lets only this machine's own tools through. Every file that adds control endpoints
/// (meetings, simulations, ...) maps them on a group made here.
/// </summary>
public static class AdminGroup
{
    public const string Prefix = "/_emulator";

    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder routes) =>
        routes.MapGroup(Prefix).WithMetadata(AdminOnly.Instance);
}

/// <summary>Marks an endpoint as part of the admin API, for <see cref="AdminGuard"/>.</summary>
public sealed class AdminOnly
{
    public static readonly AdminOnly Instance = new();

    private AdminOnly()
    {
    }
}
