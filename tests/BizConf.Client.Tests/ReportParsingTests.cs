using System.Collections.Concurrent;
using System.Net;
using System.Text;
using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>
/// The report parser's leniency (docs/API.md, "Reports"): keys matched ignoring case, spaces and underscores, <c>data</c> as an
/// array of sessions or one object, participants under <c>records</c> or <c>attendees</c>, numbers as strings.
/// </summary>
[Collection(LocalZoneCollection.Name)]
public sealed class ReportParsingTests
{
    [Fact]
    public async Task Report_keys_match_ignoring_case_spaces_and_underscores()
    {
        using var fake = new ReportFakeHandler("""
            {"status":"100","message":"","data":[{"CONF_ID":"17962","conf name":"Weekly","Conf_Number":"1234567890","HOST NAME":"Ann",
              "conf_uuid":"u-1","Start_Time":"2031-03-10 02:00:00","END TIME":"2031-03-10 03:00:00","Duration":"60",
              "Records":[{"Participant_Name":"Jill Chill","CUID":"c1","Join Time":"2031-03-10 02:05:00","leave_time":"2031-03-10 02:35:30",
                "DEVICE":"mac","IP":"10.1.2.3","Registrant_Id":"r1","E-mail":"x","EMAIL":"jill@example.com","FirstName":"Jill","LastName":"Chill",
                "JobTitle":"Chef","ORG":"Cooking Org","NoOfEmployees":"1-20","Create Time":"2031-03-01T05:59:09Z","JoinUrl":"https://x/j/1"}]}]}
            """);
        using var client = fake.CreateClient();

        var report = Assert.Single(await client.GetReportsByNumberAsync("1234567890"));

        Assert.Equal(17962, report.MeetingId);
        Assert.Equal("Weekly", report.Name);
        Assert.Equal("1234567890", report.MeetingNumber);
        Assert.Equal("Ann", report.HostName);
        Assert.Equal("u-1", report.SessionId);
        Assert.Equal(60, report.Duration);
        Assert.Equal(new DateTimeOffset(2031, 3, 10, 2, 0, 0, TimeSpan.Zero), report.StartTime);
        var jill = Assert.Single(report.Participants);
        Assert.Equal(1, report.ParticipantCount);
        Assert.Equal("Jill Chill", jill.Name);
        Assert.Equal("c1", jill.CustomId);
        Assert.Equal(TimeSpan.FromSeconds(30 * 60 + 30), jill.Duration);
        Assert.Equal("mac", jill.Device);
        Assert.Equal("10.1.2.3", jill.IPAddress);
        Assert.Equal("r1", jill.RegistrantId);
        Assert.Equal("jill@example.com", jill.Email);
        Assert.Equal("Jill", jill.FirstName);
        Assert.Equal("Chill", jill.LastName);
        Assert.Equal("Chef", jill.JobTitle);
        Assert.Equal("Cooking Org", jill.Organization);
        Assert.Equal("1-20", jill.NumberOfEmployees);
        Assert.Equal(new DateTimeOffset(2031, 3, 1, 5, 59, 9, TimeSpan.Zero), jill.RegistrationTime);
        Assert.Equal("https://x/j/1", jill.JoinUrl);
        Assert.Equal("1234567890", jill.MeetingNumber);
        Assert.Equal("u-1", jill.SessionId);
    }

    [Fact]
    public async Task Report_data_may_be_one_object_and_people_may_be_under_records_and_attendees()
    {
        using var fake = new ReportFakeHandler("""
            {"status":100,"message":"","data":{"confNumber":1234567890,"startTime":"2031-03-10 02:00:00","endTime":"2031-03-10 02:45:00",
              "records":[{"participantName":"A"}],"attendees":[{"participantName":"B"},{"participantName":"C"}]}}
            """);
        using var client = fake.CreateClient();

        var report = Assert.Single(await client.GetReportsByNumberAsync("1234567890"));

        Assert.Equal(new[] { "A", "B", "C" }, report.Participants.Select(p => p.Name));
        Assert.Equal(45, report.Duration);
        Assert.Null(report.MeetingId);
        Assert.Null(report.Participants[0].Duration);
    }

    [Fact]
    public async Task Report_without_sessions_is_an_empty_list()
    {
        using var fake = new ReportFakeHandler("""{"status":100,"message":"","data":[]}""");
        using var client = fake.CreateClient();

        Assert.Empty(await client.GetReportsByNumberAsync("1234567890"));
    }

    [Fact]
    public async Task Report_times_come_back_in_local_time()
    {
        using var fake = new ReportFakeHandler("""
            {"status":100,"data":[{"startTime":"2031-07-01 02:00:00","attendees":[{"participantName":"A","joinTime":"2031-07-01 02:00:00","leaveTime":"2031-07-01 02:10:00"}]}]}
            """);
        using var client = fake.CreateClient();

        MeetingReport report;
        using (new PinnedLocalZone("America/New_York"))
        {
            report = (await client.GetReportsByNumberAsync("1234567890")).Single();
        }

        var join = report.Participants[0].JoinTime!.Value;
        Assert.Equal(new DateTimeOffset(2031, 6, 30, 22, 0, 0, TimeSpan.FromHours(-4)), join);
        Assert.Equal(TimeSpan.FromHours(-4), join.Offset);
        Assert.Equal(TimeSpan.FromHours(-4), report.StartTime!.Value.Offset);
        Assert.Equal(join, report.StartTime);
    }

