using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BizConf.Emulator.Api;

/// <summary>The JSON object every API answer is: <c>{"status":…,"message":…,"data":…}</c> plus any top-level extras.</summary>
internal static class Envelope
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        // Chinese meeting names stay readable in answers and in the request log.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A success; <paramref name="data"/> is left out when null (endpoints that return nothing).</summary>
    public static JsonObject Success(JsonNode? data = null)
    {
        var body = new JsonObject
        {
            ["status"] = ApiStatus.Success,
            ["message"] = "",
        };
        if (data is not null)
        {
            body["data"] = data;
        }

        return body;
    }

    public static JsonObject Failure(int status, string message) => new()
    {
        ["status"] = status,
        ["message"] = message,
    };

    public static string Serialize(JsonNode body) => body.ToJsonString(WriteOptions);
}
