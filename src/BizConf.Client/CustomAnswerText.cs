using System.Text;

namespace BizConf;

/// <summary>
/// Custom registration answers as one line of text, <c>Title=Value; Title2=Value2</c>, so that Export-Csv writes
/// them readably and Import-Csv can bring them back. A backslash escapes <c>;</c>, <c>=</c> and itself inside a
/// title or value, so any text survives the round trip.
/// </summary>
public static class CustomAnswerText
{
    /// <summary>Writes the answers, in the order given, as one escaped line.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> answers)
    {
        var text = new StringBuilder();
        foreach (var answer in answers)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            Escape(text, answer.Key);
            text.Append('=');
            Escape(text, answer.Value ?? string.Empty);
        }

        return text.ToString();
    }

    /// <summary>Reads the text back; an entry without <c>=</c> is refused, naming <paramref name="parameter"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? text, string parameter = "CustomAnswer")
    {
        var answers = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return answers;
        }

        var title = new StringBuilder();
        var value = new StringBuilder();
        var current = title;
        var sawEquals = false;
        for (var i = 0; i < text!.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else if (c == '=' && !sawEquals)
            {
                sawEquals = true;
                current = value;
            }
            else if (c == ';')
            {
                Add(answers, title, value, sawEquals, parameter);
                title.Clear();
                value.Clear();
                current = title;
                sawEquals = false;
            }
            else
            {
                current.Append(c);
            }
        }

        Add(answers, title, value, sawEquals, parameter);
        return answers;
    }

    private static void Add(List<KeyValuePair<string, string>> answers, StringBuilder title, StringBuilder value, bool sawEquals, string parameter)
    {
        var key = title.ToString().Trim();
        if (key.Length == 0 && !sawEquals && value.Length == 0)
        {
            return;
        }

        if (!sawEquals || key.Length == 0)
        {
            throw new BizConfArgumentException(
                $"{parameter} entry '{title}{(sawEquals ? "=" : string.Empty)}{value}' is not of the form Title=Value (separate answers with ';', escape ';', '=' and '\\' with '\\').",
                parameter);
        }

        answers.Add(new KeyValuePair<string, string>(key, value.ToString().Trim()));
    }

    private static void Escape(StringBuilder text, string part)
    {
        foreach (var c in part)
        {
            if (c == '\\' || c == ';' || c == '=')
            {
                text.Append('\\');
            }

            text.Append(c);
        }
    }
}
