using System.Reflection;
using BizConf.Client.Tests.Support;
using BizConf.Resources;

namespace BizConf.Client.Tests;

/// <summary>The resource tables: every field has its properties, and the tables drive reading, writing and changes.</summary>
public class SchemaTests
{
    public static TheoryData<string> MeetingFields() => new(MeetingSchema.Table.Fields.Select(f => f.Name));

    public static TheoryData<string> WebinarFields() => new(WebinarSchema.Table.Fields.Where(f => f.Use != FieldUse.Derived).Select(f => f.Name));

    [Theory]
    [MemberData(nameof(MeetingFields))]
    public void Every_meeting_field_that_is_sent_has_its_property_on_the_request_and_every_read_one_on_the_meeting(string name)
    {
        var field = MeetingSchema.Table.ByName[name];
        if (field.Use != FieldUse.ReadOnly)
        {
            Assert.NotNull(typeof(MeetingRequest).GetProperty(name, BindingFlags.Public | BindingFlags.Instance));
        }

        if (field.Reads.Length > 0)
        {
            Assert.NotNull(typeof(Meeting).GetProperty(name, BindingFlags.Public | BindingFlags.Instance));
        }
    }

    [Theory]
    [MemberData(nameof(WebinarFields))]
    public void Every_webinar_field_that_is_sent_has_its_property_on_the_request_and_every_read_one_on_the_webinar(string name)
    {
        var field = WebinarSchema.Table.ByName[name];
        if (field.Use != FieldUse.ReadOnly)
        {
            Assert.NotNull(typeof(WebinarRequest).GetProperty(name, BindingFlags.Public | BindingFlags.Instance));
        }

        Assert.NotNull(typeof(Webinar).GetProperty(name, BindingFlags.Public | BindingFlags.Instance));
    }

    [Fact]
    public void A_change_is_worded_and_checked_by_its_field_and_ignores_names_the_table_does_not_change()
    {
        var changes = MeetingRequest.Changes(new Dictionary<string, object?>
        {
            ["Duration"] = 90,
            ["Password"] = "",
            ["Name"] = "  Renamed  ",
            ["LoginName"] = "someone",
        });

        Assert.Equal(new[] { "Name to 'Renamed'", "Duration to 90 minutes", "clear Password" }, changes.Select(c => c.Description));
        var bad = Assert.Throws<BizConfArgumentException>(() => MeetingRequest.Changes(new Dictionary<string, object?> { ["Duration"] = 1441 }));
        Assert.Equal("Duration", bad.ParamName);
    }

    [Fact]
    public void Applying_changes_keeps_every_other_setting_of_the_current_meeting()
    {
        var current = new Meeting
        {
            Id = 5, Name = "Review", StartTime = TestClient.Now.AddDays(2), Duration = 60, Password = "4821",
            AllowJoinBeforeHost = true, Video = VideoOption.Off, Audio = AudioOption.Voip,
        };
        var request = MeetingRequest.Apply(current, MeetingRequest.Changes(new Dictionary<string, object?> { ["Duration"] = 45 }));

        Assert.Equal(("Review", current.StartTime!.Value, 45, true, VideoOption.Off, AudioOption.Voip),
            (request.Name, request.StartTime, request.Duration, request.AllowJoinBeforeHost, request.Video, request.Audio));
        Assert.Equal(SecretText.Hidden, request.Password);
    }

    [Fact]
    public void Build_takes_the_given_values_over_the_defaults_and_trims_the_name()
    {
        var request = MeetingRequest.Build(new Dictionary<string, object?> { ["Name"] = " Sync ", ["Duration"] = 30, ["RequireRegistration"] = true });

        Assert.Equal(("Sync", 30, true, true, VideoOption.On), (request.Name, request.Duration, request.RequireRegistration, request.SendEmail, request.Video));
    }
}
