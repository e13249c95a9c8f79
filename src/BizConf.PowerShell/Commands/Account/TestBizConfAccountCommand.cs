using System.Management.Automation;

namespace BizConf.PowerShell.Commands;

/// <summary>
/// Test-BizConfAccount: true when the account can be used on the session's site (account/check). An account
/// that does not exist or is locked is false, with the reason as verbose output; other failures are errors.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "BizConfAccount")]
[OutputType(typeof(bool))]
public sealed class TestBizConfAccountCommand : BizConfCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? LoginName { get; set; }

    protected override void ProcessRecord()
    {
        var loginName = LoginName ?? ActiveSession.LoginName;
        try
        {
            WriteObject(Await((client, token) => client.CheckAccountAsync(loginName, token)));
        }
        catch (BizConfApiException e) when (e.Status == 101 || e.Status == 108)
        {
            WriteVerbose($"{loginName}: {e.Message}");
            WriteObject(false);
        }
        catch (System.Exception e) when (IsItemFailure(e))
        {
            WriteError(Internal.ErrorRecords.From((BizConfException)e, loginName));
        }
    }
}
