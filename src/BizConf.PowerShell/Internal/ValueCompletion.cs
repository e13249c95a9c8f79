namespace BizConf.PowerShell.Internal;

/// <summary>Completion results from a fixed list: the values starting with what was typed, quoted.</summary>
internal static class ValueCompletion
{
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string word)
    {
        var typed = (word ?? string.Empty).Trim('\'', '"');
        return values
            .Where(v => v.StartsWith(typed, System.StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult("'" + v + "'", v, CompletionResultType.ParameterValue, v));
    }
}
