using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace BizConf.PowerShell.Engine;

/// <summary>
/// The flow of every Remove-* cmdlet: asks first unless -Force, and when someone will see the question, reads the
/// object first so that the question names it and a wrong key fails without one. Where nobody can answer (a
/// non-interactive session) and it would ask, it says to add -Force or -Confirm:$false before anything is sent.
/// -WhatIf sends nothing.
/// </summary>
internal sealed class RemovalFlow
{
    private readonly BizConfCmdlet cmdlet;
    private readonly ItemEngine items;
    private bool refused;

    public RemovalFlow(BizConfCmdlet cmdlet, ItemEngine items)
    {
        this.cmdlet = cmdlet;
        this.items = items;
    }

    /// <summary>False when the command cannot ask and would have to: it wrote one error, and nothing is to be sent.</summary>
    public bool CheckCanAsk(bool force, string verb)
    {
        if (refused)
        {
            return false;
        }

        if (!cmdlet.WhatIfInForce && Confirmation.CannotAsk(cmdlet, ConfirmImpact.High, force, verb) is { } why)
        {
            refused = true;
            cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(why), "ConfirmationNotPossible", ErrorCategory.InvalidOperation, null));
            return false;
        }

        return true;
    }

    public void Send<TCurrent>(object key, Footprint footprint, bool force, string given, string action,
        Func<CancellationToken, Task<TCurrent>> read, Func<TCurrent, string> named, Func<CancellationToken, Task<string?>> remove)
    {
        var target = key;
        var label = given;
        if (!cmdlet.WhatIfInForce && Confirmation.WillAsk(cmdlet, ConfirmImpact.High, force))
        {
            TCurrent current;
            try
            {
                current = cmdlet.Await(read);
            }
            catch (BizConfException e)
            {
                items.Fail(key, given, e);
                return;
            }

            target = current!;
            label = named(current);
            if (!cmdlet.ShouldProcess(label, action))
            {
                return;
            }
        }
        else if ((cmdlet.WhatIfInForce || !force) && !cmdlet.ShouldProcess(given, action))
        {
            return;
        }

        items.Submit(target, label, footprint, null, async token =>
        {
            var done = await remove(token).ConfigureAwait(false);
            return ItemResult.Run(() => { }, done);
        });
    }
}
