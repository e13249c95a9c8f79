using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>What the client refuses before anything is sent (MeetingRequest.Validate and the client methods).</summary>
public class ValidationTests
{
    private static readonly DateTimeOffset Now = TestClient.Now;

    private static async Task<(BizConfArgumentException Error, FakeHttpHandler Handler)> CreateRefusedAsync(MeetingRequest request)
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler);
        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CreateMeetingAsync(request));
        return (e, handler);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_refuses_an_empty_name_naming_Name_without_sending(string name)
    {
        var (e, handler) = await CreateRefusedAsync(new MeetingRequest { Name = name, StartTime = Now.AddDays(1), Duration = 60 });

        Assert.Equal("Name", e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Create_refuses_a_name_longer_than_128_characters()
    {
        var (e, handler) = await CreateRefusedAsync(new MeetingRequest { Name = new string('会', 129), StartTime = Now.AddDays(1), Duration = 60 });

        Assert.Equal("Name", e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    [InlineData(-30)]
    public async Task Create_refuses_a_duration_outside_1_to_1440_naming_Duration_without_sending(int duration)
    {
        var (e, handler) = await CreateRefusedAsync(new MeetingRequest { Name = "x", StartTime = Now.AddDays(1), Duration = duration });

        Assert.Equal("Duration", e.ParamName);
        Assert.Contains(duration.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1440)]
    public async Task Create_accepts_the_duration_limits_1_and_1440(int duration)
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler);

        await client.CreateMeetingAsync(new MeetingRequest { Name = "x", StartTime = Now.AddDays(1), Duration = duration });

        Assert.Equal(duration.ToString(System.Globalization.CultureInfo.InvariantCulture), handler.Single.Field("duration"));
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    public async Task Create_refuses_a_start_not_after_the_clock_naming_StartTime_without_sending(int secondsFromNow)
    {
        var (e, handler) = await CreateRefusedAsync(new MeetingRequest { Name = "x", StartTime = Now.AddSeconds(secondsFromNow), Duration = 60 });

        Assert.Equal("StartTime", e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Create_refuses_the_default_start_time()
    {
        var (e, handler) = await CreateRefusedAsync(new MeetingRequest { Name = "x", Duration = 60 });

        Assert.Equal("StartTime", e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Create_uses_the_options_clock_for_now()
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        // The client's clock says 2017-08-01; a start in 2017-08-02 is in the future there, whatever today is.
        using var client = TestClient.Create(handler);

        await client.CreateMeetingAsync(new MeetingRequest { Name = "x", StartTime = Now.AddSeconds(1), Duration = 60 });

        Assert.Single(handler.Requests);
        Assert.Equal("2017-08-01 08:00:01", handler.Single.Field("startTime"));
    }

    [Fact]
    public async Task Modify_accepts_a_start_in_the_past()
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler);

        await client.ModifyMeetingAsync(17962, new MeetingRequest { Name = "x", StartTime = Now.AddDays(-1), Duration = 60 });

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Modify_refuses_an_empty_name_and_a_bad_duration_without_sending()
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler);

        var name = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.ModifyMeetingAsync(1, new MeetingRequest { Name = "", StartTime = Now, Duration = 60 }));
        var duration = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.ModifyMeetingAsync(1, new MeetingRequest { Name = "x", StartTime = Now, Duration = 1441 }));

        Assert.Equal("Name", name.ParamName);
        Assert.Equal("Duration", duration.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Validate_names_each_broken_rule()
    {
        Assert.Equal("Name", Assert.Throws<BizConfArgumentException>(() => new MeetingRequest { Name = "", StartTime = Now.AddDays(1), Duration = 60 }.Validate(Now, true)).ParamName);
        Assert.Equal("Duration", Assert.Throws<BizConfArgumentException>(() => new MeetingRequest { Name = "x", StartTime = Now.AddDays(1), Duration = 0 }.Validate(Now, true)).ParamName);
        Assert.Equal("Duration", Assert.Throws<BizConfArgumentException>(() => new MeetingRequest { Name = "x", StartTime = Now.AddDays(1), Duration = 1441 }.Validate(Now, true)).ParamName);
        Assert.Equal("StartTime", Assert.Throws<BizConfArgumentException>(() => new MeetingRequest { Name = "x", StartTime = Now.AddMinutes(-1), Duration = 60 }.Validate(Now, true)).ParamName);
        Assert.Equal("Video", Assert.Throws<BizConfArgumentException>(() => new MeetingRequest { Name = "x", StartTime = Now.AddDays(1), Duration = 60, Video = (VideoOption)5 }.Validate(Now, true)).ParamName);
        Assert.Equal("Audio", Assert.Throws<BizConfArgumentException>(() => new MeetingRequest { Name = "x", StartTime = Now.AddDays(1), Duration = 60, Audio = (AudioOption)9 }.Validate(Now, true)).ParamName);

        new MeetingRequest { Name = "x", StartTime = Now.AddMinutes(-1), Duration = 60 }.Validate(Now, requireFutureStart: false);
    }

    [Theory]
    [InlineData(0, 10, "PageNumber")]
    [InlineData(1, 0, "PageSize")]
    [InlineData(1, 51, "PageSize")]
    public async Task List_refuses_bad_paging_without_sending(int page, int size, string parameter)
    {
        var handler = FakeHttpHandler.Json("""{"status":100,"data":[]}""");
        using var client = TestClient.Create(handler);

        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.ListMeetingsAsync(new MeetingQuery(), page, size));

        Assert.Equal(parameter, e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task List_refuses_From_later_than_To_without_sending()
    {
        var handler = FakeHttpHandler.Json("""{"status":100,"data":[]}""");
        using var client = TestClient.Create(handler);

        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() =>
            client.ListMeetingsAsync(new MeetingQuery { From = Now.AddDays(2), To = Now.AddDays(1) }, 1, 10));

        Assert.Equal("From", e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("", "k", "l", "StreamUrl")]
    [InlineData("u", " ", "l", "StreamKey")]
    [InlineData("u", "k", "", "LiveUrl")]
    public async Task Live_stream_refuses_empty_values_without_sending(string url, string key, string live, string parameter)
    {
        var handler = FakeHttpHandler.Json("""{"status":100}""");
        using var client = TestClient.Create(handler);

        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.SetLiveStreamAsync(1, url, key, live));

        Assert.Equal(parameter, e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Client_refuses_an_empty_login_name_or_api_key()
    {
        Assert.Equal("LoginName", Assert.Throws<BizConfArgumentException>(() => new BizConfClient(new BizConfClientOptions { LoginName = " " }, "key")).ParamName);
        Assert.Equal("ApiKey", Assert.Throws<BizConfArgumentException>(() => new BizConfClient(new BizConfClientOptions { LoginName = "demo" }, "")).ParamName);
        Assert.Throws<ArgumentNullException>(() => new BizConfClient(null!, "key"));
    }
}
