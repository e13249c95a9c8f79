using System.Text.Json;
using System.Text.RegularExpressions;

namespace BizConf.Client.Tests;

/// <summary>
/// The vendor's samples of the report endpoints (sections 2.6, 2.9, 3.0 and 3.1 of the Chinese document), read
/// through the real client methods. None of them parses as printed, so each is kept verbatim beside a minimally
/// repaired copy (see <see cref="ReportVendorSamples"/>), and the Repair functions below tie each copy to its
/// verbatim text: applying exactly the repairs its comment lists must give the copy, character for character.
/// </summary>
public sealed class ReportVendorSampleTests
{
    public static TheoryData<string> Verbatim => new()
    {
        ReportVendorSamples.AttendeeLogVerbatim,
        ReportVendorSamples.ReportByNumberVerbatim,
        ReportVendorSamples.ReportByJoinUrlVerbatim,
        ReportVendorSamples.PollsVerbatim,
    };

    [Theory]
    [MemberData(nameof(Verbatim))]
    public void The_samples_as_printed_are_not_json(string verbatim)
    {
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(verbatim));
    }

    [Fact]
    public void Sample_2_6_repaired_is_the_verbatim_text_with_only_the_documented_repairs()
    {
        Assert.Equal(ReportVendorSamples.AttendeeLogRepaired, RepairAttendeeLog(ReportVendorSamples.AttendeeLogVerbatim));
    }

    [Fact]
    public void Samples_2_9_and_3_0_repaired_are_the_verbatim_texts_with_only_the_documented_repairs()
    {
        Assert.Equal(ReportVendorSamples.ReportByNumberRepaired, RepairReport(ReportVendorSamples.ReportByNumberVerbatim));
        Assert.Equal(ReportVendorSamples.ReportByJoinUrlRepaired, RepairReport(ReportVendorSamples.ReportByJoinUrlVerbatim));
    }

    [Fact]
    public void Sample_3_1_repaired_is_the_verbatim_text_with_only_the_documented_repairs()
    {
        Assert.Equal(ReportVendorSamples.PollsRepaired, RepairPolls(ReportVendorSamples.PollsVerbatim));
    }

    [Fact]
    public async Task Sample_2_6_confAttendeeLog_reads_its_one_row_and_placeholder_texts()
    {
        using var fake = new ReportFakeHandler(ReportVendorSamples.AttendeeLogRepaired);
        using var client = fake.CreateClient();

        var row = Assert.Single(await client.GetAttendeesAsync(1222));

        Assert.Equal(1222, row.MeetingId);
        Assert.Equal("会议主题", row.Topic);
        Assert.Equal("会议号", row.MeetingNumber);
        Assert.Equal("参会名称", row.Name);
        Assert.Equal("用户自定义ID", row.CustomId);
        Assert.Equal("ip地址", row.IPAddress);
        // The sample's times are descriptions ("入会时间" = "join time"), not times: they read as not set.
        Assert.Null(row.JoinTime);
        Assert.Null(row.LeaveTime);
        Assert.Null(row.Duration);
    }

    [Fact]
    public async Task Sample_2_9_getConfLogListByConfNumber_reads_both_sessions()
    {
        using var fake = new ReportFakeHandler(ReportVendorSamples.ReportByNumberRepaired);
        using var client = fake.CreateClient();

        AssertVendorReport(await client.GetReportsByNumberAsync("13333333000"));
    }

    [Fact]
    public async Task Sample_3_0_getConfLogListByJoinUrl_reads_both_sessions()
    {
        using var fake = new ReportFakeHandler(ReportVendorSamples.ReportByJoinUrlRepaired);
        using var client = fake.CreateClient();

        AssertVendorReport(await client.GetReportsByJoinUrlAsync("https://example.com/j/11111"));
    }

    [Fact]
    public async Task Sample_3_1_getConfPolls_reads_a_row_per_person_per_question()
    {
        using var fake = new ReportFakeHandler(ReportVendorSamples.PollsRepaired);
        using var client = fake.CreateClient();

        var rows = await client.GetPollAnswersAsync("13333333000");

        Assert.Equal(6, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal("13333333000", r.MeetingNumber);
            Assert.Equal("xxxxx", r.SessionId);
            Assert.Equal(new DateTimeOffset(2021, 5, 11, 11, 11, 11, TimeSpan.Zero), r.StartTime);
        });
        Assert.Equal("Colin的并发共号", rows[0].Name);
        Assert.Equal("colin@weijia.cc", rows[0].Email);
        Assert.Equal("谁当体育委员", rows[0].Question);
        Assert.Equal("binson", rows[0].Answer);
        Assert.Equal("binson_hao@bizconf.cn", rows[3].Email);
        Assert.Equal("额", rows[5].Name);
        Assert.Null(rows[5].Email);
        var tally = rows.GroupBy(r => $"{r.Question}={r.Answer}").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, tally["谁当体育委员=binson"]);
        Assert.Equal(2, tally["谁当班长=lion"]);
        Assert.Equal(1, tally["谁当班长=simon"]);
    }

    private static string RepairAttendeeLog(string verbatim)
    {
        var text = AsciiPunctuation(verbatim);
        text = Regex.Replace(text, @",\s*\{\s*…\s*\}", "");
        return AddMissingCommas(text);
    }

    private static string RepairReport(string verbatim)
    {
        var text = StripComments(verbatim);
        text = AsciiPunctuation(text);
        text = text.Replace("\"message\":\"success,", "\"message\":\"success\",").Replace("\ndata:{", "\n\"data\":[{");
        text = TrimLineEnds(NoBreakSpacesToSpaces(text));
        text = Regex.Replace(text, @"\n\}$", "");
        return RemoveCommasBeforeClosers(AddMissingCommas(text));
    }

    private static string RepairPolls(string verbatim)
    {
        var text = AsciiPunctuation(verbatim);
        text = text.Replace("\"message\":\"success,", "\"message\":\"success\",").Replace("\ndata:{", "\n\"data\":{");
        return TrimLineEnds(NoBreakSpacesToSpaces(AddMissingCommas(text)));
    }

    /// <summary>A "//" comment runs to the end of its line; one inside a string (https://...) is followed by a quote, so it stays.</summary>
    private static string StripComments(string text) => Regex.Replace(text, "//[^\"\n]*$", "", RegexOptions.Multiline);

    private static string AsciiPunctuation(string text) =>
        text.Replace('\u201C', '"').Replace('\u201D', '"').Replace('\uFF1A', ':').Replace('\uFF0C', ',');

    private static string NoBreakSpacesToSpaces(string text) => text.Replace('\u00A0', ' ');

    private static string TrimLineEnds(string text) => Regex.Replace(text, "[ \t]+$", "", RegexOptions.Multiline);

    /// <summary>A value (string, number, array or object) followed on the next line by a key needs a comma between them.</summary>
    private static string AddMissingCommas(string text) => Regex.Replace(text, "(?<=[\"0-9\\]}])([ \t]*\n\\s*\")", ",$1");

    private static string RemoveCommasBeforeClosers(string text) => Regex.Replace(text, @",(\s*[}\]])", "$1");

    private static void AssertVendorReport(IReadOnlyList<MeetingReport> reports)
    {
        Assert.Equal(2, reports.Count);
        var first = reports[0];
        Assert.Equal(1222, first.MeetingId);
        Assert.Equal("stest", first.Name);
        Assert.Equal("13333333000", first.MeetingNumber);
        Assert.Equal("主持人1", first.HostName);
        Assert.Null(first.SessionId);
        Assert.Equal(new DateTimeOffset(2021, 5, 11, 11, 11, 11, TimeSpan.Zero), first.StartTime);
        Assert.Equal(new DateTimeOffset(2021, 5, 11, 12, 11, 11, TimeSpan.Zero), first.EndTime);
        Assert.Equal(60, first.Duration);
        Assert.Equal(2, first.ParticipantCount);
        var jill = first.Participants[0];
        Assert.Equal("xxxxx", jill.CustomId);
        Assert.Equal("xxx", jill.Name);
        Assert.Equal(TimeSpan.FromMinutes(30), jill.Duration);
        Assert.Equal("windows", jill.Device);
        Assert.Equal("10.0.0.0", jill.IPAddress);
        Assert.Equal("10.0.0.0", jill.RegistrantId);
        Assert.Equal("1800 Amphibious Blvd.", jill.Address);
        Assert.Equal("Mountain View", jill.City);
        Assert.Equal("Looking forward to the discussion.", jill.Comments);
        Assert.Equal("US", jill.Country);
        Assert.Equal("What are you ?=fine.", jill.CustomAnswers);
        Assert.Equal("jchill@example.com", jill.Email);
        Assert.Equal("Jill", jill.FirstName);
        Assert.Equal("Chill", jill.LastName);
        Assert.Equal("Food", jill.Industry);
        Assert.Equal("Chef", jill.JobTitle);
        Assert.Equal("1-20", jill.NumberOfEmployees);
        Assert.Equal("Cooking Org", jill.Organization);
        Assert.Equal("5550100", jill.Phone);
        Assert.Equal("CA", jill.State);
        Assert.Equal("approved", jill.RegistrationStatus);
        Assert.Equal("94045", jill.Zip);
        Assert.Equal(new DateTimeOffset(2022, 3, 22, 5, 59, 9, TimeSpan.Zero), jill.RegistrationTime);
        Assert.Equal("https://example.com/j/11111", jill.JoinUrl);
        Assert.Equal("ios", first.Participants[1].Device);

        var second = reports[1];
        Assert.Equal("cxxxx=2dsd", second.SessionId);
        Assert.Equal(1222, second.MeetingId);
        Assert.Equal("stest", second.Name);
        Assert.Equal("13333333000", second.MeetingNumber);
        // "2021-05-11  12:11:11", with two spaces, as printed.
        Assert.Equal(new DateTimeOffset(2021, 5, 11, 12, 11, 11, TimeSpan.Zero), second.EndTime);
        Assert.Equal(30, second.Duration);
        Assert.Equal(new[] { "xxx", "xxx2" }, second.Participants.Select(p => p.Name));
        Assert.Equal(TimeSpan.FromMinutes(30), second.Participants[1].Duration);
        Assert.Null(second.Participants[0].RegistrantId);
        Assert.Equal("cxxxx=2dsd", second.Participants[0].SessionId);
    }
}

