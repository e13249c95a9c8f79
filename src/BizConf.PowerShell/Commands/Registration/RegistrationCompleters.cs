using System.Collections;
using System.Management.Automation.Language;

namespace BizConf.PowerShell.Commands;

/// <summary>Tab completion for -NumberOfEmployees: the service's fixed list, quoted (the values hold commas and spaces).</summary>
public sealed class EmployeeCountCompleter : IArgumentCompleter
{
    /// <summary>The size bands that start with what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        ValueCompletion.Matching(RegistrationValues.EmployeeCounts, wordToComplete);
}

/// <summary>Tab completion for -Language: the service's language codes.</summary>
public sealed class LanguageCompleter : IArgumentCompleter
{
    /// <summary>The language codes that start with what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        ValueCompletion.Matching(RegistrationValues.Languages, wordToComplete);
}
