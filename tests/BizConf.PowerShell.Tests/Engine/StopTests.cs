using BizConf.PowerShell.Engine;
using BizConf.PowerShell.Tests.Engine.Support;
using static BizConf.PowerShell.Tests.Engine.Support.Items;

namespace BizConf.PowerShell.Tests.Engine;

/// <summary>What a stop sends, waits for and reports.</summary>
public sealed class StopTests
{
    private readonly FakeWork work = new();

    [Fact]
    public async Task Stop_reports_the_ended_but_untaken_and_the_in_flight_items_and_never_sends_the_rest()
    {
        var runner = new ItemRunner<int>(2);
        runner.Submit(work, 0, On("host-0"));
        runner.Submit(work, 1, On("host-1"));
        await work.SettleAsync(runner);
        work.Complete("act 0");
        Assert.Equal(0, (await runner.TakeAsync(1)).Single().Result);
        work.Complete("act 1");

        runner.Submit(work, 2, On().Changes(ResourceKeys.Meeting(17)));
        runner.Submit(work, 3, On().Changes(ResourceKeys.Meeting(17)));
        runner.Submit(work, 4, On("host-4"));
        runner.Submit(work, 5, On("host-5"));
        runner.Submit(work, 6, On("host-6"));
        await work.SettleAsync(runner);
        var refused = new InvalidOperationException("refused");
        work.Fail("act 4", refused);
        await work.WaitForStartAsync("act 5");
        await work.SettleAsync(runner);

        // Now 2 and 5 are in flight, 3 waits for 2, 6 waits for a slot; 1 and 4 have ended, not handed back.
        var report = runner.Stop(TimeSpan.Zero);

        Assert.Equal(new[] { "item 1", "item 2", "item 4", "item 5" }, report.Unreported.Select(i => i.Label));
        Assert.Equal(new[] { true, false, true, false }, report.Unreported.Select(i => i.Finished));
        Assert.Equal(1, report.Unreported[0].Outcome!.Result);
        Assert.Same(refused, report.Unreported[2].Outcome!.Failure);
        Assert.Equal(new[] { "item 3", "item 6" }, report.NotSent);

        // The calls left running were cancelled; what had not been sent stays unsent, and nothing more comes back.
        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 0", "act 1", "act 2", "act 4", "act 5" }, work.Started.Order());
        Assert.Null(runner.TryTake());
        Assert.False(runner.Submit(work, 7, On("host-7")));
        Assert.False(work.HasStarted("act 7"));
    }

    [Fact]
    public async Task Items_in_flight_get_the_grace_to_end_and_are_reported_with_their_result()
    {
        var runner = new ItemRunner<int>(2);
        runner.Submit(work, 0, On("host-0"));
        runner.Submit(work, 1, On("host-1"));
        await work.SettleAsync(runner);

        var stopping = PipelineThread.Run(() => runner.Stop(TimeSpan.FromMinutes(2)));
        await WaitUntil(() => runner.IsStopped);
        work.Complete("act 1");
        work.Complete("act 0");
        var report = await stopping.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(new[] { 0, 1 }, report.Unreported.Select(i => i.Outcome!.Result));
        Assert.Empty(report.NotSent);
    }

    [Fact]
    public async Task An_item_whose_prepare_is_running_at_the_stop_is_never_sent()
    {
        var runner = new ItemRunner<int>(2);
        runner.SubmitPrepared(work, 0, On(), Hours(9, 10));
        await work.WaitForStartAsync("prepare 0");

        var report = runner.Stop(TimeSpan.Zero);
        work.Complete("prepare 0");
        await work.SettleAsync(runner);

        Assert.Empty(report.Unreported);
        Assert.Equal(new[] { "item 0" }, report.NotSent);
        Assert.False(work.HasStarted("act 0"));
    }

    [Fact]
    public async Task A_stop_from_another_thread_wakes_the_pipeline_thread_and_a_second_stop_gives_the_same_report()
    {
        var runner = new ItemRunner<int>(2);
        runner.Submit(work, 0, On());
        await work.SettleAsync(runner);
        runner.WaitForWork(TimeSpan.Zero);
        var waiting = PipelineThread.Run(() => runner.WaitForWork(TimeSpan.FromMinutes(2)));

        var first = await PipelineThread.Run(() => runner.Stop(TimeSpan.Zero));
        await waiting.WaitAsync(TimeSpan.FromSeconds(60));
        var second = runner.Stop(TimeSpan.FromMinutes(2));
        runner.Dispose();

        Assert.Same(first, second);
        Assert.Equal("item 0", Assert.Single(first.Unreported).Label);
        Assert.True(runner.IsStopped);
    }

    [Fact]
    public async Task Dispose_stops_a_runner_that_was_not_stopped()
    {
        var runner = new ItemRunner<int>(1);
        runner.Submit(work, 0, On());
        runner.Submit(work, 1, On("host-b"));
        await work.SettleAsync(runner);

        runner.Dispose();
        await work.SettleAsync(runner);

        Assert.True(runner.IsStopped);
        Assert.Equal(new[] { "act 0" }, work.Started);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition never came true.");
            await Task.Delay(5);
        }
    }
}
