namespace BizConf.PowerShell.Commands;

/// <summary>Get-BizConfSession: the runspace's default session, if there is one.</summary>
[Cmdlet(VerbsCommon.Get, "BizConfSession")]
[OutputType(typeof(BizConfSession))]
public sealed class GetBizConfSessionCommand : PSCmdlet
{
    /// <summary>Loads the module's views, so the session reads as a table.</summary>
    protected override void BeginProcessing() => Internal.FormatViews.EnsureLoaded(this);

    /// <summary>Writes the current session, or nothing when there is none.</summary>
    protected override void EndProcessing()
    {
        var session = SessionStore.Current;
        if (session != null)
        {
            WriteObject(session);
        }
        else
        {
            WriteVerbose("There is no BizConf session. Run Connect-BizConf.");
        }
    }
}
