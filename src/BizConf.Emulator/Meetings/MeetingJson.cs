using System.Text.Json.Nodes;
using BizConf.Emulator.Hosting;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Meetings;

/// <summary>
/// The wire shape of a meeting (docs/API.md, "Meetings"), times in GMT, plus <c>registrationType</c> (1 when attendees must
/// register first), so that a client can tell which meetings take registrants.
/// </summary>
internal static class MeetingJson
{
    public const int MaxCount = 100;

    public static JsonObject Summary(Meeting meeting, DateTimeOffset now, ServerInfo server) => new()
    {
        ["id"] = meeting.Id,
        ["meetingNo"] = meeting.MeetingNo,
        ["meetingName"] = meeting.Name,
        ["startTime"] = SiteTime.FormatGmt(meeting.StartUtc),
        ["duration"] = meeting.Duration,
        ["joinUrl"] = server.Absolute(meeting.JoinUrl),
        ["startUrl"] = server.Absolute(meeting.StartUrl),
        ["hostStartUrl"] = server.Absolute(meeting.HostStartUrl),
        ["protocolJoinUrl"] = ProtocolLinks.Join(meeting.MeetingNo, meeting.HostKey, ""),
        ["protocolHostStartUrl"] = ProtocolLinks.Start(meeting.MeetingNo, meeting.UserId, meeting.OwnerLoginName, meeting.Token),
        ["optionJbh"] = meeting.OptionJbh,
        ["hostKey"] = meeting.HostKey,
        ["confStatus"] = MeetingStatus.Of(meeting, now),
        ["userId"] = meeting.UserId,
        ["token"] = meeting.Token,
        ["maxCount"] = MaxCount,
        ["audio"] = meeting.Audio,
        ["optionStartType"] = meeting.OptionStartType,
        ["registrationType"] = meeting.RegistrationType,
    };

    /// <summary>getConf's answer: the meeting plus its live-stream settings (the vendor spells one key <c>streanUrl</c>).</summary>
    public static JsonObject Detail(Meeting meeting, DateTimeOffset now, ServerInfo server)
    {
        var json = Summary(meeting, now, server);
        json["streamKey"] = meeting.StreamKey;
        json["streanUrl"] = meeting.StreamUrl;
        json["liveUrl"] = meeting.LiveUrl;
        return json;
    }
}
