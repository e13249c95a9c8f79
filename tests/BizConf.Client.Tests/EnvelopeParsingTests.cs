using System.Text.Json;
using BizConf.Client.Tests.Support;
using BizConf.Transport;

namespace BizConf.Client.Tests;

/// <summary>docs/API.md, "Transport" (answers) and "Statuses": reading the envelope and the meeting object.</summary>
public class EnvelopeParsingTests
{
    private static readonly DateTimeOffset GmtStart = new(2017, 8, 9, 4, 0, 0, TimeSpan.Zero);

    private static async Task<Meeting> GetAsync(string body)
    {
        using var client = TestClient.Create(FakeHttpHandler.Json(body));
        return await client.GetMeetingAsync(17962);
    }

    [Fact]
    public async Task Realistic_meeting_with_string_numbers_and_flags_is_read_in_full()
    {
        var meeting = await GetAsync(TestClient.RealisticMeeting);

        Assert.Equal(17962, meeting.Id);
        Assert.Equal("1234567890", meeting.MeetingNumber);
        Assert.Equal("产品评审 Q3", meeting.Name);
        Assert.Equal(GmtStart, meeting.StartTime);
        Assert.Equal(90, meeting.Duration);
        Assert.Equal(GmtStart.AddMinutes(90), meeting.EndTime);
        Assert.Equal(MeetingStatus.InProgress, meeting.Status);
        Assert.Equal("654321", meeting.Password);
        Assert.True(meeting.AllowJoinBeforeHost);
        Assert.Equal(VideoOption.Off, meeting.Video);
        Assert.Equal(AudioOption.PhoneAndVoip, meeting.Audio);
        Assert.Equal("https://www.bizvideo.cn/j/1234567890", meeting.JoinUrl);
        Assert.Equal("https://www.bizvideo.cn/s/1234567890?zak=abc", meeting.StartUrl);
        Assert.Equal("https://www.bizvideo.cn/h/1234567890", meeting.HostStartUrl);
        Assert.Equal("cfcloud://www.bizvideo.cn/join?confno=1234567890", meeting.ProtocolJoinUrl);
        Assert.Equal("cfcloud://www.bizvideo.cn/start?confno=1234567890", meeting.ProtocolHostStartUrl);
        Assert.Equal(300, meeting.MaxParticipants);
        Assert.Equal("u-88", meeting.UserId);
        Assert.Equal("host-start-token", meeting.HostToken);
        Assert.Equal("rtmp://push.example/live", meeting.StreamUrl);
        Assert.Equal("key-1", meeting.StreamKey);
        Assert.Equal("https://live.example/1", meeting.LiveUrl);
    }

    [Fact]
    public async Task Realistic_meeting_with_json_numbers_and_booleans_reads_the_same()
    {
        var meeting = await GetAsync("""
            {"status":100,"message":"","data":{"id":17962,"meetingNo":1234567890,"meetingName":"产品评审 Q3","startTime":"2017-08-09 04:00:00","duration":90,"optionJbh":true,"confStatus":2,"maxCount":300,"audio":3,"optionStartType":2}}
            """);

        Assert.Equal(17962, meeting.Id);
        Assert.Equal("1234567890", meeting.MeetingNumber);
        Assert.Equal(90, meeting.Duration);
        Assert.True(meeting.AllowJoinBeforeHost);
        Assert.Equal(MeetingStatus.InProgress, meeting.Status);
        Assert.Equal(300, meeting.MaxParticipants);
        Assert.Equal(AudioOption.PhoneAndVoip, meeting.Audio);
        Assert.Equal(VideoOption.Off, meeting.Video);
        Assert.Equal(GmtStart, meeting.StartTime);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("\"100\"")]
    [InlineData("\" 100\"")]
    public void Status_100_as_number_or_string_is_success(string status)
    {
        var root = ApiTransport.ParseEnvelope("getConf", $$$"""{"status":{{{status}}},"message":"","data":{"id":1}}""");

        Assert.Equal(1, Json.Int64(root.GetProperty("data"), "id"));
    }

    [Theory]
    [InlineData("202")]
    [InlineData("\"202\"")]
    public void Status_202_as_number_or_string_is_an_api_error(string status)
    {
        var e = Assert.Throws<BizConfApiException>(() => ApiTransport.ParseEnvelope("confReservation", $$"""{"status":{{status}},"message":"会议冲突"}"""));

        Assert.Equal(202, e.Status);
    }