/// <summary>The vendor's report samples, as printed and as repaired (each repair said in the comment above it).</summary>
internal static class ReportVendorSamples
{
    /// <summary>Section 2.6, confAttendeeLog (会议详情查询): the vendor text exactly as printed (not valid JSON).</summary>
    public const string AttendeeLogVerbatim = """
	{
"data": {
 "confInfo": [ {
       " topic ": "会议主题",
       " meetingNo ": "会议号",
       " duration ": "会议时长",
" startTime": "开始时间",
" endTime": "结束时间"
      }],
  " Details Log": [ {
       "joinTime": "入会时间",
       "leaveTime": "离会时间",
       "joinName": "参会名称",
       "cuid": "用户自定义ID",
“ip”:”ip地址”
        },
        { …}
        ]
    }
 “status”:” 100”,
 “message”:””
}
""";

    // Repaired from AttendeeLogVerbatim: the curly quotes (U+201C, U+201D) around the last key/value pairs made
    // ASCII; the placeholder element ", { …}" removed from "Details Log"; a comma added after the "data" object
    // before "status". The keys with stray spaces (" topic ", " Details Log") and the status " 100" are kept.
    // ReportVendorSampleTests.RepairAttendeeLog applies exactly these.
    public const string AttendeeLogRepaired = """
	{
"data": {
 "confInfo": [ {
       " topic ": "会议主题",
       " meetingNo ": "会议号",
       " duration ": "会议时长",
" startTime": "开始时间",
" endTime": "结束时间"
      }],
  " Details Log": [ {
       "joinTime": "入会时间",
       "leaveTime": "离会时间",
       "joinName": "参会名称",
       "cuid": "用户自定义ID",
"ip":"ip地址"
        }
        ]
    },
 "status":" 100",
 "message":""
}
""";

