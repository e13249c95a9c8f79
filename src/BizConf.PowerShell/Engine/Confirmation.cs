namespace BizConf.PowerShell.Engine;

/// <summary>
/// Whether ShouldProcess will ask the user, and what a Remove-* needs where nobody can answer. The cmdlet passes its
/// ConfirmImpact (the constant its [Cmdlet] attribute uses), so nothing is read back by reflection.
/// </summary>
internal static class Confirmation
{
    /// <summary>
    /// An explicit -Confirm decides; otherwise -Force answers in advance, and without it the impact is compared with
    /// $ConfirmPreference. A cmdlet that names the real object in its question reads it only when someone will see it.
    /// </summary>
    public static bool WillAsk(PSCmdlet cmdlet, ConfirmImpact impact, bool force)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
        {
            return ((SwitchParameter)confirm).IsPresent;
        }

        if (force)
        {
            return false;
        }

        var preference = cmdlet.GetVariableValue("ConfirmPreference") is ConfirmImpact set ? set : ConfirmImpact.High;
        return preference != ConfirmImpact.None && impact >= preference;
    }

    /// <summary>
    /// Null when the command may go on; otherwise why not: it would ask, and the session cannot answer
    /// (pwsh -NonInteractive, a scheduled job, a remote runbook), so the question would fail every item.
    /// </summary>
    public static string? CannotAsk(PSCmdlet cmdlet, ConfirmImpact impact, bool force, string verb)
    {
        if (!WillAsk(cmdlet, impact, force) || IsInteractive(cmdlet))
        {
            return null;
        }

        return $"{cmdlet.MyInvocation.MyCommand.Name} would ask before it {verb}s each one, and this session cannot answer (it is not interactive). " +
            "Add -Force, or -Confirm:$false, to go ahead without asking; nothing was sent.";
    }

    private static bool IsInteractive(PSCmdlet cmdlet)
    {
        var host = cmdlet.Host;
        if (host?.UI == null || host.Name == "Default Host")
        {
            // A runspace with no host to ask through: hosted automation, a plain PowerShell instance.
            return false;
        }

        // pwsh -NonInteractive (or -noni, -nonin, ...) gives the console host prompts that fail.
        return host.Name != "ConsoleHost" || !System.Array.Exists(System.Environment.GetCommandLineArgs(), IsNonInteractiveSwitch);
    }

    private static bool IsNonInteractiveSwitch(string argument) =>
        argument.Length >= 5 && argument[0] == '-' &&
        "-noninteractive".StartsWith(argument.ToLowerInvariant(), System.StringComparison.Ordinal);
}
