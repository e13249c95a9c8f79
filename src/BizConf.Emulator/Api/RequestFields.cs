using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace BizConf.Emulator.Api;

/// <summary>
/// The fields of one API request: the query string of a GET, the url-encoded form body of a POST. Fields sent
/// the other way round are not seen, as a client that puts them there has a bug worth catching. A missing field
/// and an empty one mean the same ("not set"). Readers that find a bad value throw <see cref="ApiFailureException"/> with the
/// status the caller names (104 for meeting fields, 109 for the others).
/// </summary>
internal sealed class RequestFields
{
    private readonly List<KeyValuePair<string, string>> sent;
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public RequestFields(IEnumerable<KeyValuePair<string, StringValues>> source)
    {
        sent = source.Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value.ToString())).ToList();
        foreach (var pair in source)
        {
            values.TryAdd(pair.Key, pair.Value.Count > 0 ? pair.Value[0] ?? "" : "");
        }
    }

    public static RequestFields Empty { get; } = new(Array.Empty<KeyValuePair<string, StringValues>>());

    public static async Task<RequestFields> ReadAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return new RequestFields(request.Query);
        }

        if (!request.HasFormContentType)
        {
            return Empty;
        }

        try
        {
            return new RequestFields(await request.ReadFormAsync(request.HttpContext.RequestAborted));
        }
        catch (InvalidDataException)
        {
            return Empty;
        }
    }

    /// <summary>Every field exactly as sent (repeated fields joined by commas), for the request log.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sent => sent;

    public string? Text(string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string RequiredText(string name, int status) =>
        Text(name) ?? throw new ApiFailureException(status, $"'{name}' is required.");

    public long? LongValue(string name, int status)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiFailureException(status, $"'{name}' must be a whole number.");
    }

    public long RequiredLong(string name, int status) =>
        LongValue(name, status) ?? throw new ApiFailureException(status, $"'{name}' is required.");

    public int? IntValue(string name, int status)
    {
        var value = LongValue(name, status);
        if (value is null)
        {
            return null;
        }

        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value.Value
            : throw new ApiFailureException(status, $"'{name}' is out of range.");
    }

    public int RequiredInt(string name, int status) =>
        IntValue(name, status) ?? throw new ApiFailureException(status, $"'{name}' is required.");

    /// <summary>A number from a fixed set (an enumeration such as optionJbh), or <paramref name="absent"/>.</summary>
    public int Choice(string name, int status, int absent, params int[] allowed)
    {
        var value = IntValue(name, status);
        if (value is null)
        {
            return absent;
        }

        return allowed.Contains(value.Value)
            ? value.Value
            : throw new ApiFailureException(status, $"'{name}' must be one of {string.Join(", ", allowed)}.");
    }

    /// <summary>A site wall time (<c>yyyy-MM-dd HH:mm:ss</c>, UTC+08:00) as an instant.</summary>
    public DateTimeOffset? WallTime(string name, int status)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return SiteTime.TryParseWall(text, out var instant)
            ? instant
            : throw new ApiFailureException(status, $"'{name}' must be formatted {SiteTime.WireFormat}.");
    }

    public DateTimeOffset RequiredWallTime(string name, int status) =>
        WallTime(name, status) ?? throw new ApiFailureException(status, $"'{name}' is required.");
}
