using System.Text.Json;
using System.Text.RegularExpressions;

namespace BizConf.Emulator.Tests;

public sealed class MeetingReservationTests
{
    [Fact]
    public async Task Reservation_returns_the_meeting_with_its_start_in_gmt()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.CallAsync(
            "confReservation",
            ("confName", "Weekly sync"),
            ("startTime", "2031-08-09 12:00:00"),
            ("duration", "45"),
            ("hostKey", "123456"),
            ("optionJbh", "1"),
            ("optionStartType", "2"),
            ("audio", "3"),
            ("isSendEmail", "n"));

        Assert.Equal(100, answer.Status());
        Assert.Equal("", answer.Str("message"));
        var meeting = answer.Data();
        Assert.Equal(JsonValueKind.Number, meeting.GetProperty("id").ValueKind);
        Assert.Equal("Weekly sync", meeting.Str("meetingName"));
        Assert.Equal("2031-08-09 04:00:00", meeting.Str("startTime"));
        Assert.Equal(45, meeting.Num("duration"));
        Assert.Equal("123456", meeting.Str("hostKey"));
        Assert.Equal(1, meeting.Num("optionJbh"));
        Assert.Equal(2, meeting.Num("optionStartType"));
        Assert.Equal(3, meeting.Num("audio"));
        Assert.Equal(0, meeting.Num("confStatus"));
        Assert.Equal(100, meeting.Num("maxCount"));
        Assert.Equal(1001, meeting.Num("userId"));
        Assert.Matches("^[1-9][0-9]{9}$", meeting.Str("meetingNo"));
        Assert.Matches("^[0-9a-f]{32}$", meeting.Str("token"));
    }

    [Fact]
    public async Task Optional_fields_take_their_documented_defaults()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var meeting = (await emu.ReserveAsync("Defaults", TimeSpan.FromHours(1))).Data();

        Assert.Equal("", meeting.Str("hostKey"));
        Assert.Equal(0, meeting.Num("optionJbh"));
        Assert.Equal(1, meeting.Num("optionStartType"));
        Assert.Equal(0, meeting.Num("audio"));
    }

    [Fact]
    public async Task Links_point_at_the_emulator_and_carry_the_meeting_number_and_token()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var meeting = (await emu.ReserveAsync("Links", TimeSpan.FromHours(1), extra: ("hostKey", "9 9&"))).Data();
        var meetingNo = meeting.Str("meetingNo");
        var token = meeting.Str("token");
        var origin = emu.BaseAddress.GetLeftPart(UriPartial.Authority);

        Assert.Equal($"{origin}/j/{meetingNo}", meeting.Str("joinUrl"));
        Assert.Equal($"{origin}/s/{meetingNo}?token={token}", meeting.Str("startUrl"));
        Assert.Equal($"{origin}/s/{meetingNo}?token={token}", meeting.Str("hostStartUrl"));
        Assert.Equal($"cfcloud://www.bizvideo.cn/join?confno={meetingNo}&pwd=9%209%26&uname=", meeting.Str("protocolJoinUrl"));
        Assert.Equal(
            $"cfcloud://www.bizvideo.cn/start?confno={meetingNo}&sid=1001&stype=100&uid=1001&uname=demo&token={token}",
            meeting.Str("protocolHostStartUrl"));

        var joinPage = await emu.Http.GetStringAsync(meeting.Str("joinUrl"));
        Assert.Contains(meetingNo, joinPage);
    }

    [Fact]
    public async Task Protocol_start_link_encodes_a_chinese_login_name_as_utf8()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddAccountAsync("张三");

        var meeting = (await emu.ReserveAsync("会议", TimeSpan.FromHours(1), login: "张三")).Data();

        Assert.Equal("会议", meeting.Str("meetingName"));
        Assert.Contains("&uname=%E5%BC%A0%E4%B8%89&", meeting.Str("protocolHostStartUrl"));
    }

    [Fact]
    public async Task Ids_are_sequential_numbers_and_meeting_numbers_are_unique()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var ids = new List<long>();
        var numbers = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var meeting = (await emu.ReserveAsync($"M{i}", TimeSpan.FromHours(2 * (i + 1)))).Data();
            ids.Add(meeting.Num("id"));
            numbers.Add(meeting.Str("meetingNo"));
        }

        Assert.Equal(new long[] { ids[0], ids[0] + 1, ids[0] + 2, ids[0] + 3 }, ids);
        Assert.Equal(4, numbers.Count);
    }

    [Fact]
    public async Task Registration_type_is_stored()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.ReserveAsync("With registration", TimeSpan.FromHours(1), extra: ("registrationType", "1"));
        await emu.ReserveAsync("Without", TimeSpan.FromHours(3));

        var all = (await emu.AllMeetingsAsync()).EnumerateArray().ToList();

        Assert.Equal(1, all.Single(m => m.Str("meetingName") == "With registration").Num("registrationType"));
        Assert.Equal(0, all.Single(m => m.Str("meetingName") == "Without").Num("registrationType"));
    }

    [Fact]
    public async Task Every_meeting_answer_says_whether_the_meeting_takes_registration()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var registered = (await emu.ReserveAsync("Seminar", TimeSpan.FromHours(1), extra: ("registrationType", "1"))).Data();
        var plain = (await emu.ReserveAsync("Stand-up", TimeSpan.FromHours(3))).Data();
        var id = registered.Num("id").ToString();

        var modified = (await emu.CallAsync("confModify", ("id", id), ("confName", "Seminar, moved"),
            ("startTime", Wire.Wall(emu.Clock.GetUtcNow().AddHours(5))), ("duration", "60"))).Data();
        var got = (await emu.CallAsync("getConf", ("confId", id))).Data();
        var gotPlain = (await emu.CallAsync("getConf", ("confId", plain.Num("id").ToString()))).Data();
        var listed = (await emu.CallAsync("listConf")).GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(1, registered.Num("registrationType"));
        Assert.Equal(0, plain.Num("registrationType"));
        Assert.Equal(1, modified.Num("registrationType"));
        Assert.Equal(1, got.Num("registrationType"));
        Assert.Equal(0, gotPlain.Num("registrationType"));
        Assert.Equal(1, listed.Single(m => m.Str("meetingName") == "Seminar, moved").Num("registrationType"));
        Assert.Equal(0, listed.Single(m => m.Str("meetingName") == "Stand-up").Num("registrationType"));
        Assert.Equal("Seminar, moved", got.Str("meetingName"));
        Assert.Equal(registered.Str("meetingNo"), got.Str("meetingNo"));
    }

    [Theory]
    [InlineData("confName")]
    [InlineData("startTime")]
    [InlineData("duration")]
    public async Task Missing_meeting_field_is_104(string missing)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = ValidFields(emu).Where(f => f.Name != missing);

        var answer = await emu.CallAsync("confReservation", fields);

        Assert.Equal(104, answer.Status());
        Assert.Equal(0, (await emu.AllMeetingsAsync()).GetArrayLength());
    }

    [Theory]
    [InlineData("startTime", "2031/03/11 10:00:00")]
    [InlineData("startTime", "2031-03-11 10:00")]
    [InlineData("startTime", "2031-02-30 10:00:00")]
    [InlineData("duration", "sixty")]
    [InlineData("duration", "60.5")]
    [InlineData("optionJbh", "2")]
    [InlineData("optionJbh", "yes")]
    [InlineData("optionStartType", "0")]
    [InlineData("optionStartType", "3")]
    [InlineData("audio", "4")]
    [InlineData("audio", "-1")]
    [InlineData("registrationType", "2")]
    public async Task Malformed_meeting_field_is_104(string name, string value)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = ValidFields(emu).Where(f => f.Name != name).Append((name, value));

        var answer = await emu.CallAsync("confReservation", fields);

        Assert.Equal(104, answer.Status());
    }

    [Theory]
    [InlineData(-1, 60)]
    [InlineData(1, 0)]
    [InlineData(1, 1441)]
    [InlineData(1, -30)]
    public async Task Past_start_or_duration_outside_1_to_1440_is_201(int startsInMinutes, int duration)
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.ReserveAsync("Bad time", TimeSpan.FromMinutes(startsInMinutes), duration);

        Assert.Equal(201, answer.Status());
        Assert.Equal(0, (await emu.AllMeetingsAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Durations_of_1_and_1440_minutes_are_accepted()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var shortest = await emu.ReserveAsync("Short", TimeSpan.FromMinutes(10), 1);
        var longest = await emu.ReserveAsync("Long", TimeSpan.FromDays(2), 1440);

        Assert.Equal(100, shortest.Status());
        Assert.Equal(100, longest.Status());
        Assert.Equal(1440, longest.Data().Num("duration"));
    }

    [Fact]
    public async Task Meeting_starting_now_is_accepted()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.ReserveAsync("Now", TimeSpan.Zero);

        Assert.Equal(100, answer.Status());
        Assert.Equal(2, answer.Data().Num("confStatus"));
    }

    private static IEnumerable<(string Name, string Value)> ValidFields(EmulatorHost emu) => new[]
    {
        ("confName", "Valid"),
        ("startTime", Wire.Wall(emu.Clock.GetUtcNow().AddDays(1))),
        ("duration", "60"),
    };
}
