using System.Globalization;
using BizConf.PowerShell.Engine;

namespace BizConf.PowerShell.Tests.Engine.Support;

/// <summary>A row's outcome as text, and the id of the meeting a create made (so meetings compare by row, not by id).</summary>
internal sealed record RowResult(string Text, long? MadeId);

/// <summary>
/// Runs rows through <see cref="ItemRunner{TResult}"/> the way the cmdlets will: a create holds its new window; a
/// change or cancel changes its meeting and reads it first (Prepare) to learn its old window, and a change's new one.
/// The calling thread plays the pipeline thread: it submits while the window has room and takes outcomes in order.
/// </summary>
internal sealed class RowRunner
{
    private static readonly TimeSpan Backstop = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private readonly IReadOnlyDictionary<string, BizConfClient> clients;
    private int busy;
    private int peak;

    public RowRunner(IReadOnlyDictionary<string, BizConfClient> clients)
    {
        this.clients = clients;
    }

    /// <summary>The most client calls that were ever under way at once.</summary>
    public int PeakConcurrency => Volatile.Read(ref peak);

    public IReadOnlyList<RowResult> Run(IReadOnlyList<Row> rows, IReadOnlyList<long?> seedIds, int throttleLimit)
    {
        var runner = new ItemRunner<RowResult>(throttleLimit);
        var outcomes = new List<ItemOutcome<RowResult>>();
        var until = DateTime.UtcNow + Deadline;
        void Take()
        {
            while (runner.TryTake() is { } outcome)
            {
                outcomes.Add(outcome);
            }

            Assert.True(DateTime.UtcNow < until, $"The rows did not end within {Deadline}.");
        }

        foreach (var row in rows)
        {
            while (!runner.HasRoom)
            {
                runner.WaitForWork(Backstop);
                Take();
            }

            Submit(runner, row, IdOf(row, seedIds));
            Take();
        }

        while (outcomes.Count < rows.Count)
        {
            runner.WaitForWork(Backstop);
            Take();
        }

        return outcomes.Select(Describe).ToList();
    }

    private static long IdOf(Row row, IReadOnlyList<long?> seedIds) =>
        row.Target >= 0 && row.Target < seedIds.Count && seedIds[row.Target] is { } id ? id : 900_000 + row.Target;

    private static RowResult Describe(ItemOutcome<RowResult> outcome) => outcome.Kind switch
    {
        ItemOutcomeKind.Succeeded => outcome.Result,
        _ when outcome.Failure is BizConfApiException api => new RowResult("failed " + api.Status.ToString(CultureInfo.InvariantCulture), null),
        _ when outcome.Failure is ArgumentException argument => new RowResult("refused " + argument.ParamName, null),
        _ => new RowResult($"{outcome.Kind} {outcome.Failure?.GetType().Name}: {outcome.Failure?.Message}", null),
    };

    private static string Shown(Meeting meeting) =>
        string.Format(CultureInfo.InvariantCulture, "'{0}' {1:u} {2}", meeting.Name, meeting.StartTime?.ToUniversalTime(), meeting.Duration);

    private void Submit(ItemRunner<RowResult> runner, Row row, long id)
    {
        var account = clients[row.Account];
        if (row.Kind == RowKind.Create)
        {
            var request = new MeetingRequest { Name = row.Name, StartTime = row.Start, Duration = row.Duration };
            var footprint = new Footprint(row.Account)
                .Changes(ResourceKeys.NewMeeting(row.Name, row.Start, row.Duration))
                .Holds(TimeWindow.FromMinutes(row.Start, row.Duration));
            runner.Submit(row.ToString(), footprint, null, token => Counted(async () =>
            {
                var made = await account.CreateMeetingAsync(request, token);
                return new RowResult("made " + Shown(made), made.Id);
            }));
            return;
        }

        MeetingRequest? changed = null;
        var changes = new Footprint(row.Account).Changes(ResourceKeys.Meeting(id));
        runner.Submit(row.ToString(), changes, token => Counted<IEnumerable<TimeWindow>>(async () =>
        {
            var current = await account.GetMeetingAsync(id, token);
            var old = TimeWindow.FromMinutes(current.StartTime!.Value, current.Duration);
            if (row.Kind == RowKind.Cancel)
            {
                return [old];
            }

            changed = MeetingRequest.From(current);
            Apply(row, changed);
            return [old, TimeWindow.FromMinutes(changed.StartTime, changed.Duration)];
        }), token => Counted(async () =>
        {
            if (changed == null)
            {
                await account.CancelMeetingAsync(id, token);
                return new RowResult("cancelled", null);
            }

            return new RowResult("changed " + Shown(await account.ModifyMeetingAsync(id, changed, token)), null);
        }));
    }

    private static void Apply(Row row, MeetingRequest request)
    {
        switch (row.Kind)
        {
            case RowKind.Rename:
                request.Name = row.Name;
                break;
            case RowKind.Move:
                request.StartTime = row.Start;
                break;
            default:
                request.Duration = row.Duration;
                break;
        }
    }

    private async Task<T> Counted<T>(Func<Task<T>> call)
    {
        var now = Interlocked.Increment(ref busy);
        int seen;
        while (now > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }

        try
        {
            return await call();
        }
        finally
        {
            Interlocked.Decrement(ref busy);
        }
    }
}
