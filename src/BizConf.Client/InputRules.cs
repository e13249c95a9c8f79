using System.Globalization;

namespace BizConf;

/// <summary>The rule of one free-text field: its longest length, and whether a tab may stay in it.</summary>
public sealed class TextRule
{
    internal TextRule(string field, string parameter, int maxLength, bool allowsTab, string basis)
    {
        Field = field;
        Parameter = parameter;
        MaxLength = maxLength;
        AllowsTab = allowsTab;
        Basis = basis;
    }

    /// <summary>The field as messages name it: a parameter, or a part of one ("CustomAnswer title").</summary>
    public string Field { get; }

    /// <summary>The parameter an error names (its ParamName).</summary>
    public string Parameter { get; }

    /// <summary>The most characters the field may hold.</summary>
    public int MaxLength { get; }

    /// <summary>True for free text the service shows as written (comments, answers), where a tab does no harm.</summary>
    public bool AllowsTab { get; }

    /// <summary>Where the limit comes from: the API's own text, or the module's choice where the API names none.</summary>
    public string Basis { get; }

    /// <summary>The rule as one readable line: field, limit, tab and basis.</summary>
    public override string ToString() => $"{Field}: at most {MaxLength} characters{(AllowsTab ? ", tab allowed" : string.Empty)} ({Basis})";
}

/// <summary>
/// Every rule on user input that the service does not spell out, in one table: the length of each free-text
/// field, no control characters, the schemes of links, numbers that are digits, times the wire can carry. The
/// client checks them before it sends anything; the cmdlets call the same checks before they ask -WhatIf or
/// -Confirm, so a request the client would refuse is never described as if it could go.
/// </summary>
/// <remarks>
/// Control characters are refused because the service stores and shows these values (names in invitations,
/// registrant details in reports): a line break or NUL there breaks what others read, and a CSV cell that
/// carries one is almost always a mistake of the export that made it.
/// </remarks>
public static class InputRules
{
    /// <summary>Names and addresses, where the API names no limit.</summary>
    public const int MaxNameLength = 255;

