using System.Globalization;
using System.Text.Json.Nodes;
using BizConf.Emulator.Hosting;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Webinars;

/// <summary>
/// The wire shape of a webinar, after the vendor samples of sections 3.2 to 3.4: the options as strings of
/// digits, the duration and videoConf as numbers, the start in GMT, and the envelope's status as the string "100".
/// </summary>
internal static class WebinarJson
{
    /// <summary>The dial-in number the emulator gives every webinar whose audio mixes phone in.</summary>
    public const string VideoPhone = "+86 4006012733";

    public static JsonObject ToJson(Webinar webinar, ServerInfo server)
    {
        var json = new JsonObject
        {
            ["uid"] = webinar.HostUid,
            ["roomId"] = webinar.RoomId,
            ["token"] = webinar.Token,
            ["webinarNo"] = webinar.WebinarNo,
            ["password"] = webinar.Password,
            ["startTime"] = SiteTime.FormatGmt(webinar.StartUtc),
            ["optionVideoHost"] = Digits(webinar.OptionVideoHost),
            ["optionVideoParticipants"] = Digits(webinar.OptionVideoParticipants),
            ["audio"] = Digits(webinar.Audio),
            ["duration"] = webinar.Duration,
            ["confName"] = webinar.Name,
            ["streamUrl"] = webinar.StreamUrl,
            ["liveUrl"] = webinar.LiveUrl,
            ["streamKey"] = webinar.StreamKey,
            ["join_url"] = server.Absolute(webinar.JoinUrl),
            ["start_url"] = server.Absolute(webinar.StartUrl),
        };
        if (webinar.VideoConf != 0)
        {
            json["videoConf"] = webinar.VideoConf;
            json["videophone"] = VideoPhone;
        }

        return json;
    }

    /// <summary>A success envelope as the webinar samples print it: <c>"status":"100"</c>, <c>"message":"success"</c>.</summary>
    public static JsonObject Success(JsonNode? data = null)
    {
        var body = new JsonObject
        {
            ["status"] = "100",
            ["message"] = "success",
        };
        if (data is not null)
        {
            body["data"] = data;
        }

        return body;
    }

    private static string Digits(int value) => value.ToString(CultureInfo.InvariantCulture);
}
