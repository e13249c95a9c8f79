using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace BizConf.PowerShell.Commands
{
    /// <summary>Tab completion for -NumberOfEmployees: the service's fixed list, quoted (the values hold commas and spaces).</summary>
    public sealed class EmployeeCountCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            RegistrationCompletion.Matching(RegistrationValues.EmployeeCounts, wordToComplete);
    }

    /// <summary>Tab completion for -Language: the service's language codes.</summary>
    public sealed class LanguageCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            RegistrationCompletion.Matching(RegistrationValues.Languages, wordToComplete);
    }

    internal static class RegistrationCompletion
    {
        public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string word)
        {
            var typed = (word ?? string.Empty).Trim('\'', '"');
            return values
                .Where(v => v.StartsWith(typed, System.StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult("'" + v + "'", v, CompletionResultType.ParameterValue, v));
        }
    }
}
