namespace BizConf.PowerShell.Commands;

/// <summary>Disconnect-BizConf: closes a session (by default the runspace's) and forgets it.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "BizConf")]
public sealed class DisconnectBizConfCommand : PSCmdlet
{
    /// <summary>The session to close, from Connect-BizConf -PassThru or Get-BizConfSession; by default the current one.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public BizConfSession? Session { get; set; }

    /// <summary>Closes the session and, when it is the current one, forgets it.</summary>
    protected override void ProcessRecord()
    {
        var current = SessionStore.Current;
        var session = Session ?? current;
        if (session == null)
        {
            WriteVerbose("There is no BizConf session to close.");
            return;
        }

        session.Dispose();
        if (ReferenceEquals(session, current))
        {
            SessionStore.Current = null;
        }

        WriteVerbose($"Disconnected {session}.");
    }
}
