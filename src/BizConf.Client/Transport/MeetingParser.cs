using System;
using System.Text.Json;

namespace BizConf.Transport;

/// <summary>Reads the service's meeting object (API.md section 5.1) into a <see cref="Meeting"/>.</summary>
internal static class MeetingParser
{
    public static Meeting Parse(JsonElement data) => new Meeting
    {
        Id = Json.Int64(data, "id", "confId") ?? 0,
        MeetingNumber = Json.String(data, "meetingNo", "confNumber") ?? string.Empty,
        Name = Json.String(data, "meetingName", "confName") ?? string.Empty,
        StartTime = Json.Time(data, "startTime"),
        Duration = Json.Int32(data, "duration") ?? 0,
        Status = ReadStatus(data),
        Password = Json.String(data, "hostKey"),
        AllowJoinBeforeHost = Json.Flag(data, "optionJbh") ?? false,
        Video = ReadEnum(data, "optionStartType", VideoOption.On),
        Audio = ReadEnum(data, "audio", AudioOption.Default),
        JoinUrl = Json.String(data, "joinUrl"),
        StartUrl = Json.String(data, "startUrl"),
        HostStartUrl = Json.String(data, "hostStartUrl"),
        ProtocolJoinUrl = Json.String(data, "protocolJoinUrl"),
        ProtocolHostStartUrl = Json.String(data, "protocolHostStartUrl"),
        MaxParticipants = Json.Int32(data, "maxCount"),
        UserId = Json.String(data, "userId"),
        HostToken = Json.String(data, "token"),
        // The service spells the stream URL "streanUrl"; read the corrected spelling too.
        StreamUrl = Json.String(data, "streanUrl", "streamUrl"),
        StreamKey = Json.String(data, "streamKey"),
        LiveUrl = Json.String(data, "liveUrl"),
    };

    private static MeetingStatus ReadStatus(JsonElement data) =>
        (MeetingStatus)(Json.Int32(data, "confStatus") ?? (int)MeetingStatus.Scheduled);

    private static T ReadEnum<T>(JsonElement data, string name, T fallback)
        where T : struct
    {
        var number = Json.Int32(data, name);
        return number.HasValue && Enum.IsDefined(typeof(T), number.Value) ? (T)Enum.ToObject(typeof(T), number.Value) : fallback;
    }
}