    [Theory]
    [InlineData("17962")]
    [InlineData("\"17962\"")]
    public async Task Id_as_number_or_string_is_read(string id)
    {
        var meeting = await GetAsync($$$"""{"status":100,"data":{"id":{{{id}}},"meetingNo":"1234567890"}}""");

        Assert.Equal(17962, meeting.Id);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("\"1\"", true)]
    [InlineData("true", true)]
    [InlineData("\"true\"", true)]
    [InlineData("0", false)]
    [InlineData("\"0\"", false)]
    [InlineData("false", false)]
    [InlineData("null", false)]
    [InlineData("\"\"", false)]
    public async Task OptionJbh_flag_is_read_from_any_of_its_forms(string value, bool expected)
    {
        var meeting = await GetAsync($$$"""{"status":100,"data":{"id":1,"optionJbh":{{{value}}}}}""");

        Assert.Equal(expected, meeting.AllowJoinBeforeHost);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("\"1\"", true)]
    [InlineData("true", true)]
    [InlineData("\"true\"", true)]
    [InlineData("0", false)]
    [InlineData("\"0\"", false)]
    [InlineData("false", false)]
    [InlineData("\"false\"", false)]
    public async Task IsAvailable_flag_is_read_from_any_of_its_forms(string value, bool expected)
    {
        using var client = TestClient.Create(FakeHttpHandler.Json($$"""{"status":100,"isAvailable":{{value}},"message":""}"""));

        Assert.Equal(expected, await client.CheckAccountAsync());
    }

    [Fact]
    public async Task Missing_null_and_empty_values_all_mean_not_set()
    {
        var missing = await GetAsync("""{"status":100,"data":{"id":5}}""");
        var nulls = await GetAsync("""{"status":100,"data":{"id":5,"meetingNo":null,"meetingName":null,"startTime":null,"duration":null,"hostKey":null,"maxCount":null,"joinUrl":null,"confStatus":null,"audio":null,"optionStartType":null}}""");
        var empties = await GetAsync("""{"status":100,"data":{"id":5,"meetingNo":"","meetingName":"","startTime":"","duration":"","hostKey":"","maxCount":"","joinUrl":"","confStatus":"","audio":"","optionStartType":""}}""");

        foreach (var meeting in new[] { missing, nulls, empties })
        {
            Assert.Equal(5, meeting.Id);
            Assert.Equal(string.Empty, meeting.MeetingNumber);
            Assert.Equal(string.Empty, meeting.Name);
            Assert.Null(meeting.StartTime);
            Assert.Null(meeting.EndTime);
            Assert.Equal(0, meeting.Duration);
            Assert.Null(meeting.Password);
            Assert.Null(meeting.MaxParticipants);
            Assert.Null(meeting.JoinUrl);
            Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
            Assert.Equal(AudioOption.Default, meeting.Audio);
            Assert.Equal(VideoOption.On, meeting.Video);
        }
    }

    [Theory]
    [InlineData("""{"status":100,"data":{"id":5,"streanUrl":"","streamUrl":"rtmp://push.example/a"}}""", "rtmp://push.example/a")]
    [InlineData("""{"status":100,"data":{"id":5,"streamUrl":"rtmp://push.example/a"}}""", "rtmp://push.example/a")]
    [InlineData("""{"status":100,"data":{"id":5,"streanUrl":"rtmp://sic","streamUrl":"rtmp://corrected"}}""", "rtmp://sic")]
    public async Task Misspelled_streanUrl_wins_when_set_and_the_corrected_spelling_fills_in(string body, string expected)
    {
        var meeting = await GetAsync(body);

        Assert.Equal(expected, meeting.StreamUrl);
    }

    [Fact]
    public async Task Extra_keys_are_ignored()
    {
        var meeting = await GetAsync("""
            {"status":100,"result":"ok","message":"","extra":{"nested":[1,2,3]},"data":{"id":"17962","meetingNo":"1234567890","unknownField":"x","settings":{"a":1}}}
            """);

        Assert.Equal(17962, meeting.Id);
        Assert.Equal("1234567890", meeting.MeetingNumber);
    }

    [Fact]
    public async Task Unknown_enum_numbers_fall_back_to_the_defaults()
    {
        var meeting = await GetAsync("""{"status":100,"data":{"id":1,"audio":"7","optionStartType":"9"}}""");

        Assert.Equal(AudioOption.Default, meeting.Audio);
        Assert.Equal(VideoOption.On, meeting.Video);
    }

    [Theory]
    [InlineData(0, MeetingStatus.Scheduled)]
    [InlineData(2, MeetingStatus.InProgress)]
    [InlineData(3, MeetingStatus.Ended)]
    [InlineData(4, MeetingStatus.Expired)]
    [InlineData(9, MeetingStatus.Cancelled)]
    [InlineData(11, MeetingStatus.Locked)]
    public async Task ConfStatus_numbers_map_to_meeting_status(int confStatus, MeetingStatus expected)
    {
        var meeting = await GetAsync($$$"""{"status":100,"data":{"id":1,"confStatus":"{{{confStatus}}}"}}""");

        Assert.Equal(expected, meeting.Status);
    }

