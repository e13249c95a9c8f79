using System.Text.Json.Nodes;
namespace BizConf.TestTools;

/// <summary>
/// Answers every request with --status and a Location header of --location, and no body. The log tells, per
/// request, whether the client sent a body, which is how a test sees whether a client re-sent its form after a
/// 307 or 308 (or turned a POST into a GET after a 301 or 302).
/// </summary>
internal sealed class Redirect : HttpTool
{
    private readonly int status;
    private readonly string location;

    public Redirect(ToolOptions options, JsonLog log)
        : base(log)
    {
        status = options.Status;
        location = options.Location!;
    }

    protected override async Task HandleAsync(HttpContext context)
    {
        var bytes = await RequestBody.CountAsync(context.Request, Stopping);
        var entry = new JsonObject();
        entry["method"] = context.Request.Method;
        entry["path"] = context.Request.Path.Value;
        entry["bodySent"] = bytes > 0;
        entry["bodyBytes"] = bytes;
        Log.Write(entry);

        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        context.Response.ContentLength = 0;
    }
}
