using BizConf.Transport;

namespace BizConf.Client.Tests;

/// <summary>The rate gate on a clock the test moves: slow start, the first refusal, pacing, one decrease at a time.</summary>
public class RateGateTests
{
    private TimeSpan now;

    private RateGate NewGate() => new(() => now);

    private static Func<TimeSpan, CancellationToken, Task> Recording(List<TimeSpan> waits) => (wait, _) =>
    {
        waits.Add(wait);
        return Task.CompletedTask;
    };

    /// <summary>Enters the gate, not recording any wait.</summary>
    private static Task EnterAsync(RateGate gate) => gate.EnterAsync(Recording(new List<TimeSpan>()), null, CancellationToken.None);

    /// <summary>Sends <paramref name="count"/> requests one after another, each answered cleanly <paramref name="step"/> later.</summary>
    private async Task AnswerInTurnAsync(RateGate gate, int count, TimeSpan step)
    {
        for (var i = 0; i < count; i++)
        {
            await EnterAsync(gate);
            now += step;
            gate.Answered();
        }
    }

    [Fact]
    public async Task Before_any_refusal_ten_go_at_once_and_the_eleventh_waits_for_an_answer()
    {
        var gate = NewGate();
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            await gate.EnterAsync(Recording(waits), null, CancellationToken.None);
        }

        var eleventh = gate.EnterAsync(Recording(waits), null, CancellationToken.None);
        Assert.False(eleventh.IsCompleted);
        gate.Answered();
        await eleventh;
        Assert.Empty(waits);
        Assert.Null(gate.Rate);
    }

    [Fact]
    public async Task Each_clean_answer_before_a_refusal_lets_one_more_go_at_once()
    {
        var gate = NewGate();
        for (var i = 0; i < 10; i++)
        {
            await EnterAsync(gate);
        }

        gate.Answered();
        // One answer frees its place and widens the window by one: two may go.
        await EnterAsync(gate);
        await EnterAsync(gate);
        Assert.False(EnterAsync(gate).IsCompleted);
    }

    [Fact]
    public async Task A_refusal_before_four_answers_holds_new_sends_for_its_retry_after_and_halves_the_window()
    {
        var gate = NewGate();
        await EnterAsync(gate);
        var resume = gate.Refused(TimeSpan.FromSeconds(3), out var change);

        Assert.Equal(TimeSpan.FromSeconds(3), resume);
        Assert.Contains("holding new requests for 3 s, then at most 5 in flight", change, StringComparison.Ordinal);
        Assert.Null(gate.Rate);
        var waits = new List<TimeSpan>();
        await gate.EnterAsync(Recording(waits), null, CancellationToken.None);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, waits);
    }

    [Fact]
    public async Task The_first_refusal_after_answers_paces_at_what_was_accepted_over_the_time_until_the_service_takes_more()
    {
        var gate = NewGate();
        await AnswerInTurnAsync(gate, 10, TimeSpan.FromMilliseconds(100));

        await EnterAsync(gate);
        gate.Refused(TimeSpan.FromSeconds(1), out var change);

        // Ten accepted in the one second so far, spread over it and the second asked to wait: five a second.
        Assert.Equal(5.0, gate.Rate!.Value, 3);
        Assert.Contains("from now on this session paces its requests, starting at 5 a second", change, StringComparison.Ordinal);
        var waits = new List<TimeSpan>();
        await gate.EnterAsync(Recording(waits), null, CancellationToken.None);
        await gate.EnterAsync(Recording(waits), null, CancellationToken.None);
        // The first after the hold, the next one fifth of a second later.
        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2) }, waits);
    }

    [Fact]
    public async Task Refusals_of_requests_already_on_their_way_lower_the_pace_once()
    {
        var gate = NewGate();
        await AnswerInTurnAsync(gate, 10, TimeSpan.FromMilliseconds(100));

        for (var i = 0; i < 3; i++)
        {
            await EnterAsync(gate);
        }

        gate.Refused(TimeSpan.FromSeconds(1), out _);
        var paced = gate.Rate;
        now += TimeSpan.FromMilliseconds(100);
        gate.Refused(TimeSpan.FromSeconds(1), out var second);
        gate.Refused(TimeSpan.FromSeconds(1), out var third);

        Assert.Equal(paced, gate.Rate);
        Assert.Null(second);
        Assert.Null(third);
    }

    [Fact]
    public async Task Clean_answers_raise_the_pace_and_a_later_refusal_lowers_it_below_what_was_accepted()
    {
        var gate = NewGate();
        await AnswerInTurnAsync(gate, 10, TimeSpan.FromMilliseconds(100));

        await EnterAsync(gate);
        gate.Refused(TimeSpan.FromSeconds(1), out _);
        var start = gate.Rate!.Value;
        await AnswerInTurnAsync(gate, 40, TimeSpan.FromMilliseconds(300));

        var raised = gate.Rate!.Value;
        Assert.True(raised > start, $"the pace rose from {start} to {raised}");
        await EnterAsync(gate);
        gate.Refused(TimeSpan.FromSeconds(1), out var change);
        Assert.True(gate.Rate!.Value < raised);
        Assert.Contains("pacing lowered from", change, StringComparison.Ordinal);
    }
}
