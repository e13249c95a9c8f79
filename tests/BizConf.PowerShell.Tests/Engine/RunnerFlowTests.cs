using BizConf.PowerShell.Engine;
using BizConf.PowerShell.Tests.Engine.Support;
using static BizConf.PowerShell.Tests.Engine.Support.Items;

namespace BizConf.PowerShell.Tests.Engine;

/// <summary>Slots, the in-order hand-back, the window and the wake signal of the runner.</summary>
public sealed class RunnerFlowTests
{
    private static readonly AsyncLocal<string?> Route = new();

    private readonly FakeWork work = new();

    [Fact]
    public async Task No_more_phases_run_at_once_than_the_throttle_limit()
    {
        var runner = new ItemRunner<int>(3);
        for (var item = 0; item < 10; item++)
        {
            if (item % 2 == 0)
            {
                runner.SubmitPrepared(work, item, On("host-" + item), Hours(item, item + 1));
            }
            else
            {
                runner.Submit(work, item, On("host-" + item));
            }
        }

        var ended = new HashSet<string>();
        var random = new Random(7);
        while (ended.Count < 15)
        {
            await work.SettleAsync(runner);
            Assert.True(runner.Running <= 3);
            var running = work.Started.Where(phase => !ended.Contains(phase)).ToList();
            var unfinishedItems = 10 - ended.Count(phase => phase.StartsWith("act", StringComparison.Ordinal));
            Assert.Equal(Math.Min(3, unfinishedItems), running.Count);
            var next = running[random.Next(running.Count)];
            ended.Add(next);
            work.Complete(next);
        }

        Assert.Equal(3, work.Peak);
        Assert.Equal(Enumerable.Range(0, 10), (await runner.TakeAsync(10)).Select(o => o.Result));
    }

    [Fact]
    public async Task A_waiting_item_holds_no_slot()
    {
        var runner = new ItemRunner<int>(2);
        runner.Submit(work, 0, On().Changes(ResourceKeys.Meeting(17)));
        runner.Submit(work, 1, On().Changes(ResourceKeys.Meeting(17)));
        runner.Submit(work, 2, On().Changes(ResourceKeys.Meeting(18)));

        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 0", "act 2" }, work.Started.Order());
    }

    [Fact]
    public async Task Outcomes_come_back_in_input_order_when_later_items_end_first()
    {
        var runner = new ItemRunner<int>(8);
        for (var item = 0; item < 5; item++)
        {
            runner.Submit(work, item, On("host-" + item));
        }

        runner.SubmitFailed("item 5", new ArgumentException("bad row", "Duration"));
        runner.SubmitDone("item 6", 6);
        await work.SettleAsync(runner);
        var refused = new InvalidOperationException("refused");
        work.Complete("act 4");
        work.Fail("act 3", refused);
        work.Fail("act 2", new OperationCanceledException());
        work.Complete("act 1");
        await work.SettleAsync(runner);
        Assert.Empty(runner.TakeAll());

        work.Complete("act 0");
        var outcomes = await runner.TakeAsync(7);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => (long)i), outcomes.Select(o => o.Sequence));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => "item " + i), outcomes.Select(o => o.Label));
        Assert.Equal(
            new[] { ItemOutcomeKind.Succeeded, ItemOutcomeKind.Succeeded, ItemOutcomeKind.Canceled, ItemOutcomeKind.Failed, ItemOutcomeKind.Succeeded, ItemOutcomeKind.Failed, ItemOutcomeKind.Succeeded },
            outcomes.Select(o => o.Kind));
        Assert.Same(refused, outcomes[3].Failure);
        Assert.Equal("Duration", Assert.IsType<ArgumentException>(outcomes[5].Failure).ParamName);
        Assert.Equal(new[] { 0, 1, 4, 6 }, outcomes.Where(o => o.Kind == ItemOutcomeKind.Succeeded).Select(o => o.Result));
        Assert.Equal(0, runner.Pending);
    }

    [Fact]
    public async Task Submit_says_when_the_window_is_full_and_refuses_an_item_beyond_it()
    {
        var runner = new ItemRunner<int>(2, window: 4);
        Assert.True(runner.Submit(work, 0, On("host-0")));
        Assert.True(runner.Submit(work, 1, On("host-1")));
        Assert.True(runner.Submit(work, 2, On("host-2")));
        Assert.False(runner.Submit(work, 3, On("host-3")));
        Assert.False(runner.HasRoom);
        Assert.Throws<InvalidOperationException>(() => runner.Submit(work, 4, On("host-4")));

        // A later item that has ended frees nothing: only the head, handed back, makes room.
        await work.SettleAsync(runner);
        work.Complete("act 1");
        await work.SettleAsync(runner);
        Assert.Empty(runner.TakeAll());
        Assert.False(runner.HasRoom);

        work.Complete("act 0");
        Assert.Equal(new[] { 0, 1 }, (await runner.TakeAsync(2)).Select(o => o.Result));
        Assert.True(runner.HasRoom);
        Assert.Equal(2, runner.Pending);
    }

    [Fact]
    public void The_default_window_is_the_throttle_limit_and_four_times_it_but_at_least_sixteen_more()
    {
        Assert.Equal(1 + 16, new ItemRunner<int>(1).Window);
        Assert.Equal(10 + 40, new ItemRunner<int>(10).Window);
        Assert.Equal(64 + 256, new ItemRunner<int>(64).Window);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemRunner<int>(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemRunner<int>(65));
    }

    [Fact]
    public async Task The_end_of_the_head_item_wakes_the_waiting_pipeline_thread()
    {
        var runner = new ItemRunner<int>(2);
        runner.Submit(work, 0, On());
        await work.SettleAsync(runner);
        runner.WaitForWork(TimeSpan.Zero);

        var waiting = PipelineThread.Run(() => runner.WaitForWork(TimeSpan.FromMinutes(2)));
        work.Complete("act 0");

        await waiting.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, runner.TryTake()!.Result);
    }

    [Fact]
    public async Task A_wake_before_the_wait_is_not_lost()
    {
        var runner = new ItemRunner<int>(2);
        runner.Wake();

        await PipelineThread.Run(() => runner.WaitForWork(TimeSpan.FromMinutes(2))).WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Each_phase_sees_the_async_locals_of_the_thread_that_submitted_its_item()
    {
        // The first item holds meeting 1, so the others start from the thread that ends it, not from Submit.
        var runner = new ItemRunner<string?>(4);
        Route.Value = "first";
        runner.Submit("item 0", On().Changes(ResourceKeys.Meeting(1)), null, async token =>
        {
            await work.Act(0)(token);
            return Route.Value;
        });
        for (var item = 1; item < 5; item++)
        {
            Route.Value = "row " + item;
            var window = Hours(item, item + 1);
            runner.Submit("item " + item, On().Changes(ResourceKeys.Meeting(1)), _ => Task.FromResult<IEnumerable<TimeWindow>>([window]), _ => Task.FromResult<string?>(Route.Value));
        }

        Route.Value = "test";
        await work.WaitForStartAsync("act 0");
        work.Complete("act 0");
        var results = new List<string?>();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (results.Count < 5 && DateTime.UtcNow < until)
        {
            await PipelineThread.Run(() => runner.WaitForWork(TimeSpan.FromMilliseconds(250)));
            while (runner.TryTake() is { } outcome)
            {
                results.Add(outcome.Result);
            }
        }

        Assert.Equal(new[] { "first", "row 1", "row 2", "row 3", "row 4" }, results);
    }
}
