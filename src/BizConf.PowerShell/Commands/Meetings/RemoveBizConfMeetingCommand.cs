namespace BizConf.PowerShell.Commands;

/// <summary>Remove-BizConfMeeting: cancels meetings (cancelConf), each on its own account. Asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "BizConfMeeting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveBizConfMeetingCommand : BizConfCmdlet
{
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The ids of the meetings to cancel (a meeting's Id, the API's confId); each a positive number.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "MeetingId")]
    [ArgumentCompleter(typeof(MeetingIdCompleter))]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>Cancels without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The account of the site that holds the meetings; by default the session's (a piped meeting names its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private RemovalFlow removal = null!;

    /// <summary>Opens the session and starts the engine that cancels the meetings.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        removal = new RemovalFlow(this, "Cancelling BizConf meetings",
            "Running the same command again is safe: a meeting already cancelled is reported as not found (401).", Force, "cancel");
    }

    /// <summary>Checks this row (or the command line) and hands its cancels to the engine.</summary>
    protected override void ProcessRecord()
    {
        if (!removal.BeginRow(Id.Length))
        {
            return;
        }

        var account = AccountOf(LoginName);
        var client = Client.ForAccount(account);
        var memory = SessionMemory.Of(ActiveSession);
        foreach (var id in Id)
        {
            removal.Send(id, new Footprint(account).Changes(ResourceKeys.Meeting(id)), Force, $"Meeting {id} on account {account}", "Cancel",
                token => client.GetMeetingAsync(id, token),
                meeting => $"Meeting '{meeting.Name}' (Id {meeting.Id}, number {meeting.MeetingNumber}, {meeting.StartTime:yyyy-MM-dd HH:mm zzz}) on account {account}",
                async token =>
                {
                    await client.CancelMeetingAsync(id, token).ConfigureAwait(false);
                    memory.Forget(account, id);
                    return "cancelled";
                });
        }
    }
}
