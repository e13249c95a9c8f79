namespace BizConf.PowerShell.Commands;

/// <summary>Remove-BizConfWebinar: deletes webinars (deleteWebinar), each on its own account. Asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "BizConfWebinar", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class RemoveBizConfWebinarCommand : BizConfCmdlet
{
    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The numbers of the webinars to delete; binds from piped strings or a WebinarNumber property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("webinarNo")]
    public string[] WebinarNumber { get; set; } = Array.Empty<string>();

    /// <summary>Deletes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The account of the site the call acts for; by default the session's (a piped object names its own).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [Alias("HostLoginName")]
    public string? LoginName { get; set; }

    private RemovalFlow removal = null!;

    /// <summary>Opens the session and starts the engine that deletes the webinars.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        removal = new RemovalFlow(this, "Deleting BizConf webinars",
            "Running the same command again is safe: a webinar already deleted is reported as not found.", Force, "delete");
    }

    /// <summary>Checks this row (or the command line) and hands its deletes to the engine.</summary>
    protected override void ProcessRecord()
    {
        if (!removal.BeginRow(WebinarNumber.Length))
        {
            return;
        }

        var account = AccountOf(LoginName);
        var client = Client.ForAccount(account);
        foreach (var number in WebinarNumber)
        {
            var given = $"Webinar {number} on account {account}";
            try
            {
                InputRules.CheckWebinarNumber(number);
            }
            catch (BizConfArgumentException e)
            {
                removal.Items.Fail(number, given, e);
                continue;
            }

            removal.Send(number, new Footprint(account).Changes(ResourceKeys.Webinar(number)), Force, given, "Delete",
                token => client.GetWebinarAsync(number, token),
                webinar => $"Webinar '{webinar.Name}' (number {webinar.WebinarNumber}, {webinar.StartTime:yyyy-MM-dd HH:mm zzz}) on account {account}",
                async token =>
                {
                    await client.DeleteWebinarAsync(number, token).ConfigureAwait(false);
                    return "deleted";
                });
        }
    }
}
