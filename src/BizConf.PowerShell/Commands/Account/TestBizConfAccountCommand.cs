namespace BizConf.PowerShell.Commands;

/// <summary>
/// Test-BizConfAccount: true when the account can be used on the session's site (account/check). An account
/// that does not exist or is locked is false, with the reason as verbose output; other failures are errors.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "BizConfAccount")]
[OutputType(typeof(bool))]
public sealed class TestBizConfAccountCommand : BizConfCmdlet
{
    private ItemEngine items = null!;

    /// <summary>The piped object itself: a row's error names it, and its columns are checked as it binds (see PipedRows).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get => Rows.Current; set => Rows.Take(value); }

    /// <summary>The account to check; by default the session's.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AccountCompleter))]
    public string? LoginName { get; set; }

    /// <summary>Opens the session and starts the engine that checks the accounts.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        items = StartItems("Checking BizConf accounts");
    }

    /// <summary>Checks the account of this row (or the session's) and writes whether it can be used.</summary>
    protected override void ProcessRecord()
    {
        Rows.Check();
        var loginName = AccountOf(LoginName);
        var output = Output;
        var memory = SessionMemory.Of(ActiveSession);
        items.Submit(loginName, $"Account '{loginName}'", new Footprint(loginName), null, async token =>
        {
            try
            {
                var usable = await Client.CheckAccountAsync(loginName, token).ConfigureAwait(false);
                if (usable)
                {
                    memory.ActedFor(loginName);
                }

                return ItemResult.Write(usable);
            }
            catch (BizConfApiException e) when (e.Is(BizConfStatus.AccountNotFound) || e.Is(BizConfStatus.AccountLocked))
            {
                output.Verbose($"{loginName}: {e.Message}");
                return ItemResult.Write(false);
            }
        });
    }
}
