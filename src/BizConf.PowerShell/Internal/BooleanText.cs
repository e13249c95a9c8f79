namespace BizConf.PowerShell.Internal;

/// <summary>
/// The one reading of booleans written as text (a CSV cell, a hashtable value): true/false, 1/0, yes/no, y/n,
/// on/off in any case. PowerShell's own conversion calls every non-empty string true, 'false' included.
/// </summary>
internal static class BooleanText
{
    public const string Accepted = "true/false, 1/0, yes/no, y/n or on/off";

    /// <summary>False when the text is none of the accepted words (an empty text included).</summary>
    public static bool TryParse(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true":
            case "1":
            case "yes":
            case "y":
            case "on":
            case "$true":
                value = true;
                return true;
            case "false":
            case "0":
            case "no":
            case "n":
            case "off":
            case "$false":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
