// The response samples of sections 3.2 to 3.4 (webinars, one text printed three times) and 3.7, 3.8 (registration)
// of the vendor document shared/seed/000_b13ab09e7642d2a7.txt (see VendorDocumentTests), copied verbatim, each with a minimally repaired
// JSON twin where the verbatim text does not parse.
namespace BizConf.Client.Tests;

internal static class WebinarVendorSamples
{
    /// <summary>Section 3.2 (and 3.3, 3.4), the webinar answer: the vendor text exactly as printed (not valid JSON).</summary>
    public const string WebinarVerbatim = """
｛
  "status":"100",
  "message":"success",
  "data":{
    "uid"："ddxx",//主持人uid
    "roomId": "会议室id",
    "token":"dsxxss2222xxxx",//主持人token
    "webinarNo":"123333333",//webinar会议号
    "password":"",//会议密码
    "startTime":"2022-06-13 12:00:00"//开始时间
    "optionVideoHost":"1",//主持人视频设置
    "optionVideoParticipants":"1",//参会人视频设置
    "audio":"0",//音频设置
    "duration":30,//会议持续时间
    "confName":"测试",//会议名称
    "streamUrl":"",//推流地址
    "liveUrl":"",//直播地址
    "streamKey":"",//推流key
    "join_url"："",//webinar入会地址
 "start_url":"https://xxx.bizvideo.cn/j/10000015903/DFE1059897134E0D0E8EB81390D25167",  //开始url
   "videoConf"：2232323, //如果有混音，则返回video的会议号
   "videophone":"+86 4006012733",//如果有混音，则返回的时候video接入号的电话
  }
}
""";

    // Repaired from WebinarVerbatim:
    //   the full-width opening brace U+FF5B replaced by "{";
    //   the full-width colons U+FF1A after "uid", "join_url" and "videoConf" replaced by ":";
    //   the no-break spaces U+00A0 around "start_url" replaced by spaces;
    //   every "//" comment removed, with the spaces before it at the end of the line;
    //   a comma added after the "startTime" value (the vendor text has none);
    //   the trailing comma after the "videophone" value removed.
    public const string WebinarRepaired = """
{
  "status":"100",
  "message":"success",
  "data":{
    "uid":"ddxx",
    "roomId": "会议室id",
    "token":"dsxxss2222xxxx",
    "webinarNo":"123333333",
    "password":"",
    "startTime":"2022-06-13 12:00:00",
    "optionVideoHost":"1",
    "optionVideoParticipants":"1",
    "audio":"0",
    "duration":30,
    "confName":"测试",
    "streamUrl":"",
    "liveUrl":"",
    "streamKey":"",
    "join_url":"",
 "start_url":"https://xxx.bizvideo.cn/j/10000015903/DFE1059897134E0D0E8EB81390D25167",
   "videoConf":2232323,
   "videophone":"+86 4006012733"
  }
}
""";

    /// <summary>
    /// Section 3.7, addRegistrant. Valid JSON but for its indentation, which is no-break spaces (U+00A0) that JSON
    /// does not count as white space; <see cref="Repaired"/> turns them into spaces.
    /// </summary>
    public const string AddRegistrantVerbatim = """
{
    "status": 100,
    "message": "success",
    "data": {
        "registrant_id": "oMCmm7WcSnm57uEbqwWs-A",
        "id": 1130352963,
        "topic": "921728",
        "start_time": "2022-09-23T01:30:00Z",
        "join_url": "https://meeting.bizvideo.cn/j/xxxx?tk=tsGz2SVkdPl0AzqPZNDe4dSJWYwKPLyBZryQg9nsUPM.DQIAAAAAQ1_RQxZvTUNtbTdXY1NubTU3dUVicXdXcy1BAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "tk": "tsGz2SVkdPl0AzqPZNDe4dSJWYwKPLyBZryQg9nsUPM.DQIAAAAAQ1_RQxZvTUNtbTdXY1NubTU3dUVicXdXcy1BAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    }
}
""";

    /// <summary>Section 3.8, getRegistrants, with the same no-break space indentation.</summary>
    public const string RegistrantsVerbatim = """
{
    "status": 100,
    "message": "success",
    "data": [
        {
            "id": "datpeQ2QTYmsT462Rr-O2w",
            "first_name": "binson1",
            "last_name": "binson1",
            "email": "isom@vip.qq.com",
            "address": "",
            "city": "",
            "country": "",
            "zip": "",
            "state": "",
            "phone": "",
            "industry": "",
            "org": "",
            "job_title": "",
            "purchasing_time_frame": "",
            "role_in_purchase_process": "",
            "no_of_employees": "",
            "comments": "",
            "custom_questions": [
                {
                    "title": "How are you?",
                    "value": "GOOD."
                }
            ],
            "status": "approved",
            "create_time": "2022-09-28T06:37:22Z",
            "join_url": "https://meeting.bizvideo.cn/w/1340678743?tk=cIRgtICi0j235z3CeW2fkTkiRgPNy3gnjEls3CZ4nBE.DQIAAAAAT-kiVxZkYXRwZVEyUVRZbXNUNDYyUnItTzJ3AAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        }
    ]
}
""";

