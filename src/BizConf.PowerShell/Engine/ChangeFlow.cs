using System.Threading;
using System.Threading.Tasks;
using BizConf.Resources;

namespace BizConf.PowerShell.Engine;

/// <summary>One Set-* item, as its cmdlet states it: what it is, what is given, and how the client reads and changes it.</summary>
internal sealed class ChangeItem<TResource, TRequest>
{
    /// <summary>The error target: the piped row, or the id.</summary>
    public object? Target { get; set; }

    /// <summary>How the item is named before it is read, such as "Meeting 17962 on account demo".</summary>
    public string Given { get; set; } = string.Empty;

    /// <summary>The changes given, each checked on its own.</summary>
    public IReadOnlyList<FieldChange> Changes { get; set; } = Array.Empty<FieldChange>();

    /// <summary>How -WhatIf and -Confirm word the change.</summary>
    public string Action { get; set; } = string.Empty;

    public Footprint Footprint { get; set; } = null!;

    /// <summary>When the change moves the item in time: its old and new windows, from the current object.</summary>
    public Func<TResource, IEnumerable<TimeWindow>>? Windows { get; set; }

    public Func<CancellationToken, Task<TResource>> Read { get; set; } = null!;

    /// <summary>The locked read-modify-write: the client reads, asks for the request, and sends it.</summary>
    public Func<Func<TResource, TRequest>, CancellationToken, Task<TResource>> Change { get; set; } = null!;

    /// <summary>The current object with the changes applied, checked at that instant.</summary>
    public Func<TResource, TRequest> Apply { get; set; } = null!;

    /// <summary>How the item is named once read.</summary>
    public Func<TResource, string> Named { get; set; } = null!;

    /// <summary>What -PassThru writes; null writes nothing.</summary>
    public bool PassThru { get; set; }
}

/// <summary>
/// The flow of every Set-* cmdlet: the service replaces the whole object, so the current one is read, changed and
/// sent back, under the session's lock for it (two runspaces cannot undo each other's change). Nothing given: nothing
/// sent (with -PassThru, the object is read). -WhatIf describes from what was given and sends nothing; when someone
/// will see the question, the object is read first, on the pipeline thread, so the question names it.
/// </summary>
internal sealed class ChangeFlow(BizConfCmdlet cmdlet, ItemEngine items)
{
    public void Send<TResource, TRequest>(ChangeItem<TResource, TRequest> item)
        where TResource : class
    {
        if (item.Changes.Count == 0)
        {
            cmdlet.WriteVerbose($"Nothing to change for {item.Given}: no setting was given.");
            if (item.PassThru)
            {
                items.Submit(item.Target, item.Given, item.Footprint, null, async token => ItemResult.Write(await item.Read(token).ConfigureAwait(false)));
            }

            return;
        }

        if (cmdlet.WhatIfInForce)
        {
            cmdlet.ShouldProcess(item.Given, item.Action);
            return;
        }

        var label = item.Given;
        if (Confirmation.WillAsk(cmdlet, ConfirmImpact.Medium, force: false))
        {
            TResource current;
            try
            {
                current = cmdlet.Await(item.Read);
                item.Apply(current);
            }
            catch (BizConfException e)
            {
                items.Fail(item.Target, label, e);
                return;
            }

            label = item.Named(current);
            if (!cmdlet.ShouldProcess(label, item.Action))
            {
                return;
            }
        }
        else if (!cmdlet.ShouldProcess(item.Given, item.Action))
        {
            return;
        }

        Func<CancellationToken, Task<IEnumerable<TimeWindow>>>? prepare = null;
        if (item.Windows != null)
        {
            // Its times are known only once it is read: the read finds them, and the change then waits for what they touch.
            prepare = async token => item.Windows(await item.Read(token).ConfigureAwait(false)).ToList();
        }

        var passThru = item.PassThru;
        items.Submit(item.Target, label, item.Footprint, prepare, async token =>
        {
            var changed = await item.Change(item.Apply, token).ConfigureAwait(false);
            return passThru ? ItemResult.Write(changed) : ItemResult.Nothing;
        });
    }
}
