using System.Text;

namespace BizConf.Emulator.Tests;

/// <summary>The request log stays bounded by entries and by field text, however large the requests.</summary>
public sealed class RequestLogTests
{
    private static readonly DateTimeOffset Time = ManualClock.DefaultStart;

    [Fact]
    public async Task Huge_form_value_is_logged_truncated_with_a_marker_naming_its_length()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = emu.Signed();
        var huge = new string('x', 4 * 1024 * 1024);
        fields["keyword"] = huge;

        var answer = await emu.SendAsync(HttpMethod.Post, "listConf", fields);

        Assert.Equal(100, answer.Status());
        var logged = (await emu.RequestLogAsync())[0].GetProperty("fields");
        Assert.Equal(new string('x', RequestLog.MaxValueLength) + "…[truncated: 4194304 characters sent]", logged.Str("keyword"));
        Assert.Equal(fields["token"], logged.Str("token"));
    }

    [Fact]
    public void Field_text_over_the_byte_cap_drops_the_oldest_entries()
    {
        var log = new RequestLog();
        var value = new string('v', RequestLog.MaxValueLength);
        var perEntry = Encoding.UTF8.GetByteCount("body") + value.Length;
        var fitting = (int)(RequestLog.MaxFieldBytes / perEntry);

        for (var i = 0; i < fitting + 10; i++)
        {
            log.Begin(Time, "listConf", "POST", new[] { Pair("body", value), Pair("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        }

        var entries = log.ToJson();
        Assert.True(log.FieldBytes <= RequestLog.MaxFieldBytes, $"{log.FieldBytes} bytes kept");
        Assert.True(entries.Count < fitting, $"{entries.Count} entries kept");
        Assert.Equal((fitting + 9).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)entries[^1]!["fields"]!["n"]);
        var firstKept = int.Parse((string)entries[0]!["fields"]!["n"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(fitting + 10 - entries.Count, firstKept);
    }

    [Fact]
    public void Entries_over_the_count_cap_drop_the_oldest()
    {
        var log = new RequestLog();

        for (var i = 0; i <= RequestLog.Capacity; i++)
        {
            log.Begin(Time, "getConf", "POST", new[] { Pair("i", i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        }

        var entries = log.ToJson();
        Assert.Equal(RequestLog.Capacity, entries.Count);
        Assert.Equal("1", (string?)entries[0]!["fields"]!["i"]);
    }

    [Fact]
    public void Clearing_forgets_the_size_too()
    {
        var log = new RequestLog();
        log.Begin(Time, "getConf", "POST", new[] { Pair("confId", "12") });

        log.Clear();

        Assert.Equal(0, log.FieldBytes);
        Assert.Empty(log.ToJson());
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var value = new string('a', RequestLog.MaxValueLength - 1) + "😀" + new string('b', 10);

        var kept = RequestLog.Keep(value);

        Assert.Equal(new string('a', RequestLog.MaxValueLength - 1) + $"…[truncated: {value.Length} characters sent]", kept);
        Assert.Equal("short", RequestLog.Keep("short"));
    }

    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);
}
