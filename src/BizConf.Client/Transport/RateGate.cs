using System.Diagnostics;
using System.Globalization;

namespace BizConf.Transport;

/// <summary>
/// Finds the request rate a rationing service allows (it answers HTTP 429 past it) and keeps just under it, for
/// every call of one session. Until the first 429 nothing is paced, and the number in flight starts at ten and
/// grows by one per clean answer (so an unknown limit is met by a few requests, not by sixty-four at once). At a
/// 429 the gate paces sends at the rate the service was seen to accept lately, a little under it; after that, clean
/// answers raise the pace, quickly while it is well below the rate of the last refusal and by one percent a second
/// near it. One decrease per quarter second: the refusals of requests already on their way say nothing new.
/// Measured against a token-bucket server in build.ps1 Bench ("Rationed").
/// </summary>
internal sealed partial class RateGate
{
    internal const int MaxInFlight = 64;
    private const double MinRate = 0.5;
    private static readonly TimeSpan RecentSpan = TimeSpan.FromSeconds(2);

    /// <summary>
    /// One decrease a second at most: refusals of requests sent before a decrease say nothing about the new pace, and
    /// a service's Retry-After is a second at the least.
    /// </summary>
    private static readonly TimeSpan DecreaseSpacing = TimeSpan.FromSeconds(1);

    private readonly object sync = new object();
    private readonly Func<TimeSpan> now;
    private readonly Queue<TimeSpan> recentAnswers = new Queue<TimeSpan>();
    private readonly Queue<TaskCompletionSource<bool>> waiters = new Queue<TaskCompletionSource<bool>>();
    private int window = 10;
    private int inFlight;
    private double? rate;
    private double? ceiling;
    private double boost = 0.05;
    private TimeSpan nextSend;
    private TimeSpan holdUntil;
    private TimeSpan? lastDecrease;
    private TimeSpan? lastPaced;
    private TimeSpan latency = TimeSpan.FromMilliseconds(100);
    private TimeSpan lastIncrease;
    private TimeSpan cleanSince;
    private TimeSpan epochStart;
    private int epochAnswers;

    public RateGate()
        : this(Stopwatch.StartNew())
    {
    }

    private RateGate(Stopwatch clock)
        : this(() => clock.Elapsed)
    {
    }

    /// <summary>For tests: a gate on a clock the test moves.</summary>
    internal RateGate(Func<TimeSpan> now)
    {
        this.now = now;
        epochStart = now();
    }

    /// <summary>The pace in requests a second; null while nothing has been refused.</summary>
    public double? Rate
    {
        get
        {
            lock (sync)
            {
                return rate;
            }
        }
    }

    /// <summary>
    /// Takes a place for one send: waits for room in flight, then reserves the send's moment in the pace and waits
    /// until then. A reservation is never asked for again, so a test's instant delay cannot make it spin.
    /// </summary>
    public async Task<TimeSpan> EnterAsync(Func<TimeSpan, CancellationToken, Task> delay, TimeSpan? notBefore, CancellationToken cancellationToken)
    {
        Task? room = null;
        lock (sync)
        {
            if (inFlight < window)
            {
                inFlight++;
            }
            else
            {
                var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                waiters.Enqueue(waiter);
                room = waiter.Task;
            }
        }

        if (room != null)
        {
            using (cancellationToken.Register(() => Cancel(room)))
            {
                await room.ConfigureAwait(false);
            }
        }

        TimeSpan wait;
        TimeSpan departure;
        lock (sync)
        {
            var at = now();
            departure = at > holdUntil ? at : holdUntil;
            if (notBefore.HasValue && notBefore.Value > departure)
            {
                departure = notBefore.Value;
            }

            if (rate.HasValue)
            {
                if (nextSend > departure)
                {
                    departure = nextSend;
                    lastPaced = at;
                }

                nextSend = departure + TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / rate.Value));
            }

            wait = departure - at;
        }

        if (wait > TimeSpan.Zero)
        {
            try
            {
                await delay(wait, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Leave();
                throw;
            }
        }

        return departure;
    }

    /// <summary>A send ended without an answer that says anything of the rate (a failure other than 429, a cancellation).</summary>
    public void Leave()
    {
        lock (sync)
        {
            Release();
        }
    }

    // Called under the lock, once paced: as many in flight as the pace sends in an answer's time and a fifth of a
    // second more. Places taken wait for their moment in the pace; more of them would book moments far ahead at a
    // pace that is meanwhile raised, and then go out together.
    private void FitWindow()
    {
        var wanted = Math.Ceiling(rate!.Value * (latency.TotalSeconds + 0.2));
        window = (int)Math.Max(2, Math.Min(MaxInFlight, wanted));
        LetWaitersIn();
    }

    // Called under the lock: one place in flight is free again.
    private void Release()
    {
        inFlight--;
        LetWaitersIn();
    }

    private void LetWaitersIn()
    {
        while (inFlight < window && waiters.Count > 0)
        {
            var waiter = waiters.Dequeue();
            if (waiter.TrySetResult(true))
            {
                inFlight++;
            }
        }
    }

    private void Cancel(Task room)
    {
        lock (sync)
        {
            foreach (var waiter in waiters)
            {
                if (waiter.Task == room)
                {
                    waiter.TrySetCanceled();
                }
            }
        }
    }

}