    [Fact]
    public async Task Custom_answers_become_one_readable_line_in_the_escaped_form_that_reads_back()
    {
        using var fake = new ReportFakeHandler("""
            {"status":100,"data":[{"records":[
              {"participantName":"A","custom_questions":[{"title":" Team ","value":"Ops"},{"title":"Diet","value":""},{"value":"no title"},
                {"title":"Plan; B","value":"x=y \\ z"}]},
              {"participantName":"B","custom_questions":[]}]}]}
            """);
        using var client = fake.CreateClient();

        var people = (await client.GetReportsByNumberAsync("1234567890")).Single().Participants;

        Assert.Equal(@"Team=Ops; Diet=; Plan\; B=x\=y \\ z", people[0].CustomAnswers);
        Assert.Equal(
            new[] { ("Team", "Ops"), ("Diet", ""), ("Plan; B", @"x=y \ z") },
            CustomAnswerText.Parse(people[0].CustomAnswers).Select(a => (a.Key, a.Value)));
        Assert.Null(people[1].CustomAnswers);
    }

    [Fact]
    public async Task A_later_session_without_meeting_details_inherits_them()
    {
        using var fake = new ReportFakeHandler("""
            {"status":100,"data":[{"confId":5,"confName":"Twice","confNumber":"1234567890","hostName":"Ann","confUUID":"s1","attendees":[]},
                                  {"confUUID":"s2","attendees":[{"participantName":"Late"}]}]}
            """);
        using var client = fake.CreateClient();

        var second = (await client.GetReportsByJoinUrlAsync("https://meet.example/j/1234567890"))[1];

        Assert.Equal(5, second.MeetingId);
        Assert.Equal("Twice", second.Name);
        Assert.Equal("1234567890", second.MeetingNumber);
        Assert.Equal("Ann", second.HostName);
        Assert.Equal("s2", second.SessionId);
        Assert.Equal("1234567890", second.Participants[0].MeetingNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 34")]
    [InlineData("abc")]
    [InlineData("-123")]
    public async Task Meeting_number_must_be_digits_and_nothing_is_sent_otherwise(string number)
    {
        using var fake = new ReportFakeHandler("""{"status":100,"data":[]}""");
        using var client = fake.CreateClient();

        var refused = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.GetReportsByNumberAsync(number));

        Assert.Equal("MeetingNumber", refused.ParamName);
        Assert.Contains("digits", refused.Message);
        Assert.Empty(fake.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("meet/j/123")]
    [InlineData("ftp://example.com/j/1")]
    public async Task Join_url_must_be_an_absolute_web_link(string joinUrl)
    {
        using var fake = new ReportFakeHandler("""{"status":100,"data":[]}""");
        using var client = fake.CreateClient();

        var refused = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.GetReportsByJoinUrlAsync(joinUrl));

        Assert.Equal("JoinUrl", refused.ParamName);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Report_errors_carry_the_api_status()
    {
        using var fake = new ReportFakeHandler("""{"status":401,"message":"会议不存在"}""");
        using var client = fake.CreateClient();

        var failure = await Assert.ThrowsAsync<BizConfApiException>(() => client.GetReportsByNumberAsync("1234567890"));

        Assert.Equal(401, failure.Status);
        Assert.Equal("会议不存在", failure.ServerMessage);
    }
}

/// <summary>Answers every request with the same body and keeps what was sent, for the report, poll and site token tests.</summary>
internal sealed class ReportFakeHandler : HttpMessageHandler
{
    public const string SiteSign = "site-r";
    private readonly string body;

    public ReportFakeHandler(string body)
    {
        this.body = body;
    }

    /// <summary>A key of its own per handler: the signer remembers the last timestamp of each key for the whole process.</summary>
    public string ApiKey { get; } = "report-key-" + Guid.NewGuid().ToString("N");

    public ConcurrentQueue<(HttpMethod Method, Uri Uri, string Form)> Requests { get; } = new();

    public List<string> Log { get; } = new();

    public BizConfClient CreateClient(string? siteSign = SiteSign) => new(
        new BizConfClientOptions
        {
            BaseUri = new Uri("https://api.example.test/openapi/"),
            LoginName = "demo",
            SiteSign = siteSign,
            Handler = this,
            MaxRetry = 0,
            Log = line => { lock (Log) { Log.Add(line); } },
        },
        ApiKey);

    /// <summary>The fields of a request, from its query string (GET) or form body (POST).</summary>
    public static Dictionary<string, string> Fields((HttpMethod Method, Uri Uri, string Form) request)
    {
        var text = request.Method == HttpMethod.Get ? request.Uri.Query.TrimStart('?') : request.Form;
        return text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.Method, request.RequestUri!, form));
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
    }
}
