using BizConf.PowerShell.Engine;
using BizConf.PowerShell.Tests.Engine.Support;
using static BizConf.PowerShell.Tests.Engine.Support.Items;

namespace BizConf.PowerShell.Tests.Engine;

/// <summary>Which items wait for which: each test ends the fake phases by hand and looks at what has begun.</summary>
public sealed class ConflictRuleTests
{
    private readonly FakeWork work = new();

    [Fact]
    public async Task Changes_of_one_meeting_run_one_after_another_in_input_order()
    {
        var runner = new ItemRunner<int>(8);
        for (var item = 0; item < 3; item++)
        {
            runner.Submit(work, item, On().Changes(ResourceKeys.Meeting(17)));
        }

        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 0" }, work.Started);

        work.Complete("act 0");
        await work.WaitForStartAsync("act 1");
        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 0", "act 1" }, work.Started);

        work.Complete("act 1");
        await work.WaitForStartAsync("act 2");
        Assert.Equal(new[] { "act 0", "act 1", "act 2" }, work.Started);
    }

    [Fact]
    public async Task Items_that_clash_on_nothing_all_run_at_once()
    {
        var runner = new ItemRunner<int>(8);
        for (var item = 0; item < 6; item++)
        {
            runner.Submit(work, item, On().Changes(ResourceKeys.Meeting(100 + item)).Holds(Hours(item * 2, (item * 2) + 1)));
        }

        await work.SettleAsync(runner);
        Assert.Equal(6, runner.Running);
        Assert.Equal(6, work.Peak);
    }

    [Fact]
    public async Task Readers_of_a_meeting_run_together_and_a_change_waits_for_them_and_a_later_reader_for_it()
    {
        var runner = new ItemRunner<int>(8);
        runner.Submit(work, 0, On().Uses(ResourceKeys.Meeting(5)));
        runner.Submit(work, 1, On().Uses(ResourceKeys.Meeting(5)));
        runner.Submit(work, 2, On().Changes(ResourceKeys.Meeting(5)));
        runner.Submit(work, 3, On().Uses(ResourceKeys.Meeting(5)));

        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 0", "act 1" }, work.Started.Order());

        work.Complete("act 0");
        await work.SettleAsync(runner);
        Assert.False(work.HasStarted("act 2"));

        work.Complete("act 1");
        await work.WaitForStartAsync("act 2");
        await work.SettleAsync(runner);
        Assert.False(work.HasStarted("act 3"));

        work.Complete("act 2");
        await work.WaitForStartAsync("act 3");
    }

    [Fact]
    public async Task Items_of_different_accounts_never_wait_for_each_other()
    {
        var runner = new ItemRunner<int>(8);
        runner.Submit(work, 0, On("host-a").Changes(ResourceKeys.Meeting(5)).Holds(Hours(9, 10)));
        runner.Submit(work, 1, On("host-b").Changes(ResourceKeys.Meeting(5)).Holds(Hours(9, 10)));

        await work.SettleAsync(runner);
        Assert.Equal(2, runner.Running);
    }

    [Fact]
    public async Task Account_names_that_differ_only_in_case_are_one_account()
    {
        var runner = new ItemRunner<int>(8);
        runner.Submit(work, 0, On("Host-A").Holds(Hours(9, 10)));
        runner.Submit(work, 1, On("host-a ").Holds(Hours(9, 10)));

        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 0" }, work.Started);
    }

    [Fact]
    public async Task Identical_creates_run_in_input_order_and_a_different_one_beside_them()
    {
        var runner = new ItemRunner<int>(8);
        var start = Day.AddHours(9);
        runner.Submit(work, 0, On().Changes(ResourceKeys.NewMeeting("Sales 4", start, 60)));
        runner.Submit(work, 1, On().Changes(ResourceKeys.NewMeeting("Sales 4", start, 60)));
        runner.Submit(work, 2, On().Changes(ResourceKeys.NewMeeting("Sales 5", start, 60)));

        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 0", "act 2" }, work.Started.Order());

        work.Complete("act 0");
        await work.WaitForStartAsync("act 1");
    }

