using System;
using System.Text.Json;

namespace BizConf.Transport;

/// <summary>Reads the service's webinar object (API.md section 5.4) into a <see cref="Webinar"/>.</summary>
internal static class WebinarParser
{
    public static Webinar Parse(JsonElement data)
    {
        var audio = Json.Int32(data, "audio");
        return new Webinar
        {
            WebinarNumber = Json.String(data, "webinarNo") ?? string.Empty,
            Name = Json.String(data, "confName") ?? string.Empty,
            StartTime = Json.Time(data, "startTime"),
            Duration = Json.Int32(data, "duration") ?? 0,
            Password = Json.String(data, "password"),
            // Both video options are on unless the service says otherwise, as on creation.
            HostVideo = Json.Flag(data, "optionVideoHost") ?? true,
            ParticipantVideo = Json.Flag(data, "optionVideoParticipants") ?? true,
            Audio = audio.HasValue && Enum.IsDefined(typeof(AudioOption), audio.Value) ? (AudioOption)audio.Value : AudioOption.Default,
            // Json.String matches keys ignoring underscores, so join_url and joinUrl are both read.
            JoinUrl = Json.String(data, "join_url"),
            StartUrl = Json.String(data, "start_url"),
            RoomId = Json.String(data, "roomId"),
            HostUid = Json.String(data, "uid"),
            HostToken = Json.String(data, "token"),
            StreamUrl = Json.String(data, "streamUrl", "streanUrl"),
            StreamKey = Json.String(data, "streamKey"),
            LiveUrl = Json.String(data, "liveUrl"),
            VideoConferenceNumber = Json.String(data, "videoConf"),
            VideoPhone = Json.String(data, "videophone"),
        };
    }
}
