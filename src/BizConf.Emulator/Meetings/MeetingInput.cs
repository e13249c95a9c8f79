using BizConf.Emulator.Api;

namespace BizConf.Emulator.Meetings;

/// <summary>
/// The meeting fields of confReservation and confModify, read and checked for form (104). Optional fields take
/// their documented defaults when absent, because confModify replaces the meeting with what is sent. The two
/// that only confReservation takes (<c>registrationType</c>, <c>isSendEmail</c>) are null when absent, so that a
/// modify, which never sends them, keeps the meeting's choice.
/// </summary>
internal sealed record MeetingInput(
    string Name,
    DateTimeOffset StartUtc,
    int Duration,
    string HostKey,
    int OptionJbh,
    int OptionStartType,
    int Audio,
    int? RegistrationType,
    bool? SendEmail)
{
    public const int MinDuration = 1;
    public const int MaxDuration = 1440;
    private const int Bad = ApiStatus.MeetingParameterError;

    public DateTimeOffset EndUtc => StartUtc.AddMinutes(Duration);

    public static MeetingInput Read(RequestFields fields) => new(
        Name: fields.RequiredText("confName", Bad),
        StartUtc: fields.RequiredWallTime("startTime", Bad),
        Duration: fields.RequiredInt("duration", Bad),
        HostKey: fields.Text("hostKey") ?? "",
        OptionJbh: fields.Choice("optionJbh", Bad, 0, 0, 1),
        OptionStartType: fields.Choice("optionStartType", Bad, 1, 1, 2),
        Audio: fields.Choice("audio", Bad, 0, 0, 1, 2, 3),
        RegistrationType: fields.Text("registrationType") is null ? null : fields.Choice("registrationType", Bad, 0, 0, 1),
        SendEmail: fields.Text("isSendEmail") is { } sendEmail
            ? !string.Equals(sendEmail, "n", StringComparison.OrdinalIgnoreCase)
            : null);

    /// <summary>Status 201 when the meeting starts before <paramref name="now"/> or its duration is out of range.</summary>
    public void CheckTime(DateTimeOffset now)
    {
        if (Duration is < MinDuration or > MaxDuration)
        {
            throw new ApiFailureException(ApiStatus.MeetingTimeError, $"'duration' must be {MinDuration} to {MaxDuration} minutes.");
        }

        if (StartUtc < now)
        {
            throw new ApiFailureException(ApiStatus.MeetingTimeError, "'startTime' is in the past.");
        }
    }
}
