using System.Globalization;
using System.Text.Json;

namespace BizConf.Emulator.Tests;

public sealed class WebinarEndpointTests
{
    [Fact]
    public async Task Create_returns_the_webinar_in_the_vendor_shape_with_string_status_100()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await CallAsync(emu, "createDiyWebinar",
            ("confName", "产品发布会"), ("startTime", "2031-06-13 20:00:00"), ("duration", "30"), ("password", "8080"),
            ("optionVideoHost", "0"), ("optionVideoParticipants", "1"), ("audio", "2"));

        Assert.Equal(JsonValueKind.String, answer.GetProperty("status").ValueKind);
        Assert.Equal("100", answer.Str("status"));
        var webinar = answer.Data();
        Assert.Equal("产品发布会", webinar.Str("confName"));
        Assert.Equal("2031-06-13 12:00:00", webinar.Str("startTime"));
        Assert.Equal(30, webinar.Num("duration"));
        Assert.Equal("8080", webinar.Str("password"));
        Assert.Equal("0", webinar.Str("optionVideoHost"));
        Assert.Equal("1", webinar.Str("optionVideoParticipants"));
        Assert.Equal("2", webinar.Str("audio"));
        Assert.Matches("^[1-9][0-9]{10}$", webinar.Str("webinarNo"));
        Assert.Matches("^[0-9A-F]{32}$", webinar.Str("token"));
        Assert.False(string.IsNullOrEmpty(webinar.Str("uid")));
        Assert.False(string.IsNullOrEmpty(webinar.Str("roomId")));
        var origin = emu.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal($"{origin}/w/{webinar.Str("webinarNo")}", webinar.Str("join_url"));
        Assert.Equal($"{origin}/j/{webinar.Str("webinarNo")}/{webinar.Str("token")}", webinar.Str("start_url"));
        Assert.Equal("", webinar.Str("streamUrl"));
        Assert.False(webinar.Has("videoConf"));
        Assert.False(webinar.Has("videophone"));
    }

    [Fact]
    public async Task Options_default_to_video_on_and_audio_0()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var webinar = (await CreateAsync(emu, "Defaults")).Data();

        Assert.Equal("1", webinar.Str("optionVideoHost"));
        Assert.Equal("1", webinar.Str("optionVideoParticipants"));
        Assert.Equal("0", webinar.Str("audio"));
        Assert.Equal("", webinar.Str("password"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("3")]
    public async Task Audio_that_mixes_phone_in_brings_a_video_conference_and_its_phone(string audio)
    {
        await using var emu = await EmulatorHost.StartAsync();

        var webinar = (await CreateAsync(emu, "Phone", ("audio", audio))).Data();

        Assert.Equal(JsonValueKind.Number, webinar.GetProperty("videoConf").ValueKind);
        Assert.True(webinar.Num("videoConf") > 0);
        Assert.Equal("+86 4006012733", webinar.Str("videophone"));
    }

    [Fact]
    public async Task Stream_fields_are_kept_only_when_the_stream_is_pushed()
    {
        await using var emu = await EmulatorHost.StartAsync();
        (string, string)[] stream = { ("streamUrl", "rtmp://push.example/live"), ("streamKey", "k-1"), ("liveUrl", "https://watch.example/1") };

        var ignored = (await CreateAsync(emu, "Not pushed", stream)).Data();
        var pushed = (await CreateAsync(emu, "Pushed", stream.Append(("isPushVideoSteam", "1")).ToArray())).Data();

        Assert.Equal("", ignored.Str("streamUrl"));
        Assert.Equal("", ignored.Str("streamKey"));
        Assert.Equal("rtmp://push.example/live", pushed.Str("streamUrl"));
        Assert.Equal("k-1", pushed.Str("streamKey"));
        Assert.Equal("https://watch.example/1", pushed.Str("liveUrl"));
    }

    [Theory]
    [InlineData("streamUrl")]
    [InlineData("streamKey")]
    [InlineData("liveUrl")]
    public async Task Pushing_without_every_stream_field_is_109(string missing)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = new[] { ("isPushVideoSteam", "1"), ("streamUrl", "rtmp://a"), ("streamKey", "k"), ("liveUrl", "https://b") }
            .Where(f => f.Item1 != missing).ToArray();

        var answer = await CreateAsync(emu, "Half a stream", fields);

        Assert.Equal(109, StatusOf(answer));
    }

    [Theory]
    [InlineData("confName", null)]
    [InlineData("startTime", null)]
    [InlineData("duration", null)]
    [InlineData("startTime", "2031/06/13 20:00")]
    [InlineData("duration", "half an hour")]
    [InlineData("optionVideoHost", "2")]
    [InlineData("optionVideoParticipants", "yes")]
    [InlineData("audio", "4")]
    [InlineData("isPushVideoSteam", "2")]
    public async Task Missing_or_malformed_webinar_field_is_104(string name, string? value)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = ValidFields().Where(f => f.Item1 != name).ToList();
        if (value is not null)
        {
            fields.Add((name, value));
        }

        var answer = await CallAsync(emu, "createDiyWebinar", fields.ToArray());

        Assert.Equal(104, StatusOf(answer));
    }

    [Theory]
    [InlineData(-1, 30)]
    [InlineData(60, 0)]
    [InlineData(60, 1441)]
    public async Task Past_start_or_bad_duration_is_201(int startsInMinutes, int duration)
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await CallAsync(emu, "createDiyWebinar",
            ("confName", "Bad time"),
            ("startTime", Wire.Wall(emu.Clock.GetUtcNow().AddMinutes(startsInMinutes))),
            ("duration", duration.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(201, StatusOf(answer));
    }

    [Fact]
    public async Task Site_sign_is_required_and_must_be_the_accounts()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddSiteAsync("other-site", "other-key", 5);

        var missing = await emu.SendAsync(HttpMethod.Post, "createDiyWebinar", WithFields(emu.Signed(), ValidFields()));
        var wrong = await emu.SendAsync(HttpMethod.Post, "createDiyWebinar", WithFields(emu.Signed(), ValidFields().Append(("siteSign", "other-site"))));

        Assert.Equal(109, StatusOf(missing));
        Assert.Equal(106, StatusOf(wrong));
    }

    [Fact]
    public async Task Get_reads_the_webinar_back_over_GET_only()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var created = (await CreateAsync(emu, "Read back")).Data();
        var number = created.Str("webinarNo");

        var got = await GetAsync(emu, number);
        var posted = await emu.SendRawAsync(HttpMethod.Post, "getWebinarInfo", WithFields(emu.Signed(), new[] { ("siteSign", Wire.DemoSite), ("webinarNo", number) }));

        Assert.Equal("100", got.Str("status"));
        Assert.Equal(created.GetRawText(), got.Data().GetRawText());
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, posted.StatusCode);
    }

    [Fact]
    public async Task Update_replaces_the_whole_webinar_and_keeps_its_number_and_links()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var created = (await CreateAsync(emu, "Before", ("password", "1234"), ("optionVideoHost", "0"), ("audio", "2"))).Data();
        var number = created.Str("webinarNo");

        var updated = await CallAsync(emu, "updateDiyWebinar",
            ("webinarNo", number), ("confName", "After"), ("startTime", "2031-07-01 09:00:00"), ("duration", "90"));
        var got = (await GetAsync(emu, number)).Data();

        Assert.Equal("100", updated.Str("status"));
        Assert.Equal("After", got.Str("confName"));
        Assert.Equal("2031-07-01 01:00:00", got.Str("startTime"));
        Assert.Equal(90, got.Num("duration"));
        Assert.Equal("", got.Str("password"));
        Assert.Equal("1", got.Str("optionVideoHost"));
        Assert.Equal("0", got.Str("audio"));
        Assert.True(got.Has("videoConf"));
        foreach (var name in new[] { "webinarNo", "token", "uid", "roomId", "join_url", "start_url" })
        {
            Assert.Equal(created.Str(name), got.Str(name));
        }
    }

    [Fact]
    public async Task Delete_removes_the_webinar_and_a_second_delete_is_401()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var number = (await CreateAsync(emu, "Short-lived")).Data().Str("webinarNo");

        var deleted = await CallAsync(emu, "deleteWebinar", ("webinarNo", number));
        var again = await CallAsync(emu, "deleteWebinar", ("webinarNo", number));
        var got = await GetAsync(emu, number);

        Assert.Equal("100", deleted.Str("status"));
        Assert.False(deleted.Has("data"));
        Assert.Equal(401, StatusOf(again));
        Assert.Equal(401, StatusOf(got));
    }

    [Fact]
    public async Task Another_accounts_webinar_is_401_for_get_update_and_delete()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddAccountAsync("colleague");
        var number = (await CreateAsync(emu, "Mine")).Data().Str("webinarNo");

        var got = await emu.SendAsync(HttpMethod.Get, "getWebinarInfo", WithFields(emu.Signed("colleague"), new[] { ("siteSign", Wire.DemoSite), ("webinarNo", number) }));
        var update = await emu.SendAsync(HttpMethod.Post, "updateDiyWebinar", WithFields(emu.Signed("colleague"), ValidFields().Append(("siteSign", Wire.DemoSite)).Append(("webinarNo", number))));
        var delete = await emu.SendAsync(HttpMethod.Post, "deleteWebinar", WithFields(emu.Signed("colleague"), new[] { ("siteSign", Wire.DemoSite), ("webinarNo", number) }));

        Assert.Equal(401, StatusOf(got));
        Assert.Equal(401, StatusOf(update));
        Assert.Equal(401, StatusOf(delete));
        Assert.Equal(100, StatusOf(await GetAsync(emu, number)));
    }

    [Fact]
    public async Task Webinars_hold_no_meeting_slot()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var start = emu.Clock.GetUtcNow().AddHours(2);

        var webinar = await CallAsync(emu, "createDiyWebinar", ("confName", "Webinar"), ("startTime", Wire.Wall(start)), ("duration", "60"));
        var meeting = await emu.CallAsync("confReservation", ("confName", "Meeting"), ("startTime", Wire.Wall(start)), ("duration", "60"));

        Assert.Equal(100, StatusOf(webinar));
        Assert.Equal(100, StatusOf(meeting));
    }

    [Fact]
    public async Task Webinars_survive_a_restart_on_the_same_state_file()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        JsonElement created;
        string firstOrigin;
        await using (var first = await EmulatorHost.StartAsync(statePath, clock: clock))
        {
            created = (await CreateAsync(first, "Kept", ("audio", "1"))).Data();
            firstOrigin = first.BaseAddress.GetLeftPart(UriPartial.Authority);
        }

        await using var second = await EmulatorHost.StartAsync(statePath, clock: clock);
        var got = (await GetAsync(second, created.Str("webinarNo"))).Data();

        // The links follow the address of the run that answers (a new port here); everything else is as saved.
        var secondOrigin = second.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal(created.GetRawText().Replace(firstOrigin, secondOrigin), got.GetRawText());
    }

    [Fact]
    public async Task Request_log_names_the_webinar_endpoints_with_the_api_status()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await CreateAsync(emu, "Logged");
        await GetAsync(emu, "10000000000");

        var log = (await emu.RequestLogAsync()).EnumerateArray().ToList();

        Assert.Equal(new[] { "createDiyWebinar", "getWebinarInfo" }, log.Select(e => e.Str("endpoint")));
        Assert.Equal(100, log[0].Num("status"));
        Assert.Equal(401, log[1].Num("status"));
    }

    private static (string, string)[] ValidFields() =>
        new[] { ("confName", "Launch"), ("startTime", "2031-06-13 20:00:00"), ("duration", "30") };

    internal static int StatusOf(JsonElement answer)
    {
        var status = answer.GetProperty("status");
        return status.ValueKind == JsonValueKind.String ? int.Parse(status.GetString()!, CultureInfo.InvariantCulture) : status.GetInt32();
    }

    private static Dictionary<string, string> WithFields(Dictionary<string, string> signed, IEnumerable<(string, string)> fields)
    {
        foreach (var (name, value) in fields)
        {
            signed[name] = value;
        }

        return signed;
    }

    /// <summary>A POST webinar call as the demo account, with its site sign.</summary>
    private static Task<JsonElement> CallAsync(EmulatorHost emu, string endpoint, params (string, string)[] fields) =>
        emu.SendAsync(HttpMethod.Post, endpoint, WithFields(emu.Signed(), fields.Prepend(("siteSign", Wire.DemoSite))));

    private static Task<JsonElement> CreateAsync(EmulatorHost emu, string name, params (string, string)[] extra) =>
        CallAsync(emu, "createDiyWebinar",
            new[] { ("confName", name), ("startTime", Wire.Wall(emu.Clock.GetUtcNow().AddDays(1))), ("duration", "60") }.Concat(extra).ToArray());

    private static Task<JsonElement> GetAsync(EmulatorHost emu, string webinarNo) =>
        emu.SendAsync(HttpMethod.Get, "getWebinarInfo", WithFields(emu.Signed(), new[] { ("siteSign", Wire.DemoSite), ("webinarNo", webinarNo) }));
}
