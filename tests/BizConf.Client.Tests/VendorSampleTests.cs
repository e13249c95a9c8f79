using System.Text.Json;
using BizConf.Client.Tests.Support;
using BizConf.Transport;

namespace BizConf.Client.Tests;

/// <summary>
/// The vendor's own response samples (sections 2.1 to 2.8 of the Chinese document), repaired into JSON as
/// documented in <see cref="VendorSamples"/>, read through the real client methods. Their values are mostly
/// Chinese descriptions of the field ("会议id" = "meeting id"); text fields must come through as that text, and
/// number, time and flag fields, which cannot be read from such text, must fall back to "not set".
/// </summary>
public class VendorSampleTests
{
    public static TheoryData<string> Sections => new() { "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8" };

    private static (string Verbatim, string Repaired) Sample(string section)
    {
        var sample = VendorSamples.All.Single(s => s.Section == section);
        return (sample.Verbatim, sample.Repaired);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Verbatim_sample_is_not_json_and_the_repaired_one_is(string section)
    {
        var (verbatim, repaired) = Sample(section);

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(verbatim));
        using var document = JsonDocument.Parse(repaired);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Repaired_sample_is_a_success_envelope(string section)
    {
        var root = ApiTransport.ParseEnvelope("sample", Sample(section).Repaired);

        Assert.Equal(100, Json.Int32(root, "status"));
        Assert.Null(Json.String(root, "message"));
    }

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

    [Fact]
    public async Task Sample_2_1_confReservation_is_read_by_CreateMeetingAsync()
    {
        var handler = FakeHttpHandler.Json(VendorSamples.CreateRepaired);
        using var client = TestClient.Create(handler);

        var meeting = await client.CreateMeetingAsync(TestClient.Meeting("会议名称"));

        AssertVendorMeeting(meeting);
        Assert.Null(meeting.StreamUrl);
        Assert.Equal("confReservation", handler.Single.Uri.Segments.Last());
    }

    [Fact]
    public async Task Sample_2_2_confModify_is_read_by_ModifyMeetingAsync()
    {
        var handler = FakeHttpHandler.Json(VendorSamples.ModifyRepaired);
        using var client = TestClient.Create(handler);

        var meeting = await client.ModifyMeetingAsync(17962, TestClient.Meeting());

        AssertVendorMeeting(meeting);
        Assert.Equal("confModify", handler.Single.Uri.Segments.Last());
    }

    [Fact]
    public async Task Sample_2_3_cancelConf_completes_CancelMeetingAsync()
    {
        var handler = FakeHttpHandler.Json(VendorSamples.CancelRepaired);
        using var client = TestClient.Create(handler);

        await client.CancelMeetingAsync(17962);

        Assert.Equal("cancelConf", handler.Single.Uri.Segments.Last());
    }

    [Fact]
    public async Task Sample_2_4_listConf_is_read_by_ListMeetingsAsync()
    {
        var handler = FakeHttpHandler.Json(VendorSamples.ListRepaired);
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
        var handler = FakeHttpHandler.Json(VendorSamples.GetRepaired);
        using var client = TestClient.Create(handler);

        var meeting = await client.GetMeetingAsync(17962);

        AssertVendorMeeting(meeting);
        Assert.Equal("推流地址", meeting.StreamUrl);
        Assert.Equal("推流key", meeting.StreamKey);
        Assert.Equal("直播地址", meeting.LiveUrl);
    }

    [Fact]
    public void Sample_2_6_confAttendeeLog_keys_with_stray_spaces_are_read()
    {
        var root = ApiTransport.ParseEnvelope("confAttendeeLog", VendorSamples.AttendeeLogRepaired);
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
        var handler = FakeHttpHandler.Json(VendorSamples.CheckAccountRepaired);
        using var client = TestClient.Create(handler);

        Assert.True(await client.CheckAccountAsync());
        Assert.Equal(HttpMethod.Get, handler.Single.Method);
    }

    [Fact]
    public async Task Account_check_reads_false_and_missing_isAvailable_as_unavailable()
    {
        using var unavailable = TestClient.Create(FakeHttpHandler.Json("""{"status":100,"isAvailable":false,"message":""}"""));
        using var missing = TestClient.Create(FakeHttpHandler.Json("""{"status":100,"message":""}"""));

        Assert.False(await unavailable.CheckAccountAsync());
        Assert.False(await missing.CheckAccountAsync());
    }

    [Fact]
    public async Task Sample_2_8_settingLivestream_completes_SetLiveStreamAsync()
    {
        var handler = FakeHttpHandler.Json(VendorSamples.SetLiveStreamRepaired);
        using var client = TestClient.Create(handler);

        await client.SetLiveStreamAsync(17962, "rtmp://push.example/live", "key-1", "https://live.example/1");

        Assert.Equal("settingLivestream", handler.Single.Uri.Segments.Last());
    }
}

// The response samples ("返回数据说明") of sections 2.1 to 2.8 of the vendor document
// shared/seed/000_b13ab09e7642d2a7.txt (see VendorDocumentTests), copied verbatim (from the table cell's tab and "{" to the closing "}",
// line breaks as in the file), each followed by a minimally repaired JSON version. None of the eight samples is
// valid JSON as printed. Every "Repaired" constant differs from its "Verbatim" twin only by the changes listed
// in the comment above it; the layout (line breaks, indentation, the leading tab) is kept.
internal static class VendorSamples
{
    // ---- 2.1 confReservation (预约会议) ----
    /// <summary>Section 2.1, confReservation (预约会议): the vendor text exactly as printed (not valid JSON).</summary>
    public const string CreateVerbatim = """
	{
 data:{
  id:”会议id”,
meetingNo:”会议号”,
meetingName:”会议名称”,
startTime:”开始时间”,
joinUrl:”参会url”,
startUrl:”启会url”,
hostStartUrl:”主持人入会url”,
optionJbh:”是否支持先于主持人入会”,
hostKey:”会议密码”,
confStatus:”会议状态”,
userId:”用户标识”,
token:”token”,
maxCount:”最大入会人数”,
  audio:”音频”，
optionStartType:”视频选项”
},
status:100,
message:””
}
""";