    /// <summary>An e-mail address: the longest that mail can deliver (RFC 5321).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Comments: free text with room for a paragraph.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>Links: the length that every browser and server accepts.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>The earliest instant taken for any time: the start of the Unix epoch that the API's timestamps count from.</summary>
    public static readonly DateTimeOffset EarliestTime = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The latest instant taken for any time: the end of 9998-12-31 (UTC), a day short of year 10000, so that every
    /// zone can still write it. The whole day, so that the date the rule names is taken wherever it is typed.
    /// </summary>
    public static readonly DateTimeOffset LatestTime = new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1);

    private const string Api = "API";
    private const string Module = "module";

    private static readonly TextRule[] Rules =
    {
        new TextRule("Name", "Name", ScheduleRules.MaxNameLength, false, Module),
        new TextRule("Password", "Password", MaxNameLength, false, Module),
        // A keyword is a part of a name, so a longer one could match nothing.
        new TextRule("Keyword", "Keyword", ScheduleRules.MaxNameLength, false, Module),
        new TextRule("StreamUrl", "StreamUrl", MaxUrlLength, false, Module),
        new TextRule("StreamKey", "StreamKey", MaxNameLength, false, Module),
        new TextRule("LiveUrl", "LiveUrl", MaxUrlLength, false, Module),
        new TextRule("JoinUrl", "JoinUrl", MaxUrlLength, false, Module),
        new TextRule("LoginName", "LoginName", MaxNameLength, false, Module),
        new TextRule("SiteSign", "SiteSign", MaxNameLength, false, Module),
        new TextRule("DisplayName", "DisplayName", MaxNameLength, false, Module),
        new TextRule("Email", "Email", MaxEmailLength, false, Module),
        new TextRule("FirstName", "FirstName", MaxNameLength, false, Module),
        new TextRule("LastName", "LastName", MaxNameLength, false, Module),
        new TextRule("Address", "Address", MaxNameLength, false, Module),
        new TextRule("City", "City", MaxNameLength, false, Module),
        new TextRule("State", "State", MaxNameLength, false, Module),
        new TextRule("Zip", "Zip", MaxNameLength, false, Module),
        new TextRule("Phone", "Phone", MaxNameLength, false, Module),
        new TextRule("Industry", "Industry", MaxNameLength, false, Module),
        new TextRule("JobTitle", "JobTitle", MaxNameLength, false, Module),
        new TextRule("Organization", "Organization", MaxNameLength, false, Module),
        new TextRule("Comments", "Comments", MaxCommentLength, true, Module),
        new TextRule("CustomAnswer title", "CustomAnswer", MaxNameLength, false, Module),
        new TextRule("CustomAnswer value", "CustomAnswer", RegistrationValues.MaxCustomAnswerLength, true, Api),
        new TextRule("CustomQuestion title", "CustomQuestion", MaxNameLength, false, Module),
        // A choice longer than an answer may be could never be chosen.
        new TextRule("CustomQuestion answer", "CustomQuestion", RegistrationValues.MaxCustomAnswerLength, false, Api),
    };

    private static readonly Dictionary<string, TextRule> ByField = Rules.ToDictionary(r => r.Field, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every free-text rule, in the order of the table (the help pages state each one).</summary>
    public static IReadOnlyList<TextRule> TextRules => Rules;

    /// <summary>The rule of a field of the table; an unknown field is a bug of the caller.</summary>
    public static TextRule For(string field) =>
        ByField.TryGetValue(field, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(field), field, "No input rule has this name.");

    /// <summary>
    /// Refuses text that breaks the field's rule: control characters (all of C0 but a tab where the field allows
    /// it, DEL, C1, and the Unicode line and paragraph separators), a broken surrogate pair, or more characters than
    /// the limit. Null and empty pass: whether a value is required is the caller's rule.
    /// </summary>
    public static void CheckText(string field, string? value)
    {
        var rule = For(field);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        for (var i = 0; i < value!.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw new BizConfArgumentException(
                    $"{rule.Field} must be valid Unicode text; it has a broken surrogate pair at position {i + 1}.", rule.Parameter);
            }

            if ((char.IsControl(c) && !(c == '\t' && rule.AllowsTab)) || c == '\u2028' || c == '\u2029')
            {
                throw new BizConfArgumentException(
                    $"{rule.Field} must not contain control characters (line breaks, NUL or others below U+0020{(rule.AllowsTab ? "; a tab may stay" : string.Empty)}); it has {Describe(c)} at position {i + 1}.",
                    rule.Parameter);
            }
        }

        if (value.Length > rule.MaxLength)
        {
            throw new BizConfArgumentException(
                $"{rule.Field} must be at most {rule.MaxLength} characters; it has {value.Length}.", rule.Parameter);
        }
    }

    /// <summary>A link to push a live stream to: rtmp:// or rtmps://.</summary>
    public static void CheckStreamUrl(string? value) => CheckUrl("StreamUrl", value, "rtmp", "rtmps");

    /// <summary>A link where people watch a live stream: http:// or https://.</summary>
    public static void CheckLiveUrl(string? value) => CheckUrl("LiveUrl", value, "http", "https");

    /// <summary>A meeting's join link: http:// or https://.</summary>
    public static void CheckJoinUrl(string? value) => CheckUrl("JoinUrl", value, "http", "https");

    /// <summary>
    /// The three live stream settings of settingLivestream, each required: text rules, then the link schemes.
    /// The empty one is named first, so a forgotten setting is not reported as a bad link.
    /// </summary>
    public static void CheckLiveStream(string? streamUrl, string? streamKey, string? liveUrl)
    {
        RequireText(streamUrl, "StreamUrl");
        RequireText(streamKey, "StreamKey");
        RequireText(liveUrl, "LiveUrl");
        CheckStreamUrl(streamUrl);
        CheckText("StreamKey", streamKey);
        CheckLiveUrl(liveUrl);
    }

    /// <summary>A webinar number: digits only, spaces around it dropped. Returns it trimmed.</summary>
    public static string CheckWebinarNumber(string? value) => CheckDigits(value, "WebinarNumber", "webinar");

    /// <summary>A meeting number: digits only, spaces around it dropped. Returns it trimmed.</summary>
    public static string CheckMeetingNumber(string? value) => CheckDigits(value, "MeetingNumber", "meeting");

    /// <summary>
    /// Refuses an instant outside <see cref="EarliestTime"/> to <see cref="LatestTime"/> (DateTimeOffset.MinValue and
    /// MaxValue among them), which the site's wall time could not carry or no meeting can have.
    /// </summary>
    public static void CheckTime(string parameter, DateTimeOffset? value)
    {
        if (value.HasValue && (value.Value < EarliestTime || value.Value > LatestTime))
        {
            throw new BizConfArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0} must be between {1:yyyy-MM-dd} and {2:yyyy-MM-dd} (UTC); it is {3:yyyy-MM-dd HH:mm:ss zzz}{4}.",
                    parameter, EarliestTime, LatestTime, value.Value,
                    value.Value.Offset == TimeSpan.Zero ? string.Empty : value.Value.UtcDateTime.ToString(" (yyyy-MM-dd HH:mm:ss 'UTC')", CultureInfo.InvariantCulture)),
                parameter);
        }
    }

    /// <summary>
    /// Refuses a proxy address that carries a user name or password: the proxy would never be sent them (they go in
    /// -ProxyCredential), and they would be in plain sight wherever the address is shown.
    /// </summary>
    public static void CheckProxy(Uri? proxy)
    {
        if (proxy == null)
        {
            return;
        }

        if (!proxy.IsAbsoluteUri)
        {
            throw new BizConfArgumentException($"Proxy '{proxy}' must be an absolute URI such as http://proxy.example:8080.", "Proxy");
        }

        if (!string.IsNullOrEmpty(proxy.UserInfo))
        {
            throw new BizConfArgumentException(
                "Proxy must not carry a user name or password (user:password@host): give them with -ProxyCredential, which keeps them out of sight.",
                "Proxy");
        }
    }

    private static void CheckUrl(string field, string? value, params string[] schemes)
    {
        CheckText(field, value);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var shown = string.Join(" or ", schemes.Select(s => s + "://"));
        if (!Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var link) || link.Host.Length == 0 ||
            !schemes.Contains(link.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            throw new BizConfArgumentException($"{field} must be an absolute {shown} link; '{value}' is not.", field);
        }
    }

    private static void RequireText(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new BizConfArgumentException($"{parameter} must not be empty.", parameter);
        }
    }

    private static string CheckDigits(string? value, string parameter, string noun)
    {
        var number = value?.Trim() ?? string.Empty;
        if (number.Length == 0 || !number.All(c => c >= '0' && c <= '9'))
        {
            throw new BizConfArgumentException(
                $"{parameter} must be the {noun}'s number, digits only; '{Printable(value)}' is not.", parameter);
        }

        return number;
    }

    private static string Describe(char c) =>
        c == '\n' ? "a line feed (U+000A)"
        : c == '\r' ? "a carriage return (U+000D)"
        : c == '\0' ? "NUL (U+0000)"
        : c == '\t' ? "a tab (U+0009)"
        : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>A value for a message, its control characters shown as \uXXXX so the message stays on one line.</summary>
    private static string Printable(string? value) =>
        string.Concat((value ?? string.Empty).Select(c => char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString()));
}
