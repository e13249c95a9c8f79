namespace BizConf.Transport;

/// <summary>
/// Sends each attempt through the session's <see cref="RateGate"/>. A 429 answered by slowing down is not a failure
/// and spends no retry: the request waits its turn and goes again, up to <see cref="MaxRationedWaits"/> times in a
/// row. With the adaptive step off (<see cref="BizConfClientOptions.AdaptiveRate"/>), 429 is left to the retry
/// policy, as a plain wait-and-retry against MaxRetry.
/// </summary>
internal sealed class RateGatePolicy : IApiPolicy
{
    internal const int MaxRationedWaits = 50;

    private readonly BizConfClientOptions options;
    private readonly RateGate gate;

    public RateGatePolicy(BizConfClientOptions options, RateGate gate)
    {
        this.options = options;
        this.gate = gate;
    }

    public async Task ProcessAsync(ApiExchange exchange, ApiNext next, CancellationToken cancellationToken)
    {
        if (!options.AdaptiveRate)
        {
            await next(exchange, cancellationToken).ConfigureAwait(false);
            return;
        }

        TimeSpan? notBefore = null;
        for (var refusals = 0; ; refusals++)
        {
            var departed = await gate.EnterAsync(options.Delay, notBefore, cancellationToken).ConfigureAwait(false);

            try
            {
                await next(exchange, cancellationToken).ConfigureAwait(false);
                gate.Answered(departed);
                return;
            }
            catch (BizConfTransportException e) when (e.IsRationed && refusals < MaxRationedWaits && DelayStrategy.TooLong(options, e.RetryAfter) == null)
            {
                notBefore = gate.Refused(e.RetryAfter, out var change);
                if (change != null)
                {
                    exchange.State.Log(change);
                }

                exchange.State.Log($"{e.Message} Sending it again after {HttpSender.Seconds(e.RetryAfter ?? TimeSpan.FromSeconds(1))} s at the earliest, at the session's pace; this spends no retry.");
            }
            catch (BizConfApiException)
            {
                // The service answered: whatever the status, it took the request.
                gate.Answered(departed);
                throw;
            }
            catch (Exception)
            {
                gate.Leave();
                throw;
            }
        }
    }
}
