using System.Collections;
using System.Management.Automation.Language;

namespace BizConf.PowerShell.Commands;

/// <summary>Tab completion for -TimeZone: the zones this machine knows, with the BizConf default first.</summary>
public sealed class TimeZoneCompleter : IArgumentCompleter
{
    /// <summary>The zone ids that start with what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var zones = new[] { SiteTime.DefaultZoneId, "Asia/Shanghai" }
            .Concat(TimeZoneInfo.GetSystemTimeZones().Select(zone => zone.Id).OrderBy(id => id, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return ValueCompletion.Matching(zones, wordToComplete);
    }
}
