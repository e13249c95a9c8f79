using System.Globalization;
using System.Security.Cryptography;
using BizConf.Emulator.Model;

namespace BizConf.Emulator.Webinars;

/// <summary>
/// Makes webinars: an 11-digit webinar number (meeting numbers have 10, so the two never collide), a room, a host
/// token and the links, shaped like the vendor sample (<c>/j/&lt;number&gt;/&lt;TOKEN&gt;</c> starts it).
/// </summary>
internal static class WebinarFactory
{
    public static Webinar Create(EmulatorData data, Account owner, WebinarInput input, DateTimeOffset now)
    {
        var webinarNo = NewNumber(data);
        var token = RandomNumberGenerator.GetHexString(32, lowercase: false);
        var webinar = new Webinar
        {
            WebinarNo = webinarNo,
            OwnerLoginName = owner.LoginName,
            HostUid = "u" + owner.UserId.ToString(CultureInfo.InvariantCulture),
            RoomId = RandomNumberGenerator.GetHexString(16, lowercase: true),
            Token = token,
            JoinUrl = $"/w/{webinarNo}",
            StartUrl = $"/j/{webinarNo}/{token}",
            CreatedUtc = now,
        };
        Apply(data, webinar, input);
        return webinar;
    }

    /// <summary>Replaces the webinar's settings with <paramref name="input"/>; its number, room, token and links stay.</summary>
    public static void Apply(EmulatorData data, Webinar webinar, WebinarInput input)
    {
        webinar.Name = input.Name;
        webinar.StartUtc = input.StartUtc;
        webinar.Duration = input.Duration;
        webinar.Password = input.Password;
        webinar.OptionVideoHost = input.OptionVideoHost;
        webinar.OptionVideoParticipants = input.OptionVideoParticipants;
        webinar.Audio = input.Audio;
        webinar.StreamUrl = input.StreamUrl;
        webinar.LiveUrl = input.LiveUrl;
        webinar.StreamKey = input.StreamKey;
        if (!input.MixesPhone)
        {
            webinar.VideoConf = 0;
        }
        else if (webinar.VideoConf == 0)
        {
            webinar.VideoConf = NewVideoConf(data);
        }
    }

    private static string NewNumber(EmulatorData data) =>
        FreshNumber.DrawText(10_000_000_000, 100_000_000_000, candidate => data.Webinars.Exists(w => w.WebinarNo == candidate));

    private static long NewVideoConf(EmulatorData data) =>
        FreshNumber.Draw(1_000_000, 10_000_000, candidate => data.Webinars.Exists(w => w.VideoConf == candidate));
}