    [Fact]
    public async Task Overlapping_windows_run_in_input_order_and_disjoint_ones_at_once()
    {
        var runner = new ItemRunner<int>(8);
        runner.Submit(work, 0, On().Holds(Hours(9, 10)));
        runner.Submit(work, 1, On().Holds(Hours(9.5, 10.5)));
        runner.Submit(work, 2, On().Holds(Hours(11, 12)));
        runner.Submit(work, 3, On().Holds(Hours(10, 11)));

        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 0", "act 2" }, work.Started.Order());

        work.Complete("act 0");
        await work.WaitForStartAsync("act 1");
        await work.SettleAsync(runner);
        Assert.False(work.HasStarted("act 3"));

        work.Complete("act 1");
        await work.WaitForStartAsync("act 3");
    }

    [Fact]
    public async Task Windows_that_only_touch_do_not_overlap()
    {
        var runner = new ItemRunner<int>(8);
        runner.Submit(work, 0, On().Holds(Hours(9, 10)));
        runner.Submit(work, 1, On().Holds(Hours(10, 11)));

        await work.SettleAsync(runner);
        Assert.Equal(2, runner.Running);
    }

    [Fact]
    public async Task A_window_found_by_prepare_blocks_a_later_overlapping_item_but_not_a_later_disjoint_one()
    {
        var runner = new ItemRunner<int>(8);
        runner.SubmitPrepared(work, 0, On().Changes(ResourceKeys.Meeting(17)), Hours(9, 10), Hours(14, 15));
        runner.Submit(work, 1, On().Holds(Hours(9.5, 10)));
        runner.Submit(work, 2, On().Holds(Hours(12, 13)));
        runner.Submit(work, 3, On("host-b").Holds(Hours(9, 10)));

        // Until the read tells item 0's times, every later item of its account waits; another account does not.
        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 3", "prepare 0" }, work.Started.Order());

        work.Complete("prepare 0");
        await work.WaitForStartAsync("act 2");
        await work.WaitForStartAsync("act 0");
        await work.SettleAsync(runner);
        Assert.False(work.HasStarted("act 1"));

        work.Complete("act 0");
        await work.WaitForStartAsync("act 1");
    }

    [Fact]
    public async Task A_prepare_waits_for_earlier_changes_of_its_meeting_but_not_for_other_meetings()
    {
        var runner = new ItemRunner<int>(8);
        runner.Submit(work, 0, On().Changes(ResourceKeys.Meeting(17)));
        runner.SubmitPrepared(work, 1, On().Changes(ResourceKeys.Meeting(17)), Hours(9, 10));
        runner.SubmitPrepared(work, 2, On().Changes(ResourceKeys.Meeting(18)), Hours(12, 13));

        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 0", "prepare 2" }, work.Started.Order());

        work.Complete("act 0");
        await work.WaitForStartAsync("prepare 1");
    }

    [Fact]
    public async Task A_failed_prepare_ends_its_item_and_frees_the_items_behind_it()
    {
        var runner = new ItemRunner<int>(8);
        runner.SubmitPrepared(work, 0, On().Changes(ResourceKeys.Meeting(17)), Hours(9, 10));
        runner.Submit(work, 1, On().Changes(ResourceKeys.Meeting(17)).Holds(Hours(9, 10)));
        var notFound = new InvalidOperationException("no meeting 17");

        work.Fail("prepare 0", notFound);
        await work.WaitForStartAsync("act 1");
        work.Complete("act 1");

        var outcomes = await runner.TakeAsync(2);
        Assert.Equal(ItemOutcomeKind.Failed, outcomes[0].Kind);
        Assert.Same(notFound, outcomes[0].Failure);
        Assert.False(work.HasStarted("act 0"));
        Assert.Equal(ItemOutcomeKind.Succeeded, outcomes[1].Kind);
    }

    [Fact]
    public async Task A_chain_of_overlaps_runs_link_by_link_in_input_order()
    {
        // 2 overlaps 1 only, 1 overlaps 0 only: 2 may run as soon as 1 has ended, which is after 0.
        var runner = new ItemRunner<int>(8);
        runner.Submit(work, 0, On().Holds(Hours(9, 10)));
        runner.Submit(work, 1, On().Holds(Hours(9.5, 11)));
        runner.Submit(work, 2, On().Holds(Hours(10.5, 12)));

        await work.SettleAsync(runner);
        Assert.Equal(new[] { "act 0" }, work.Started);
        work.Complete("act 0");
        await work.WaitForStartAsync("act 1");
        await work.SettleAsync(runner);
        Assert.False(work.HasStarted("act 2"));
        work.Complete("act 1");
        await work.WaitForStartAsync("act 2");
    }
}
