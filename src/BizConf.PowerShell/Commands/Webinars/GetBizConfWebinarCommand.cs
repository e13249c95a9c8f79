namespace BizConf.PowerShell.Commands;

/// <summary>Get-BizConfWebinar: webinars by number (getWebinarInfo). The API has no webinar list.</summary>
[Cmdlet(VerbsCommon.Get, "BizConfWebinar")]
[OutputType(typeof(Webinar))]
public sealed class GetBizConfWebinarCommand : BizConfCmdlet
{
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The numbers of the webinars to read; binds from piped strings or a WebinarNumber property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("webinarNo")]
    public string[] WebinarNumber { get; set; } = Array.Empty<string>();

    /// <summary>The account of the site the call acts for; by default the session's (a piped object names its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private ItemEngine items = null!;

    /// <summary>Opens the session and starts the engine that reads the webinars.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartItems("Reading BizConf webinars");
    }

    /// <summary>Checks this row (or the command line) and hands its reads to the engine.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        items.ExpectGiven(WebinarNumber.Length);
        var account = AccountOf(LoginName);
        var client = Client.ForAccount(account);
        var memory = SessionMemory.Of(ActiveSession);
        foreach (var number in WebinarNumber)
        {
            items.Submit(number, $"Webinar {number} on account {account}", new Footprint(account).Uses(ResourceKeys.Webinar(number)), null,
                async token =>
                {
                    var webinar = await client.GetWebinarAsync(number, token).ConfigureAwait(false);
                    memory.ActedFor(account);
                    return ItemResult.Write(webinar);
                });
        }
    }
}
