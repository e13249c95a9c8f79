using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>
/// The vendor's samples of the report endpoints (sections 2.6, 2.9, 3.0 and 3.1), repaired into JSON
/// (tests/samples), read through the real client methods.
/// </summary>
public sealed class ReportVendorSampleTests
{
    [Fact]
    public async Task Sample_2_6_confAttendeeLog_reads_its_one_row_and_placeholder_texts()
    {
        using var fake = new ReportFakeHandler(Samples.Repaired("2.6-confAttendeeLog"));
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

    [Theory]
    [InlineData("2.9-getConfLogListByConfNumber", "getConfLogListByConfNumber")]
    [InlineData("3.0-getConfLogListByJoinUrl", "getConfLogListByJoinUrl")]
    public async Task Report_sample_reads_both_sessions_through_the_client_method_of_its_endpoint(string sample, string endpoint)
    {
        using var fake = new ReportFakeHandler(Samples.Repaired(sample));
        using var client = fake.CreateClient();

        var reports = endpoint == "getConfLogListByConfNumber"
            ? await client.GetReportsByNumberAsync("13333333000")
            : await client.GetReportsByJoinUrlAsync("https://example.com/j/11111");

        AssertVendorReport(reports);
        Assert.Equal(endpoint, Assert.Single(fake.Requests).Uri.Segments.Last());
    }

    [Fact]
    public async Task Sample_3_1_getConfPolls_reads_a_row_per_person_per_question()
    {
        using var fake = new ReportFakeHandler(Samples.Repaired("3.1-getConfPolls"));
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
