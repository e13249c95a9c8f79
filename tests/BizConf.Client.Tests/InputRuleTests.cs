using System.Text.Json;
using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>The input rules of InputRules.cs: each refused before any request, naming the parameter and the rule.</summary>
public class InputRuleTests
{
    private const string Done = """{"status":100,"message":""}""";

    public static TheoryData<string> Fields()
    {
        var data = new TheoryData<string>();
        foreach (var rule in InputRules.TextRules)
        {
            data.Add(rule.Field);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_text_field_refuses_NUL_line_breaks_and_other_control_characters(string field)
    {
        var rule = InputRules.For(field);
        foreach (var bad in new[] { "a\0b", "a\nb", "a\r\nb", "a\u0001b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u2028b" })
        {
            var e = Assert.Throws<BizConfArgumentException>(() => InputRules.CheckText(field, bad));
            Assert.Equal(rule.Parameter, e.ParamName);
            Assert.StartsWith($"{field} must not contain control characters", e.Message);
            Assert.Contains("at position 2", e.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_text_field_takes_its_limit_and_refuses_one_character_more(string field)
    {
        var rule = InputRules.For(field);

        InputRules.CheckText(field, new string('字', rule.MaxLength));
        var e = Assert.Throws<BizConfArgumentException>(() => InputRules.CheckText(field, new string('字', rule.MaxLength + 1)));

        Assert.Equal(rule.Parameter, e.ParamName);
        Assert.Equal($"{field} must be at most {rule.MaxLength} characters; it has {rule.MaxLength + 1}.", e.Message);
    }

    [Fact]
    public void A_tab_stays_only_in_free_text_comments_and_answers()
    {
        var withTab = InputRules.TextRules.Where(r => r.AllowsTab).Select(r => r.Field).ToArray();
        Assert.Equal(new[] { "Comments", "CustomAnswer value" }, withTab);

        InputRules.CheckText("Comments", "first\tsecond");
        var e = Assert.Throws<BizConfArgumentException>(() => InputRules.CheckText("FirstName", "Ann\tLee"));
        Assert.Equal("FirstName must not contain control characters (line breaks, NUL or others below U+0020); it has a tab (U+0009) at position 4.", e.Message);
    }

    [Fact]
    public void The_limits_are_the_API_s_where_it_has_one_and_otherwise_255_254_and_2000()
    {
        Assert.Equal(128, InputRules.For("CustomAnswer value").MaxLength);
        Assert.Equal("API", InputRules.For("CustomAnswer value").Basis);
        Assert.Equal(128, InputRules.For("Name").MaxLength);
        Assert.Equal(254, InputRules.For("Email").MaxLength);
        Assert.Equal(2000, InputRules.For("Comments").MaxLength);
        Assert.All(new[] { "FirstName", "LastName", "Address", "City", "State", "Zip", "Organization", "Password", "StreamKey" },
            f => Assert.Equal(255, InputRules.For(f).MaxLength));
    }

    [Fact]
    public void A_broken_surrogate_pair_is_refused_and_a_whole_one_counts_as_text()
    {
        InputRules.CheckText("FirstName", "😀 Ann");
        var e = Assert.Throws<BizConfArgumentException>(() => InputRules.CheckText("FirstName", "Ann\uD83D"));
        Assert.Equal("FirstName", e.ParamName);
        Assert.Contains("broken surrogate pair at position 4", e.Message);
    }

    [Fact]
    public async Task Create_meeting_refuses_a_line_break_in_the_name_or_password_without_sending()
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler);
        var named = TestClient.Meeting("Weekly\nsync");
        var locked = TestClient.Meeting();
        locked.Password = "12\u000034";

        Assert.Equal("Name", (await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CreateMeetingAsync(named))).ParamName);
        Assert.Equal("Password", (await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CreateMeetingAsync(locked))).ParamName);
        Assert.Equal("Password", (await Assert.ThrowsAsync<BizConfArgumentException>(() => client.ModifyMeetingAsync(5, locked))).ParamName);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("From")]
    [InlineData("To")]
    public async Task List_refuses_the_extreme_times_as_a_named_range_error(string parameter)
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);
        foreach (var extreme in new[] { DateTimeOffset.MaxValue, DateTimeOffset.MinValue })
        {
            var query = parameter == "From" ? new MeetingQuery { From = extreme } : new MeetingQuery { To = extreme };

            var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.ListMeetingsAsync(query, 1, 10));

