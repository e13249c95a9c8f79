using System.Collections;
using System.Globalization;
using System.Management.Automation.Language;

namespace BizConf.PowerShell.Commands;

/// <summary>Tab completion for -LoginName: the accounts this session has acted for or listed, most recent first.</summary>
public sealed class AccountCompleter : IArgumentCompleter
{
    /// <summary>The accounts this session has acted for that start with what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        SessionCompletion.Memory(fakeBoundParameters) is { } memory
            ? ValueCompletion.Matching(memory.Accounts, wordToComplete)
            : Enumerable.Empty<CompletionResult>();
}

/// <summary>
/// Tab completion for -Id and -MeetingId: the meetings this session has written, most recent first, shown with name
/// and start. Typed digits match the id; other text matches the name. With -LoginName given, that account's first.
/// </summary>
public sealed class MeetingIdCompleter : IArgumentCompleter
{
    /// <summary>The ids of meetings this session has seen that start with what was typed, with their names.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (!(SessionCompletion.Memory(fakeBoundParameters) is { } memory))
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"', ' ');
        var byId = typed.All(char.IsDigit);
        var account = SessionCompletion.Account(fakeBoundParameters);
        return memory.Meetings
            .Where(m => byId
                ? m.Id.ToString(CultureInfo.InvariantCulture).StartsWith(typed, System.StringComparison.Ordinal)
                : m.Name.IndexOf(typed, System.StringComparison.OrdinalIgnoreCase) >= 0)
            .OrderBy(m => account == null || string.Equals(m.LoginName, account, System.StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Select(m =>
            {
                var id = m.Id.ToString(CultureInfo.InvariantCulture);
                var start = m.StartTime?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "no start";
                return new CompletionResult(id, $"{id}  {m.Name}  {start}", CompletionResultType.ParameterValue,
                    $"Meeting '{m.Name}' at {m.StartTime?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} on account {m.LoginName} (number {m.MeetingNumber})");
            })
            .ToList();
    }
}

/// <summary>The session a completion is for: -Session as typed so far, or the runspace's default one.</summary>
internal static class SessionCompletion
{
    public static SessionMemory? Memory(IDictionary fakeBoundParameters)
    {
        var given = fakeBoundParameters?["Session"];
        var session = (given is PSObject wrapped ? wrapped.BaseObject : given) as BizConfSession ?? SessionStore.Current;
        return session == null || session.IsDisposed ? null : SessionMemory.Of(session);
    }

    public static string? Account(IDictionary fakeBoundParameters)
    {
        var given = fakeBoundParameters?["LoginName"];
        var value = given is PSObject wrapped ? wrapped.BaseObject : given;
        return value switch
        {
            string name => name,
            IEnumerable names => names.Cast<object>().Select(n => n?.ToString()).FirstOrDefault(),
            _ => null,
        };
    }
}
