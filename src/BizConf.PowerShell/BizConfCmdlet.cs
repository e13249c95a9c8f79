using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell;

/// <summary>
/// The base of every cmdlet that calls the API with a session: finds the session, runs client calls through
/// <see cref="BizConfAsyncCmdlet"/>, and turns failures into ErrorRecords (non-terminating for one item, so the
/// pipeline goes on).
/// </summary>
public abstract class BizConfCmdlet : BizConfAsyncCmdlet
{
    private HashSet<string> commandLineParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The session to use instead of the runspace's default one (from Connect-BizConf).</summary>
    [Parameter]
    [ValidateNotNull]
    public BizConfSession? Session { get; set; }

    /// <summary>The session in use, known from BeginProcessing on.</summary>
    protected BizConfSession ActiveSession { get; private set; } = null!;

    protected BizConfClient Client => ActiveSession.Client;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        commandLineParameters = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        var session = Session ?? SessionStore.Current;
        if (session == null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("There is no BizConf session. Run Connect-BizConf first, or pass -Session."),
                "NoBizConfSession", ErrorCategory.ConnectionError, null));
        }

        if (session!.IsDisposed)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("The BizConf session was closed by Disconnect-BizConf. Connect again."),
                "BizConfSessionClosed", ErrorCategory.ConnectionError, session));
        }

        ActiveSession = session;
    }

    /// <summary>
    /// Whether the user gave a parameter for the current item: on the command line, or as a non-empty property
    /// of the piped object (an empty CSV cell means "leave as it is"). PowerShell's BoundParameters keeps keys
    /// bound by earlier pipeline objects, so it cannot answer this alone.
    /// </summary>
    protected bool IsGiven(string parameterName, PSObject? pipelineObject)
    {
        if (commandLineParameters.Contains(parameterName))
        {
            return true;
        }

        if (pipelineObject == null)
        {
            return MyInvocation.BoundParameters.ContainsKey(parameterName);
        }

        // An object this module wrote (a Meeting, a Webinar, ...) is a snapshot: it names what to change, and the
        // changes come from the command line only. Otherwise a stale copy would quietly undo newer changes.
        if (pipelineObject.BaseObject?.GetType().Assembly == typeof(Meeting).Assembly)
        {
            return false;
        }

        var names = new List<string> { parameterName };
        if (MyInvocation.MyCommand.Parameters.TryGetValue(parameterName, out var metadata))
        {
            names.AddRange(metadata.Aliases);
        }

        foreach (var property in pipelineObject.Properties)
        {
            foreach (var name in names)
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    var value = property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value;
                    return value != null && !(value is string text && text.Length == 0);
                }
            }
        }

        return false;
    }

    /// <summary>Runs one client call to completion on the pipeline thread, writing its log lines as they come.</summary>
    protected T Await<T>(Func<BizConfClient, CancellationToken, Task<T>> call) => Await(token => call(Client, token));

    protected void Await(Func<BizConfClient, CancellationToken, Task> call) =>
        Await<bool>(async (client, token) =>
        {
            await call(client, token).ConfigureAwait(false);
            return true;
        });

    /// <summary>Failures of one item: the pipeline goes on. Anything else is a bug and stops it.</summary>
    protected static bool IsItemFailure(Exception e) =>
        e is BizConfException;
}
