using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace BizConf.Emulator.Tests;

public sealed class TransportTests
{
    [Theory]
    [InlineData("confReservation")]
    [InlineData("confModify")]
    [InlineData("cancelConf")]
    [InlineData("listConf")]
    [InlineData("getConf")]
    [InlineData("settingLivestream")]
    public async Task Get_on_a_post_endpoint_is_405(string endpoint)
    {
        await using var emu = await EmulatorHost.StartAsync();

        using var response = await emu.SendRawAsync(HttpMethod.Get, endpoint, emu.Signed());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_fields_are_read_from_the_form_body_not_the_query_string()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = emu.Signed();
        var query = string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));

        using var response = await emu.Http.PostAsync($"openapi/listConf?{query}", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(101, answer.Status());
    }

    [Fact]
    public async Task Json_body_is_not_read_as_fields()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var json = JsonSerializer.Serialize(emu.Signed());

        using var response = await emu.Http.PostAsync("openapi/listConf", new StringContent(json, Encoding.UTF8, "application/json"));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(101, answer.Status());
    }

    [Fact]
    public async Task Utf8_form_with_charset_round_trips_a_chinese_name()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = emu.Signed();
        fields["confName"] = "季度总结 会议";
        fields["startTime"] = Wire.Wall(emu.Clock.GetUtcNow().AddHours(1));
        fields["duration"] = "30";
        var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };

        using var response = await emu.Http.PostAsync("openapi/confReservation", content);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(100, answer.Status());
        Assert.Equal("季度总结 会议", answer.Data().Str("meetingName"));
    }

    [Fact]
    public async Task Unknown_endpoint_is_404()
    {
        await using var emu = await EmulatorHost.StartAsync();

        using var response = await emu.SendRawAsync(HttpMethod.Post, "noSuchThing", emu.Signed());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Latency_option_delays_api_answers()
    {
        await using var emu = await EmulatorHost.StartAsync(latencyMs: 300);

        var watch = Stopwatch.StartNew();
        var answer = await emu.CallAsync("listConf");
        watch.Stop();

        Assert.Equal(100, answer.Status());
        Assert.True(watch.ElapsedMilliseconds >= 290, $"answered after {watch.ElapsedMilliseconds} ms");
    }
}
