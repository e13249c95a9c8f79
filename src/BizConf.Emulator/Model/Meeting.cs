using System.Text.Json.Serialization;

namespace BizConf.Emulator.Model;

/// <summary>A meeting as the emulator stores it. Times are instants (UTC); the wire formats live elsewhere.</summary>
internal sealed class Meeting
{
    public long Id { get; set; }

    public string MeetingNo { get; set; } = "";

    public string OwnerLoginName { get; set; } = "";

    public long UserId { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset StartUtc { get; set; }

    public int Duration { get; set; }

    public string HostKey { get; set; } = "";

    public int OptionJbh { get; set; }

    public int OptionStartType { get; set; } = 1;

    public int Audio { get; set; }

    public bool SendEmail { get; set; } = true;

    /// <summary>1 when attendees must register first (addRegistrant); 0 otherwise.</summary>
    public int RegistrationType { get; set; }

    /// <summary>The host's start token.</summary>
    public string Token { get; set; } = "";

    /// <summary>Path and query only (<see cref="Hosting.LinkPath"/>), like the other two links.</summary>
    public string JoinUrl { get; set; } = "";

    public string StartUrl { get; set; } = "";

    public string HostStartUrl { get; set; } = "";

    public MeetingLifecycle Lifecycle { get; set; } = MeetingLifecycle.Scheduled;

    public string? StreamUrl { get; set; }

    public string? StreamKey { get; set; }

    public string? LiveUrl { get; set; }

    public List<CustomQuestion> CustomQuestions { get; set; } = new();

    public List<StandardQuestion> StandardQuestions { get; set; } = new();

    public List<Registrant> Registrants { get; set; } = new();

    /// <summary>The times the meeting took place, oldest first (simulate); the report endpoints read them.</summary>
    public List<HeldSession> HeldSessions { get; set; } = new();

    public DateTimeOffset CreatedUtc { get; set; }

    [JsonIgnore]
    public DateTimeOffset EndUtc => StartUtc.AddMinutes(Duration);

    /// <summary>True while the meeting still takes a slot in the account's and the site's calendars.</summary>
    [JsonIgnore]
    public bool HoldsSlot => Lifecycle == MeetingLifecycle.Scheduled;

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => StartUtc < end && start < EndUtc;

    public bool Covers(DateTimeOffset instant) => StartUtc <= instant && instant < EndUtc;
}
