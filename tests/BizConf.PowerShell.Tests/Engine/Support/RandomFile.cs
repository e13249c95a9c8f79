using System.Globalization;

namespace BizConf.PowerShell.Tests.Engine.Support;

internal enum RowKind
{
    Create,
    Rename,
    Move,
    Resize,
    Cancel,
}

/// <summary>A meeting made, one at a time, before the file runs: the meetings the file's changes and cancels name by id.</summary>
internal sealed record SeedMeeting(string Account, string Name, DateTimeOffset Start, int Duration);

/// <summary>
/// One row of a file. A create gives <see cref="Name"/>, <see cref="Start"/> and <see cref="Duration"/>; a change gives
/// the one it changes; every other row names <see cref="Target"/>, an index into the seeds (past their end: an id
/// that never existed), on <see cref="Account"/>, which is not always the meeting's own.
/// </summary>
internal sealed record Row(int Number, RowKind Kind, string Account, int Target, string Name, DateTimeOffset Start, int Duration)
{
    public override string ToString() => Kind switch
    {
        RowKind.Create => string.Format(CultureInfo.InvariantCulture, "row {0}: create '{1}' at {2:HH:mm} for {3} on {4}", Number, Name, Start, Duration, Account),
        RowKind.Rename => $"row {Number}: rename seed {Target} to '{Name}' on {Account}",
        RowKind.Move => string.Format(CultureInfo.InvariantCulture, "row {0}: move seed {1} to {2:HH:mm} on {3}", Number, Target, Start, Account),
        RowKind.Resize => $"row {Number}: resize seed {Target} to {Duration} on {Account}",
        _ => $"row {Number}: cancel seed {Target} on {Account}",
    };
}

/// <summary>
/// A small random file on two or three accounts that host one meeting at a time: creates, renames, moves, resizes
/// and cancels packed into six hours, so that windows overlap often, ids repeat, rows repeat each other exactly,
/// and some rows name a meeting of another account or one that never was. The same seed gives the same file.
/// </summary>
internal sealed class RandomFile
{
    public static readonly string[] AllAccounts = ["demo", "host-b", "host-c"];

    private static readonly DateTimeOffset Morning = new(2031, 6, 2, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly int[] Durations = [30, 45, 60, 90, 120];
    private static readonly string[] Names = ["Sales", "Ops", "Training"];

    private RandomFile(int seed, IReadOnlyList<string> accounts, IReadOnlyList<SeedMeeting> seeds, IReadOnlyList<Row> rows)
    {
        Seed = seed;
        Accounts = accounts;
        Seeds = seeds;
        Rows = rows;
    }

    public int Seed { get; }

    public IReadOnlyList<string> Accounts { get; }

    public IReadOnlyList<SeedMeeting> Seeds { get; }

    public IReadOnlyList<Row> Rows { get; }

    public static RandomFile Make(int seed)
    {
        var random = new Random(seed);
        var accounts = AllAccounts.Take(random.Next(2, 4)).ToArray();
        var seeds = Enumerable.Range(0, random.Next(3, 8))
            .Select(_ => new SeedMeeting(Pick(random, accounts), Pick(random, Names), Slot(random), Pick(random, Durations)))
            .ToArray();
        var rows = new List<Row>();
        var count = random.Next(10, 31);
        for (var number = 1; number <= count; number++)
        {
            rows.Add(NextRow(random, number, accounts, seeds, rows));
        }

        return new RandomFile(seed, accounts, seeds, rows);
    }

    public override string ToString() =>
        $"file {Seed} on {string.Join(", ", Accounts)}; seeds: "
        + string.Join("; ", Seeds.Select((s, i) => string.Format(CultureInfo.InvariantCulture, "{0} '{1}' {2:HH:mm} for {3} on {4}", i, s.Name, s.Start, s.Duration, s.Account)))
        + Environment.NewLine + string.Join(Environment.NewLine, Rows);

    private static Row NextRow(Random random, int number, string[] accounts, SeedMeeting[] seeds, List<Row> earlier)
    {
        var roll = random.Next(100);
        if (roll < 40)
        {
            var creates = earlier.Where(row => row.Kind == RowKind.Create).ToList();
            if (creates.Count > 0 && random.Next(4) == 0)
            {
                return Pick(random, creates.ToArray()) with { Number = number };
            }

            return new Row(number, RowKind.Create, Pick(random, accounts), -1, Pick(random, Names), Slot(random), Pick(random, Durations));
        }

        var target = random.Next(10) == 0 ? seeds.Length + random.Next(2) : random.Next(seeds.Length);
        var owner = target < seeds.Length ? seeds[target].Account : Pick(random, accounts);
        var account = random.Next(8) == 0 ? Pick(random, accounts) : owner;
        var kind = roll < 55 ? RowKind.Rename : roll < 75 ? RowKind.Move : roll < 88 ? RowKind.Resize : RowKind.Cancel;
        return new Row(number, kind, account, target, Pick(random, Names), Slot(random), Pick(random, Durations));
    }

    private static DateTimeOffset Slot(Random random) => Morning.AddMinutes(30 * random.Next(12));

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
