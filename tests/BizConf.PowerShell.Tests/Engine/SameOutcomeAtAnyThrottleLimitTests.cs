using System.Diagnostics;
using System.Globalization;
using BizConf.PowerShell.Tests.Engine.Support;
using Xunit.Abstractions;

namespace BizConf.PowerShell.Tests.Engine;

/// <summary>
/// The property the rules exist for: a file gives the same outcome at ThrottleLimit 64 as at 1. Random files of
/// creates, changes and cancels on accounts that host one meeting at a time run twice each against the real
/// emulator with the real client, on a fresh emulator each time; every seed, row and meeting left must agree.
/// </summary>
public sealed class SameOutcomeAtAnyThrottleLimitTests
{
    private const int Files = 500;
    private const int FirstSeed = 20310000;

    /// <summary>Set to one file's seed (from a failure message) to run that file alone.</summary>
    private const string ReplayVariable = "BIZCONF_ENGINE_SEED";

    private readonly ITestOutputHelper output;

    public SameOutcomeAtAnyThrottleLimitTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public async Task Every_row_of_a_random_file_ends_the_same_at_throttle_limit_64_as_at_1()
    {
        var replay = Environment.GetEnvironmentVariable(ReplayVariable);
        var seeds = string.IsNullOrEmpty(replay)
            ? Enumerable.Range(FirstSeed, Files).ToArray()
            : [int.Parse(replay, CultureInfo.InvariantCulture)];
        await using var emulator = await EmulatorRun.StartAsync();
        var differing = new List<string>();
        var rows = 0;
        var conflicts = 0;
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        foreach (var seed in seeds)
        {
            var file = RandomFile.Make(seed);
            var one = await emulator.RunAsync(file, throttleLimit: 1);
            var many = await emulator.RunAsync(file, throttleLimit: 64);
            rows += file.Rows.Count;
            conflicts += one.Rows.Count(row => row == "failed 202");
            foreach (var row in one.Rows)
            {
                var kind = row.StartsWith("failed", StringComparison.Ordinal) ? row : row.Split(' ')[0];
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            }
            if (Difference(file, one, many) is { } difference)
            {
                differing.Add(difference);
            }
        }

        output.WriteLine($"{seeds.Length} files, {rows} rows, {conflicts} rows refused with 202 at ThrottleLimit 1, "
            + $"at most {emulator.Rows.PeakConcurrency} calls at once, {clock.Elapsed.TotalSeconds:F1} s for both runs of every file." + Environment.NewLine
            + "Rows at ThrottleLimit 1: " + string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}")));
        Assert.True(differing.Count == 0,
            $"{differing.Count} of {seeds.Length} files ended differently at ThrottleLimit 64 than at 1 (replay one with {ReplayVariable}=<seed>). "
            + "The first:" + Environment.NewLine + differing.FirstOrDefault());

        // A runner that ran every row alone would pass the comparison trivially: the rules must have let rows overlap.
        Assert.True(emulator.Rows.PeakConcurrency >= 4, $"At most {emulator.Rows.PeakConcurrency} calls ran at once at ThrottleLimit 64.");
        Assert.True(conflicts > 0, "No row met a conflict (202): the files do not test the time rule.");
    }

    private static string? Difference(RandomFile file, FileResult one, FileResult many)
    {
        var lines = new List<string>();
        Compare(one.Seeds, many.Seeds, i => "seed " + i.ToString(CultureInfo.InvariantCulture), lines);
        Compare(one.Rows, many.Rows, i => file.Rows[i].ToString(), lines);
        if (!one.Meetings.SequenceEqual(many.Meetings))
        {
            lines.Add("meetings left at 1 (GMT):  " + string.Join(" | ", one.Meetings));
            lines.Add("meetings left at 64 (GMT): " + string.Join(" | ", many.Meetings));
        }

        return lines.Count == 0
            ? null
            : $"seed {file.Seed}:" + Environment.NewLine + string.Join(Environment.NewLine, lines) + Environment.NewLine + file;
    }

    private static void Compare(IReadOnlyList<string> one, IReadOnlyList<string> many, Func<int, string> name, List<string> lines)
    {
        for (var i = 0; i < Math.Max(one.Count, many.Count); i++)
        {
            var atOne = i < one.Count ? one[i] : "(none)";
            var atMany = i < many.Count ? many[i] : "(none)";
            if (atOne != atMany)
            {
                lines.Add($"{name(i)}: at 1 [{atOne}], at 64 [{atMany}]");
            }
        }
    }
}
