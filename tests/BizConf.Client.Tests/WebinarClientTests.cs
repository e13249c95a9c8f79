using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>The webinar calls of the client: fields on the wire, the stream rule, and what is refused before sending.</summary>
public class WebinarClientTests
{
    private static WebinarRequest Valid() => new()
    {
        Name = "产品发布会",
        StartTime = new DateTimeOffset(2017, 8, 9, 12, 0, 0, TimeSpan.FromHours(8)),
        Duration = 30,
    };

    [Fact]
    public async Task Create_posts_the_fields_with_the_site_sign_and_video_on_by_default()
    {
        var handler = FakeHttpHandler.Json(WebinarVendorSamples.WebinarRepaired);
        using var client = TestClient.Create(handler);

        await client.CreateWebinarAsync(Valid());

        var sent = handler.Single;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.EndsWith("/openapi/createDiyWebinar", sent.Uri.AbsolutePath);
        Assert.Equal(
            new[] { "loginName", "timeStamp", "token", "siteSign", "confName", "startTime", "duration", "optionVideoParticipants", "optionVideoHost", "audio", "isPushVideoSteam" },
            sent.Fields.Select(f => f.Key));
        Assert.Equal(TestClient.SiteSign, sent.Field("siteSign"));
        Assert.Equal("产品发布会", sent.Field("confName"));
        Assert.Equal("2017-08-09 12:00:00", sent.Field("startTime"));
        Assert.Equal("30", sent.Field("duration"));
        Assert.Equal("1", sent.Field("optionVideoParticipants"));
        Assert.Equal("1", sent.Field("optionVideoHost"));
        Assert.Equal("0", sent.Field("audio"));
        Assert.Equal("0", sent.Field("isPushVideoSteam"));
    }

    [Fact]
    public async Task Create_with_the_three_stream_settings_turns_the_stream_on()
    {
        var handler = FakeHttpHandler.Json(WebinarVendorSamples.WebinarRepaired);
        using var client = TestClient.Create(handler);
        var request = Valid();
        request.Password = "8080";
        request.HostVideo = false;
        request.Audio = AudioOption.PhoneAndVoip;
        request.StreamUrl = "rtmp://push.example/live";
        request.StreamKey = "key 1";
        request.LiveUrl = "https://watch.example/1";

        await client.CreateWebinarAsync(request);

        var sent = handler.Single;
        Assert.Equal("8080", sent.Field("password"));
        Assert.Equal("0", sent.Field("optionVideoHost"));
        Assert.Equal("3", sent.Field("audio"));
        Assert.Equal("1", sent.Field("isPushVideoSteam"));
        Assert.Equal("rtmp://push.example/live", sent.Field("streamUrl"));
        Assert.Equal("key 1", sent.Field("streamKey"));
        Assert.Equal("https://watch.example/1", sent.Field("liveUrl"));
    }

    [Theory]
    [InlineData("rtmp://a", null, null, "StreamKey")]
    [InlineData("rtmp://a", "k", null, "LiveUrl")]
    [InlineData(null, "k", "https://b", "StreamUrl")]
    [InlineData("", "k", "", "StreamUrl")]
    public async Task Stream_settings_given_in_part_are_refused_without_sending(string? url, string? key, string? live, string missing)
    {
        var handler = FakeHttpHandler.Json(WebinarVendorSamples.WebinarRepaired);
        using var client = TestClient.Create(handler);
        var request = Valid();
        request.StreamUrl = url;
        request.StreamKey = key;
        request.LiveUrl = live;

        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CreateWebinarAsync(request));

