using System.Text.Json;

namespace BizConf.Emulator.Tests;

public sealed class GetConfTests
{
    [Fact]
    public async Task Get_returns_the_meeting_as_reserved()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var created = (await emu.CallAsync("confReservation", ("confName", "Read back"), ("startTime", "2031-05-01 08:30:00"), ("duration", "25"))).Data();

        var got = (await emu.CallAsync("getConf", ("confId", created.Num("id").ToString()))).Data();

        Assert.Equal("2031-05-01 00:30:00", got.Str("startTime"));
        foreach (var name in new[] { "meetingNo", "meetingName", "joinUrl", "startUrl", "hostStartUrl", "protocolJoinUrl", "protocolHostStartUrl", "token", "hostKey" })
        {
            Assert.Equal(created.Str(name), got.Str(name));
        }
    }

    [Fact]
    public async Task Stream_fields_are_null_until_set_and_then_read_back()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = (await emu.ReserveIdAsync("Streamed", TimeSpan.FromHours(1))).ToString();

        var before = (await emu.CallAsync("getConf", ("confId", id))).Data();
        var set = await emu.CallAsync(
            "settingLivestream",
            ("id", id),
            ("streamUrl", "rtmp://push.example/app"),
            ("streamKey", "secret-key"),
            ("liveUrl", "https://watch.example/live/1"));
        var after = (await emu.CallAsync("getConf", ("confId", id))).Data();

        Assert.Equal(JsonValueKind.Null, before.GetProperty("streanUrl").ValueKind);
        Assert.Equal(100, set.Status());
        Assert.False(set.Has("data"));
        Assert.Equal("rtmp://push.example/app", after.Str("streanUrl"));
        Assert.Equal("secret-key", after.Str("streamKey"));
        Assert.Equal("https://watch.example/live/1", after.Str("liveUrl"));
        Assert.False(after.Has("streamUrl"));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("streamUrl")]
    [InlineData("streamKey")]
    [InlineData("liveUrl")]
    public async Task Setting_livestream_without_a_required_field_is_109(string missing)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = (await emu.ReserveIdAsync("Streamed", TimeSpan.FromHours(1))).ToString();
        var fields = new[]
        {
            ("id", id),
            ("streamUrl", "rtmp://push.example/app"),
            ("streamKey", "k"),
            ("liveUrl", "https://watch.example"),
        }.Where(f => f.Item1 != missing);

        var answer = await emu.CallAsync("settingLivestream", fields);

        Assert.Equal(109, answer.Status());
        Assert.Equal(JsonValueKind.Null, (await emu.AllMeetingsAsync())[0].GetProperty("liveUrl").ValueKind);
    }
}
