namespace BizConf.Transport;

/// <summary>What a failed attempt allows: the decision of the response classifier.</summary>
internal enum FailureClass
{
    /// <summary>Nothing more to try: a status the service gave, a redirect, an answer that is not the envelope.</summary>
    Final,

    /// <summary>Nothing was done (not sent, or turned away with 429/503): any request may be sent again after a wait.</summary>
    NotDone,

    /// <summary>The request may have been carried out: only a request that is safe to repeat is sent again here.</summary>
    MaybeDone,
}

/// <summary>
/// Tries a failed attempt again while MaxRetry allows, waiting as <see cref="DelayStrategy"/> says. A request that
/// may have been carried out is retried only when it is safe to repeat; otherwise the failure goes up to the client
/// step that looks for its result (a create) or to the caller with a note on how to check (a webinar create).
/// </summary>
internal sealed class RetryPolicy : IApiPolicy
{
    /// <summary>Said of a failure that may hide a request carried out, on a request that must not be sent twice.</summary>
    internal const string NotRepeated =
        "It was not tried again, because the request may have been carried out: check its result before sending it again.";

    private readonly BizConfClientOptions options;

    public RetryPolicy(BizConfClientOptions options)
    {
        this.options = options;
    }

    public static FailureClass Classify(BizConfException failure) => failure switch
    {
        BizConfTransportException { Failure: TransportFailure.NotSent } => FailureClass.NotDone,
        BizConfTransportException { IsTurnedAway: true } => FailureClass.NotDone,
        BizConfTransportException { Failure: TransportFailure.BadAnswer } => FailureClass.Final,
        _ when failure.Outcome == RequestOutcome.MayHaveBeenCarriedOut => FailureClass.MaybeDone,
        _ => FailureClass.Final,
    };

    public async Task ProcessAsync(ApiExchange exchange, ApiNext next, CancellationToken cancellationToken)
    {
        var state = exchange.State;
        var request = exchange.Request;
        while (true)
        {
            BizConfException failure;
            try
            {
                await next(exchange, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (BizConfException e) when (e is BizConfApiException || e is BizConfTransportException)
            {
                failure = e;
            }

            var kind = Classify(failure);
            if (kind == FailureClass.Final)
            {
                throw failure;
            }

            if (kind == FailureClass.MaybeDone && request.Repeat != Repeat.Safe)
            {
                // The client step that owns a LookFirst request looks and decides; a Never request only says how to check.
                throw request.Repeat == Repeat.LookFirst ? failure : failure.WithNote(request.NotRepeatedNote ?? NotRepeated);
            }

            var retryAfter = (failure as BizConfTransportException)?.RetryAfter;
            var tooLong = DelayStrategy.TooLong(options, retryAfter);
            if (tooLong != null)
            {
                throw failure.WithNote(tooLong);
            }

            if (!state.CanRetry)
            {
                throw failure.WithNote($"Gave up {state.AfterAttempts()}.");
            }

            state.UseRetry();
            var delay = DelayStrategy.Next(options, state.RetriesUsed, retryAfter);
            state.Log($"{failure.Message} Trying again in {HttpSender.Seconds(delay)} s (retry {state.RetriesUsed} of {state.MaxRetry}).");
            await options.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }
}
