using System.Globalization;
using System.Text.Json;

namespace BizConf.Emulator.Endpoints;

/// <summary>A bad admin request body; the admin group answers it 400 <c>{"error":…}</c> with this message.</summary>
internal sealed class AdminBodyException : Exception
{
    public AdminBodyException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// The JSON object an admin request sends, read by hand rather than bound, so that every fault in it gets a
/// sentence naming the field and its rule: a field this request does not take, a value of the wrong kind, a number
/// out of range. A null value means the same as a field left out. Field names are matched ignoring case.
/// </summary>
internal sealed class AdminBody
{
    private readonly Dictionary<string, JsonElement> fields;

    private AdminBody(Dictionary<string, JsonElement> fields)
    {
        this.fields = fields;
    }

    /// <summary>
    /// Reads the body, which must be a JSON object naming only <paramref name="allowed"/> fields; an empty body
    /// is an empty object when <paramref name="emptyAllowed"/>, an error otherwise. <paramref name="example"/>
    /// shows the right shape in the error.
    /// </summary>
    public static async Task<AdminBody> ReadAsync(HttpRequest request, string example, bool emptyAllowed, params string[] allowed)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var shape = $"The body must be {(emptyAllowed ? "empty or " : "")}a JSON object such as {example}";
        if (string.IsNullOrWhiteSpace(text))
        {
            return emptyAllowed ? new AdminBody(new(StringComparer.OrdinalIgnoreCase)) : throw new AdminBodyException(shape + "; it is empty.");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new AdminBodyException(shape + "; it is not JSON.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AdminBodyException($"{shape}; it is a JSON {root.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var found = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw new AdminBodyException($"'{property.Name}' is not a field of this request; it takes {string.Join(", ", allowed)}.");
            }

            if (!found.TryAdd(property.Name, property.Value))
            {
                throw new AdminBodyException($"'{property.Name}' is given twice.");
            }
        }

        return new AdminBody(found);
    }

    public string? Text(string name)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Wrong(name, "a string", value);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when left out.</summary>
    public int? Whole(string name, int min, int max = int.MaxValue)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        var range = max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number != decimal.Truncate(number))
        {
            var given = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value);
            throw new AdminBodyException($"'{name}' takes whole numbers {range}, not {given}.");
        }

        return number >= min && number <= max
            ? (int)number
            : throw new AdminBodyException($"'{name}' must be {range}, not {value.GetRawText()}.");
    }

    /// <summary>A number greater than 0 and at most <paramref name="max"/>, or null when left out.</summary>
    public double? Positive(string name, double max)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            throw Wrong(name, "a number", value);
        }

        return number > 0 && number <= max
            ? number
            : throw new AdminBodyException($"'{name}' must be more than 0 and at most {max.ToString(CultureInfo.InvariantCulture)}, not {value.GetRawText()}.");
    }

    public bool? Flag(string name)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, "true or false", value),
        };
    }

    /// <summary>An instant written in ISO 8601 with its offset (<c>2031-03-03T02:00:00Z</c>), or null when left out.</summary>
    public DateTimeOffset? Instant(string name)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        const string Rule = "an ISO 8601 time with an offset or Z, such as \"2031-03-03T02:00:00Z\"";
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Wrong(name, Rule, value);
        }

        var text = value.GetString()!;
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : throw new AdminBodyException($"'{name}' must be {Rule}, not \"{text}\".");
    }

    private JsonElement? Value(string name) =>
        fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>Names what was sent by its kind only: the value itself may be a key.</summary>
    private static AdminBodyException Wrong(string name, string rule, JsonElement value) =>
        new($"'{name}' must be {rule}, not {Describe(value)}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };
}
