using System.Globalization;

namespace BizConf.Transport;

/// <summary>How the gate's pace answers what the service does: clean answers raise it, a 429 lowers it.</summary>
internal sealed partial class RateGate
{
    /// <summary>An answer came (any but 429) to the request that left at <paramref name="departedAt"/>: the service accepted it.</summary>
    public string? Answered(TimeSpan? departedAt = null)
    {
        lock (sync)
        {
            Release();
            var at = now();
            if (departedAt.HasValue)
            {
                latency = TimeSpan.FromTicks((long)((0.8 * latency.Ticks) + (0.2 * (at - departedAt.Value).Ticks)));
            }

            epochAnswers++;
            recentAnswers.Enqueue(at);
            while (recentAnswers.Count > 0 && recentAnswers.Peek() < at - RecentSpan)
            {
                recentAnswers.Dequeue();
            }

            if (!rate.HasValue)
            {
                window = Math.Min(MaxInFlight, window + 1);
                LetWaitersIn();
                return null;
            }

            var since = at - lastIncrease;
            if (since < TimeSpan.FromMilliseconds(250))
            {
                return null;
            }

            lastIncrease = at;
            if (lastPaced == null || at - lastPaced.Value > TimeSpan.FromSeconds(1))
            {
                // Nothing waited for the pace lately: the callers are slower than it, and raising it would only let
                // the next burst run past what the service takes.
                return null;
            }

            if (at - cleanSince > TimeSpan.FromSeconds(2))
            {
                boost = Math.Min(0.2, boost * 2);
                cleanSince = at;
            }

            var growth = ceiling.HasValue && rate.Value >= 0.9 * ceiling.Value ? 0.01 : boost;
            rate *= 1 + (growth * since.TotalSeconds);
            FitWindow();
            return null;
        }
    }

    /// <summary>
    /// The service refused a request with 429. Returns the moment, on the gate's clock, before which that request
    /// goes no more (its Retry-After at least; pass it to <see cref="EnterAsync"/>) and, when the pace changed, a
    /// sentence saying how and why.
    /// </summary>
    public TimeSpan Refused(TimeSpan? retryAfter, out string? change)
    {
        lock (sync)
        {
            Release();
            var at = now();
            var asked = retryAfter ?? TimeSpan.FromSeconds(1);
            change = null;
            if (lastDecrease == null || at - lastDecrease.Value > DecreaseSpacing)
            {
                var before = rate;
                if (!rate.HasValue && epochAnswers < 4)
                {
                    // Too few answers yet to tell a rate: wait as asked, with half as many in flight.
                    holdUntil = at + asked;
                    window = Math.Max(1, window / 2);
                    lastDecrease = at;
                    change = $"The service is rationing requests (HTTP 429): holding new requests for {HttpSender.Seconds(asked)} s, then at most {window} in flight.";
                    return at + asked;
                }

                if (!rate.HasValue)
                {
                    // The first refusal: what was accepted so far, spread over the time until the service takes more.
                    var elapsed = (at - epochStart + asked).TotalSeconds;
                    rate = Math.Max(MinRate, epochAnswers / elapsed);
                    holdUntil = at + asked;
                    nextSend = holdUntil;
                }
                else
                {
                    var span = Math.Max(0.25, Math.Min(RecentSpan.TotalSeconds, (at - epochStart).TotalSeconds));
                    var accepted = CountSince(at - TimeSpan.FromSeconds(span)) / span;
                    ceiling = accepted;
                    rate = Math.Max(MinRate, Math.Min(rate.Value * 0.85, Math.Max(accepted * 0.95, rate.Value * 0.6)));
                }

                FitWindow();
                LetWaitersIn();
                lastDecrease = at;
                lastIncrease = holdUntil > at ? holdUntil : at;
                cleanSince = lastIncrease;
                boost = 0.05;
                change = before.HasValue
                    ? string.Format(CultureInfo.InvariantCulture, "The service is rationing requests (HTTP 429): pacing lowered from {0:0.#} to {1:0.#} requests a second.", before.Value, rate.Value)
                    : string.Format(CultureInfo.InvariantCulture, "The service is rationing requests (HTTP 429): from now on this session paces its requests, starting at {0:0.#} a second.", rate.Value);
            }

            return holdUntil > at + asked ? holdUntil : at + asked;
        }
    }

    private int CountSince(TimeSpan from)
    {
        var count = 0;
        foreach (var answer in recentAnswers)
        {
            if (answer > from)
            {
                count++;
            }
        }

        return count;
    }
}
