using System.Globalization;
using System.Text;

namespace BizConf.Emulator.Tests;

/// <summary>
/// A state file of thousands of meetings is read in pieces on every core: it must load exactly as a small one
/// does, in order, and a fault deep inside it must still be named by its place.
/// </summary>
public sealed class LargeStateTests
{
    private const int Count = 2500;

    [Fact]
    public async Task Big_state_file_loads_every_meeting_in_order()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        await File.WriteAllTextAsync(statePath, Document(Count));

        await using var emu = await EmulatorHost.StartAsync(statePath);
        var meetings = (await emu.AllMeetingsAsync()).EnumerateArray().ToList();
        var listed = await emu.CallAsync("listConf", ("pageSize", "50"));

        Assert.Equal(Enumerable.Range(1, Count).Select(i => (long)i), meetings.Select(m => m.Num("id")));
        Assert.Equal("Meeting 1777", meetings[1776].Str("meetingName"));
        Assert.Equal(1, meetings[1776].Num("registrationType"));
        Assert.Equal(0, meetings[1775].Num("registrationType"));
        Assert.Equal(Count, listed.Num("totalRecord"));
        Assert.Equal(Count + 1, await emu.ReserveIdAsync("Next", TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("\"name\":5", "meetings[2100]")]
    [InlineData("\"lifecycle\":\"Gone\"", "meetings[2100]")]
    [InlineData(null, "meetings[2100] is null")]
    public async Task Fault_deep_in_a_big_state_file_is_named_by_its_place(string? spoilt, string named)
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var document = Document(Count, (2101, spoilt));
        await File.WriteAllTextAsync(statePath, document);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EmulatorHost.StartAsync(statePath));

        Assert.Contains(statePath, error.Message);
        Assert.Contains(named, error.Message);
        Assert.Equal(document, await File.ReadAllTextAsync(statePath));
    }

    /// <summary>A document of <paramref name="count"/> meetings of demo; meeting <c>Spoilt.Id</c> gets a bad field (or is null).</summary>
    private static string Document(int count, (int Id, string? Field)? spoilt = null)
    {
        var text = new StringBuilder("{\"formatVersion\":2,\"nextMeetingId\":")
            .Append(count + 1)
            .Append(",\"nextUserId\":1002,\"sites\":[{\"siteSign\":\"demo-site\",\"apiKey\":\"demo-api-key\",\"licences\":100}],")
            .Append("\"accounts\":[{\"loginName\":\"demo\",\"siteSign\":\"demo-site\",\"userId\":1001,\"maxConcurrent\":1}],\"meetings\":[");
        var first = new DateTimeOffset(2031, 4, 1, 0, 0, 0, TimeSpan.Zero);
        for (var id = 1; id <= count; id++)
        {
            text.Append(id == 1 ? "" : ",");
            if (spoilt?.Id == id && spoilt.Value.Field is null)
            {
                text.Append("null");
                continue;
            }

            var number = (1_000_000_000L + id).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{{\"id\":{id},\"meetingNo\":\"{number}\",\"ownerLoginName\":\"demo\",\"userId\":1001,")
                .Append(CultureInfo.InvariantCulture, $"\"name\":\"Meeting {id}\",\"startUtc\":\"{first.AddHours(id):O}\",\"duration\":30,")
                .Append(CultureInfo.InvariantCulture, $"\"registrationType\":{(id == 1777 ? 1 : 0)},\"joinUrl\":\"/j/{number}\"");
            if (spoilt?.Id == id)
            {
                text.Append(',').Append(spoilt.Value.Field);
            }

            text.Append('}');
        }

        return text.Append("]}").ToString();
    }
}
