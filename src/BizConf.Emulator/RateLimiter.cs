using System.Text.Json.Nodes;

namespace BizConf.Emulator;

/// <summary>A rate limit: so many requests a second on average, and so many at once.</summary>
/// <param name="PerSecond">The rate the buckets refill at.</param>
/// <param name="Burst">What a bucket holds at most, and starts with.</param>
/// <param name="SetBy"><c>commandLine</c> (<c>--rate-limit</c>) or <c>admin</c> (<c>PUT /_emulator/rate-limit</c>).</param>
internal sealed record RateLimit(double PerSecond, int Burst, string SetBy)
{
    public const double MaxPerSecond = 1_000_000;
    public const int MaxBurst = 1_000_000;

    /// <summary>One second's worth, in whole requests, and at least one.</summary>
    public static int DefaultBurst(double perSecond) => (int)Math.Clamp(Math.Ceiling(perSecond), 1, MaxBurst);
}

/// <summary>
/// Rations /openapi/ requests per site, as the service rations them per API key: one token bucket per site (the
/// account's site, from <c>loginName</c>, else the site of <c>siteSign</c>; requests that name neither share one
/// bucket). A bucket holds at most <see cref="RateLimit.Burst"/> tokens, starts full, and refills continuously at
/// <see cref="RateLimit.PerSecond"/>; a request takes one token or is refused with the whole seconds until one is
/// there. Time comes from the emulator's clock, so tests move it by hand.
/// </summary>
internal sealed class RateLimiter
{
    /// <summary>Rounding slack, so that a bucket refilled to exactly one token by the arithmetic counts as one.</summary>
    private const double Slack = 1e-9;

    private readonly object gate = new();
    private readonly TimeProvider clock;
    private readonly RateLimit? commandLine;
    private readonly Dictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private RateLimit? current;

    public RateLimiter(TimeProvider clock, EmulatorOptions options)
    {
        this.clock = clock;
        commandLine = options.RateLimit is { } perSecond
            ? new RateLimit(perSecond, RateLimit.DefaultBurst(perSecond), "commandLine")
            : null;
        current = commandLine;
    }

    public RateLimit? Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>Sets the limit; every bucket starts full again.</summary>
    public RateLimit Set(double perSecond, int? burst)
    {
        lock (gate)
        {
            current = new RateLimit(perSecond, burst ?? RateLimit.DefaultBurst(perSecond), "admin");
            buckets.Clear();
            return current;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            current = null;
            buckets.Clear();
        }
    }

    /// <summary>Back to the limit of the command line (or none), with full buckets.</summary>
    public void Reset()
    {
        lock (gate)
        {
            current = commandLine;
            buckets.Clear();
        }
    }

    /// <summary>
    /// Takes a token from the bucket <paramref name="bucketOf"/> names (asked only while a limit is set): null
    /// when the request may go on, otherwise the whole seconds (at least 1) until the bucket holds a token again.
    /// </summary>
    public int? TryTake(Func<string> bucketOf)
    {
        if (Current is null)
        {
            return null;
        }

        var key = bucketOf();
        lock (gate)
        {
            if (current is not { } limit)
            {
                return null;
            }

            var now = clock.GetUtcNow();
            if (!buckets.TryGetValue(key, out var bucket))
            {
                bucket = new Bucket { Tokens = limit.Burst, Updated = now };
                buckets[key] = bucket;
            }

            var elapsed = Math.Max(0, (now - bucket.Updated).TotalSeconds);
            bucket.Tokens = Math.Min(limit.Burst, bucket.Tokens + (elapsed * limit.PerSecond));
            bucket.Updated = now;
            if (bucket.Tokens >= 1 - Slack)
            {
                bucket.Tokens = Math.Max(0, bucket.Tokens - 1);
                return null;
            }

            var seconds = Math.Ceiling(((1 - bucket.Tokens) / limit.PerSecond) - Slack);
            return (int)Math.Clamp(seconds, 1, int.MaxValue);
        }
    }

    public static JsonObject ToJson(RateLimit? limit) => new()
    {
        ["perSecond"] = limit?.PerSecond,
        ["burst"] = limit?.Burst,
        ["setBy"] = limit?.SetBy,
    };

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public DateTimeOffset Updated { get; set; }
    }
}
