namespace BizConf.Resources;

/// <summary>
/// The webinar, field by field (docs/API.md, "Webinars"): createDiyWebinar and updateDiyWebinar send the Sent fields
/// in this order, and every answer is read through it. The three stream settings go together: the service reads
/// them only with isPushVideoSteam=1 (its own spelling), which is worked out from them.
/// </summary>
internal static class WebinarSchema
{
    public static readonly ResourceSchema<Webinar, WebinarRequest> Table = new ResourceSchema<Webinar, WebinarRequest>(
        new TextField(nameof(Webinar.WebinarNumber), null, "webinarNo", FieldUse.ReadOnly),
        new TextField(nameof(Webinar.Name), "confName", "confName", FieldUse.Sent, rule: Text("Name")),
        new InstantField(nameof(Webinar.StartTime), "startTime", "startTime", FieldUse.Sent),
        new NumberField(nameof(Webinar.Duration), "duration", "duration", FieldUse.Sent, typeof(int), ScheduleRules.ValidateDuration, " minutes"),
        new TextField(nameof(Webinar.Password), "password", "password", FieldUse.Sent, rule: Text("Password"), secret: true),
        // Both video options are on unless said otherwise, on creation and when an answer leaves them out.
        new FlagField(nameof(Webinar.ParticipantVideo), "optionVideoParticipants", "optionVideoParticipants", FieldUse.Sent) { Default = true },
        new FlagField(nameof(Webinar.HostVideo), "optionVideoHost", "optionVideoHost", FieldUse.Sent) { Default = true },
        new ChoiceField<AudioOption>(nameof(Webinar.Audio), "audio", "audio", FieldUse.Sent) { Default = AudioOption.Default },
        new DerivedFlagField("PushesStream", "isPushVideoSteam", request => ((WebinarRequest)request).PushesStream),
        new TextField(nameof(Webinar.StreamUrl), "streamUrl", "streamUrl,streanUrl", FieldUse.Sent, rule: InputRules.CheckStreamUrl),
        new TextField(nameof(Webinar.LiveUrl), "liveUrl", "liveUrl", FieldUse.Sent, rule: InputRules.CheckLiveUrl),
        new TextField(nameof(Webinar.StreamKey), "streamKey", "streamKey", FieldUse.Sent, rule: Text("StreamKey"), secret: true),
        new TextField(nameof(Webinar.JoinUrl), null, "join_url", FieldUse.ReadOnly),
        new TextField(nameof(Webinar.StartUrl), null, "start_url", FieldUse.ReadOnly),
        new TextField(nameof(Webinar.RoomId), null, "roomId", FieldUse.ReadOnly),
        new TextField(nameof(Webinar.HostUid), null, "uid", FieldUse.ReadOnly),
        new TextField(nameof(Webinar.HostToken), null, "token", FieldUse.ReadOnly),
        new TextField(nameof(Webinar.VideoConferenceNumber), null, "videoConf", FieldUse.ReadOnly),
        new TextField(nameof(Webinar.VideoPhone), null, "videophone", FieldUse.ReadOnly));

    /// <summary>The stream settings, which are given, changed and described together.</summary>
    public static readonly string[] StreamFields = { nameof(Webinar.StreamUrl), nameof(Webinar.StreamKey), nameof(Webinar.LiveUrl) };

    private static Action<string?> Text(string field) => value => InputRules.CheckText(field, value);
}
