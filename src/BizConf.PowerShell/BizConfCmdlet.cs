using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell
{
    /// <summary>
    /// The base of every cmdlet that calls the API with a session: finds the session, runs client calls through
    /// <see cref="BizConfAsyncCmdlet"/>, and turns failures into ErrorRecords (non-terminating for one item, so the
    /// pipeline goes on).
    /// </summary>
    public abstract class BizConfCmdlet : BizConfAsyncCmdlet
    {
        private const int ItemProgressId = 2;

        private HashSet<string> commandLineParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private string? itemActivity;
        private DateTime lastItemProgress;
        private int itemsDone;

        /// <summary>The session to use instead of the runspace's default one (from Connect-BizConf).</summary>
        [Parameter]
        [ValidateNotNull]
        public BizConfSession? Session { get; set; }

        /// <summary>The session in use, known from BeginProcessing on.</summary>
        protected BizConfSession ActiveSession { get; private set; } = null!;

        protected BizConfClient Client => ActiveSession.Client;

        protected override void BeginProcessing()
        {
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

        protected override void EndProcessing()
        {
            if (itemActivity != null)
            {
                WriteProgress(new ProgressRecord(ItemProgressId, itemActivity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        /// <summary>
        /// Counts one item of a pipeline and, for long ones, shows how many are done. The total is unknown while
        /// items stream in, so the bar shows a count, at most twice a second so a console does not slow the job.
        /// </summary>
        protected void ItemDone(string activity)
        {
            itemsDone++;
            var now = DateTime.UtcNow;
            if (itemsDone < 2 || now - lastItemProgress < TimeSpan.FromMilliseconds(500))
            {
                return;
            }

            // A new record each time: a host may keep the ones written, so one must not change after it is written.
            lastItemProgress = now;
            itemActivity = activity;
            WriteProgress(new ProgressRecord(ItemProgressId, activity, itemsDone.ToString(System.Globalization.CultureInfo.InvariantCulture) + " done"));
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

        /// <summary>
        /// Runs a call for one item; a failure becomes a non-terminating error whose target is the item, and the
        /// result is false. Ctrl+C still stops the whole pipeline.
        /// </summary>
        protected bool TryAwait<T>(Func<BizConfClient, CancellationToken, Task<T>> call, object? target, out T result)
        {
            try
            {
                result = Await(call);
                return true;
            }
            catch (Exception e) when (IsItemFailure(e))
            {
                WriteError(ErrorRecords.From(e, target));
                result = default!;
                return false;
            }
        }

        protected bool TryAwait(Func<BizConfClient, CancellationToken, Task> call, object? target) =>
            TryAwait<bool>(async (client, token) =>
            {
                await call(client, token).ConfigureAwait(false);
                return true;
            }, target, out _);

        /// <summary>
        /// Whether a cmdlet with ConfirmImpact High and a -Force switch asks before each item: an explicit -Confirm
        /// or -Confirm:$false decides; otherwise -Force answers the question in advance. -WhatIf is handled before.
        /// </summary>
        protected bool AsksBeforeEach(bool force) =>
            MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) ? ((SwitchParameter)confirm).IsPresent : !force;

        /// <summary>Writes an error for bad input of one item, without sending anything.</summary>
        protected void WriteInvalidArgument(string parameter, string message, object? target) =>
            WriteError(ErrorRecords.From(new BizConfArgumentException(message, parameter), target));

        /// <summary>Failures of one item: the pipeline goes on. Anything else is a bug and stops it.</summary>
        protected static bool IsItemFailure(Exception e) =>
            e is BizConfApiException || e is BizConfTransportException || e is ArgumentException || e is BizConfOperationException;
    }
}
