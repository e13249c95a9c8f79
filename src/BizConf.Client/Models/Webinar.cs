namespace BizConf;

/// <summary>A webinar as the service returns it (createDiyWebinar, updateDiyWebinar, getWebinarInfo).</summary>
public sealed class Webinar
{
    /// <summary>The number people type to join; it identifies the webinar in every call.</summary>
    public string WebinarNumber { get; set; } = string.Empty;

    /// <summary>The account that hosts the webinar: part of its identity, so a piped webinar acts on its own account.</summary>
    public string LoginName { get; set; } = string.Empty;

    /// <summary>The topic people see.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>In the local zone of this machine.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Minutes.</summary>
    public int Duration { get; set; }

    /// <summary>The password people type to join; null when the webinar has none.</summary>
    public string? Password { get; set; }

    /// <summary>Whether the host's video starts on (optionVideoHost).</summary>
    public bool HostVideo { get; set; } = true;

    /// <summary>Whether the participants' video starts on (optionVideoParticipants).</summary>
    public bool ParticipantVideo { get; set; } = true;

    /// <summary>Which audio people can join with: phone, VoIP or both.</summary>
    public AudioOption Audio { get; set; }

    /// <summary>The web link participants join with.</summary>
    public string? JoinUrl { get; set; }

    /// <summary>The web link the host starts the webinar with.</summary>
    public string? StartUrl { get; set; }

    /// <summary>The service's room id of the webinar.</summary>
    public string? RoomId { get; set; }

    /// <summary>The host's uid.</summary>
    public string? HostUid { get; set; }

    /// <summary>The host's token.</summary>
    public string? HostToken { get; set; }

    /// <summary>The address the live stream is pushed to; null when no stream is set.</summary>
    public string? StreamUrl { get; set; }

    /// <summary>The secret key of the live stream; a secret, shown only on this object.</summary>
    public string? StreamKey { get; set; }

    /// <summary>The page where viewers watch the live stream.</summary>
    public string? LiveUrl { get; set; }

    /// <summary>When the audio mixes phone in: the number of the video conference behind the webinar.</summary>
    public string? VideoConferenceNumber { get; set; }

    /// <summary>When the audio mixes phone in: the phone number that dials into that video conference.</summary>
    public string? VideoPhone { get; set; }

    /// <summary>The topic and the webinar number, as a short label.</summary>
    public override string ToString() => $"{Name} ({WebinarNumber})";
}
