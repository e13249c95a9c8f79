using System.Text.Json;

namespace BizConf.Transport;

/// <summary>
/// Reads the answer's envelope (docs/API.md, "Transport"): a JSON object whose status is 100 on success; any other
/// status becomes a <see cref="BizConfApiException"/> here, and only here.
/// </summary>
internal sealed class EnvelopePolicy : IApiPolicy
{
    public async Task ProcessAsync(ApiExchange exchange, ApiNext next, CancellationToken cancellationToken)
    {
        await next(exchange, cancellationToken).ConfigureAwait(false);
        exchange.Root = ParseEnvelope(exchange.Request.Endpoint, exchange.Body ?? string.Empty);
    }

    /// <summary>Checks the API envelope and returns its root object; a status other than success throws.</summary>
    public static JsonElement ParseEnvelope(string endpoint, string body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new BizConfTransportException(
                $"{endpoint} answered with something that is not JSON: {Shorten(body)}", endpoint, TransportFailure.BadAnswer, HttpStatusCodes.Ok, inner: e);
        }

        var status = root.ValueKind == JsonValueKind.Object ? Json.Int32(root, "status") : null;
        if (status == null)
        {
            throw new BizConfTransportException(
                $"{endpoint} answered JSON without a numeric status: {Shorten(body)}", endpoint, TransportFailure.BadAnswer, HttpStatusCodes.Ok);
        }

        if (status != BizConfStatus.Success)
        {
            throw new BizConfApiException(status.Value, Json.String(root, "message"), endpoint);
        }

        return root;
    }

    internal static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";
}
