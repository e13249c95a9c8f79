using System.Text.Json.Nodes;
using BizConf.Emulator.Hosting;

namespace BizConf.Emulator.Endpoints;

/// <summary>
/// The /_emulator/ route group: no tokens, so every route in it carries <see cref="AdminOnly"/> and
/// <see cref="AdminGuard"/> lets only this machine's own tools through. Every file that adds control endpoints
/// (meetings, simulations, ...) maps them on a group made here. Its answers, like the API's, are sent once what
/// they report is saved; a bad body is 400 and a change that could not be saved 500, each <c>{"error":…}</c>.
/// </summary>
internal static class AdminGroup
{
    public const string Prefix = "/_emulator";

    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Prefix).WithMetadata(AdminOnly.Instance);
        group.AddEndpointFilter(AnswerOnceSavedAsync);
        return group;
    }

    /// <summary>An endpoint filter: the answer waits for the saves it depends on; a refused body becomes its 400.</summary>
    public static async ValueTask<object?> AnswerOnceSavedAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var saved = SaveWait.Begin();
        object? result;
        try
        {
            result = await next(context);
        }
        catch (AdminBodyException bad)
        {
            return Error(bad.Message, StatusCodes.Status400BadRequest);
        }

        return await saved.FailureAsync() is { } failure
            ? Error(failure.Message, StatusCodes.Status500InternalServerError)
            : result;
    }

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(Api.Envelope.Serialize(body), "application/json; charset=utf-8", statusCode: status);

    public static IResult Error(string error, int status) => Json(new JsonObject { ["error"] = error }, status);
}

/// <summary>Marks an endpoint as part of the admin API, for <see cref="AdminGuard"/>.</summary>
internal sealed class AdminOnly
{
    public static readonly AdminOnly Instance = new();

    private AdminOnly()
    {
    }
}
