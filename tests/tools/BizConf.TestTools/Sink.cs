using System.Text.Json;
using System.Text.Json.Nodes;

namespace BizConf.TestTools;

/// <summary>
/// Records every request (method, path, and the names, never the values, of its headers, query fields and body
/// fields) and answers each with an API success envelope, so that a client which wrongly followed a redirect here
/// would take the answer for success. Tests point a redirect at it and check that it received nothing.
/// </summary>
internal sealed class Sink : HttpTool
{
    public const string SuccessEnvelope = """{"status":100,"message":"","data":{"id":1}}""";

    public Sink(JsonLog log)
        : base(log)
    {
    }

    protected override async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        var bytes = await RequestBody.CountAsync(request, Stopping);
        request.Body.Position = 0;

        var entry = new JsonObject();
        entry["method"] = request.Method;
        entry["path"] = request.Path.Value;
        entry["headerNames"] = Names(request.Headers.Keys);
        entry["queryNames"] = Names(request.Query.Keys);
        entry["fieldNames"] = Names(await FieldNamesAsync(request));
        entry["bodyBytes"] = bytes;
        Log.Write(entry);

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(SuccessEnvelope, Stopping);
    }

    /// <summary>The field names of a form (urlencoded or multipart) or the top-level names of a JSON object body.</summary>
    private async Task<IEnumerable<string>> FieldNamesAsync(HttpRequest request)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(Stopping);
                return form.Keys.Concat(form.Files.Select(file => file.Name));
            }

            if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: Stopping);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    ? document.RootElement.EnumerateObject().Select(property => property.Name).ToList()
                    : [];
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException or BadHttpRequestException)
        {
            // A body that is not what its Content-Type says has no field names to record; its length is still logged.
        }

        return [];
    }

    private static JsonArray Names(IEnumerable<string> names) =>
        new(names.Distinct(StringComparer.Ordinal).Select(name => (JsonNode?)JsonValue.Create(name)).ToArray());
}