        Assert.Equal(missing, e.ParamName);
        Assert.Contains("give all three or none", e.Message);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("", 30, "Name")]
    [InlineData("x", 0, "Duration")]
    [InlineData("x", 1441, "Duration")]
    public async Task Create_refuses_bad_settings_without_sending(string name, int duration, string parameter)
    {
        var handler = FakeHttpHandler.Json(WebinarVendorSamples.WebinarRepaired);
        using var client = TestClient.Create(handler);
        var request = Valid();
        request.Name = name;
        request.Duration = duration;

        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CreateWebinarAsync(request));

        Assert.Equal(parameter, e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Create_refuses_a_start_in_the_past()
    {
        var handler = FakeHttpHandler.Json(WebinarVendorSamples.WebinarRepaired);
        using var client = TestClient.Create(handler);
        var request = Valid();
        request.StartTime = TestClient.Now.AddMinutes(-1);

        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CreateWebinarAsync(request));

        Assert.Equal("StartTime", e.ParamName);
        Assert.Contains("a webinar must start in the future", e.Message);
        Assert.DoesNotContain("meeting", e.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Webinar_calls_without_a_site_sign_are_refused_without_sending()
    {
        var handler = FakeHttpHandler.Json(WebinarVendorSamples.WebinarRepaired);
        using var client = TestClient.Create(handler, configure: o => o.SiteSign = null);

        await Assert.ThrowsAsync<BizConfOperationException>(() => client.CreateWebinarAsync(Valid()));
        await Assert.ThrowsAsync<BizConfOperationException>(() => client.GetWebinarAsync("123"));
        await Assert.ThrowsAsync<BizConfOperationException>(() => client.DeleteWebinarAsync("123"));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Get_is_a_GET_with_the_number_in_the_query()
    {
        var handler = FakeHttpHandler.Json(WebinarVendorSamples.WebinarRepaired);
        using var client = TestClient.Create(handler);

        await client.GetWebinarAsync(" 123333333 ");

        var sent = handler.Single;
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Null(sent.Body);
        Assert.Equal("123333333", sent.Field("webinarNo"));
        Assert.Equal(TestClient.SiteSign, sent.Field("siteSign"));
    }

    [Fact]
    public async Task Modify_sends_the_number_and_the_whole_webinar()
    {
        var handler = FakeHttpHandler.Json(WebinarVendorSamples.WebinarRepaired);
        using var client = TestClient.Create(handler);
        var current = await client.GetWebinarAsync("123333333");
        var request = WebinarRequest.From(current);
        request.Duration = 60;

        await client.ModifyWebinarAsync("123333333", request);

        var sent = handler.Requests[1];
        Assert.EndsWith("/updateDiyWebinar", sent.Uri.AbsolutePath);
        Assert.Equal("123333333", sent.Field("webinarNo"));
        Assert.Equal("测试", sent.Field("confName"));
        Assert.Equal("2022-06-13 20:00:00", sent.Field("startTime"));
        Assert.Equal("60", sent.Field("duration"));
        Assert.Equal("0", sent.Field("isPushVideoSteam"));
    }

    [Fact]
    public async Task Delete_posts_the_number_and_is_not_retried_after_an_ambiguous_failure()
    {
        var handler = FakeHttpHandler.Answering(() => FakeHttpHandler.ApiStatus(103, "busy"), () => FakeHttpHandler.Ok("""{"status":"100","message":""}"""));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 2);

        var e = await Assert.ThrowsAsync<BizConfApiException>(() => client.DeleteWebinarAsync("123333333"));

        Assert.Equal(103, e.Status);
        Assert.Equal("123333333", handler.Single.Field("webinarNo"));
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("status 103")]
    [InlineData("dropped connection")]
    public async Task Create_is_never_sent_again_after_a_failure_that_may_hide_a_made_webinar(string failure)
    {
        // Request 0 fails so; a retry would be answered with a webinar, so only the rule keeps it at one request.
        var handler = new FakeHttpHandler(async (i, _, ct) =>
        {
            if (i > 0)
            {
                return FakeHttpHandler.Ok(WebinarVendorSamples.WebinarRepaired);
            }

            switch (failure)
            {
                case "timeout":
                    await Task.Delay(TimeSpan.FromSeconds(30), ct);
                    throw new InvalidOperationException("the deadline did not fire");
                case "status 103":
                    return FakeHttpHandler.ApiStatus(103, "服务器内部错误");
                default:
                    throw new HttpRequestException("Connection reset by peer");
            }
        });
        // Only the request chosen to time out races this deadline: nothing here is meant to succeed.
        using var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 3;
            o.Timeout = TimeSpan.FromMilliseconds(100);
        });

        var e = await Record.ExceptionAsync(() => client.CreateWebinarAsync(Valid()));

        Assert.EndsWith("/createDiyWebinar", handler.Single.Uri.AbsolutePath);
        Assert.EndsWith("It was not tried again, because the request may have been carried out: the API has no webinar list to look in, " +
            $"so look for '{Valid().Name}' among the webinars of account demo in the BizConf portal before creating it again.", e!.Message);
        switch (failure)
        {
            case "timeout":
                Assert.True(Assert.IsType<BizConfTransportException>(e).IsTimeout);
                break;
            case "status 103":
                Assert.Equal(103, Assert.IsType<BizConfApiException>(e).Status);
                break;
            default:
                Assert.Equal(BizConfErrorKind.ConnectionError, Assert.IsType<BizConfTransportException>(e).Kind);
                break;
        }
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Create_is_sent_again_after_429_and_503_which_say_nothing_was_done(int status)
    {
        var handler = FakeHttpHandler.Answering(() => FakeHttpHandler.Http(status, 0), () => FakeHttpHandler.Ok(WebinarVendorSamples.WebinarRepaired));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 3);

        var webinar = await client.CreateWebinarAsync(Valid());

        Assert.Equal("123333333", webinar.WebinarNumber);
        Assert.Equal(2, handler.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/createDiyWebinar", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_webinar_is_an_api_error_with_status_401()
    {
        var handler = FakeHttpHandler.Answering(() => FakeHttpHandler.ApiStatus(401, "会议不存在"));
        using var client = TestClient.Create(handler);

        var e = await Assert.ThrowsAsync<BizConfApiException>(() => client.GetWebinarAsync("1"));

        Assert.Equal(401, e.Status);
        Assert.Equal(BizConfErrorKind.ObjectNotFound, e.Kind);
        Assert.Equal("The webinar does not exist, was deleted, or belongs to another user.", e.StatusMessage);
        Assert.Equal("BizConf status 401 from getWebinarInfo: The webinar does not exist, was deleted, or belongs to another user. Server message: 会议不存在", e.Message);
    }

    [Theory]
    [InlineData("createDiyWebinar", 201, "The webinar time is invalid (in the past, or a bad duration).")]
    [InlineData("updateDiyWebinar", 201, "The webinar time is invalid (in the past, or a bad duration).")]
    [InlineData("deleteWebinar", 401, "The webinar does not exist, was deleted, or belongs to another user.")]
    [InlineData("updateDiyWebinar", 109, "A parameter is invalid.")]
    [InlineData("confModify", 401, "The meeting does not exist, is cancelled, or belongs to another user.")]
    public void Webinar_endpoints_word_the_statuses_about_a_webinar_and_others_keep_the_table(string endpoint, int status, string english)
    {
        Assert.Equal(english, BizConfStatus.Describe(status, endpoint));
        Assert.Equal(english, new BizConfApiException(status, null, endpoint).StatusMessage);
    }

    [Fact]
    public void From_keeps_a_stream_only_when_all_three_settings_came_back()
    {
        var whole = WebinarRequest.From(new Webinar { StartTime = TestClient.Now, StreamUrl = "rtmp://a", StreamKey = "k", LiveUrl = "https://b" });
        var half = WebinarRequest.From(new Webinar { StartTime = TestClient.Now, StreamUrl = "rtmp://a" });

        Assert.True(whole.PushesStream);
        Assert.False(half.PushesStream);
        Assert.Null(half.StreamUrl);
    }
}