    /// <summary>Section 2.9, getConfLogListByConfNumber (根据用户会议号获取会议报告): the vendor text exactly as printed (not valid JSON).</summary>
    public const string ReportByNumberVerbatim = """
	{
"status":100,
"message":”success,
data:{
"confId"：1222，
"confName"："stest" //会议名称
"startTime":"2021-05-11 11:11:11"
"endTime":"2021-05-11 12:11:11"
"duration":60
"confNumber":13333333000
"hostName":"主持人1"
"records"：[
     {
         "cuid":"xxxxx",
"participantName":"xxx",
"joinTime":"2021-05-11 11:11:11",
"leaveTime":"2021-05-11 11:41:11",
"device":"windows",//设备类型
"ip":"10.0.0.0",//ip地址 
         "registrantId":"10.0.0.0",//ip地址 	Comment by binson: 这些字段是如果会议是需要注册形式的会议才会生成	Comment by binson: 后续版本支持
"address": "1800 Amphibious Blvd.",
"city": "Mountain View",
"comments": "Looking forward to the discussion.",
"country": "US",
"custom_questions": [
{
  "title": "What are you ?",
"value": "fine."
}
],
"email": "jchill@example.com",
"first_name": "Jill",
"industry": "Food",
"job_title": "Chef",
"last_name": "Chill",
"no_of_employees": "1-20",
"org": "Cooking Org",
"phone": "5550100",
"state": "CA",
"status": "approved",
"zip": "94045",
"create_time": "2022-03-22T05:59:09Z",
"join_url": "https://example.com/j/11111"

     }，

      {
            "cuid":"xxxxx2",
             "participantName":"xxx2",
             "joinTime":"2021-05-11 11:11:11",
              "leaveTime":"2021-05-11 11:41:11",
              "device":"ios",//设备类型
              "ip":"10.0.0.0",//ip地址 
 "registrantId":"10.0.0.0",//ip地址 
"address": "1800 Amphibious Blvd.",
"city": "Mountain View",
"comments": "Looking forward to the discussion.",
"country": "US",
"custom_questions": [
{
  "title": "What are you ?",
"value": "fine."
}
],
"email": "jchill@example.com",
"first_name": "Jill",
"industry": "Food",
"job_title": "Chef",
"last_name": "Chill",
"no_of_employees": "1-20",
"org": "Cooking Org",
"phone": "5550100",
"state": "CA",
"status": "approved",
"zip": "94045",
"create_time": "2022-03-22T05:59:09Z",
"join_url": "https://example.com/j/11111"
                     }
           ]
      },
     {
         "confUUID":"cxxxx=2dsd"
         "startTime":"2021-05-11 11:41:11"
         "endTime":"2021-05-11  12:11:11"
         "duration":30
         "attendees":
             [
                  {
                    "cuid":"xxxxx",
                    "participantName":"xxx",
                    "joinTime":"2021-05-11 11:41:11",
                    "leaveTime":"2021-05-11  12:11:11",
                    "device":"windows",//设备类型
                   "ip":"10.0.0.0",//ip地址 
                   }，
                  {
                    "cuid":"xxxxx2",
                    "participantName":"xxx2",
                    "joinTime":"2021-05-11 11:41:11",
                    "leaveTime":"2021-05-11  12:11:11",
                    "device":"ios",//设备类型
                    "ip":"10.0.0.0",//ip地址 
                     }
             ]
         }
      ]
    }      
}
""";

