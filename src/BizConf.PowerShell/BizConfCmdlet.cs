using System.Threading;
using System.Threading.Tasks;

namespace BizConf.PowerShell;

/// <summary>
/// The one base class of the API cmdlets: it finds the session and hands each command a client view whose verbose
/// lines and warnings come back to this command's pipeline thread. The work itself is composed, not inherited: a
/// cmdlet holds an <see cref="ItemEngine"/> (made by <see cref="StartItems"/> in BeginProcessing), and the change and
/// removal flows (<see cref="ChangeFlow"/>, <see cref="RemovalFlow"/>) it uses. Stopped in StopProcessing.
/// </summary>
public abstract class BizConfCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource stopping = new CancellationTokenSource();
    private ItemEngine? items;
    private GivenParameters? given;
    private PipedRows? rows;

    /// <summary>The session to use instead of the runspace's default one (from Connect-BizConf).</summary>
    [Parameter]
    [ValidateNotNull]
    public BizConfSession? Session { get; set; }

    /// <summary>How many requests may be in flight at once (1 to 64).</summary>
    [Parameter]
    [ValidateRange(1, ItemRunner.MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = 5;

    /// <summary>The session in use, known from BeginProcessing on.</summary>
    protected BizConfSession ActiveSession { get; private set; } = null!;

    /// <summary>The session's client for this command: its lines and warnings reach this command.</summary>
    protected BizConfClient Client { get; private set; } = null!;

    internal CommandOutput Output { get; } = new CommandOutput();

    internal CancellationToken StopToken => stopping.Token;

    /// <summary>How long one attempt of the session may take, for the grace a stop gives calls in flight.</summary>
    internal TimeSpan SessionTimeout => ActiveSession?.Client.Options.Timeout ?? ItemEngine.StopGrace;

    /// <summary>Which parameters the current item was given (the command line, or non-empty columns of its row).</summary>
    internal GivenParameters Given => given ??= new GivenParameters(this);

    /// <summary>The rows piped to this command, checked as they bind (misspelled columns, a file read with the wrong delimiter).</summary>
    internal PipedRows Rows => rows ??= new PipedRows(this);

    /// <summary>Whether -WhatIf is in force, given or through $WhatIfPreference.</summary>
    internal bool WhatIfInForce =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
            ? ((SwitchParameter)whatIf).IsPresent
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    /// <summary>Finds the session (-Session or the current one) and refuses to go on without an open one.</summary>
    protected override void BeginProcessing()
    {
        FormatViews.EnsureLoaded(this);
        var session = Session ?? SessionStore.Current;
        if (session == null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException(SessionStore.LastConnectFailure is { } failure
                    ? $"There is no BizConf session: the last Connect-BizConf failed ({failure}), and it left no session acting for the site before. Run Connect-BizConf again."
                    : "There is no BizConf session. Run Connect-BizConf first, or pass -Session."),
                "NoBizConfSession", ErrorCategory.ConnectionError, null));
        }

        if (session!.IsDisposed)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("The BizConf session was closed by Disconnect-BizConf. Connect again."),
                "BizConfSessionClosed", ErrorCategory.ConnectionError, session));
        }

        ActiveSession = session;
        Client = session.Client.WithOutput(Output.Verbose, Output.Warning);
        Given.Begin();
    }

    /// <summary>Finishes the rows still in flight and writes what they answered.</summary>
    protected override void EndProcessing()
    {
        rows?.Finish();
        items?.Finish();
        Output.Pump(this);
    }

    /// <summary>Cancels the calls in flight and tells on the host which rows were sent but not written.</summary>
    protected override void StopProcessing()
    {
        stopping.Cancel();
        items?.StopAndReport();
    }

    /// <summary>
    /// Ends the command: calls still in flight (a pipeline ended by an error, not by Ctrl+C) are stopped, so nothing
    /// goes on being done after the command has returned. The token source is left to the finalizer, as late
    /// continuations may still read it.
    /// </summary>
    public void Dispose()
    {
        stopping.Cancel();
        items?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Makes the command's item engine; called once, from BeginProcessing.</summary>
    internal ItemEngine StartItems(string activity)
    {
        items = new ItemEngine(this, ThrottleLimit, activity);
        WriteDebug($"Up to {ThrottleLimit} requests in flight; at most {items.Runner.Window} items pending.");
        return items;
    }

    /// <summary>
    /// Makes the item engine of a command whose items change things, so that a stop tells which were or may have been
    /// done, and what to say about running it again (by default: safe, each change is sent whole).
    /// </summary>
    internal ItemEngine StartChanges(string activity, string? rerunAdvice = null)
    {
        var engine = StartItems(activity);
        engine.Changes = true;
        if (rerunAdvice != null)
        {
            engine.RerunAdvice = rerunAdvice;
        }

        return engine;
    }

    /// <summary>The account a call acts for: the one named, or the session's own when none is.</summary>
    protected string AccountOf(string? loginName) =>
        string.IsNullOrWhiteSpace(loginName) ? ActiveSession.LoginName : loginName!.Trim();

    /// <summary>Runs one call to its end on the pipeline thread (a read before asking), writing its lines as they come.</summary>
    internal T Await<T>(Func<CancellationToken, Task<T>> call) => Output.Await(this, call, StopToken);
}
