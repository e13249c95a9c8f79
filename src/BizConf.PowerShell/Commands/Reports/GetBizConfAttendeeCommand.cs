namespace BizConf.PowerShell.Commands;

/// <summary>Get-BizConfAttendee: who joined a meeting, when, for how long and from where (confAttendeeLog, site token).</summary>
[Cmdlet(VerbsCommon.Get, "BizConfAttendee")]
[OutputType(typeof(Attendee))]
public sealed class GetBizConfAttendeeCommand : BizConfCmdlet
{
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The ids of the meetings (a meeting's Id, the API's confId); binds from piped numbers or an Id, MeetingId or confId property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("Id", "confId")]
    [ArgumentCompleter(typeof(MeetingIdCompleter))]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    private ItemEngine items = null!;

    /// <summary>Opens the session and starts the engine that reads the attendee logs.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartItems("Reading BizConf attendance");
    }

    /// <summary>Checks this row (or the command line) and hands its reads to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        items.ExpectGiven(MeetingId.Length);
        foreach (var key in MeetingId)
        {
            // A site-token call: no account is named, so nothing of it clashes with another item.
            items.Submit(key, $"Meeting {key}", new Footprint(ActiveSession.LoginName), null,
                async token => ReportResults.RowsOrWarning(this, await Client.GetAttendeesAsync(key, token).ConfigureAwait(false),
                    $"Meeting {key} has no attendance yet: it has not been held, or its attendance is not ready yet."));
        }
    }
}
