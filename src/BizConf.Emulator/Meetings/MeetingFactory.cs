using System.Security.Cryptography;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Meetings;

/// <summary>Makes new meetings: the next id, a fresh 10-digit meeting number, a host token and the web links (as paths).</summary>
internal static class MeetingFactory
{
    public static Meeting Create(EmulatorData data, Account owner, MeetingInput input, DateTimeOffset now)
    {
        var meetingNo = NewMeetingNo(data);
        var token = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var startUrl = $"/s/{meetingNo}?token={token}";
        var meeting = new Meeting
        {
            Id = data.NextMeetingId++,
            MeetingNo = meetingNo,
            OwnerLoginName = owner.LoginName,
            UserId = owner.UserId,
            Token = token,
            JoinUrl = $"/j/{meetingNo}",
            StartUrl = startUrl,
            HostStartUrl = startUrl,
            CreatedUtc = now,
        };
        Apply(meeting, input);
        return meeting;
    }

    /// <summary>
    /// Replaces the meeting's settings with <paramref name="input"/>; its number, token and links stay, and so do
    /// the reservation-only choices that <paramref name="input"/> leaves out.
    /// </summary>
    public static void Apply(Meeting meeting, MeetingInput input)
    {
        meeting.Name = input.Name;
        meeting.StartUtc = input.StartUtc;
        meeting.Duration = input.Duration;
        meeting.HostKey = input.HostKey;
        meeting.OptionJbh = input.OptionJbh;
        meeting.OptionStartType = input.OptionStartType;
        meeting.Audio = input.Audio;
        meeting.SendEmail = input.SendEmail ?? meeting.SendEmail;
        meeting.RegistrationType = input.RegistrationType ?? meeting.RegistrationType;
    }

    private static string NewMeetingNo(EmulatorData data) =>
        FreshNumber.DrawText(1_000_000_000, 10_000_000_000, candidate => data.Meetings.Exists(m => m.MeetingNo == candidate));
}
