namespace BizConf.PowerShell.Commands;

/// <summary>Get-BizConfPoll: the poll answers of a meeting, one row per person per question (getConfPolls, site token).</summary>
[Cmdlet(VerbsCommon.Get, "BizConfPoll")]
[OutputType(typeof(PollAnswer))]
public sealed class GetBizConfPollCommand : BizConfCmdlet
{
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The numbers of the meetings, digits only; binds from piped text or a MeetingNumber, meetingNo, confNumber or confNo property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("meetingNo", "confNumber", "confNo")]
    public string[] MeetingNumber { get; set; } = Array.Empty<string>();

    private ItemEngine items = null!;

    /// <summary>Opens the session and starts the engine that reads the poll answers.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartItems("Reading BizConf poll results");
    }

    /// <summary>Checks this row (or the command line) and hands its reads to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        items.ExpectGiven(MeetingNumber.Length);
        foreach (var key in MeetingNumber)
        {
            // A site-token call: no account is named, so nothing of it clashes with another item.
            items.Submit(key, $"Meeting number {key}", new Footprint(ActiveSession.LoginName), null,
                async token => ReportResults.RowsOrWarning(this, await Client.GetPollAnswersAsync(key, token).ConfigureAwait(false),
                    $"Meeting number {key} has no poll answers: it has not been held yet, or nobody answered a poll in it."));
        }
    }
}
