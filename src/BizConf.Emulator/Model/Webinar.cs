using System.Text.Json.Serialization;

namespace BizConf.Emulator.Model;

/// <summary>A webinar as the emulator stores it (docs/API.md, "Webinars"). Times are instants (UTC).</summary>
internal sealed class Webinar
{
    public string WebinarNo { get; set; } = "";

    public string OwnerLoginName { get; set; } = "";

    /// <summary>The host's uid on the wire (<c>uid</c>).</summary>
    public string HostUid { get; set; } = "";

    public string RoomId { get; set; } = "";

    /// <summary>The host's token.</summary>
    public string Token { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTimeOffset StartUtc { get; set; }

    public int Duration { get; set; }

    public string Password { get; set; } = "";

    public int OptionVideoHost { get; set; } = 1;

    public int OptionVideoParticipants { get; set; } = 1;

    public int Audio { get; set; }

    /// <summary>Set only while the stream is on (<c>isPushVideoSteam=1</c>); the service ignores them otherwise.</summary>
    public string StreamUrl { get; set; } = "";

    public string LiveUrl { get; set; } = "";

    public string StreamKey { get; set; } = "";

    /// <summary>Path and query only (<see cref="Hosting.LinkPath"/>), like <see cref="StartUrl"/>.</summary>
    public string JoinUrl { get; set; } = "";

    public string StartUrl { get; set; } = "";

    /// <summary>The video conference that carries the phone audio; 0 while the audio has no phone in it.</summary>
    public long VideoConf { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    [JsonIgnore]
    public DateTimeOffset EndUtc => StartUtc.AddMinutes(Duration);
}
