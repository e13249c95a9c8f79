namespace BizConf.Transport;

/// <summary>
/// How long to wait before trying again: the server's Retry-After in full (never cut), with up to one base delay
/// added; otherwise "full jitter", a random share of the doubling back-off, capped. Random waits keep parallel
/// workers that failed together from retrying together. A Retry-After longer than
/// <see cref="BizConfClientOptions.MaxRetryAfter"/> is not waited: the failure says how long the server asked for.
/// </summary>
internal static class DelayStrategy
{
    public static TimeSpan Next(BizConfClientOptions options, int retry, TimeSpan? retryAfter)
    {
        var jitter = Math.Min(1.0, Math.Max(0.0, options.Jitter()));
        if (retryAfter.HasValue)
        {
            var asked = retryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : retryAfter.Value;
            return asked + TimeSpan.FromTicks((long)(options.RetryBaseDelay.Ticks * jitter));
        }

        var ceiling = TimeSpan.FromTicks(options.RetryBaseDelay.Ticks * (1L << Math.Min(retry - 1, 16)));
        if (ceiling > options.MaxRetryDelay)
        {
            ceiling = options.MaxRetryDelay;
        }

        return TimeSpan.FromTicks((long)(ceiling.Ticks * jitter));
    }

    /// <summary>The note for a failure whose Retry-After is beyond what the client waits; null when it may be waited.</summary>
    public static string? TooLong(BizConfClientOptions options, TimeSpan? retryAfter) =>
        retryAfter.HasValue && retryAfter.Value > options.MaxRetryAfter
            ? $"The service asked to wait {Describe(retryAfter.Value)} before trying again, longer than the {Describe(options.MaxRetryAfter)} this client waits at most, so the item failed; run it again later."
            : null;

    public static string Describe(TimeSpan span) =>
        span.TotalDays >= 2 ? $"{Math.Floor(span.TotalDays):0} days"
        : span.TotalHours >= 2 ? $"{Math.Floor(span.TotalHours):0} hours"
        : span.TotalMinutes >= 2 ? $"{Math.Floor(span.TotalMinutes):0} minutes"
        : $"{HttpSender.Seconds(span)} s";
}
