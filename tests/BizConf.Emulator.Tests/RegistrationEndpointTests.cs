using System.Text.Json;

namespace BizConf.Emulator.Tests;

public sealed class RegistrationEndpointTests
{
    // The request samples of vendor sections 3.6 and 3.7, verbatim (the JSON arrays of each example).
    private const string VendorCustomQuestions = """
        [
            {
              "answers": [
                "Good"
              ],
              "required": true,
              "title": "How are you?",
              "type": "short"
            }
        ]
        """;

    private const string VendorQuestions = """
        [
            {
              "field_name": "last_name",
              "required": true
            }
          ]
        """;

    private const string VendorAnswers = """
        [
            {
              "title": "how are you?",
              "value": "Good"
            },
         {
              "title": "how old are you?",
              "value": "18"
            }
          ]
        """;

    [Fact]
    public async Task Add_returns_the_registrant_ids_and_join_link()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, meeting) = await RegistrationMeetingAsync(emu);

        var answer = await AddAsync(emu, id, ("first_name", "张"), ("last_name", "三"), ("email", "zhang.san@example.cn"));

        Assert.Equal(100, answer.Status());
        var data = answer.Data();
        Assert.Matches("^[A-Za-z0-9_-]{22}$", data.Str("registrant_id"));
        Assert.Equal(long.Parse(meeting.Str("meetingNo")), data.Num("id"));
        Assert.Equal("Registration day", data.Str("topic"));
        Assert.Equal(Iso(emu.Clock.GetUtcNow().AddDays(1)), data.Str("start_time"));
        Assert.Equal($"{meeting.Str("joinUrl")}?tk={data.Str("tk")}", data.Str("join_url"));
    }

    [Fact]
    public async Task List_returns_approved_registrants_in_the_vendor_shape()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);
        await UpdateQuestionsAsync(emu, id, ("custom_questions", """[{"title":"How are you?","type":"short","required":false,"answers":[]}]"""));
        var added = (await AddAsync(emu, id,
            ("first_name", "binson1"), ("last_name", "binson1"), ("email", "isom@vip.qq.com"), ("country", "CN"), ("org", "会畅"),
            ("no_of_employees", "1,001-5,000"), ("custom_questions", """[{"title":"How are you?","value":"GOOD."}]"""))).Data();

        var listed = Assert.Single((await ListAsync(emu, id)).Data().EnumerateArray());

        Assert.Equal(added.Str("registrant_id"), listed.Str("id"));
        Assert.Equal("binson1", listed.Str("first_name"));
        Assert.Equal("isom@vip.qq.com", listed.Str("email"));
        Assert.Equal("CN", listed.Str("country"));
        Assert.Equal("会畅", listed.Str("org"));
        Assert.Equal("1,001-5,000", listed.Str("no_of_employees"));
        Assert.Equal("", listed.Str("city"));
        Assert.Equal("", listed.Str("purchasing_time_frame"));
        Assert.Equal("approved", listed.Str("status"));
        Assert.Equal(Iso(emu.Clock.GetUtcNow()), listed.Str("create_time"));
        Assert.Equal(added.Str("join_url"), listed.Str("join_url"));
        var answer = Assert.Single(listed.GetProperty("custom_questions").EnumerateArray());
        Assert.Equal("How are you?", answer.Str("title"));
        Assert.Equal("GOOD.", answer.Str("value"));
    }

    [Fact]
    public async Task Auto_approve_false_gives_a_pending_registrant_listed_under_pending_only()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);
        await AddAsync(emu, id, ("first_name", "Ann"), ("email", "ann@example.com"));
        await AddAsync(emu, id, ("first_name", "Pat"), ("email", "pat@example.com"), ("auto_approve", "false"));

        var approved = (await ListAsync(emu, id)).Data().EnumerateArray().Select(r => r.Str("email"));
        var pending = (await ListAsync(emu, id, "pending")).Data().EnumerateArray().Select(r => r.Str("email"));
        var denied = (await ListAsync(emu, id, "denied")).Data().GetArrayLength();

        Assert.Equal(new[] { "ann@example.com" }, approved);
        Assert.Equal(new[] { "pat@example.com" }, pending);
        Assert.Equal(0, denied);
    }

    [Fact]
    public async Task The_same_email_twice_returns_the_existing_registrant()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);
        var first = (await AddAsync(emu, id, ("first_name", "Li"), ("email", "li@example.com"))).Data();

        var second = await AddAsync(emu, id, ("first_name", "Someone else"), ("email", "LI@example.com"), ("auto_approve", "false"));

        Assert.Equal(100, second.Status());
        Assert.Equal(first.GetRawText(), second.Data().GetRawText());
        var listed = Assert.Single((await ListAsync(emu, id)).Data().EnumerateArray());
        Assert.Equal("Li", listed.Str("first_name"));
    }

    [Theory]
    [InlineData("first_name", null)]
    [InlineData("email", null)]
    [InlineData("email", "not-an-address")]
    [InlineData("email", "two@@example.com")]
    [InlineData("email", "space in@example.com")]
    [InlineData("country", "CHN")]
    [InlineData("country", "C1")]
    [InlineData("no_of_employees", "1-10")]
    [InlineData("no_of_employees", "more than 10,000")]
    [InlineData("language", "zh-cn")]
    [InlineData("language", "xx-XX")]
    [InlineData("auto_approve", "1")]
    public async Task Bad_registrant_value_is_109_and_registers_nobody(string name, string? value)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);
        var fields = new List<(string, string)> { ("first_name", "Ann"), ("email", "ann@example.com") }.Where(f => f.Item1 != name).ToList();
        if (value is not null)
        {
            fields.Add((name, value));
        }

        var answer = await AddAsync(emu, id, fields.ToArray());

        Assert.Equal(109, answer.Status());
        Assert.Equal(0, (await ListAsync(emu, id)).Data().GetArrayLength());
        Assert.Equal(0, (await ListAsync(emu, id, "pending")).Data().GetArrayLength());
    }

    [Fact]
    public async Task Every_enumeration_value_of_the_api_is_accepted()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);
        string[] counts = { "1-20", "21-50", "51-100", "101-500", "500-1,000", "1,001-5,000", "5,001-10,000", "More than 10,000" };
        string[] languages = { "en-US", "de-DE", "es-ES", "fr-FR", "jp-JP", "pt-PT", "ru-RU", "zh-CN", "zh-TW", "ko-KO", "it-IT", "vi-VN", "pl-PL", "Tr-TR" };

        for (var i = 0; i < languages.Length; i++)
        {
            var answer = await AddAsync(emu, id, ("first_name", "P" + i), ("email", $"p{i}@example.com"),
                ("no_of_employees", counts[i % counts.Length]), ("language", languages[i]));
            Assert.Equal(100, answer.Status());
        }
    }

    [Fact]
    public async Task A_custom_answer_of_128_characters_is_taken_and_129_is_109()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);
        await UpdateQuestionsAsync(emu, id, ("custom_questions", """[{"title":"Notes","type":"short","required":false}]"""));

        var fits = await AddAsync(emu, id, ("first_name", "A"), ("email", "a@example.com"), ("custom_questions", Answer("Notes", new string('字', 128))));
        var over = await AddAsync(emu, id, ("first_name", "B"), ("email", "b@example.com"), ("custom_questions", Answer("Notes", new string('x', 129))));

        Assert.Equal(100, fits.Status());
        Assert.Equal(109, over.Status());
    }

    [Fact]
    public async Task Required_questions_must_be_answered()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);
        var update = await UpdateQuestionsAsync(emu, id, ("custom_questions", VendorCustomQuestions), ("questions", VendorQuestions));

        var noLastName = await AddAsync(emu, id, ("first_name", "A"), ("email", "a@example.com"), ("custom_questions", Answer("How are you?", "Fine")));
        var noAnswer = await AddAsync(emu, id, ("first_name", "A"), ("email", "a@example.com"), ("last_name", "Z"));
        var complete = await AddAsync(emu, id, ("first_name", "A"), ("email", "a@example.com"), ("last_name", "Z"), ("custom_questions", Answer("How are you?", "Fine")));

        Assert.Equal(100, update.Status());
        Assert.Equal(109, noLastName.Status());
        Assert.Equal(109, noAnswer.Status());
        Assert.Equal(100, complete.Status());
    }

    [Fact]
    public async Task A_single_question_takes_only_one_of_its_answers_and_unknown_titles_are_109()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);
        await UpdateQuestionsAsync(emu, id, ("custom_questions", """[{"title":"Track","type":"single","required":true,"answers":["Dev","Ops"]}]"""));

        var chosen = await AddAsync(emu, id, ("first_name", "A"), ("email", "a@example.com"), ("custom_questions", Answer("Track", "Ops")));
        var other = await AddAsync(emu, id, ("first_name", "B"), ("email", "b@example.com"), ("custom_questions", Answer("Track", "Sales")));
        var unknown = await AddAsync(emu, id, ("first_name", "C"), ("email", "c@example.com"), ("custom_questions", VendorAnswers));

        Assert.Equal(100, chosen.Status());
        Assert.Equal(109, other.Status());
        Assert.Equal(109, unknown.Status());
    }

    [Theory]
    [InlineData("questions", """[{"field_name":"first_name","required":true}]""")]
    [InlineData("questions", """[{"field_name":"LastName","required":true}]""")]
    [InlineData("questions", """[{"field_name":"org"},{"field_name":"org"}]""")]
    [InlineData("questions", """[{"field_name":"org","required":"yes"}]""")]
    [InlineData("questions", """{"field_name":"org"}""")]
    [InlineData("custom_questions", """[{"title":"Pick","type":"single","required":true,"answers":[]}]""")]
    [InlineData("custom_questions", """[{"title":"Pick","type":"single","required":true}]""")]
    [InlineData("custom_questions", """[{"title":"Essay","type":"long","required":false}]""")]
    [InlineData("custom_questions", """[{"type":"short","required":false}]""")]
    [InlineData("custom_questions", """[{"title":"A","type":"short"},{"title":"A","type":"short"}]""")]
    [InlineData("custom_questions", "not json")]
    public async Task Bad_questions_are_109_and_change_nothing(string field, string json)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);
        var before = await UpdateQuestionsAsync(
            emu, id, ("questions", """[{"field_name":"city","required":true}]"""), ("custom_questions", """[{"title":"Track","type":"short","required":true}]"""));

        var answer = await UpdateQuestionsAsync(emu, id, (field, json));
        var withoutCity = await AddAsync(emu, id, ("first_name", "A"), ("email", "a@example.com"), ("custom_questions", Answer("Track", "Ops")));
        var withoutTrack = await AddAsync(emu, id, ("first_name", "B"), ("email", "b@example.com"), ("city", "上海"));
        var withBoth = await AddAsync(emu, id, ("first_name", "C"), ("email", "c@example.com"), ("city", "上海"), ("custom_questions", Answer("Track", "Ops")));

        Assert.Equal(100, before.Status());
        Assert.Equal(109, answer.Status());
        Assert.Equal(109, withoutCity.Status());
        Assert.Equal(109, withoutTrack.Status());
        Assert.Equal(100, withBoth.Status());
    }

    [Fact]
    public async Task Every_field_name_of_the_api_is_accepted_and_a_list_left_out_stays()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);
        string[] names = { "last_name", "address", "city", "country", "zip", "state", "phone", "industry", "org", "job_title", "purchasing_time_frame", "role_in_purchase_process", "no_of_employees", "comments" };
        var all = "[" + string.Join(",", names.Select(n => $$"""{"field_name":"{{n}}","required":false}""")) + "]";

        var setAll = await UpdateQuestionsAsync(emu, id, ("questions", all));
        await UpdateQuestionsAsync(emu, id, ("questions", """[{"field_name":"city","required":true}]"""));
        var setCustom = await UpdateQuestionsAsync(emu, id, ("custom_questions", """[{"title":"Why?","type":"short","required":false}]"""));
        var withoutCity = await AddAsync(emu, id, ("first_name", "A"), ("email", "a@example.com"));

        Assert.Equal(100, setAll.Status());
        Assert.Equal(100, setCustom.Status());
        Assert.Equal(109, withoutCity.Status());
    }

    [Fact]
    public async Task A_meeting_without_registration_is_104_for_all_three()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = await emu.ReserveIdAsync("Open meeting", TimeSpan.FromDays(1));

        Assert.Equal(104, (await UpdateQuestionsAsync(emu, id, ("questions", VendorQuestions))).Status());
        Assert.Equal(104, (await AddAsync(emu, id, ("first_name", "A"), ("email", "a@example.com"))).Status());
        Assert.Equal(104, (await ListAsync(emu, id)).Status());
    }

    [Fact]
    public async Task Unknown_cancelled_or_foreign_meetings_are_401()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddAccountAsync("colleague");
        var (id, _) = await RegistrationMeetingAsync(emu);
        var (cancelled, _) = await RegistrationMeetingAsync(emu, TimeSpan.FromDays(3));
        await emu.CallAsync("cancelConf", ("confId", cancelled.ToString()));

        var foreign = await emu.SendAsync(HttpMethod.Get, "getRegistrants", With(emu.Signed("colleague"), ("confId", id.ToString())));

        Assert.Equal(401, (await AddAsync(emu, 999, ("first_name", "A"), ("email", "a@example.com"))).Status());
        Assert.Equal(401, (await AddAsync(emu, cancelled, ("first_name", "A"), ("email", "a@example.com"))).Status());
        Assert.Equal(401, foreign.Status());
    }

    [Fact]
    public async Task Listing_is_refused_with_104_once_the_meeting_has_ended()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu, TimeSpan.FromHours(1), duration: 30);
        await AddAsync(emu, id, ("first_name", "A"), ("email", "a@example.com"));

        emu.Clock.Advance(TimeSpan.FromMinutes(89));
        var during = await ListAsync(emu, id);
        emu.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await ListAsync(emu, id);

        Assert.Equal(1, during.Data().GetArrayLength());
        Assert.Equal(104, after.Status());
    }

    [Fact]
    public async Task Listing_with_an_unknown_status_is_109_and_getRegistrants_is_GET_only()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var (id, _) = await RegistrationMeetingAsync(emu);

        var unknown = await ListAsync(emu, id, "waiting");
        using var posted = await emu.SendRawAsync(HttpMethod.Post, "getRegistrants", With(emu.Signed(), ("confId", id.ToString())));

        Assert.Equal(109, unknown.Status());
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, posted.StatusCode);
    }

    [Fact]
    public async Task Registrants_and_questions_survive_a_restart()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var clock = new ManualClock();
        long id;
        await using (var first = await EmulatorHost.StartAsync(statePath, clock: clock))
        {
            (id, _) = await RegistrationMeetingAsync(first);
            await UpdateQuestionsAsync(first, id, ("questions", VendorQuestions));
            await AddAsync(first, id, ("first_name", "Kept"), ("last_name", "Person"), ("email", "kept@example.com"));
        }

        await using var second = await EmulatorHost.StartAsync(statePath, clock: clock);
        var listed = Assert.Single((await ListAsync(second, id)).Data().EnumerateArray());
        var missingLastName = await AddAsync(second, id, ("first_name", "New"), ("email", "new@example.com"));

        Assert.Equal("kept@example.com", listed.Str("email"));
        Assert.Equal(109, missingLastName.Status());
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static string Answer(string title, string value) =>
        JsonSerializer.Serialize(new[] { new { title, value } });

    private static async Task<(long Id, JsonElement Meeting)> RegistrationMeetingAsync(EmulatorHost emu, TimeSpan? startsIn = null, int duration = 60)
    {
        var answer = await emu.ReserveAsync("Registration day", startsIn ?? TimeSpan.FromDays(1), duration, extra: ("registrationType", "1"));
        Assert.Equal(100, answer.Status());
        return (answer.Data().Num("id"), answer.Data());
    }

    private static Dictionary<string, string> With(Dictionary<string, string> signed, params (string, string)[] fields)
    {
        foreach (var (name, value) in fields)
        {
            signed[name] = value;
        }

        return signed;
    }

    private static Task<JsonElement> AddAsync(EmulatorHost emu, long id, params (string, string)[] fields) =>
        emu.CallAsync("addRegistrant", fields.Prepend(("confId", id.ToString())));

    private static Task<JsonElement> UpdateQuestionsAsync(EmulatorHost emu, long id, params (string, string)[] fields) =>
        emu.CallAsync("updateRegistrationQuestions", fields.Prepend(("confId", id.ToString())));

    private static Task<JsonElement> ListAsync(EmulatorHost emu, long id, string? status = null)
    {
        var fields = status is null ? new[] { ("confId", id.ToString()) } : new[] { ("confId", id.ToString()), ("status", status) };
        return emu.SendAsync(HttpMethod.Get, "getRegistrants", With(emu.Signed(), fields));
    }
}
