using BizConf.Emulator.Api;
using BizConf.Emulator.Meetings;

namespace BizConf.Emulator.Webinars;

/// <summary>
/// The webinar fields of createDiyWebinar and updateDiyWebinar (docs/API.md, "Webinars"), read and checked for form. Webinar
/// settings are meeting fields (104); the stream fields, needed only with <c>isPushVideoSteam=1</c>, are general
/// ones (109) as in settingLivestream. Absent options take their documented defaults, because an update replaces
/// the webinar with what is sent.
/// </summary>
internal sealed record WebinarInput(
    string Name,
    DateTimeOffset StartUtc,
    int Duration,
    string Password,
    int OptionVideoHost,
    int OptionVideoParticipants,
    int Audio,
    bool PushesStream,
    string StreamUrl,
    string LiveUrl,
    string StreamKey)
{
    private const int Bad = ApiStatus.MeetingParameterError;

    public static WebinarInput Read(RequestFields fields)
    {
        var pushes = fields.Choice("isPushVideoSteam", Bad, 0, 0, 1) == 1;
        return new WebinarInput(
            Name: fields.RequiredText("confName", Bad),
            StartUtc: fields.RequiredWallTime("startTime", Bad),
            Duration: fields.RequiredInt("duration", Bad),
            Password: fields.Text("password") ?? "",
            OptionVideoHost: fields.Choice("optionVideoHost", Bad, 1, 0, 1),
            OptionVideoParticipants: fields.Choice("optionVideoParticipants", Bad, 1, 0, 1),
            Audio: fields.Choice("audio", Bad, 0, 0, 1, 2, 3),
            PushesStream: pushes,
            StreamUrl: pushes ? fields.RequiredText("streamUrl", ApiStatus.ParameterError) : "",
            LiveUrl: pushes ? fields.RequiredText("liveUrl", ApiStatus.ParameterError) : "",
            StreamKey: pushes ? fields.RequiredText("streamKey", ApiStatus.ParameterError) : "");
    }

    /// <summary>The same time rules as meetings: 201 for a start in the past or a duration outside 1..1440.</summary>
    public void CheckTime(DateTimeOffset now) =>
        new MeetingInput(Name, StartUtc, Duration, Password, 0, 1, Audio, null, null).CheckTime(now);

    /// <summary>Audio 2 is VoIP alone; every other setting carries phone audio, mixed in through a video conference.</summary>
    public bool MixesPhone => Audio != 2;
}