    /// <summary>The only repair the registration samples need: no-break spaces become spaces.</summary>
    public static string Repaired(string verbatim) => verbatim.Replace('\u00A0', ' ');
}

public class WebinarVendorSampleTests
{
    [Theory]
    [InlineData(WebinarVendorSamples.WebinarVerbatim)]
    [InlineData(WebinarVendorSamples.AddRegistrantVerbatim)]
    [InlineData(WebinarVendorSamples.RegistrantsVerbatim)]
    public void The_verbatim_samples_are_not_json_as_printed(string verbatim)
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(verbatim));
    }

    [Fact]
    public async Task The_webinar_sample_reads_into_every_property_with_its_string_status()
    {
        var handler = Support.FakeHttpHandler.Json(WebinarVendorSamples.WebinarRepaired);
        using var client = Support.TestClient.Create(handler);

        var webinar = await client.GetWebinarAsync("123333333");

        Assert.Equal("123333333", webinar.WebinarNumber);
        Assert.Equal("测试", webinar.Name);
        Assert.Equal(new DateTimeOffset(2022, 6, 13, 12, 0, 0, TimeSpan.Zero), webinar.StartTime);
        Assert.Equal(30, webinar.Duration);
        Assert.Null(webinar.Password);
        Assert.True(webinar.HostVideo);
        Assert.True(webinar.ParticipantVideo);
        Assert.Equal(AudioOption.Default, webinar.Audio);
        Assert.Equal("ddxx", webinar.HostUid);
        Assert.Equal("会议室id", webinar.RoomId);
        Assert.Equal("dsxxss2222xxxx", webinar.HostToken);
        Assert.Null(webinar.JoinUrl);
        Assert.Equal("https://xxx.bizvideo.cn/j/10000015903/DFE1059897134E0D0E8EB81390D25167", webinar.StartUrl);
        Assert.Null(webinar.StreamUrl);
        Assert.Equal("2232323", webinar.VideoConferenceNumber);
        Assert.Equal("+86 4006012733", webinar.VideoPhone);
    }

    [Fact]
    public async Task The_add_registrant_sample_alone_makes_the_registrant()
    {
        var handler = Support.FakeHttpHandler.Json(WebinarVendorSamples.Repaired(WebinarVendorSamples.AddRegistrantVerbatim));
        using var client = Support.TestClient.Create(handler);

        var registrant = await client.AddRegistrantAsync(1130352963, new RegistrantRequest { Email = "isom@vip.qq.com", FirstName = "binson1" });

        Assert.Single(handler.Requests);
        Assert.Equal("oMCmm7WcSnm57uEbqwWs-A", registrant.RegistrantId);
        Assert.Equal(1130352963, registrant.MeetingId);
        Assert.Equal("1130352963", registrant.MeetingNumber);
        Assert.Equal("921728", registrant.Topic);
        Assert.Equal(new DateTimeOffset(2022, 9, 23, 1, 30, 0, TimeSpan.Zero), registrant.MeetingStartTime);
        Assert.Equal("https://meeting.bizvideo.cn/j/xxxx?tk=tsGz2SVkdPl0AzqPZNDe4dSJWYwKPLyBZryQg9nsUPM.DQIAAAAAQ1_RQxZvTUNtbTdXY1NubTU3dUVicXdXcy1BAAAAAAAAAAAAAAAAAAAAAAAAAAAA", registrant.JoinUrl);
        Assert.Equal(RegistrantStatus.Approved, registrant.Status);
        Assert.Equal("isom@vip.qq.com", registrant.Email);
        Assert.Equal("binson1", registrant.FirstName);
    }

    [Fact]
    public async Task The_registrants_sample_reads_every_field_and_the_custom_answer()
    {
        var handler = Support.FakeHttpHandler.Json(WebinarVendorSamples.Repaired(WebinarVendorSamples.RegistrantsVerbatim));
        using var client = Support.TestClient.Create(handler);

        var registrant = Assert.Single(await client.GetRegistrantsAsync(17962));

        Assert.Equal("datpeQ2QTYmsT462Rr-O2w", registrant.RegistrantId);
        Assert.Equal(17962, registrant.MeetingId);
        Assert.Equal("binson1", registrant.FirstName);
        Assert.Equal("binson1", registrant.LastName);
        Assert.Equal("isom@vip.qq.com", registrant.Email);
        Assert.Null(registrant.City);
        Assert.Null(registrant.NumberOfEmployees);
        Assert.Equal(RegistrantStatus.Approved, registrant.Status);
        Assert.Equal(new DateTimeOffset(2022, 9, 28, 6, 37, 22, TimeSpan.Zero), registrant.CreatedTime);
        Assert.StartsWith("https://meeting.bizvideo.cn/w/1340678743?tk=", registrant.JoinUrl);
        Assert.Equal("How are you?=GOOD.", registrant.CustomAnswers);
        Assert.Equal("GOOD.", registrant.Answer("how are you?"));
    }
}
