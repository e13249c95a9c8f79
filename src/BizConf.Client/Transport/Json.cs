using System.Globalization;
using System.Text.Json;

namespace BizConf.Transport;

/// <summary>
/// Lenient reading of the service's JSON (docs/API.md, "Transport" and "Reports"): numbers may be strings, flags may be
/// 0/1, "0"/"1" or true/false, a missing key, null and "" all mean "not set", and keys match ignoring case,
/// spaces and underscores (the vendor samples have keys such as " topic " and "Details Log").
/// </summary>
internal static class Json
{
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (obj.TryGetProperty(name, out value))
        {
            return true;
        }

        var wanted = Normalize(name);
        foreach (var property in obj.EnumerateObject())
        {
            if (Normalize(property.Name) == wanted)
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    public static string? String(JsonElement obj, params string[] names)
    {
        foreach (var name in names)
        {
            if (!TryGet(obj, name, out var value))
            {
                continue;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (!string.IsNullOrEmpty(text))
            {
                return text;
            }
        }

        return null;
    }

    public static long? Int64(JsonElement obj, params string[] names)
    {
        var text = String(obj, names);
        if (text == null)
        {
            return null;
        }

        if (long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            ? (long)Math.Round(real)
            : (long?)null;
    }

    public static int? Int32(JsonElement obj, params string[] names)
    {
        var value = Int64(obj, names);
        return value.HasValue && value.Value >= int.MinValue && value.Value <= int.MaxValue ? (int)value.Value : (int?)null;
    }

    public static bool? Flag(JsonElement obj, params string[] names)
    {
        var text = String(obj, names);
        return text == null ? null : ParseFlag(text);
    }

    public static bool? ParseFlag(string text)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "1":
            case "true":
            case "yes":
                return true;
            case "0":
            case "false":
            case "no":
                return false;
            default:
                return null;
        }
    }

    public static DateTimeOffset? Time(JsonElement obj, params string[] names) => SiteTime.FromWire(String(obj, names));

    /// <summary>The elements of an array; a single object counts as an array of one; anything else as none.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                yield return item;
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            yield return value;
        }
    }

    public static IEnumerable<JsonElement> Items(JsonElement obj, params string[] names)
    {
        foreach (var name in names)
        {
            if (TryGet(obj, name, out var value) && (value.ValueKind == JsonValueKind.Array || value.ValueKind == JsonValueKind.Object))
            {
                return Items(value);
            }
        }

        return Array.Empty<JsonElement>();
    }

    private static string Normalize(string name)
    {
        var buffer = new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c != ' ' && c != '_' && !char.IsWhiteSpace(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer, 0, length);
    }
}
