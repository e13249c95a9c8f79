using System.Net.Http;
using System.Text.Json;

namespace BizConf.Transport;

/// <summary>
/// One pass through the pipeline: the request as declared, the call's state, and what the inner policies made of
/// this attempt (the signed HTTP request, the answer's body and its parsed envelope). Each attempt gets a fresh
/// exchange, so nothing of a failed attempt leaks into the next.
/// </summary>
/// <param name="request">The request as its operation declared it.</param>
/// <param name="state">The call's state, shared by all its attempts.</param>
internal sealed class ApiExchange(ApiRequest request, CallState state)
{
    public ApiRequest Request { get; } = request;

    public CallState State { get; } = state;

    /// <summary>The number of this attempt, 1 for the first; set by signing.</summary>
    public int Attempt { get; set; }

    /// <summary>The signed HTTP request; set by signing, disposed with the exchange's attempt.</summary>
    public HttpRequestMessage? Http { get; set; }

    /// <summary>When this attempt was handed to the network.</summary>
    public DateTimeOffset SentAt { get; set; }

    /// <summary>The answer's body as text; set by the sender for an HTTP 200.</summary>
    public string? Body { get; set; }

    /// <summary>The envelope's root object; set by the envelope policy.</summary>
    public JsonElement Root { get; set; }
}

/// <summary>The rest of the pipeline, as a policy sees it.</summary>
internal delegate Task ApiNext(ApiExchange exchange, CancellationToken cancellationToken);

/// <summary>One step of the pipeline; it calls <c>next</c> once, several times (a retry), or not at all.</summary>
internal interface IApiPolicy
{
    Task ProcessAsync(ApiExchange exchange, ApiNext next, CancellationToken cancellationToken);
}

/// <summary>
/// The transport as an ordered list of small policies around a terminal sender, in the manner of an HTTP
/// pipeline: each policy sees the exchange on its way in and the answer (or failure) on its way out.
/// </summary>
internal sealed class ApiPipeline
{
    private readonly ApiNext first;

    public ApiPipeline(IReadOnlyList<IApiPolicy> policies, ApiNext terminal)
    {
        var next = terminal;
        for (var i = policies.Count - 1; i >= 0; i--)
        {
            var policy = policies[i];
            var inner = next;
            next = (exchange, token) => policy.ProcessAsync(exchange, inner, token);
        }

        first = next;
    }

    /// <summary>Sends the request through every policy and returns the envelope's root object.</summary>
    public async Task<JsonElement> SendAsync(ApiRequest request, CallState state, CancellationToken cancellationToken)
    {
        var exchange = new ApiExchange(request, state);
        await first(exchange, cancellationToken).ConfigureAwait(false);
        return exchange.Root;
    }
}
