namespace BizConf;

/// <summary>A scheduled meeting as the service returns it. Times are in the local zone of this machine.</summary>
public sealed class Meeting
{
    /// <summary>The meeting's id, which every later call about it takes (not the number people join with).</summary>
    public long Id { get; set; }

    /// <summary>The account that hosts the meeting: part of its identity, so a piped meeting acts on its own account.</summary>
    public string LoginName { get; set; } = string.Empty;

    /// <summary>The 10-digit number people dial or type to join.</summary>
    public string MeetingNumber { get; set; } = string.Empty;

    /// <summary>The topic people see.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>When the meeting is scheduled to start; null when the answer gave no time.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>The start plus the duration; null when either is unknown.</summary>
    public DateTimeOffset? EndTime => StartTime.HasValue && Duration > 0 ? StartTime.Value.AddMinutes(Duration) : (DateTimeOffset?)null;

    /// <summary>Minutes.</summary>
    public int Duration { get; set; }

    /// <summary>Where the meeting stands: scheduled, in progress, ended, expired, cancelled or locked.</summary>
    public MeetingStatus Status { get; set; }

    /// <summary>The password people type to join (hostKey); null when the meeting has none.</summary>
    public string? Password { get; set; }

    /// <summary>Whether participants may join before the host arrives.</summary>
    public bool AllowJoinBeforeHost { get; set; }

    /// <summary>Whether video is on when people join.</summary>
    public VideoOption Video { get; set; } = VideoOption.On;

    /// <summary>Which audio people can join with: phone, VoIP or both.</summary>
    public AudioOption Audio { get; set; }

    /// <summary>Whether people must register to join (registrationType 1); null when the answer does not say.</summary>
    public bool? RequireRegistration { get; set; }

    /// <summary>The web link participants join with.</summary>
    public string? JoinUrl { get; set; }

    /// <summary>The web link the host starts the meeting with.</summary>
    public string? StartUrl { get; set; }

    /// <summary>The service's own host start link, as it returned it.</summary>
    public string? HostStartUrl { get; set; }

    /// <summary>The cfcloud:// link that opens the BizConf app to join.</summary>
    public string? ProtocolJoinUrl { get; set; }

    /// <summary>The cfcloud:// link that opens the BizConf app to start the meeting as host.</summary>
    public string? ProtocolHostStartUrl { get; set; }

    /// <summary>The most people the meeting admits; null when the answer does not say.</summary>
    public int? MaxParticipants { get; set; }

    /// <summary>The host's user id at the service, used in host start links.</summary>
    public string? UserId { get; set; }

    /// <summary>The host's start token, used in host start links.</summary>
    public string? HostToken { get; set; }

    /// <summary>The address the live stream is pushed to; null when no stream is set.</summary>
    public string? StreamUrl { get; set; }

    /// <summary>The secret key of the live stream; a secret, shown only on this object.</summary>
    public string? StreamKey { get; set; }

    /// <summary>The page where viewers watch the live stream.</summary>
    public string? LiveUrl { get; set; }

    /// <summary>The topic and the meeting number, as a short label.</summary>
    public override string ToString() => $"{Name} ({MeetingNumber})";
}
