using BizConf.Client.Tests.Support;
using BizConf.Transport;

namespace BizConf.Client.Tests;

/// <summary>docs/API.md, "Transport" and "Signing" and "Meetings": what goes on the wire (Transport/ApiTransport.cs, ApiCall.cs, BizConfClientOptions).</summary>
public class RequestEncodingTests
{
    private const string Chinese = "产品评审 & Q3 = a+b";
    private const string ChineseEncoded = "%E4%BA%A7%E5%93%81%E8%AF%84%E5%AE%A1%20%26%20Q3%20%3D%20a%2Bb";

    private static async Task<RecordedRequest> CreateAsync(MeetingRequest request, Action<BizConfClientOptions>? configure = null, string? apiKey = null)
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler, apiKey, configure);
        await client.CreateMeetingAsync(request);
        return handler.Single;
    }

    private static string[] Names(RecordedRequest request) => request.Fields.Select(f => f.Key).ToArray();

    [Fact]
    public async Task Post_body_is_form_urlencoded_with_utf8_charset()
    {
        var request = await CreateAsync(TestClient.Meeting());

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.ContentType);
    }

    [Fact]
    public async Task Post_url_is_base_uri_plus_endpoint()
    {
        var request = await CreateAsync(TestClient.Meeting());

        Assert.Equal("https://api.example.test/openapi/confReservation", request.Uri.AbsoluteUri);
        Assert.Equal(string.Empty, request.Uri.Query);
    }

    [Fact]
    public async Task Post_fields_are_signature_fields_first_then_the_call_fields_in_order()
    {
        var request = await CreateAsync(TestClient.Meeting());

        Assert.Equal(
            new[] { "loginName", "timeStamp", "token", "confName", "startTime", "duration", "optionJbh", "optionStartType", "audio" },
            Names(request));
        Assert.Equal("demo", request.Field("loginName"));
        Assert.Equal("Weekly sync", request.Field("confName"));
        Assert.Equal("60", request.Field("duration"));
    }

    [Fact]
    public async Task Chinese_name_and_reserved_characters_are_utf8_percent_encoded_in_the_body()
    {
        var request = await CreateAsync(TestClient.Meeting(Chinese));

        Assert.Contains("&confName=" + ChineseEncoded + "&", request.Body);
        // Nothing a form decoder would misread: no raw space, '+', or non-ASCII character.
        Assert.DoesNotContain(" ", request.Body);
        Assert.DoesNotContain("+", request.Body);
        Assert.All(request.Body!, c => Assert.True(c < 128, $"non-ASCII character U+{(int)c:X4} in the body"));
        Assert.Equal(Chinese, request.Field("confName"));
    }

    [Fact]
    public void Encode_percent_encodes_names_and_values_as_utf8_joined_with_ampersands()
    {
        var encoded = ApiTransport.Encode(new[]
        {
            new KeyValuePair<string, string>("confName", Chinese),
            new KeyValuePair<string, string>("a b", "x=y&z"),
            new KeyValuePair<string, string>("empty", ""),
        });

        Assert.Equal("confName=" + ChineseEncoded + "&a%20b=x%3Dy%26z&empty=", encoded);
    }

    [Fact]
    public async Task Get_endpoint_account_check_sends_the_same_fields_in_the_query_string()
    {
        var key = TestClient.NewApiKey();
        var handler = FakeHttpHandler.Json("""{"status":100,"isAvailable":true,"message":""}""");
        using var client = TestClient.Create(handler, key);

        await client.CheckAccountAsync();

        var request = handler.Single;
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://api.example.test/openapi/account/check", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Null(request.Body);
        Assert.Null(request.ContentType);
        Assert.Equal(new[] { "loginName", "timeStamp", "token", "siteSign" }, Names(request));
        Assert.Equal("demo", request.Field("loginName"));
        Assert.Equal("site-1", request.Field("siteSign"));
        Assert.Equal(TestClient.Md5($"demo|{key}|{request.Field("timeStamp")}"), request.Field("token"));
    }

    [Fact]
    public async Task Account_check_of_another_Chinese_login_signs_and_sends_that_name_percent_encoded()
    {
        var key = TestClient.NewApiKey();
        var handler = FakeHttpHandler.Json("""{"status":100,"isAvailable":true,"message":""}""");
        using var client = TestClient.Create(handler, key);

        await client.CheckAccountAsync("李四");

        var request = handler.Single;
        Assert.StartsWith("?loginName=%E6%9D%8E%E5%9B%9B&timeStamp=", request.Uri.Query);
        Assert.Equal("李四", request.Field("loginName"));
        Assert.Equal(TestClient.Md5($"李四|{key}|{request.Field("timeStamp")}"), request.Field("token"));
    }

    [Fact]
    public async Task Account_check_without_site_sign_is_refused_before_sending()
    {
        var handler = FakeHttpHandler.Json("""{"status":100,"isAvailable":true}""");
        using var client = TestClient.Create(handler, configure: o => o.SiteSign = null);

        await Assert.ThrowsAsync<BizConfOperationException>(() => client.CheckAccountAsync());
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Token_sent_verifies_against_the_timeStamp_sent_and_the_stamp_is_the_clock_in_ms()
    {
        var key = TestClient.NewApiKey();

        var request = await CreateAsync(TestClient.Meeting(), apiKey: key);

        Assert.Equal("1501545600000", request.Field("timeStamp")); // TestClient.Now, 2017-08-01T00:00:00Z
        Assert.Equal(TestClient.Md5($"demo|{key}|1501545600000"), request.Field("token"));
    }

    [Fact]
    public async Task Chinese_session_login_name_is_signed_as_utf8_and_sent_encoded()
    {
        var key = TestClient.NewApiKey();

        var request = await CreateAsync(TestClient.Meeting(), o => o.LoginName = "张三", key);

        Assert.StartsWith("loginName=%E5%BC%A0%E4%B8%89&timeStamp=", request.Body);
        Assert.Equal(TestClient.Md5($"张三|{key}|{request.Field("timeStamp")}"), request.Field("token"));
    }

    [Fact]
    public async Task Two_calls_in_the_same_millisecond_send_different_stamps_and_tokens()
    {
        var key = TestClient.NewApiKey();
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler, key);

        await client.GetMeetingAsync(17962);
        await client.GetMeetingAsync(17962);

        var stamps = handler.Requests.Select(r => r.Field("timeStamp")).ToArray();
        Assert.Equal(new[] { "1501545600000", "1501545600001" }, stamps);
        Assert.NotEqual(handler.Requests[0].Field("token"), handler.Requests[1].Field("token"));
        Assert.All(handler.Requests, r => Assert.Equal(TestClient.Md5($"demo|{key}|{r.Field("timeStamp")}"), r.Field("token")));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/openapi/")]
    [InlineData("http://127.0.0.1:5080/", "http://127.0.0.1:5080/openapi/")]
    [InlineData("https://api.bizvideo.cn/openapi", "https://api.bizvideo.cn/openapi/")]
    [InlineData("https://api.bizvideo.cn/openapi/", "https://api.bizvideo.cn/openapi/")]
    [InlineData("https://proxy.example/custom/api", "https://proxy.example/custom/api/")]
    [InlineData("http://api.bizvideo.cn/openapi/?x=1#top", "http://api.bizvideo.cn/openapi/")]
    public void NormalizeBaseUri_adds_openapi_to_a_bare_host_and_a_trailing_slash_to_a_path(string given, string expected)
    {
        Assert.Equal(expected, BizConfClientOptions.NormalizeBaseUri(new Uri(given)).AbsoluteUri);
    }

    [Theory]
    [InlineData("ftp://api.bizvideo.cn/openapi/")]
    [InlineData("file:///tmp/openapi/")]
    public void NormalizeBaseUri_refuses_a_non_http_scheme_naming_BaseUri(string given)
    {
        var e = Assert.Throws<BizConfArgumentException>(() => BizConfClientOptions.NormalizeBaseUri(new Uri(given)));

        Assert.Equal("BaseUri", e.ParamName);
    }

    [Fact]
    public void NormalizeBaseUri_refuses_a_relative_uri_naming_BaseUri()
    {
        var e = Assert.Throws<BizConfArgumentException>(() => BizConfClientOptions.NormalizeBaseUri(new Uri("openapi/", UriKind.Relative)));

        Assert.Equal("BaseUri", e.ParamName);
    }

    [Fact]
    public void BaseUri_defaults_to_the_https_service_and_the_setter_normalizes()
    {
        var options = new BizConfClientOptions();
        Assert.Equal("https://api.bizvideo.cn/openapi/", options.BaseUri.AbsoluteUri);

        options.BaseUri = new Uri("http://127.0.0.1:5080");
        Assert.Equal("http://127.0.0.1:5080/openapi/", options.BaseUri.AbsoluteUri);
    }

    [Fact]
    public async Task Requests_go_to_a_normalized_custom_base_path()
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler, configure: o => o.BaseUri = new Uri("http://127.0.0.1:5080/custom"));

        await client.GetMeetingAsync(17962);

        Assert.Equal("http://127.0.0.1:5080/custom/getConf", handler.Single.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Null_fields_are_left_out_of_the_body()
    {
        var request = await CreateAsync(new MeetingRequest { Name = "x", StartTime = TestClient.Now.AddHours(1), Duration = 30, Password = null });

        Assert.False(request.Has("hostKey"));
        Assert.False(request.Has("isSendEmail"));
        Assert.False(request.Has("registrationType"));
        Assert.DoesNotContain("hostKey", request.Body);
    }

    [Fact]
    public async Task Empty_password_is_left_out_and_a_given_password_is_sent_as_hostKey()
    {
        var empty = await CreateAsync(new MeetingRequest { Name = "x", StartTime = TestClient.Now.AddHours(1), Duration = 30, Password = "" });
        var given = await CreateAsync(new MeetingRequest { Name = "x", StartTime = TestClient.Now.AddHours(1), Duration = 30, Password = "12 34+5" });

        Assert.False(empty.Has("hostKey"));
        Assert.Equal("12 34+5", given.Field("hostKey"));
        Assert.Contains("&hostKey=12%2034%2B5&", given.Body);
    }

    [Fact]
    public async Task List_without_filters_sends_only_the_page_fields()
    {
        var handler = FakeHttpHandler.Json("""{"status":100,"data":[]}""");
        using var client = TestClient.Create(handler);

        await client.ListMeetingsAsync(new MeetingQuery(), 2, 25);

        Assert.Equal(new[] { "loginName", "timeStamp", "token", "pageNo", "pageSize" }, Names(handler.Single));
        Assert.Equal("2", handler.Single.Field("pageNo"));
        Assert.Equal("25", handler.Single.Field("pageSize"));
        Assert.Equal("https://api.example.test/openapi/listConf", handler.Single.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task List_filters_are_sent_with_times_as_site_wall_time()
    {
        var handler = FakeHttpHandler.Json("""{"status":100,"data":[]}""");
        using var client = TestClient.Create(handler);

        await client.ListMeetingsAsync(
            new MeetingQuery
            {
                Keyword = "评审",
                From = new DateTimeOffset(2017, 8, 9, 0, 0, 0, TimeSpan.Zero),
                To = new DateTimeOffset(2017, 8, 9, 18, 30, 0, TimeSpan.FromHours(2)),
            },
            1,
            50);

        var request = handler.Single;
        Assert.Equal(new[] { "loginName", "timeStamp", "token", "keyword", "startTime", "endTime", "pageNo", "pageSize" }, Names(request));
        Assert.Equal("评审", request.Field("keyword"));
        Assert.Equal("2017-08-09 08:00:00", request.Field("startTime"));
        Assert.Equal("2017-08-10 00:30:00", request.Field("endTime"));
    }

    [Fact]
    public async Task SendEmail_false_sends_isSendEmail_n()
    {
        var request = TestClient.Meeting();
        request.SendEmail = false;

        var sent = await CreateAsync(request);

        Assert.Equal("n", sent.Field("isSendEmail"));
    }

    [Fact]
    public async Task SendEmail_true_sends_no_isSendEmail_field()
    {
        var request = TestClient.Meeting();
        request.SendEmail = true;

        Assert.False((await CreateAsync(request)).Has("isSendEmail"));
    }

    [Fact]
    public async Task RequireRegistration_sends_registrationType_1_and_otherwise_nothing()
    {
        var required = TestClient.Meeting();
        required.RequireRegistration = true;

        Assert.Equal("1", (await CreateAsync(required)).Field("registrationType"));
        Assert.False((await CreateAsync(TestClient.Meeting())).Has("registrationType"));
    }

    [Theory]
    [InlineData(true, "1")]
    [InlineData(false, "0")]
    public async Task AllowJoinBeforeHost_is_sent_as_optionJbh_1_or_0(bool allow, string expected)
    {
        var request = TestClient.Meeting();
        request.AllowJoinBeforeHost = allow;

        Assert.Equal(expected, (await CreateAsync(request)).Field("optionJbh"));
    }

    [Theory]
    [InlineData(VideoOption.On, AudioOption.Default, "1", "0")]
    [InlineData(VideoOption.Off, AudioOption.Voip, "2", "2")]
    [InlineData(VideoOption.On, AudioOption.PhoneAndVoip, "1", "3")]
    public async Task Video_and_audio_are_sent_as_their_wire_numbers(VideoOption video, AudioOption audio, string optionStartType, string audioField)
    {
        var request = TestClient.Meeting();
        request.Video = video;
        request.Audio = audio;

        var sent = await CreateAsync(request);

        Assert.Equal(optionStartType, sent.Field("optionStartType"));
        Assert.Equal(audioField, sent.Field("audio"));
    }

    [Fact]
    public async Task StartTime_is_sent_as_China_wall_time()
    {
        var request = TestClient.Meeting();
        request.StartTime = new DateTimeOffset(2017, 8, 9, 4, 0, 0, TimeSpan.Zero);

        Assert.Equal("2017-08-09 12:00:00", (await CreateAsync(request)).Field("startTime"));
    }

    [Fact]
    public async Task StartTime_with_an_offset_is_converted_to_China_wall_time()
    {
        var request = TestClient.Meeting();
        request.StartTime = new DateTimeOffset(2017, 8, 9, 6, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal("2017-08-09 12:00:00", (await CreateAsync(request)).Field("startTime"));
    }

    [Fact]
    public async Task StartTime_follows_the_session_time_zone_setting()
    {
        var request = TestClient.Meeting();
        request.StartTime = new DateTimeOffset(2017, 8, 9, 4, 0, 0, TimeSpan.Zero);

        var sent = await CreateAsync(request, o => o.TimeZone = TimeZoneInfo.Utc);

        Assert.Equal("2017-08-09 04:00:00", sent.Field("startTime"));
    }

    [Fact]
    public async Task Modify_sends_id_then_the_whole_meeting_and_no_creation_only_fields()
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler);
        var request = new MeetingRequest
        {
            Name = "改期",
            StartTime = new DateTimeOffset(2017, 8, 9, 4, 0, 0, TimeSpan.Zero),
            Duration = 45,
            Password = "9999",
            AllowJoinBeforeHost = true,
            Video = VideoOption.Off,
            Audio = AudioOption.Phone,
            SendEmail = false,
            RequireRegistration = true,
        };

        await client.ModifyMeetingAsync(17962, request);

        var sent = handler.Single;
        Assert.Equal("https://api.example.test/openapi/confModify", sent.Uri.AbsoluteUri);
        Assert.Equal(
            new[] { "loginName", "timeStamp", "token", "id", "confName", "startTime", "duration", "hostKey", "optionJbh", "optionStartType", "audio" },
            Names(sent));
        Assert.Equal(
            new[] { "17962", "改期", "2017-08-09 12:00:00", "45", "9999", "1", "2", "1" },
            sent.Fields.Skip(3).Select(f => f.Value).ToArray());
    }

    [Fact]
    public async Task Cancel_get_and_live_stream_send_their_id_fields()
    {
        var handler = FakeHttpHandler.Json("""{"status":100,"message":"","data":{"id":17962}}""");
        using var client = TestClient.Create(handler);

        await client.CancelMeetingAsync(17962);
        await client.GetMeetingAsync(17963);
        await client.SetLiveStreamAsync(17964, "rtmp://push.example/live?a=1&b=2", "key 1", "https://live.example/1");

        var requests = handler.Requests;
        Assert.Equal(new[] { "cancelConf", "getConf", "settingLivestream" }, requests.Select(r => r.Uri.Segments.Last()).ToArray());
        Assert.Equal(new[] { "loginName", "timeStamp", "token", "confId" }, Names(requests[0]));
        Assert.Equal("17962", requests[0].Field("confId"));
        Assert.Equal("17963", requests[1].Field("confId"));
        Assert.Equal(new[] { "loginName", "timeStamp", "token", "id", "streamUrl", "streamKey", "liveUrl" }, Names(requests[2]));
        Assert.Equal(new[] { "17964", "rtmp://push.example/live?a=1&b=2", "key 1", "https://live.example/1" }, requests[2].Fields.Skip(3).Select(f => f.Value).ToArray());
        Assert.All(requests, r => Assert.Equal(HttpMethod.Post, r.Method));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Non_positive_meeting_id_is_refused_naming_Id_without_a_request(long id)
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler);

        Assert.Equal("Id", (await Assert.ThrowsAsync<BizConfArgumentException>(() => client.GetMeetingAsync(id))).ParamName);
        Assert.Equal("Id", (await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CancelMeetingAsync(id))).ParamName);
        Assert.Empty(handler.Requests);
    }
}