    // Repaired from ReportByNumberVerbatim: the "// ..." comments (with the reviewer notes "Comment by binson")
    // removed; the full-width colon and comma (U+FF1A, U+FF0C) and the curly quotes made ASCII; the closing quote
    // added to "success"; the key data quoted and its value opened as an array ("data":[{), as the two sessions
    // and the closing "]" show, and the one surplus "}" at the very end removed; the missing commas between
    // members added and the commas before a closing brace removed; the no-break spaces (U+00A0) made spaces;
    // trailing spaces cut. The values are kept, the double space in "2021-05-11  12:11:11" included.
    // ReportVendorSampleTests.RepairReport applies exactly these.
    public const string ReportByNumberRepaired = """
	{
"status":100,
"message":"success",
"data":[{
"confId":1222,
"confName":"stest",
"startTime":"2021-05-11 11:11:11",
"endTime":"2021-05-11 12:11:11",
"duration":60,
"confNumber":13333333000,
"hostName":"主持人1",
"records":[
     {
         "cuid":"xxxxx",
"participantName":"xxx",
"joinTime":"2021-05-11 11:11:11",
"leaveTime":"2021-05-11 11:41:11",
"device":"windows",
"ip":"10.0.0.0",
         "registrantId":"10.0.0.0",
"address": "1800 Amphibious Blvd.",
"city": "Mountain View",
"comments": "Looking forward to the discussion.",
"country": "US",
"custom_questions": [
{
  "title": "What are you ?",
"value": "fine."
}
],
"email": "jchill@example.com",
"first_name": "Jill",
"industry": "Food",
"job_title": "Chef",
"last_name": "Chill",
"no_of_employees": "1-20",
"org": "Cooking Org",
"phone": "5550100",
"state": "CA",
"status": "approved",
"zip": "94045",
"create_time": "2022-03-22T05:59:09Z",
"join_url": "https://example.com/j/11111"

     },

      {
            "cuid":"xxxxx2",
             "participantName":"xxx2",
             "joinTime":"2021-05-11 11:11:11",
              "leaveTime":"2021-05-11 11:41:11",
              "device":"ios",
              "ip":"10.0.0.0",
 "registrantId":"10.0.0.0",
"address": "1800 Amphibious Blvd.",
"city": "Mountain View",
"comments": "Looking forward to the discussion.",
"country": "US",
"custom_questions": [
{
  "title": "What are you ?",
"value": "fine."
}
],
"email": "jchill@example.com",
"first_name": "Jill",
"industry": "Food",
"job_title": "Chef",
"last_name": "Chill",
"no_of_employees": "1-20",
"org": "Cooking Org",
"phone": "5550100",
"state": "CA",
"status": "approved",
"zip": "94045",
"create_time": "2022-03-22T05:59:09Z",
"join_url": "https://example.com/j/11111"
                     }
           ]
      },
     {
         "confUUID":"cxxxx=2dsd",
         "startTime":"2021-05-11 11:41:11",
         "endTime":"2021-05-11  12:11:11",
         "duration":30,
         "attendees":
             [
                  {
                    "cuid":"xxxxx",
                    "participantName":"xxx",
                    "joinTime":"2021-05-11 11:41:11",
                    "leaveTime":"2021-05-11  12:11:11",
                    "device":"windows",
                   "ip":"10.0.0.0"
                   },
                  {
                    "cuid":"xxxxx2",
                    "participantName":"xxx2",
                    "joinTime":"2021-05-11 11:41:11",
                    "leaveTime":"2021-05-11  12:11:11",
                    "device":"ios",
                    "ip":"10.0.0.0"
                     }
             ]
         }
      ]
    }
""";

