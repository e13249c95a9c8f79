using BizConf.Client.Tests.Support;
using BizConf.Transport;

namespace BizConf.Client.Tests;

/// <summary>
/// The vendor's meeting and account samples (sections 2.1 to 2.8) and the answers without data of 3.5 and 3.6,
/// repaired into JSON (tests/samples), read through the real client methods. Their values are mostly Chinese
/// descriptions of the field ("会议id" = "meeting id"); text fields must come through as that text, and number,
/// time and flag fields, which cannot be read from such text, must fall back to "not set".
/// </summary>
public class VendorSampleTests
{
    /// <summary>What every vendor meeting sample (2.1, 2.2, 2.4, 2.5) must give.</summary>
    private static void AssertVendorMeeting(Meeting meeting)
    {
        Assert.Equal(0, meeting.Id);                       // "会议id" is no number
        Assert.Equal("会议号", meeting.MeetingNumber);
        Assert.Equal("会议名称", meeting.Name);
        Assert.Null(meeting.StartTime);                    // "开始时间" is no time
        Assert.Equal("参会url", meeting.JoinUrl);
        Assert.Equal("启会url", meeting.StartUrl);
        Assert.Equal("主持人入会url", meeting.HostStartUrl);
        Assert.False(meeting.AllowJoinBeforeHost);         // "是否支持先于主持人入会" is no flag
        Assert.Equal("会议密码", meeting.Password);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal("用户标识", meeting.UserId);
        Assert.Equal("token", meeting.HostToken);
        Assert.Null(meeting.MaxParticipants);              // "最大入会人数"
        Assert.Equal(AudioOption.Default, meeting.Audio);  // "音频"
        Assert.Equal(VideoOption.On, meeting.Video);       // "视频选项"
        Assert.Null(meeting.ProtocolJoinUrl);
    }

    [Theory]
    [InlineData("2.1-confReservation", "confReservation")]
    [InlineData("2.2-confModify", "confModify")]
    public async Task Meeting_sample_is_read_by_the_client_method_of_its_endpoint(string sample, string endpoint)
    {
        var handler = FakeHttpHandler.Json(Samples.Repaired(sample));
        using var client = TestClient.Create(handler);

        var meeting = endpoint == "confReservation"
            ? await client.CreateMeetingAsync(TestClient.Meeting("会议名称"))
            : await client.ModifyMeetingAsync(17962, TestClient.Meeting());

        AssertVendorMeeting(meeting);
        Assert.Null(meeting.StreamUrl);
        Assert.Equal(endpoint, handler.Single.Uri.Segments.Last());
    }

    [Theory]
    [InlineData("2.3-cancelConf", "cancelConf")]
    [InlineData("2.8-settingLivestream", "settingLivestream")]
    [InlineData("3.5-deleteWebinar", "deleteWebinar")]
    [InlineData("3.6-updateRegistrationQuestions", "updateRegistrationQuestions")]
    public async Task Sample_without_data_completes_the_client_method_of_its_endpoint(string sample, string endpoint)
    {
        var handler = FakeHttpHandler.Json(Samples.Repaired(sample));
        using var client = TestClient.Create(handler);

        await (endpoint switch
        {
            "cancelConf" => client.CancelMeetingAsync(17962),
            "settingLivestream" => client.SetLiveStreamAsync(17962, "rtmp://push.example/live", "key-1", "https://live.example/1"),
            "deleteWebinar" => client.DeleteWebinarAsync("123333333"),
            _ => client.SetRegistrationQuestionsAsync(17962, Array.Empty<RegistrationQuestion>(), null),
        });

        Assert.Equal(endpoint, handler.Single.Uri.Segments.Last());
    }

    [Fact]
    public async Task Sample_2_4_listConf_is_read_by_ListMeetingsAsync()
    {
        var handler = FakeHttpHandler.Json(Samples.Repaired("2.4-listConf"));
        using var client = TestClient.Create(handler);

        var page = await client.ListMeetingsAsync(new MeetingQuery(), 1, 10);

        Assert.Equal(10, page.TotalPages);
        Assert.Equal(1, page.PageNumber);
        Assert.Equal(100, page.TotalCount);
        Assert.Equal(10, page.PageSize);
        AssertVendorMeeting(Assert.Single(page.Items));
    }

    [Fact]
    public async Task Sample_2_5_getConf_is_read_by_GetMeetingAsync_with_streanUrl_as_StreamUrl()
    {
        var handler = FakeHttpHandler.Json(Samples.Repaired("2.5-getConf"));
        using var client = TestClient.Create(handler);

        var meeting = await client.GetMeetingAsync(17962);

        AssertVendorMeeting(meeting);
        Assert.Equal("推流地址", meeting.StreamUrl);
        Assert.Equal("推流key", meeting.StreamKey);
        Assert.Equal("直播地址", meeting.LiveUrl);
        Assert.Equal("getConf", handler.Single.Uri.Segments.Last());
    }

    [Fact]
    public void Sample_2_6_confAttendeeLog_keys_with_stray_spaces_are_read()
    {
        var root = ApiTransport.ParseEnvelope("confAttendeeLog", Samples.Repaired("2.6-confAttendeeLog"));
        Assert.True(Json.TryGet(root, "data", out var data));

        var info = Assert.Single(Json.Items(data, "confInfo"));
        Assert.Equal("会议主题", Json.String(info, "topic"));
        Assert.Equal("会议号", Json.String(info, "meetingNo"));
        Assert.Null(Json.Int32(info, "duration"));        // "会议时长"
        Assert.Null(Json.Time(info, "startTime"));        // "开始时间"
        var detail = Assert.Single(Json.Items(data, "detailsLog"));
        Assert.Equal("参会名称", Json.String(detail, "joinName"));
        Assert.Equal("用户自定义ID", Json.String(detail, "cuid"));
        Assert.Equal("ip地址", Json.String(detail, "ip"));
    }

    [Fact]
    public async Task Sample_2_7_account_check_is_read_by_CheckAccountAsync()
    {
        var handler = FakeHttpHandler.Json(Samples.Repaired("2.7-account-check"));
        using var client = TestClient.Create(handler);

        Assert.True(await client.CheckAccountAsync());
        Assert.Equal(HttpMethod.Get, handler.Single.Method);
    }

    [Theory]
    [InlineData("""{"status":100,"isAvailable":false,"message":""}""")]
    [InlineData("""{"status":100,"message":""}""")]
    public async Task Account_check_reads_false_and_missing_isAvailable_as_unavailable(string body)
    {
        using var client = TestClient.Create(FakeHttpHandler.Json(body));

        Assert.False(await client.CheckAccountAsync());
    }
}
