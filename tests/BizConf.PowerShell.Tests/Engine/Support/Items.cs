using BizConf.PowerShell.Engine;

namespace BizConf.PowerShell.Tests.Engine.Support;

/// <summary>Footprints and windows for the rule tests: a day on which every hour is easy to read.</summary>
internal static class Items
{
    public static readonly DateTimeOffset Day = new(2031, 1, 7, 0, 0, 0, TimeSpan.FromHours(8));

    public static TimeWindow Hours(double from, double to) => new(Day.AddHours(from), TimeSpan.FromHours(to - from));

    public static Footprint On(string account = "host-a") => new(account);

    /// <summary>Submits item <paramref name="item"/> with the fake's Act and no Prepare; true when the window has room.</summary>
    public static bool Submit(this ItemRunner<int> runner, FakeWork work, int item, Footprint footprint) =>
        runner.Submit("item " + item, footprint, null, work.Act(item));

    /// <summary>Submits an item whose Prepare, once the test ends it, gives <paramref name="prepared"/>.</summary>
    public static bool SubmitPrepared(this ItemRunner<int> runner, FakeWork work, int item, Footprint footprint, params TimeWindow[] prepared) =>
        runner.Submit("item " + item, footprint, work.Prepare(item, prepared), work.Act(item));

    public static List<ItemOutcome<int>> TakeAll(this ItemRunner<int> runner)
    {
        var taken = new List<ItemOutcome<int>>();
        while (runner.TryTake() is { } outcome)
        {
            taken.Add(outcome);
        }

        return taken;
    }

    /// <summary>Takes outcomes as they come, as the pipeline thread does, until <paramref name="count"/> are in.</summary>
    public static async Task<List<ItemOutcome<int>>> TakeAsync(this ItemRunner<int> runner, int count)
    {
        var taken = new List<ItemOutcome<int>>();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (taken.Count < count)
        {
            taken.AddRange(runner.TakeAll());
            Assert.True(DateTime.UtcNow < until, $"Only {taken.Count} of {count} outcomes came back.");
            if (taken.Count < count)
            {
                await PipelineThread.Run(() => runner.WaitForWork(TimeSpan.FromMilliseconds(250)));
            }
        }

        return taken;
    }
}
