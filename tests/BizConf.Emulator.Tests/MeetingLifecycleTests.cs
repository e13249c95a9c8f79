namespace BizConf.Emulator.Tests;

public sealed class MeetingLifecycleTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Modify_replaces_the_meeting_with_what_is_sent_and_keeps_its_identity()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var created = (await emu.ReserveAsync("Original", Hour, 60, extra: new[] { ("hostKey", "1111"), ("optionJbh", "1"), ("audio", "2") })).Data();
        var id = created.Num("id");

        var modified = (await MeetingCapacityTests.Modify(emu, id, "Renamed", 2 * Hour, 90, ("optionStartType", "2"))).Data();

        Assert.Equal(id, modified.Num("id"));
        Assert.Equal(created.Str("meetingNo"), modified.Str("meetingNo"));
        Assert.Equal(created.Str("joinUrl"), modified.Str("joinUrl"));
        Assert.Equal(created.Str("token"), modified.Str("token"));
        Assert.Equal("Renamed", modified.Str("meetingName"));
        Assert.Equal(90, modified.Num("duration"));
        Assert.Equal(Wire.Gmt(emu.Clock.GetUtcNow() + 2 * Hour), modified.Str("startTime"));
        Assert.Equal(2, modified.Num("optionStartType"));
        Assert.Equal("", modified.Str("hostKey"));
        Assert.Equal(0, modified.Num("optionJbh"));
        Assert.Equal(0, modified.Num("audio"));
        Assert.EndsWith("&pwd=&uname=", modified.Str("protocolJoinUrl"));
    }

    [Fact]
    public async Task Modify_keeps_registration_type_when_not_sent()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = (await emu.ReserveAsync("Reg", Hour, extra: ("registrationType", "1"))).Data().Num("id");

        await MeetingCapacityTests.Modify(emu, id, "Reg", Hour, 30);

        var stored = (await emu.AllMeetingsAsync()).EnumerateArray().Single();
        Assert.Equal(1, stored.Num("registrationType"));
    }

    [Fact]
    public async Task Modify_keeps_the_e_mail_choice_made_at_reservation()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var silent = (await emu.ReserveAsync("Silent", Hour, extra: ("isSendEmail", "n"))).Data().Num("id");
        var mailed = await emu.ReserveIdAsync("Mailed", 3 * Hour);

        await MeetingCapacityTests.Modify(emu, silent, "Silent", Hour, 30);
        await MeetingCapacityTests.Modify(emu, mailed, "Mailed", 3 * Hour, 30);

        var stored = (await emu.AllMeetingsAsync()).EnumerateArray().ToDictionary(m => m.Num("id"));
        Assert.False(stored[silent].GetProperty("sendEmail").GetBoolean());
        Assert.True(stored[mailed].GetProperty("sendEmail").GetBoolean());
    }

    [Fact]
    public async Task Modify_applies_the_time_rules()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = await emu.ReserveIdAsync("Timed", Hour);

        var past = await MeetingCapacityTests.Modify(emu, id, "Timed", -Hour, 60);
        var tooLong = await MeetingCapacityTests.Modify(emu, id, "Timed", Hour, 1441);
        var noName = await emu.CallAsync("confModify", ("id", id.ToString()), ("startTime", Wire.Wall(emu.Clock.GetUtcNow() + Hour)), ("duration", "60"));

        Assert.Equal(201, past.Status());
        Assert.Equal(201, tooLong.Status());
        Assert.Equal(104, noName.Status());
    }

    [Fact]
    public async Task Cancel_hides_the_meeting_from_get_and_list()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = await emu.ReserveIdAsync("Doomed", Hour);

        var cancel = await emu.CallAsync("cancelConf", ("confId", id.ToString()));
        var get = await emu.CallAsync("getConf", ("confId", id.ToString()));
        var list = await emu.CallAsync("listConf");

        Assert.Equal(100, cancel.Status());
        Assert.False(cancel.Has("data"));
        Assert.Equal(401, get.Status());
        Assert.Equal(0, list.Num("totalRecord"));
        Assert.Equal(9, (await emu.AllMeetingsAsync()).EnumerateArray().Single().Num("confStatus"));
    }

    [Theory]
    [InlineData("getConf", "confId")]
    [InlineData("cancelConf", "confId")]
    [InlineData("confModify", "id")]
    [InlineData("settingLivestream", "id")]
    public async Task Unknown_meeting_id_is_401(string endpoint, string idField)
    {
        await using var emu = await EmulatorHost.StartAsync();

        var answer = await emu.CallAsync(endpoint, MeetingFields(emu, idField, 987654));

        Assert.Equal(401, answer.Status());
    }

    [Theory]
    [InlineData("getConf", "confId")]
    [InlineData("cancelConf", "confId")]
    [InlineData("confModify", "id")]
    [InlineData("settingLivestream", "id")]
    public async Task Cancelled_meeting_id_is_401(string endpoint, string idField)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = await emu.ReserveIdAsync("Cancelled", Hour);
        await emu.CallAsync("cancelConf", ("confId", id.ToString()));

        var answer = await emu.CallAsync(endpoint, MeetingFields(emu, idField, id));

        Assert.Equal(401, answer.Status());
    }

    [Theory]
    [InlineData("getConf", "confId")]
    [InlineData("cancelConf", "confId")]
    [InlineData("confModify", "id")]
    [InlineData("settingLivestream", "id")]
    public async Task Another_accounts_meeting_id_is_401_and_stays_untouched(string endpoint, string idField)
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddAccountAsync("other");
        var id = await emu.ReserveIdAsync("Not yours", Hour, login: "other");

        var answer = await emu.CallAsync(endpoint, MeetingFields(emu, idField, id));

        Assert.Equal(401, answer.Status());
        var stored = (await emu.AllMeetingsAsync()).EnumerateArray().Single();
        Assert.Equal("Not yours", stored.Str("meetingName"));
        Assert.Equal(0, stored.Num("confStatus"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.GetProperty("liveUrl").ValueKind);
    }

    [Theory]
    [InlineData("getConf", "confId", "")]
    [InlineData("getConf", "confId", "abc")]
    [InlineData("cancelConf", "confId", "")]
    [InlineData("confModify", "id", "x1")]
    public async Task Missing_or_malformed_meeting_id_is_104(string endpoint, string idField, string value)
    {
        await using var emu = await EmulatorHost.StartAsync();
        var fields = MeetingFields(emu, idField, 1).Where(f => f.Name != idField).Append((idField, value));

        var answer = await emu.CallAsync(endpoint, fields);

        Assert.Equal(104, answer.Status());
    }

    [Fact]
    public async Task Status_follows_the_clock_scheduled_then_in_progress_then_expired()
    {
        await using var emu = await EmulatorHost.StartAsync();
        var id = await emu.ReserveIdAsync("Timeline", Hour, 30);

        var before = (await emu.CallAsync("getConf", ("confId", id.ToString()))).Data().Num("confStatus");
        emu.Clock.Advance(Hour + TimeSpan.FromMinutes(10));
        var during = (await emu.CallAsync("getConf", ("confId", id.ToString()))).Data().Num("confStatus");
        emu.Clock.Advance(TimeSpan.FromMinutes(30));
        var after = (await emu.CallAsync("getConf", ("confId", id.ToString()))).Data().Num("confStatus");

        Assert.Equal(0, before);
        Assert.Equal(2, during);
        Assert.Equal(4, after);
    }

    private static IEnumerable<(string Name, string Value)> MeetingFields(EmulatorHost emu, string idField, long id) => new[]
    {
        (idField, id.ToString()),
        ("confName", "Changed"),
        ("startTime", Wire.Wall(emu.Clock.GetUtcNow() + 5 * Hour)),
        ("duration", "30"),
        ("streamUrl", "rtmp://stream.example/live"),
        ("streamKey", "key-1"),
        ("liveUrl", "https://live.example/watch"),
    };
}
