using System.Net.Http;
using System.Text.Json;

namespace BizConf.Transport;

/// <summary>
/// The only place that speaks HTTP. One per session, shared by every view of the client (other accounts, other
/// commands). It is the pipeline of docs/ARCHITECTURE.md, "Transport", in this order: retry (with its classifier and
/// delay strategy), the rate gate, the timestamp-clash policy, signing, the envelope, and the HTTP sender.
/// </summary>
internal sealed class ApiTransport : IDisposable
{
    private readonly HttpClient http;
    private readonly ApiPipeline pipeline;

    // Cancelled by Dispose, and linked into every call: a call in flight when the session closes ends at once with
    // its own clear failure, and a call that starts afterwards fails before it sends. It is never disposed, so a
    // call that starts after Dispose can still read it.
    private readonly CancellationTokenSource closing = new CancellationTokenSource();

    public ApiTransport(BizConfClientOptions options, Signer signer)
    {
        Options = options;
        http = HttpSender.CreateClient(options);
        var sender = new HttpSender(http, options);
        Gate = new RateGate();
        pipeline = new ApiPipeline(
            new IApiPolicy[]
            {
                new RetryPolicy(options),
                new RateGatePolicy(options, Gate),
                new ClashPolicy(options, signer),
                new SigningPolicy(options, signer),
                new EnvelopePolicy(),
            },
            sender.SendAsync);
    }

    public BizConfClientOptions Options { get; }

    /// <summary>The session's pace against a rationing service, shared by all its calls.</summary>
    public RateGate Gate { get; }

    /// <summary>Sends one request through the pipeline; a failure is a <see cref="BizConfException"/> (or a cancellation).</summary>
    public async Task<JsonElement> SendAsync(ApiRequest request, CallState state, CancellationToken cancellationToken)
    {
        if (closing.IsCancellationRequested)
        {
            throw Closed(request, sent: state.Attempts > 0);
        }

        // A caller that has already given up gets no request signed, logged or handed to the handler.
        cancellationToken.ThrowIfCancellationRequested();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, closing.Token);
        try
        {
            return await pipeline.SendAsync(request, state, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (closing.IsCancellationRequested && !cancellationToken.IsCancellationRequested &&
            (e is OperationCanceledException || e is ObjectDisposedException))
        {
            // HttpClient refuses a request once disposed (nothing sent) and cancels those in flight.
            throw Closed(request, sent: e is OperationCanceledException && state.Attempts > 0, e);
        }
    }

    /// <summary>Cancels every call in flight (each fails as closed, not as timed out) and closes the connection.</summary>
    public void Dispose()
    {
        closing.Cancel();
        http.Dispose();
    }

    /// <summary>Checks the API envelope and returns its root object; a status other than success throws.</summary>
    internal static JsonElement ParseEnvelope(string endpoint, string body) => EnvelopePolicy.ParseEnvelope(endpoint, body);

    /// <summary>UTF-8 percent-encoding of every name and value, joined with &amp;.</summary>
    internal static string Encode(System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>> fields) =>
        SigningPolicy.Encode(fields);

    private static BizConfOperationException Closed(ApiRequest request, bool sent, Exception? inner = null) =>
        new BizConfOperationException(
            sent
                ? $"The session was closed by Disconnect-BizConf while {request.Endpoint} was under way; its outcome is unknown."
                : $"The session was closed by Disconnect-BizConf; {request.Endpoint} was not sent.",
            "BizConfSessionClosed", inner, sent ? RequestOutcome.MayHaveBeenCarriedOut : RequestOutcome.NotCarriedOut);
}
