using System.Text.Json.Nodes;

namespace BizConf.Emulator.Api;

internal static class EndpointResults
{
    public static Task WriteAsync(HttpContext context, JsonObject body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(Envelope.Serialize(body), context.RequestAborted);
    }
}
