namespace BizConf.Transport;

/// <summary>
/// What one call (a request and its repeats) has used so far: attempts signed, retries spent against MaxRetry, and
/// how many of its attempts went unanswered. A client step that repeats a create after looking passes the same
/// state to each send, so the looks and the repeats count against one MaxRetry.
/// </summary>
internal sealed class CallState
{
    private int attempts;

    public CallState(int maxRetry, CallSinks sinks)
    {
        MaxRetry = maxRetry;
        Sinks = sinks;
    }

    public int MaxRetry { get; }

    /// <summary>Where this call's log lines and warnings go.</summary>
    public CallSinks Sinks { get; }

    /// <summary>Attempts signed so far; the next one is numbered this plus one.</summary>
    public int Attempts => Volatile.Read(ref attempts);

    public int RetriesUsed { get; private set; }

    public bool CanRetry => RetriesUsed < MaxRetry;

    /// <summary>Attempts that were sent and never answered (timed out or cut off): the service may still carry them out.</summary>
    public int Unanswered { get; private set; }

    /// <summary>When the last unanswered attempt was sent, for a look that waits for a late one.</summary>
    public DateTimeOffset? LastUnansweredSentAt { get; private set; }

    /// <summary>Attempts that failed in a way that may hide the work done (unanswered, 103, a server error).</summary>
    public int MaybeDone { get; private set; }

    public int NextAttempt() => Interlocked.Increment(ref attempts);

    public void MarkMaybeDone() => MaybeDone++;

    public void UseRetry() => RetriesUsed++;

    public void MarkUnanswered(DateTimeOffset sentAt)
    {
        Unanswered++;
        LastUnansweredSentAt = sentAt;
    }

    public void Log(string line) => Sinks.Log?.Invoke(line);

    /// <summary>"after 1 attempt", "after 4 attempts".</summary>
    public string AfterAttempts() => Attempts == 1 ? "after 1 attempt" : $"after {Attempts} attempts";
}

/// <summary>Where a call's verbose lines and warnings go: the cmdlet that made it, or the options' log.</summary>
internal sealed class CallSinks
{
    public static readonly CallSinks None = new CallSinks(null, null);

    public CallSinks(Action<string>? log, Action<string>? warn)
    {
        Log = log;
        Warn = warn;
    }

    public Action<string>? Log { get; }

    public Action<string>? Warn { get; }
}
