using System;

namespace BizConf;

/// <summary>A scheduled meeting as the service returns it. Times are in the local zone of this machine.</summary>
public sealed class Meeting
{
    public long Id { get; set; }

    /// <summary>The account that hosts the meeting: part of its identity, so a piped meeting acts on its own account.</summary>
    public string LoginName { get; set; } = string.Empty;

    /// <summary>The 10-digit number people dial or type to join.</summary>
    public string MeetingNumber { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime => StartTime.HasValue && Duration > 0 ? StartTime.Value.AddMinutes(Duration) : (DateTimeOffset?)null;

    /// <summary>Minutes.</summary>
    public int Duration { get; set; }

    public MeetingStatus Status { get; set; }

    public string? Password { get; set; }

    public bool AllowJoinBeforeHost { get; set; }

    public VideoOption Video { get; set; } = VideoOption.On;

    public AudioOption Audio { get; set; }

    /// <summary>Whether people must register to join (registrationType 1); null when the answer does not say.</summary>
    public bool? RequireRegistration { get; set; }

    public string? JoinUrl { get; set; }

    public string? StartUrl { get; set; }

    public string? HostStartUrl { get; set; }

    public string? ProtocolJoinUrl { get; set; }

    public string? ProtocolHostStartUrl { get; set; }

    public int? MaxParticipants { get; set; }

    public string? UserId { get; set; }

    /// <summary>The host's start token, used in host start links.</summary>
    public string? HostToken { get; set; }

    public string? StreamUrl { get; set; }

    public string? StreamKey { get; set; }

    public string? LiveUrl { get; set; }

    public override string ToString() => $"{Name} ({MeetingNumber})";
}
