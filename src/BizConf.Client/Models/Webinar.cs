using System;

namespace BizConf;

/// <summary>A webinar as the service returns it (createDiyWebinar, updateDiyWebinar, getWebinarInfo).</summary>
public sealed class Webinar
{
    /// <summary>The number people type to join; it identifies the webinar in every call.</summary>
    public string WebinarNumber { get; set; } = string.Empty;

    /// <summary>The account that hosts the webinar: part of its identity, so a piped webinar acts on its own account.</summary>
    public string LoginName { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>In the local zone of this machine.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Minutes.</summary>
    public int Duration { get; set; }

    public string? Password { get; set; }

    /// <summary>Whether the host's video starts on (optionVideoHost).</summary>
    public bool HostVideo { get; set; } = true;

    /// <summary>Whether the participants' video starts on (optionVideoParticipants).</summary>
    public bool ParticipantVideo { get; set; } = true;

    public AudioOption Audio { get; set; }

    public string? JoinUrl { get; set; }

    public string? StartUrl { get; set; }

    public string? RoomId { get; set; }

    /// <summary>The host's uid.</summary>
    public string? HostUid { get; set; }

    /// <summary>The host's token.</summary>
    public string? HostToken { get; set; }

    public string? StreamUrl { get; set; }

    public string? StreamKey { get; set; }

    public string? LiveUrl { get; set; }

    /// <summary>When the audio mixes phone in: the number of the video conference behind the webinar.</summary>
    public string? VideoConferenceNumber { get; set; }

    /// <summary>When the audio mixes phone in: the phone number that dials into that video conference.</summary>
    public string? VideoPhone { get; set; }

    public override string ToString() => $"{Name} ({WebinarNumber})";
}