    [Fact]
    public async Task Api_error_carries_status_chinese_server_message_english_message_and_endpoint()
    {
        var handler = FakeHttpHandler.Json("""{"status":"202","message":"会议冲突","data":null}""");
        using var client = TestClient.Create(handler);

        var e = await Assert.ThrowsAsync<BizConfApiException>(() => client.CreateMeetingAsync(TestClient.Meeting()));

        Assert.Equal(202, e.Status);
        Assert.Equal("会议冲突", e.ServerMessage);
        Assert.Equal("confReservation", e.Endpoint);
        Assert.Equal("The meeting overlaps another meeting on this account.", e.StatusMessage);
        Assert.Equal(BizConfErrorKind.ResourceExists, e.Kind);
        Assert.Equal("BizConf status 202 from confReservation: The meeting overlaps another meeting on this account. Server message: 会议冲突", e.Message);
    }

    [Fact]
    public void Api_error_without_server_message_has_an_empty_ServerMessage_and_no_server_part()
    {
        var e = Assert.Throws<BizConfApiException>(() => ApiTransport.ParseEnvelope("getConf", """{"status":401}"""));

        Assert.Equal(401, e.Status);
        Assert.Equal(string.Empty, e.ServerMessage);
        Assert.Equal("BizConf status 401 from getConf: The meeting does not exist, is cancelled, or belongs to another user.", e.Message);
    }

    public static TheoryData<int, string, string> StatusTable => new()
    {
        // docs/API.md, "Statuses": status, English message, PowerShell ErrorCategory.
        { 101, "The account (loginName) does not exist.", "ObjectNotFound" },
        { 102, "Authentication failed: check the API key, and that each token is new.", "AuthenticationError" },
        { 103, "The BizConf service had an internal error.", "NotSpecified" },
        { 104, "A meeting parameter is invalid.", "InvalidArgument" },
        { 106, "The site (siteSign) is invalid.", "InvalidArgument" },
        { 108, "The account is locked.", "PermissionDenied" },
        { 109, "A parameter is invalid.", "InvalidArgument" },
        { 112, "The update failed.", "WriteError" },
        { 201, "The meeting time is invalid (in the past, or a bad duration).", "InvalidArgument" },
        { 202, "The meeting overlaps another meeting on this account.", "ResourceExists" },
        { 203, "Overflow is not supported.", "NotImplemented" },
        { 205, "The site has no free meeting resources (licences).", "LimitsExceeded" },
        { 401, "The meeting does not exist, is cancelled, or belongs to another user.", "ObjectNotFound" },
        { 402, "The meeting room does not exist.", "ObjectNotFound" },
    };

    [Theory]
    [MemberData(nameof(StatusTable))]
    public void Every_status_of_the_table_maps_to_its_English_text_and_ErrorCategory_name(int status, string english, string category)
    {
        Assert.Equal(english, BizConfStatus.Describe(status));
        Assert.Equal(category, BizConfStatus.Kind(status).ToString());

        var e = Assert.Throws<BizConfApiException>(() =>
            ApiTransport.ParseEnvelope("getConf", $$"""{"status":{{status}},"message":"服务器消息"}"""));
        Assert.Equal(status, e.Status);
        Assert.Equal(english, e.StatusMessage);
        Assert.Equal(category, e.Kind.ToString());
        Assert.Equal("服务器消息", e.ServerMessage);
        Assert.Equal("getConf", e.Endpoint);
        Assert.Contains(english, e.Message);
    }

    [Fact]
    public void Only_status_103_is_transient()
    {
        Assert.True(BizConfStatus.IsTransient(103));
        Assert.All(new[] { 101, 102, 104, 106, 108, 109, 112, 201, 202, 203, 205, 401, 402 }, s => Assert.False(BizConfStatus.IsTransient(s)));
    }

    [Fact]
    public void Unknown_status_is_described_with_its_number_and_kind_NotSpecified()
    {
        var e = Assert.Throws<BizConfApiException>(() => ApiTransport.ParseEnvelope("getConf", """{"status":999,"message":"?"}"""));

        Assert.Equal("The BizConf service answered with the unknown status 999.", e.StatusMessage);
        Assert.Equal(BizConfErrorKind.NotSpecified, e.Kind);
        Assert.Equal("UnknownStatus999", BizConfStatus.Name(999));
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    [InlineData("status=100")]
    public async Task Non_json_body_is_a_transport_exception_with_http_200(string body)
    {
        using var client = TestClient.Create(FakeHttpHandler.Answering(() => FakeHttpHandler.Ok(body)));

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(1));

        Assert.Equal("getConf", e.Endpoint);
        Assert.Equal(200, e.HttpStatus);
        Assert.False(e.IsTimeout);
        Assert.Equal(BizConfErrorKind.InvalidResult, e.Kind);
        Assert.StartsWith("getConf answered with something that is not JSON", e.Message);
    }