    // Repaired from CreateVerbatim:
    //   every key is unquoted: each key name wrapped in ASCII double quotes;
    //   the Chinese curly quotes U+201D (”) around the values replaced by ASCII double quotes;
    //   the full-width comma U+FF0C (，) after the "audio" value replaced by an ASCII comma.
    public const string CreateRepaired = """
	{
 "data":{
  "id":"会议id",
"meetingNo":"会议号",
"meetingName":"会议名称",
"startTime":"开始时间",
"joinUrl":"参会url",
"startUrl":"启会url",
"hostStartUrl":"主持人入会url",
"optionJbh":"是否支持先于主持人入会",
"hostKey":"会议密码",
"confStatus":"会议状态",
"userId":"用户标识",
"token":"token",
"maxCount":"最大入会人数",
  "audio":"音频",
"optionStartType":"视频选项"
},
"status":100,
"message":""
}
""";

    // ---- 2.2 confModify (修改会议) ----
    /// <summary>Section 2.2, confModify (修改会议): the vendor text exactly as printed (not valid JSON).</summary>
    public const string ModifyVerbatim = """
	{
 data:{
  id:”会议id”,
meetingNo:”会议号”,
meetingName:”会议名称”,
startTime:”开始时间”,
joinUrl:”参会url”,
startUrl:”启会url”,
hostStartUrl:”主持人入会url”,
optionJbh:”是否支持先于主持人入会”,
hostKey:”会议密码”,
confStatus:”会议状态”,
userId:”用户标识”,
token:”token”,
maxCount:”最大入会人数”,
  audio:”音频”,
optionStartType:”视频选项”
},
status:100,
message:””
}
""";

    // Repaired from ModifyVerbatim: every key quoted and the curly quotes made ASCII, which gives exactly the
    // repaired 2.1 sample (the two differ as printed only in one full-width comma).
    public const string ModifyRepaired = CreateRepaired;

    // ---- 2.3 cancelConf (取消会议) ----
    /// <summary>Section 2.3, cancelConf (取消会议): the vendor text exactly as printed (not valid JSON).</summary>
    public const string CancelVerbatim = """
	{
  status:100,
  message:””
}
""";

    // Repaired from CancelVerbatim:
    //   the keys status and message wrapped in ASCII double quotes;
    //   the curly quotes U+201D U+201D of the empty message replaced by "".
    public const string CancelRepaired = """
	{
  "status":100,
  "message":""
}
""";

    // ---- 2.4 listConf (会议列表) ----
    /// <summary>Section 2.4, listConf (会议列表): the vendor text exactly as printed (not valid JSON).</summary>
    public const string ListVerbatim = """
	{
 status:100,
 totalPage:10,
 currentPage:1,
 totalRecord:100,
 pageSize:10,
 data:[{
  id:”会议id”,
meetingNo:”会议号”,
meetingName:”会议名称”,
startTime:”开始时间”,
joinUrl:”参会url”,
startUrl:”启会url”,
hostStartUrl:”主持人入会url”,
optionJbh:”是否支持先于主持人入会”,
hostKey:”会议密码”,
confStatus:”会议状态”,
userId:”用户标识”,
token:”token”,
maxCount:”最大入会人数”,
  audio:”音频”,
optionStartType:”视频选项”
},{…}],
status:100,
message:””
}
""";

    // Repaired from ListVerbatim:
    //   every key is unquoted: each key name wrapped in ASCII double quotes;
    //   the Chinese curly quotes U+201D (”) around the values replaced by ASCII double quotes;
    //   the placeholder ",{…}" (U+2026, "more meetings like the first") after the first element of "data" removed,
    //   so "data" holds the one meeting the vendor wrote out.
    //   Left as printed: the key "status" appears twice at the top level (100 both times); a repeated key is
    //   syntactically valid JSON and the client's parser accepts it.
    public const string ListRepaired = """
	{
 "status":100,
 "totalPage":10,
 "currentPage":1,
 "totalRecord":100,
 "pageSize":10,
 "data":[{
  "id":"会议id",
"meetingNo":"会议号",
"meetingName":"会议名称",
"startTime":"开始时间",
"joinUrl":"参会url",
"startUrl":"启会url",
"hostStartUrl":"主持人入会url",
"optionJbh":"是否支持先于主持人入会",
"hostKey":"会议密码",
"confStatus":"会议状态",
"userId":"用户标识",
"token":"token",
"maxCount":"最大入会人数",
  "audio":"音频",
"optionStartType":"视频选项"
}],
"status":100,
"message":""
}
""";

