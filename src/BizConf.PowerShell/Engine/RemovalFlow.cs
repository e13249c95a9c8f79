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
    private readonly bool refused;

    /// <summary>
    /// Starts the command's item engine for removals; from BeginProcessing. Where the command cannot ask and would
    /// have to, it writes one error here, and no item of the run is sent.
    /// </summary>
    /// <param name="cmdlet">The Remove-* command.</param>
    /// <param name="activity">The progress line's activity.</param>
    /// <param name="rerunAdvice">What a stop says about running the command again.</param>
    /// <param name="force">-Force: nothing is asked.</param>
    /// <param name="verb">The verb the error names ("cancel", "delete").</param>
    public RemovalFlow(BizConfCmdlet cmdlet, string activity, string rerunAdvice, bool force, string verb)
    {
        this.cmdlet = cmdlet;
        Items = cmdlet.StartChanges(activity, rerunAdvice);
        if (!cmdlet.WhatIfInForce && Confirmation.CannotAsk(cmdlet, ConfirmImpact.High, force, verb) is { } why)
        {
            refused = true;
            cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(why), "ConfirmationNotPossible", ErrorCategory.InvalidOperation, null));
        }
    }

    /// <summary>The command's item engine.</summary>
    public ItemEngine Items { get; }

    /// <summary>
    /// Checks the row's columns and notes how many items the command line gave; false when the run was refused at its
    /// start, and this row is not to be sent.
    /// </summary>
    public bool BeginRow(int given)
    {
        cmdlet.Rows.Check();
        Items.ExpectGiven(given);
        return !refused;
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
                Items.Fail(key, given, e);
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

        Items.Submit(target, label, footprint, null, async token =>
        {
            var done = await remove(token).ConfigureAwait(false);
            return ItemResult.Run(() => { }, done);
        });
    }
}