    [Theory]
    [InlineData("""{"message":"no status"}""")]
    [InlineData("""{"status":"ok"}""")]
    [InlineData("""[1,2,3]""")]
    public void Json_without_a_numeric_status_is_a_transport_exception(string body)
    {
        var e = Assert.Throws<BizConfTransportException>(() => ApiTransport.ParseEnvelope("listConf", body));

        Assert.Equal(200, e.HttpStatus);
        Assert.Equal("listConf", e.Endpoint);
    }

    [Fact]
    public async Task Success_without_a_data_object_is_a_transport_exception()
    {
        using var client = TestClient.Create(FakeHttpHandler.Json("""{"status":100,"message":""}"""));

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(1));

        Assert.Equal("getConf answered success without a data object.", e.Message);
        Assert.Equal(200, e.HttpStatus);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Http_429_and_503_are_transport_exceptions_with_status_and_retry_after(int status)
    {
        using var client = TestClient.Create(FakeHttpHandler.Answering(() => FakeHttpHandler.Http(status, retryAfterSeconds: 7)));

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(1));

        Assert.Equal(status, e.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Equal("getConf", e.Endpoint);
        Assert.False(e.IsTimeout);
        Assert.Equal(BizConfErrorKind.ResourceUnavailable, e.Kind);
    }

    [Fact]
    public async Task Retry_after_given_as_an_http_date_is_read_as_the_time_until_then()
    {
        var handler = FakeHttpHandler.Answering(() =>
        {
            var response = FakeHttpHandler.Http(429);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30));
            return response;
        });
        using var client = TestClient.Create(handler);

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(1));

        Assert.NotNull(e.RetryAfter);
        Assert.InRange(e.RetryAfter!.Value.TotalSeconds, 27, 31); // the header has whole seconds
    }

    [Fact]
    public async Task Http_500_without_retry_after_is_a_connection_error_with_no_RetryAfter()
    {
        using var client = TestClient.Create(FakeHttpHandler.Answering(() => FakeHttpHandler.Http(500)));

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(1));

        Assert.Equal(500, e.HttpStatus);
        Assert.Null(e.RetryAfter);
        Assert.Equal(BizConfErrorKind.ConnectionError, e.Kind);
    }

    [Fact]
    public async Task List_page_reads_paging_numbers_given_as_strings()
    {
        using var client = TestClient.Create(FakeHttpHandler.Json("""
            {"status":"100","totalPage":"3","currentPage":"2","totalRecord":"25","pageSize":"10","data":[{"id":"1","meetingNo":"1000000001"},{"id":2,"meetingNo":1000000002}]}
            """));

        var page = await client.ListMeetingsAsync(new MeetingQuery(), 2, 10);

        Assert.Equal(3, page.TotalPages);
        Assert.Equal(2, page.PageNumber);
        Assert.Equal(25, page.TotalCount);
        Assert.Equal(10, page.PageSize);
        Assert.Equal(new long[] { 1, 2 }, page.Items.Select(m => m.Id).ToArray());
        Assert.Equal(new[] { "1000000001", "1000000002" }, page.Items.Select(m => m.MeetingNumber).ToArray());
    }

    [Fact]
    public async Task List_page_without_paging_numbers_derives_them_from_the_items_and_the_request()
    {
        using var client = TestClient.Create(FakeHttpHandler.Json("""{"status":100,"data":[{"id":1},{"id":2},{"id":3}]}"""));

        var page = await client.ListMeetingsAsync(new MeetingQuery(), 1, 2);

        Assert.Equal(3, page.Items.Count);
        Assert.Equal(1, page.PageNumber);
        Assert.Equal(2, page.PageSize);
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(2, page.TotalPages);
    }

    [Fact]
    public void Keys_match_ignoring_case_spaces_and_underscores()
    {
        using var document = JsonDocument.Parse("""{" Details Log":[{"join_name":"张三"}]," topic ":"周会"}""");
        var root = document.RootElement;

        Assert.Equal("周会", Json.String(root, "topic"));
        var detail = Assert.Single(Json.Items(root, "detailsLog"));
        Assert.Equal("张三", Json.String(detail, "joinName"));
    }
}
