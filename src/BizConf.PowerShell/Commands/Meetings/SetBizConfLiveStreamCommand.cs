namespace BizConf.PowerShell.Commands;

/// <summary>Set-BizConfLiveStream: where a meeting pushes its live stream (settingLivestream).</summary>
[Cmdlet(VerbsCommon.Set, "BizConfLiveStream", SupportsShouldProcess = true)]
[OutputType(typeof(Meeting))]
public sealed class SetBizConfLiveStreamCommand : BizConfCmdlet
{
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The id of the meeting (a meeting's Id, the API's confId); a positive number.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [Alias("confId", "MeetingId")]
    [ArgumentCompleter(typeof(MeetingIdCompleter))]
    public long Id { get; set; }

    /// <summary>The address of the streaming server the meeting pushes to, usually an rtmp:// URL.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("streanUrl")]
    public string StreamUrl { get; set; } = string.Empty;

    /// <summary>The stream key the streaming server expects; shown only as (hidden).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string StreamKey { get; set; } = string.Empty;

    /// <summary>The address where viewers watch the stream.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string LiveUrl { get; set; } = string.Empty;

    /// <summary>Reads the meeting again after the change and writes it, with its stream settings.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The account of the site that holds the meeting; by default the session's (a piped meeting names its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private ItemEngine items = null!;

    /// <summary>Opens the session and starts the engine that sets the meetings' live streams.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartChanges("Setting BizConf live streams");
    }

    /// <summary>Checks this row (or the command line) and hands its stream settings to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        var id = Id;
        var account = AccountOf(LoginName);
        var streamUrl = StreamUrl;
        var streamKey = StreamKey;
        var liveUrl = LiveUrl;
        var label = $"Meeting {id} on account {account}";
        try
        {
            InputRules.CheckLiveStream(streamUrl, streamKey, liveUrl);
        }
        catch (BizConfArgumentException e)
        {
            items.Fail(id, label, e);
            return;
        }

        if (!ShouldProcess(label, $"Stream to {streamUrl}, watch at {liveUrl}"))
        {
            return;
        }

        var passThru = PassThru.IsPresent;
        var client = Client.ForAccount(account);
        var memory = SessionMemory.Of(ActiveSession);
        items.Submit(id, label, new Footprint(account).Changes(ResourceKeys.Meeting(id)), null, async token =>
        {
            await client.SetLiveStreamAsync(id, streamUrl, streamKey, liveUrl, token).ConfigureAwait(false);
            return passThru ? ItemResult.Write(memory.Saw(await client.GetMeetingAsync(id, token).ConfigureAwait(false))) : ItemResult.Nothing;
        });
    }
}