    /// <summary>Section 3.0, getConfLogListByJoinUrl (根据用户参会连接获取会议报告): the vendor text exactly as printed (not valid JSON).</summary>
    public const string ReportByJoinUrlVerbatim = """
	{
"status":100,
"message":”success,
data:{
"confId"：1222，
"confName"："stest" //会议名称
"startTime":"2021-05-11 11:11:11"
"endTime":"2021-05-11 12:11:11"
"duration":60
"confNumber":13333333000
"hostName":"主持人1"
"records"：[
     {
         "cuid":"xxxxx",
"participantName":"xxx",
"joinTime":"2021-05-11 11:11:11",
"leaveTime":"2021-05-11 11:41:11",
"device":"windows",//设备类型
"ip":"10.0.0.0",//ip地址 
         "registrantId":"10.0.0.0",//ip地址 
"address": "1800 Amphibious Blvd.",
"city": "Mountain View",
"comments": "Looking forward to the discussion.",
"country": "US",
"custom_questions": [
{
  "title": "What are you ?",
"value": "fine."
}
],
"email": "jchill@example.com",
"first_name": "Jill",
"industry": "Food",
"job_title": "Chef",
"last_name": "Chill",
"no_of_employees": "1-20",
"org": "Cooking Org",
"phone": "5550100",
"state": "CA",
"status": "approved",
"zip": "94045",
"create_time": "2022-03-22T05:59:09Z",
"join_url": "https://example.com/j/11111"

     }，

      {
            "cuid":"xxxxx2",
             "participantName":"xxx2",
             "joinTime":"2021-05-11 11:11:11",
              "leaveTime":"2021-05-11 11:41:11",
              "device":"ios",//设备类型
              "ip":"10.0.0.0",//ip地址 
 "registrantId":"10.0.0.0",//ip地址 
"address": "1800 Amphibious Blvd.",
"city": "Mountain View",
"comments": "Looking forward to the discussion.",
"country": "US",
"custom_questions": [
{
  "title": "What are you ?",
"value": "fine."
}
],
"email": "jchill@example.com",
"first_name": "Jill",
"industry": "Food",
"job_title": "Chef",
"last_name": "Chill",
"no_of_employees": "1-20",
"org": "Cooking Org",
"phone": "5550100",
"state": "CA",
"status": "approved",
"zip": "94045",
"create_time": "2022-03-22T05:59:09Z",
"join_url": "https://example.com/j/11111"
                     }
           ]
      },
     {
         "confUUID":"cxxxx=2dsd"
         "startTime":"2021-05-11 11:41:11"
         "endTime":"2021-05-11  12:11:11"
         "duration":30
         "attendees":
             [
                  {
                    "cuid":"xxxxx",
                    "participantName":"xxx",
                    "joinTime":"2021-05-11 11:41:11",
                    "leaveTime":"2021-05-11  12:11:11",
                    "device":"windows",//设备类型
                   "ip":"10.0.0.0",//ip地址 
                   }，
                  {
                    "cuid":"xxxxx2",
                    "participantName":"xxx2",
                    "joinTime":"2021-05-11 11:41:11",
                    "leaveTime":"2021-05-11  12:11:11",
                    "device":"ios",//设备类型
                    "ip":"10.0.0.0",//ip地址 
                     }
             ]
         }
      ]
    }      
}
""";

