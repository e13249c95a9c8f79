using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>The registration calls of the client: JSON fields, enumerations, and refusals before sending.</summary>
public class RegistrationClientTests
{
    private const string Added = """{"status":100,"message":"success","data":{"registrant_id":"r-1","id":1130352963,"topic":"t","start_time":"2017-08-09T04:00:00Z","join_url":"https://j/x?tk=1","tk":"1"}}""";
    private const string Done = """{"status":100,"message":""}""";

    /// <summary>addRegistrant answers r-1.</summary>
    private static FakeHttpHandler AddingR1() => FakeHttpHandler.Json(Added);

    private static RegistrantRequest Ann() => new() { Email = "ann@example.com", FirstName = "Ann" };

    private static async Task<(BizConfArgumentException Error, FakeHttpHandler Handler)> AddRefusedAsync(RegistrantRequest request)
    {
        var handler = FakeHttpHandler.Json(Added);
        using var client = TestClient.Create(handler);
        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.AddRegistrantAsync(17962, request));
        return (e, handler);
    }

    [Fact]
    public async Task Add_posts_the_wire_names_and_auto_approve_as_true_or_false()
    {
        var handler = AddingR1();
        using var client = TestClient.Create(handler);
        var request = new RegistrantRequest
        {
            Email = " li.wei@example.cn ",
            FirstName = "伟",
            LastName = "李",
            JobTitle = "运营总监",
            Organization = "华东物流",
            NumberOfEmployees = "1,001-5,000",
            Country = "cn",
            Language = "zh-cn",
            City = "  ",
            AutoApprove = false,
        };
        request.CustomAnswers.Add(new KeyValuePair<string, string>("参会方式", "现场"));

        var registrant = await client.AddRegistrantAsync(17962, request);

        var sent = handler.Requests[0];
        Assert.EndsWith("/openapi/addRegistrant", sent.Uri.AbsolutePath);
        Assert.Equal("17962", sent.Field("confId"));
        Assert.Equal("li.wei@example.cn", sent.Field("email"));
        Assert.Equal("伟", sent.Field("first_name"));
        Assert.Equal("李", sent.Field("last_name"));
        Assert.Equal("运营总监", sent.Field("job_title"));
        Assert.Equal("华东物流", sent.Field("org"));
        Assert.Equal("1,001-5,000", sent.Field("no_of_employees"));
        Assert.Equal("CN", sent.Field("country"));
        Assert.Equal("zh-CN", sent.Field("language"));
        Assert.Equal("""[{"title":"参会方式","value":"现场"}]""", sent.Field("custom_questions"));
        Assert.Equal("false", sent.Field("auto_approve"));
        Assert.False(sent.Has("city"));
        Assert.False(sent.Has("siteSign"));
        Assert.Equal("r-1", registrant.RegistrantId);
        Assert.Equal(RegistrantStatus.Pending, registrant.Status);
        Assert.Equal("参会方式=现场", registrant.CustomAnswers);
        Assert.Equal("李", registrant.LastName);
    }

    [Fact]
    public async Task Add_sends_auto_approve_true_by_default()
    {
        var handler = AddingR1();
        using var client = TestClient.Create(handler);

        var registrant = await client.AddRegistrantAsync(17962, Ann());

        Assert.Equal("true", handler.Requests[0].Field("auto_approve"));
        Assert.False(handler.Requests[0].Has("custom_questions"));
        Assert.Equal(RegistrantStatus.Approved, registrant.Status);
    }

    [Fact]
    public async Task Add_is_one_request_and_the_registrant_is_made_from_the_request_and_the_answer()
    {
        var handler = FakeHttpHandler.Json(Added);
        using var client = TestClient.Create(handler);
        var request = Ann();
        request.FirstName = " Second ";
        request.LastName = "李";
        request.Language = "zh-cn";
        request.AutoApprove = false;
        request.CustomAnswers.Add(new KeyValuePair<string, string>("参会方式", "现场"));

        var registrant = await client.ForAccount("host-b").AddRegistrantAsync(17962, request);

        Assert.Equal("addRegistrant", Assert.Single(handler.Requests).Uri.Segments.Last());
        Assert.Equal("host-b", handler.Requests[0].Field("loginName"));
        Assert.Equal("r-1", registrant.RegistrantId);
        Assert.Equal(17962, registrant.MeetingId);
        Assert.Equal("host-b", registrant.LoginName);
        Assert.Equal("1130352963", registrant.MeetingNumber);
        Assert.Equal("t", registrant.Topic);
        Assert.Equal(new DateTimeOffset(2017, 8, 9, 4, 0, 0, TimeSpan.Zero), registrant.MeetingStartTime);
        Assert.Equal("https://j/x?tk=1", registrant.JoinUrl);
        Assert.Equal("Second", registrant.FirstName);
        Assert.Equal("李", registrant.LastName);
        Assert.Equal("ann@example.com", registrant.Email);
        Assert.Equal("zh-CN", registrant.Language);
        Assert.Equal(RegistrantStatus.Pending, registrant.Status);
        Assert.Null(registrant.CreatedTime);
        Assert.Equal("参会方式=现场", registrant.CustomAnswers);
    }

    [Fact]
    public async Task Add_sends_every_standard_field_under_its_wire_name_and_leaves_out_those_addRegistrant_has_no_field_for()
    {
        var handler = FakeHttpHandler.Json(Added);
        using var client = TestClient.Create(handler);
        var request = new RegistrantRequest
        {
            Email = "a@example.com", FirstName = "F", LastName = "L", Address = "A", City = "C", State = "S", Zip = "Z",
            Country = "CN", Phone = "P", Comments = "Co", Industry = "I", JobTitle = "J", NumberOfEmployees = "1-20",
            Organization = "O", Language = "en-US", PurchasingTimeFrame = "soon", RoleInPurchaseProcess = "buyer",
        };

        await client.AddRegistrantAsync(17962, request);

        var sent = handler.Single.Fields.Select(f => f.Key + "=" + f.Value).ToArray();
        Assert.Equal(
            new[]
            {
                "confId=17962", "first_name=F", "email=a@example.com", "last_name=L", "address=A", "city=C", "state=S", "zip=Z",
                "country=CN", "phone=P", "comments=Co", "industry=I", "job_title=J", "no_of_employees=1-20", "org=O",
                "language=en-US", "auto_approve=true",
            },
            sent.Where(f => !f.StartsWith("loginName=", StringComparison.Ordinal) && !f.StartsWith("timeStamp=", StringComparison.Ordinal) && !f.StartsWith("token=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Add_fails_clearly_when_the_answer_has_no_registrant_id_to_read_back()
    {
        var handler = FakeHttpHandler.Json("""{"status":100,"message":"","data":{"join_url":"https://j/x?tk=1"}}""");
        using var client = TestClient.Create(handler);

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.AddRegistrantAsync(17962, Ann()));

        Assert.Equal("addRegistrant registered ann@example.com but answered without a registrant_id.", e.Message);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData("ann.example.com")]
    [InlineData("ann@example")]
    [InlineData("ann@@example.com")]
    [InlineData("ann smith@example.com")]
    [InlineData("ann@example..com")]
    [InlineData("")]
    public async Task Add_refuses_a_malformed_email(string email)
    {
        var request = Ann();
        request.Email = email;

        var (e, handler) = await AddRefusedAsync(request);

        Assert.Equal("Email", e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("CHN")]
    [InlineData("C")]
    [InlineData("C1")]
    [InlineData("中国")]
    public async Task Add_refuses_a_country_that_is_not_two_letters(string country)
    {
        var request = Ann();
        request.Country = country;

        var (e, handler) = await AddRefusedAsync(request);

        Assert.Equal("Country", e.ParamName);
        Assert.Contains("two-letter", e.Message);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("NumberOfEmployees", "1-10")]
    [InlineData("NumberOfEmployees", "1000+")]
    [InlineData("Language", "zh-HK")]
    [InlineData("Language", "English")]
    public async Task Add_refuses_values_outside_the_enumerations(string parameter, string value)
    {
        var request = Ann();
        if (parameter == "Language")
        {
            request.Language = value;
        }
        else
        {
            request.NumberOfEmployees = value;
        }

        var (e, handler) = await AddRefusedAsync(request);

        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(value, e.Message);
        Assert.Empty(handler.Requests);
    }

    // docs/API.md, "Registration", written out here rather than taken from the client's own table.
    public static readonly TheoryData<string> EmployeeCounts = new()
    {
        "1-20", "21-50", "51-100", "101-500", "500-1,000", "1,001-5,000", "5,001-10,000", "More than 10,000",
    };

    public static readonly TheoryData<string> Languages = new()
    {
        "en-US", "de-DE", "es-ES", "fr-FR", "jp-JP", "pt-PT", "ru-RU", "zh-CN", "zh-TW", "ko-KO", "it-IT", "vi-VN", "pl-PL", "Tr-TR",
    };

    [Theory]
    [MemberData(nameof(EmployeeCounts))]
    public async Task Add_takes_every_employee_count_in_any_case_and_sends_the_service_spelling(string count)
    {
        var handler = AddingR1();
        using var client = TestClient.Create(handler);
        var request = Ann();
        request.NumberOfEmployees = count.ToUpperInvariant();

        await client.AddRegistrantAsync(1, request);

        Assert.Equal(count, handler.Requests[0].Field("no_of_employees"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Add_takes_every_language_in_any_case_and_sends_the_service_spelling(string language)
    {
        var handler = AddingR1();
        using var client = TestClient.Create(handler);
        var request = Ann();
        request.Language = language.ToLowerInvariant();

        await client.AddRegistrantAsync(1, request);

        Assert.Equal(language, handler.Requests[0].Field("language"));
    }

    [Fact]
    public async Task Add_takes_a_custom_answer_of_128_characters_and_refuses_129()
    {
        var handler = AddingR1();
        using var client = TestClient.Create(handler);
        var fits = Ann();
        fits.CustomAnswers.Add(new KeyValuePair<string, string>("Notes", new string('字', 128)));
        var over = Ann();
        over.CustomAnswers.Add(new KeyValuePair<string, string>("Notes", new string('x', 129)));

        await client.AddRegistrantAsync(1, fits);
        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.AddRegistrantAsync(1, over));

        Assert.Equal("CustomAnswer", e.ParamName);
        Assert.Contains("128", e.Message);
        Assert.Single(handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/addRegistrant"));
    }

    [Fact]
    public async Task Set_questions_sends_json_arrays_in_the_wire_spelling()
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);

        await client.SetRegistrationQuestionsAsync(
            17962,
            new[] { new RegistrationQuestion("JobTitle") { Required = true }, new RegistrationQuestion("no_of_employees") },
            new[] { new CustomRegistrationQuestion { Title = "How are you?", Required = true, Answers = new[] { "Good" } } });

        var sent = handler.Single;
        Assert.Equal("17962", sent.Field("confId"));
        Assert.Equal("""[{"field_name":"job_title","required":true},{"field_name":"no_of_employees","required":false}]""", sent.Field("questions"));
        Assert.Equal("""[{"title":"How are you?","type":"short","required":true,"answers":["Good"]}]""", sent.Field("custom_questions"));
    }

    [Fact]
    public async Task Set_questions_leaves_out_a_list_that_is_null_and_sends_an_empty_one()
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);

        await client.SetRegistrationQuestionsAsync(1, Array.Empty<RegistrationQuestion>(), null);

        Assert.Equal("[]", handler.Single.Field("questions"));
        Assert.False(handler.Single.Has("custom_questions"));
    }

    [Theory]
    [InlineData("first_name")]
    [InlineData("email")]
    [InlineData("")]
    public async Task Set_questions_refuses_a_field_outside_the_list(string fieldName)
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);

        var e = await Assert.ThrowsAsync<BizConfArgumentException>(() =>
            client.SetRegistrationQuestionsAsync(1, new[] { new RegistrationQuestion(fieldName) }, null));

        Assert.Equal("Question", e.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Set_questions_refuses_a_single_question_without_answers_and_an_undefined_type()
    {
        var handler = FakeHttpHandler.Json(Done);
        using var client = TestClient.Create(handler);

        var single = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.SetRegistrationQuestionsAsync(
            1, null, new[] { new CustomRegistrationQuestion { Title = "Pick", Type = RegistrationQuestionType.Single } }));
        var undefined = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.SetRegistrationQuestionsAsync(
            1, null, new[] { new CustomRegistrationQuestion { Title = "Odd", Type = (RegistrationQuestionType)7 } }));

        Assert.Equal("CustomQuestion", single.ParamName);
        Assert.Equal("CustomQuestion", undefined.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Get_registrants_is_a_GET_with_the_status_in_lower_case()
    {
        // The answer names another status than the one asked, so only reading "status" gives Denied.
        var handler = FakeHttpHandler.Json("""{"status":"100","message":"","data":[{"id":"p-1","first_name":"Pat","email":"pat@example.com","status":"denied","create_time":"2017-08-01T02:03:04Z","custom_questions":[]}]}""");
        using var client = TestClient.Create(handler);

        var registrant = Assert.Single(await client.GetRegistrantsAsync(17962, RegistrantStatus.Pending));

        Assert.Equal(HttpMethod.Get, handler.Single.Method);
        Assert.Equal("pending", handler.Single.Field("status"));
        Assert.Equal(RegistrantStatus.Denied, registrant.Status);
        Assert.Equal(string.Empty, registrant.CustomAnswers);
        Assert.Equal(new DateTimeOffset(2017, 8, 1, 2, 3, 4, TimeSpan.Zero), registrant.CreatedTime);
    }

    [Fact]
    public async Task Listed_custom_answers_are_written_escaped_and_parse_back_to_the_same_answers()
    {
        var handler = FakeHttpHandler.Json("""{"status":100,"message":"","data":[{"id":"p-1","first_name":"Pat","email":"pat@example.com","custom_questions":[{"title":"Diet; notes","value":"a=b; c\\d"},{"title":"Track","value":"Ops"}]}]}""");
        using var client = TestClient.Create(handler);

        var registrant = Assert.Single(await client.GetRegistrantsAsync(17962));

        Assert.Equal(@"Diet\; notes=a\=b\; c\\d; Track=Ops", registrant.CustomAnswers);
        Assert.Equal(
            new[] { new KeyValuePair<string, string>("Diet; notes", @"a=b; c\d"), new KeyValuePair<string, string>("Track", "Ops") },
            CustomAnswerText.Parse(registrant.CustomAnswers));
        Assert.Equal(@"a=b; c\d", registrant.Answer("diet; notes"));
    }

    [Fact]
    public void Question_rules_are_checked_apart_from_sending_so_a_cmdlet_can_check_before_confirming()
    {
        var none = Assert.Throws<BizConfArgumentException>(() => RegistrationQuestions.Validate(null, null));
        var unknown = Assert.Throws<BizConfArgumentException>(() => RegistrationQuestions.Validate(new[] { new RegistrationQuestion("email") }, null));
        var twice = Assert.Throws<BizConfArgumentException>(() => RegistrationQuestions.Validate(
            null, new[] { new CustomRegistrationQuestion { Title = "A" }, new CustomRegistrationQuestion { Title = " A " } }));
        var emptyAnswer = Assert.Throws<BizConfArgumentException>(() => RegistrationQuestions.Validate(
            null, new[] { new CustomRegistrationQuestion { Title = "Pick", Type = RegistrationQuestionType.Single, Answers = new[] { "x", " " } } }));

        Assert.Equal(("Question", "Give Question, CustomQuestion or both."), (none.ParamName, none.Message));
        Assert.Equal("Question", unknown.ParamName);
        Assert.Contains("'email'", unknown.Message);
        Assert.Equal(("CustomQuestion", "CustomQuestion has the title 'A' twice."), (twice.ParamName, twice.Message));
        Assert.Equal("CustomQuestion 'Pick' has an empty answer.", emptyAnswer.Message);
        RegistrationQuestions.Validate(Array.Empty<RegistrationQuestion>(), null);
    }

    [Fact]
    public void Normalize_trims_the_names_and_puts_values_in_the_service_spelling()
    {
        var request = new RegistrantRequest { Email = " ann@example.com ", FirstName = "  Ann ", Country = " cn", Language = "ZH-cn" };

        request.Normalize();

        Assert.Equal(("ann@example.com", "Ann", "CN", "zh-CN"), (request.Email, request.FirstName, request.Country, request.Language));
    }

    [Fact]
    public async Task Get_registrants_without_a_status_sends_none_and_reads_an_empty_list()
    {
        var handler = FakeHttpHandler.Json("""{"status":100,"message":"","data":[]}""");
        using var client = TestClient.Create(handler);

        Assert.Empty(await client.GetRegistrantsAsync(17962));
        Assert.False(handler.Single.Has("status"));
    }
}
