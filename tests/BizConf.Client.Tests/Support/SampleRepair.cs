using System.Text.RegularExpressions;

namespace BizConf.Client.Tests.Support;

/// <summary>
/// The one way a vendor sample becomes JSON: each step undoes one kind of mistake of the vendor document and
/// leaves every value as printed (Chinese text, stray spaces inside keys, the string status " 100", the double space
/// in "2021-05-11  12:11:11"). The repaired files under tests/samples/repaired are this function's output, and a
/// test holds each file to it, so a repaired file can differ from its vendor text only by these steps.
/// </summary>
internal static class SampleRepair
{
    public static string Apply(string name, string vendorText)
    {
        // A "//" comment runs to the end of its line; one inside a string (https://...) has a quote after it, so it stays.
        var text = Regex.Replace(vendorText, "[ \t\u00A0]*//[^\"\n]*$", "", RegexOptions.Multiline);
        text = Regex.Replace(text, "[ \t]*---新增", "");
        text = text
            .Replace('\u201C', '"').Replace('\u201D', '"')
            .Replace('\uFF1A', ':').Replace('\uFF0C', ',').Replace('\uFF5B', '{')
            .Replace('\u00A0', ' ');
        text = Regex.Replace(text, @"^(\s*)([A-Za-z_]\w*):", "$1\"$2\":", RegexOptions.Multiline);
        text = text.Replace("\"success,", "\"success\",");
        if (IsSessionList(name))
        {
            // The report samples open "data" as an object but close an array of two sessions, with one "}" too many.
            var opening = text.IndexOf("\"data\":{", StringComparison.Ordinal);
            text = text.Remove(opening, "\"data\":{".Length).Insert(opening, "\"data\":[{");
            text = Regex.Replace(text, "\n\\}\n\\z", "\n");
        }

        // "{…}" stands for "more elements like the one before"; there are none to read.
        text = Regex.Replace(text, @",\s*\{\s*…\s*\}", "");
        // A value followed on the next line by a key needs a comma between them.
        text = Regex.Replace(text, "(?<=[\"0-9\\]}])([ \t]*\n\\s*\")", ",$1");
        text = Regex.Replace(text, @",(\s*[}\]])", "$1");
        return Regex.Replace(text, "[ \t]+$", "", RegexOptions.Multiline);
    }

    private static bool IsSessionList(string name) =>
        name.StartsWith("2.9-", StringComparison.Ordinal) || name.StartsWith("3.0-", StringComparison.Ordinal);
}