            Assert.Equal(parameter, e.ParamName);
            Assert.StartsWith($"{parameter} must be between 1970-01-01 and 9998-12-31 (UTC); it is ", e.Message);
        }

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Create_and_modify_refuse_the_extreme_start_times_before_the_past_rule()
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler);
        foreach (var extreme in new[] { DateTimeOffset.MaxValue, DateTimeOffset.MinValue })
        {
            var meeting = TestClient.Meeting();
            meeting.StartTime = extreme;
            var webinar = new WebinarRequest { Name = "w", StartTime = extreme, Duration = 30 };

            Assert.Contains("must be between", (await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CreateMeetingAsync(meeting))).Message);
            Assert.Equal("StartTime", (await Assert.ThrowsAsync<BizConfArgumentException>(() => client.ModifyMeetingAsync(5, meeting))).ParamName);
            Assert.Equal("StartTime", (await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CreateWebinarAsync(webinar))).ParamName);
        }

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_keyword_longer_than_any_name_is_refused()
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);

        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.ListMeetingsAsync(new MeetingQuery { Keyword = new string('k', 129) }, 1, 10));

        Assert.Equal("Keyword", e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "https://watch.example/1", "StreamUrl")]
    [InlineData("file:///etc/passwd", "https://watch.example/1", "StreamUrl")]
    [InlineData("https://push.example/live", "https://watch.example/1", "StreamUrl")]
    [InlineData("rtmp://push.example/live", "javascript:alert(1)", "LiveUrl")]
    [InlineData("rtmp://push.example/live", "file:///c:/x.html", "LiveUrl")]
    [InlineData("rtmp://push.example/live", "rtmp://watch.example/1", "LiveUrl")]
    [InlineData("rtmp://push.example/live", "watch.example/1", "LiveUrl")]
    public async Task Stream_links_must_be_rtmp_and_watch_links_http_everywhere_they_are_sent(string streamUrl, string liveUrl, string parameter)
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);
        var webinar = new WebinarRequest { Name = "w", StartTime = TestClient.Now.AddDays(1), Duration = 30, StreamUrl = streamUrl, StreamKey = "k", LiveUrl = liveUrl };

        var live = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.SetLiveStreamAsync(1, streamUrl, "k", liveUrl));
        var created = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CreateWebinarAsync(webinar));

        Assert.Equal(parameter, live.ParamName);
        Assert.Equal(parameter, created.ParamName);
        Assert.Contains(parameter == "StreamUrl" ? "rtmp:// or rtmps://" : "http:// or https://", live.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_rtmps_stream_link_is_taken()
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);

        await client.SetLiveStreamAsync(1, "rtmps://push.example/live", "k", "http://watch.example/1");

        Assert.Equal("rtmps://push.example/live", handler.Single.Field("streamUrl"));
    }

    [Theory]
    [InlineData("12 34")]
    [InlineData("12a4")]
    [InlineData("１２３")]
    [InlineData("-1234")]
    public async Task Webinar_numbers_are_digits_only_for_every_webinar_call(string number)
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);
        var request = new WebinarRequest { Name = "w", StartTime = TestClient.Now.AddDays(1), Duration = 30 };

        foreach (var call in new Func<Task>[]
        {
            () => client.GetWebinarAsync(number),
            () => client.DeleteWebinarAsync(number),
            () => client.ModifyWebinarAsync(number, request),
        })
        {
            var e = await Assert.ThrowsAsync<BizConfArgumentException>(call);
            Assert.Equal("WebinarNumber", e.ParamName);
            Assert.Equal($"WebinarNumber must be the webinar's number, digits only; '{number}' is not.", e.Message);
        }

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_webinar_number_with_spaces_around_it_is_sent_trimmed()
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);

        await client.DeleteWebinarAsync(" 48432493631 ");

        Assert.Equal("48432493631", handler.Single.Field("webinarNo"));
    }

    [Theory]
    [InlineData("FirstName")]
    [InlineData("LastName")]
    [InlineData("Address")]
    [InlineData("City")]
    [InlineData("State")]
    [InlineData("Zip")]
    [InlineData("Phone")]
    [InlineData("Comments")]
    [InlineData("Industry")]
    [InlineData("JobTitle")]
    [InlineData("Organization")]
    [InlineData("Email")]
    public async Task Every_registrant_field_refuses_a_line_break_without_sending(string field)
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);
        var request = new RegistrantRequest { Email = "ann@example.com", FirstName = "Ann" };
        typeof(RegistrantRequest).GetProperty(field)!.SetValue(request, field == "Email" ? "ann\n@example.com" : "line one\nline two");

        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.AddRegistrantAsync(1, request));

        Assert.Equal(field, e.ParamName);
        Assert.Contains("control characters", e.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Line_breaks_around_a_registrant_field_are_dropped_as_before_and_not_refused()
    {
        var handler = FakeHttpHandler.Answering(
            () => FakeHttpHandler.Ok("""{"status":100,"data":{"registrant_id":"r-1"}}"""),
            () => FakeHttpHandler.Ok("""{"status":100,"data":[{"id":"r-1","first_name":"Ann","email":"ann@example.com"}]}"""));
        using var client = TestClient.Create(handler);

        await client.AddRegistrantAsync(1, new RegistrantRequest { Email = "ann@example.com\r\n", FirstName = " Ann\n", City = "Hangzhou\r\n" });

        Assert.Equal("ann@example.com", handler.Requests[0].Field("email"));
        Assert.Equal("Ann", handler.Requests[0].Field("first_name"));
        Assert.Equal("Hangzhou", handler.Requests[0].Field("city"));
    }

    [Fact]
    public async Task Custom_answers_keep_a_tab_but_refuse_a_line_break_in_title_or_value()
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);
        var badTitle = new RegistrantRequest { Email = "ann@example.com", FirstName = "Ann" };
        badTitle.CustomAnswers.Add(new("How\nfound", "web"));
        var badValue = new RegistrantRequest { Email = "ann@example.com", FirstName = "Ann" };
        badValue.CustomAnswers.Add(new("How", "web\0"));

        var title = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.AddRegistrantAsync(1, badTitle));
        var value = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.AddRegistrantAsync(1, badValue));

        Assert.Equal("CustomAnswer", title.ParamName);
        Assert.StartsWith("CustomAnswer title must not contain control characters", title.Message);
        Assert.Equal("CustomAnswer", value.ParamName);
        Assert.StartsWith("CustomAnswer value must not contain control characters", value.Message);
        Assert.Empty(handler.Requests);
        var tabbed = new RegistrantRequest { Email = "ann@example.com", FirstName = "Ann" };
        tabbed.CustomAnswers.Add(new("How", "web\tand mail"));
        tabbed.Normalize();
    }

    [Fact]
    public async Task Custom_questions_refuse_control_characters_and_choices_longer_than_an_answer_may_be()
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);
        var badTitle = new[] { new CustomRegistrationQuestion { Title = "Di\r\net" } };
        var longChoice = new[] { new CustomRegistrationQuestion { Title = "Diet", Type = RegistrationQuestionType.Single, Answers = new[] { new string('x', 129) } } };

        var title = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.SetRegistrationQuestionsAsync(1, null, badTitle));
        var choice = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.SetRegistrationQuestionsAsync(1, null, longChoice));

        Assert.Equal("CustomQuestion", title.ParamName);
        Assert.Equal("CustomQuestion", choice.ParamName);
        Assert.Equal("CustomQuestion answer must be at most 128 characters; it has 129.", choice.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Account_check_and_join_url_report_refuse_control_characters()
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);

        Assert.Equal("LoginName", (await Assert.ThrowsAsync<BizConfArgumentException>(() => client.CheckAccountAsync("ann\nbob"))).ParamName);
        Assert.Equal("JoinUrl", (await Assert.ThrowsAsync<BizConfArgumentException>(() => client.GetReportsByJoinUrlAsync("https://j.example/1\n"))).ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void A_client_is_not_made_for_a_login_name_or_site_sign_with_control_characters()
    {
        var login = Assert.Throws<BizConfArgumentException>(() => new BizConfClient(new BizConfClientOptions { LoginName = "demo\0" }, "key"));
        var site = Assert.Throws<BizConfArgumentException>(() => new BizConfClient(new BizConfClientOptions { LoginName = "demo", SiteSign = "site\r" }, "key"));

        Assert.Equal("LoginName", login.ParamName);
        Assert.Equal("SiteSign", site.ParamName);
    }

    [Fact]
    public void Meeting_links_refuse_a_display_name_with_a_line_break()
    {
        Assert.Equal("DisplayName", Assert.Throws<BizConfArgumentException>(() => MeetingLinks.Join("123", null, "Ann\nLee")).ParamName);
        Assert.Equal("DisplayName", Assert.Throws<BizConfArgumentException>(() => MeetingLinks.Start("123", "u", "t", "Ann\0")).ParamName);
    }

    [Theory]
    [InlineData("http://api.example.com/", true)]
    [InlineData("http://10.0.0.5:5080/", true)]
    [InlineData("https://api.example.com/", false)]
    [InlineData("http://127.0.0.1:5080/", false)]
    [InlineData("http://localhost:5080/", false)]
    [InlineData("http://[::1]:5080/", false)]
    public void Plain_http_counts_as_unencrypted_except_to_this_machine(string baseUri, bool unencrypted)
    {
        Assert.Equal(unencrypted, new BizConfClientOptions { BaseUri = new Uri(baseUri) }.IsUnencrypted);
    }
}