    // Repaired from ReportByJoinUrlVerbatim with exactly the repairs of ReportByNumberRepaired (section 3.0
    // prints the same answer as 2.9, without the reviewer notes), so the result is the same text.
    public const string ReportByJoinUrlRepaired = ReportByNumberRepaired;

    /// <summary>Section 3.1, getConfPolls (根据会议号获取投票内容): the vendor text exactly as printed (not valid JSON).</summary>
    public const string PollsVerbatim = """
	{
"status":100,
"message":”success,
data:{
       "startTime":"2021-05-11 11:11:11"
       "confNo":13333333000
       "uuid":"xxxxx"
       "records"：
        [
         {
           "name":"Colin的并发共号",
           "email":"colin@weijia.cc",
           "question_details":[
               {"question":"谁当体育委员","answer":"binson"},
               {"question":"谁当班长","answer":"simon"}]},

           {
            "name":"斌",
            "email":"binson_hao@bizconf.cn",
            "question_details":[
                 {"question":"谁当体育委员","answer":"binson"},
                 {"question":"谁当班长","answer":"lion"}]}, 
           {
             "name":"额",
             "question_details":[
                   {"question":"谁当体育委员","answer":"binson"},                           {"question":"谁当班长","answer":"lion"}
                    ]
            }
      ]
    }      
}
""";

    // Repaired from PollsVerbatim: the curly quote before success made ASCII and its closing quote added; the key
    // data quoted; the full-width colon after "records" made ASCII; the missing commas after the startTime,
    // confNo and uuid members added; the no-break spaces (U+00A0) made spaces; trailing spaces cut.
    // ReportVendorSampleTests.RepairPolls applies exactly these.
    public const string PollsRepaired = """
	{
"status":100,
"message":"success",
"data":{
       "startTime":"2021-05-11 11:11:11",
       "confNo":13333333000,
       "uuid":"xxxxx",
       "records":
        [
         {
           "name":"Colin的并发共号",
           "email":"colin@weijia.cc",
           "question_details":[
               {"question":"谁当体育委员","answer":"binson"},
               {"question":"谁当班长","answer":"simon"}]},

           {
            "name":"斌",
            "email":"binson_hao@bizconf.cn",
            "question_details":[
                 {"question":"谁当体育委员","answer":"binson"},
                 {"question":"谁当班长","answer":"lion"}]},
           {
             "name":"额",
             "question_details":[
                   {"question":"谁当体育委员","answer":"binson"},                           {"question":"谁当班长","answer":"lion"}
                    ]
            }
      ]
    }
}
""";
}
