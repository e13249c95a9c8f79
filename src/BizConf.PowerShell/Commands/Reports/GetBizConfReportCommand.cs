namespace BizConf.PowerShell.Commands;

/// <summary>
/// Get-BizConfReport: one report per session of a meeting, with its participants, found by meeting number
/// (getConfLogListByConfNumber) or by join link (getConfLogListByJoinUrl); site token.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BizConfReport", DefaultParameterSetName = NumberSet)]
[OutputType(typeof(MeetingReport))]
public sealed class GetBizConfReportCommand : BizConfCmdlet
{
    private const string NumberSet = "MeetingNumber";
    private const string JoinUrlSet = "JoinUrl";

    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The numbers of the meetings, digits only; binds from piped text or a MeetingNumber, meetingNo, confNumber or confNo property.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NumberSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("meetingNo", "confNumber", "confNo")]
    public string[] MeetingNumber { get; set; } = Array.Empty<string>();

    /// <summary>Join links (absolute http or https) of meetings or registrants; binds from JoinUrl of piped objects with no meeting number.</summary>
    [Parameter(Mandatory = true, ParameterSetName = JoinUrlSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("join_url")]
    public string[] JoinUrl { get; set; } = Array.Empty<string>();

    private ItemEngine items = null!;

    /// <summary>Opens the session and starts the engine that reads the session reports.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartItems("Reading BizConf meeting reports");
    }

    /// <summary>Checks this row (or the command line) and hands its reads to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        // Site-token calls: no account is named, so nothing of them clashes with another item.
        var footprint = new Footprint(ActiveSession.LoginName);
        if (ParameterSetName == JoinUrlSet)
        {
            foreach (var link in JoinUrl)
            {
                items.Submit(link, $"Meeting at {link}", footprint, null,
                    async token => ReportResults.RowsOrWarning(this, await Client.GetReportsByJoinUrlAsync(link, token).ConfigureAwait(false),
                        $"The meeting at {link} has no report yet: it has not been held, or its report is not ready yet."));
            }

            return;
        }

        foreach (var number in MeetingNumber)
        {
            items.Submit(number, $"Meeting number {number}", footprint, null,
                async token => ReportResults.RowsOrWarning(this, await Client.GetReportsByNumberAsync(number, token).ConfigureAwait(false),
                    $"Meeting number {number} has no report yet: it has not been held, or its report is not ready yet."));
        }
    }
}
