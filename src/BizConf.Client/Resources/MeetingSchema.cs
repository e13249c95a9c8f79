using BizConf.Transport;

namespace BizConf.Resources;

/// <summary>
/// The meeting, field by field (docs/API.md, "Meetings"): the one place its names, wire names and rules are written.
/// confReservation and confModify send the Sent fields in this order (confReservation adds the CreateOnly ones);
/// every answer is read through it. A new field is one line here, its property on <see cref="Meeting"/> and
/// <see cref="MeetingRequest"/>, its parameter on the cmdlets, and its help text.
/// </summary>
internal static class MeetingSchema
{
    public static readonly ResourceSchema<Meeting, MeetingRequest> Table = new ResourceSchema<Meeting, MeetingRequest>(
        new NumberField(nameof(Meeting.Id), null, "id,confId", FieldUse.ReadOnly, typeof(long)),
        new TextField(nameof(Meeting.MeetingNumber), null, "meetingNo,confNumber", FieldUse.ReadOnly),
        new TextField(nameof(Meeting.Name), "confName", "meetingName,confName", FieldUse.Sent, rule: Text("Name")),
        new InstantField(nameof(Meeting.StartTime), "startTime", "startTime", FieldUse.Sent),
        new NumberField(nameof(Meeting.Duration), "duration", "duration", FieldUse.Sent, typeof(int), ScheduleRules.ValidateDuration, " minutes"),
        new ChoiceField<MeetingStatus>(nameof(Meeting.Status), null, "confStatus", FieldUse.ReadOnly, strict: false),
        new TextField(nameof(Meeting.Password), "hostKey", "hostKey", FieldUse.Sent, rule: Text("Password"), secret: true),
        new FlagField(nameof(Meeting.AllowJoinBeforeHost), "optionJbh", "optionJbh", FieldUse.Sent) { Default = false },
        new ChoiceField<VideoOption>(nameof(Meeting.Video), "optionStartType", "optionStartType", FieldUse.Sent) { Default = VideoOption.On },
        new ChoiceField<AudioOption>(nameof(Meeting.Audio), "audio", "audio", FieldUse.Sent) { Default = AudioOption.Default },
        new FlagField(nameof(MeetingRequest.SendEmail), "isSendEmail", string.Empty, FieldUse.CreateOnly, whenTrue: null, whenFalse: "n") { Default = true },
        new FlagField(nameof(Meeting.RequireRegistration), "registrationType", "registrationType", FieldUse.CreateOnly, whenTrue: "1", whenFalse: null) { Default = false },
        new TextField(nameof(Meeting.JoinUrl), null, "joinUrl", FieldUse.ReadOnly),
        new TextField(nameof(Meeting.StartUrl), null, "startUrl", FieldUse.ReadOnly),
        new TextField(nameof(Meeting.HostStartUrl), null, "hostStartUrl", FieldUse.ReadOnly),
        new TextField(nameof(Meeting.ProtocolJoinUrl), null, "protocolJoinUrl", FieldUse.ReadOnly),
        new TextField(nameof(Meeting.ProtocolHostStartUrl), null, "protocolHostStartUrl", FieldUse.ReadOnly),
        new NumberField(nameof(Meeting.MaxParticipants), null, "maxCount", FieldUse.ReadOnly, typeof(int)),
        new TextField(nameof(Meeting.UserId), null, "userId", FieldUse.ReadOnly),
        new TextField(nameof(Meeting.HostToken), null, "token", FieldUse.ReadOnly),
        // The service spells the stream URL "streanUrl"; the corrected spelling is read too.
        new TextField(nameof(Meeting.StreamUrl), null, "streanUrl,streamUrl", FieldUse.ReadOnly),
        new TextField(nameof(Meeting.StreamKey), null, "streamKey", FieldUse.ReadOnly),
        new TextField(nameof(Meeting.LiveUrl), null, "liveUrl", FieldUse.ReadOnly));

    private static System.Action<string?> Text(string field) => value => InputRules.CheckText(field, value);
}
