namespace BizConf.Transport;

/// <summary>
/// Status 102 is most often another process signing with the same key that took this millisecond's timestamp. A
/// 102 means nothing was done, so any request is sent once more (as its next attempt), after a short random wait,
/// with a fresh timestamp from a lane of milliseconds the other process is less likely to use (see
/// <see cref="Signer.ClashSeen"/>). A wrong key fails again, and is reported then.
/// </summary>
internal sealed class ClashPolicy : IApiPolicy
{
    private readonly BizConfClientOptions options;
    private readonly Signer signer;

    public ClashPolicy(BizConfClientOptions options, Signer signer)
    {
        this.options = options;
        this.signer = signer;
    }

    public async Task ProcessAsync(ApiExchange exchange, ApiNext next, CancellationToken cancellationToken)
    {
        try
        {
            await next(exchange, cancellationToken).ConfigureAwait(false);
        }
        catch (BizConfApiException e) when (e.Is(BizConfStatus.AuthenticationFailed))
        {
            signer.ClashSeen(options.Clock);
            var wait = TimeSpan.FromMilliseconds(5 + (45 * options.Jitter()));
            exchange.State.Log($"{e.Message} Sending once more with a fresh timestamp in {HttpSender.Seconds(wait)} s, in case another process used the same one.");
            await options.Delay(wait, cancellationToken).ConfigureAwait(false);
            await next(exchange, cancellationToken).ConfigureAwait(false);
        }
    }
}