    // ---- 2.5 getConf (查询会议) ----
    /// <summary>Section 2.5, getConf (查询会议): the vendor text exactly as printed (not valid JSON).</summary>
    public const string GetVerbatim = """
	{
 data:{
  id:”会议id”,
meetingNo:”会议号”,
meetingName:”会议名称”,
startTime:”开始时间”,
joinUrl:”参会url”,
startUrl:”启会url”,
hostStartUrl:”主持人入会url”,
optionJbh:”是否支持先于主持人入会”,
hostKey:”会议密码”,
confStatus:”会议状态”,
userId:”用户标识”,
token:”token”,
maxCount:”最大入会人数”,
  audio:”音频”,
optionStartType:”视频选项”
“streamKey”:”推流key”, ---新增
“streanUrl”:”推流地址”,---新增
“liveUrl”:”直播地址”,---新增

},
status:100,
message:””
}
""";

    // Repaired from GetVerbatim:
    //   every key is unquoted or in curly quotes: each key name wrapped in ASCII double quotes
    //   (the curly U+201C/U+201D around streamKey, streanUrl, liveUrl replaced by ASCII ones);
    //   the Chinese curly quotes U+201D (”) around the values replaced by ASCII double quotes;
    //   the annotations " ---新增" / "---新增" ("newly added") after the last three fields removed;
    //   a comma added after "optionStartType":"视频选项" (the vendor text has none before "streamKey");
    //   the trailing comma after "liveUrl":"直播地址" removed.
    //   Kept as printed: the key spelling "streanUrl" (sic) and the empty line before the closing brace.
    public const string GetRepaired = """
	{
 "data":{
  "id":"会议id",
"meetingNo":"会议号",
"meetingName":"会议名称",
"startTime":"开始时间",
"joinUrl":"参会url",
"startUrl":"启会url",
"hostStartUrl":"主持人入会url",
"optionJbh":"是否支持先于主持人入会",
"hostKey":"会议密码",
"confStatus":"会议状态",
"userId":"用户标识",
"token":"token",
"maxCount":"最大入会人数",
  "audio":"音频",
"optionStartType":"视频选项",
"streamKey":"推流key",
"streanUrl":"推流地址",
"liveUrl":"直播地址"

},
"status":100,
"message":""
}
""";

    // ---- 2.6 confAttendeeLog (会议详情查询): kept once, with the report samples ----
    public const string AttendeeLogVerbatim = ReportVendorSamples.AttendeeLogVerbatim;

    public const string AttendeeLogRepaired = ReportVendorSamples.AttendeeLogRepaired;

    // ---- 2.7 account/check (查询帐号状态) ----
    /// <summary>Section 2.7, account/check (查询帐号状态): the vendor text exactly as printed (not valid JSON).</summary>
    public const string CheckAccountVerbatim = """
	{
 status:100,
isAvailable:true,
 message:””
}
""";

    // Repaired from CheckAccountVerbatim:
    //   the keys status, isAvailable and message wrapped in ASCII double quotes;
    //   the curly quotes U+201D U+201D of the empty message replaced by "".
    public const string CheckAccountRepaired = """
	{
 "status":100,
"isAvailable":true,
 "message":""
}
""";

    // ---- 2.8 settingLivestream (设置会议直播推流) ----
    /// <summary>Section 2.8, settingLivestream (设置会议直播推流): the vendor text exactly as printed (not valid JSON).</summary>
    public const string SetLiveStreamVerbatim = """
	{
status:100,
message:””
}
""";

    // Repaired from SetLiveStreamVerbatim:
    //   the keys status and message wrapped in ASCII double quotes;
    //   the curly quotes U+201D U+201D of the empty message replaced by "".
    public const string SetLiveStreamRepaired = """
	{
"status":100,
"message":""
}
""";

    /// <summary>Every pair, for the tests that check all of them.</summary>
    public static readonly (string Section, string Verbatim, string Repaired)[] All =
    {
        ("2.1", CreateVerbatim, CreateRepaired),
        ("2.2", ModifyVerbatim, ModifyRepaired),
        ("2.3", CancelVerbatim, CancelRepaired),
        ("2.4", ListVerbatim, ListRepaired),
        ("2.5", GetVerbatim, GetRepaired),
        ("2.6", AttendeeLogVerbatim, AttendeeLogRepaired),
        ("2.7", CheckAccountVerbatim, CheckAccountRepaired),
        ("2.8", SetLiveStreamVerbatim, SetLiveStreamRepaired),
    };
}
