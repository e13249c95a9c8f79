namespace BizConf.Client.Tests;

/// <summary>confAttendeeLog: rows from "Details Log", the meeting's topic and number from "confInfo", durations computed.</summary>
public sealed class AttendeeParsingTests
{
    [Fact]
    public async Task Each_row_becomes_an_attendee_with_the_meeting_and_its_duration()
    {
        using var fake = new ReportFakeHandler("""
            {"status":100,"message":"","data":{
              "confInfo":[{"topic":"周会 Weekly","meetingNo":"1234567890","duration":60,"startTime":"2031-03-10 02:00:00","endTime":"2031-03-10 03:00:00"},
                          {"topic":"周会 Weekly","meetingNo":"1234567890","duration":60,"startTime":"2031-03-11 02:00:00","endTime":"2031-03-11 03:00:00"}],
              "Details Log":[
                {"joinTime":"2031-03-10 02:01:00","leaveTime":"2031-03-10 02:20:30","joinName":"王芳","cuid":"guest-1","ip":"10.0.0.7"},
                {"joinTime":"2031-03-10 02:40:00","leaveTime":"2031-03-10 03:00:00","joinName":"王芳","cuid":"guest-1","ip":"10.0.0.7"},
                {"joinTime":"2031-03-11 02:00:00","joinName":"Li Wei"}]}}
            """);
        using var client = fake.CreateClient();

        var attendees = await client.GetAttendeesAsync(17962);

        Assert.Equal(3, attendees.Count);
        Assert.All(attendees, a =>
        {
            Assert.Equal(17962, a.MeetingId);
            Assert.Equal("1234567890", a.MeetingNumber);
            Assert.Equal("周会 Weekly", a.Topic);
        });
        Assert.Equal("王芳", attendees[0].Name);
        Assert.Equal("guest-1", attendees[0].CustomId);
        Assert.Equal("10.0.0.7", attendees[0].IPAddress);
        Assert.Equal(new DateTimeOffset(2031, 3, 10, 2, 1, 0, TimeSpan.Zero), attendees[0].JoinTime);
        Assert.Equal(TimeSpan.FromSeconds(19 * 60 + 30), attendees[0].Duration);
        Assert.Equal(TimeSpan.FromMinutes(20), attendees[1].Duration);
        Assert.Null(attendees[2].LeaveTime);
        Assert.Null(attendees[2].Duration);
        Assert.Null(attendees[2].IPAddress);
        Assert.Equal("17962", ReportFakeHandler.Fields(fake.Requests.Single())["confId"]);
    }

    [Fact]
    public async Task A_meeting_nobody_attended_gives_no_attendees()
    {
        using var fake = new ReportFakeHandler("""{"status":100,"data":{"confInfo":[{"topic":"Empty","meetingNo":"1"}],"Details Log":[]}}""");
        using var client = fake.CreateClient();

        Assert.Empty(await client.GetAttendeesAsync(1));
    }

    [Fact]
    public async Task Details_log_may_be_a_single_object_and_keys_may_vary()
    {
        using var fake = new ReportFakeHandler("""
            {"status":"100","data":{"CONF_INFO":{"Topic":"T","Meeting No":"99"},"details_log":{"Join_Name":"Solo","CUID":"7"}}}
            """);
        using var client = fake.CreateClient();

        var solo = Assert.Single(await client.GetAttendeesAsync(5));

        Assert.Equal("Solo", solo.Name);
        Assert.Equal("7", solo.CustomId);
        Assert.Equal("T", solo.Topic);
        Assert.Equal("99", solo.MeetingNumber);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task Meeting_id_must_be_positive_and_nothing_is_sent_otherwise(long id)
    {
        using var fake = new ReportFakeHandler("""{"status":100,"data":{}}""");
        using var client = fake.CreateClient();

        var refused = await Assert.ThrowsAsync<BizConfArgumentException>(() => client.GetAttendeesAsync(id));

        Assert.Equal("MeetingId", refused.ParamName);
        Assert.Empty(fake.Requests);
    }
}