/// <summary>Request objects the module makes hide their secrets when shown or serialized, and still send them.</summary>
public class RequestSecretTests
{
    [Fact]
    public async Task A_meeting_request_hides_its_password_in_text_and_JSON_and_sends_it()
    {
        var handler = FakeHttpHandler.Json(TestClient.RealisticMeeting);
        using var client = TestClient.Create(handler);
        var request = TestClient.Meeting();
        request.Password = "Pw-860412";

        await client.CreateMeetingAsync(request);

        Assert.Equal("Pw-860412", handler.Single.Field("hostKey"));
        Assert.Equal(SecretText.Hidden, request.Password);
        Assert.DoesNotContain("Pw-860412", request.ToString());
        Assert.DoesNotContain("Pw-860412", JsonSerializer.Serialize(request));
        Assert.Equal("Meeting 'Weekly sync' at 2017-08-02 00:00 +00:00 for 60 minutes", request.ToString());
    }

    [Fact]
    public async Task A_webinar_request_hides_password_and_stream_key_and_sends_both()
    {
        var handler = FakeHttpHandler.Json(WebinarVendorSamples.WebinarRepaired);
        using var client = TestClient.Create(handler);
        var request = new WebinarRequest
        {
            Name = "Launch",
            StartTime = TestClient.Now.AddDays(1),
            Duration = 30,
            Password = "Wb-5521",
            StreamUrl = "rtmp://push.example/live",
            StreamKey = "Key-77aa",
            LiveUrl = "https://watch.example/1",
        };

        await client.CreateWebinarAsync(request);

        var sent = handler.Single;
        Assert.Equal("Wb-5521", sent.Field("password"));
        Assert.Equal("Key-77aa", sent.Field("streamKey"));
        var json = JsonSerializer.Serialize(request);
        Assert.DoesNotContain("Wb-5521", json);
        Assert.DoesNotContain("Key-77aa", json);
        Assert.Contains("\"StreamKey\":\"(hidden)\"", json);
        Assert.DoesNotContain("Wb-5521", request.ToString());
        Assert.True(request.PushesStream);
    }

    [Fact]
    public void An_empty_password_reads_as_none_not_as_hidden()
    {
        Assert.Null(new MeetingRequest { Password = null }.Password);
        Assert.Equal(string.Empty, new WebinarRequest { Password = string.Empty }.Password);
    }
}
