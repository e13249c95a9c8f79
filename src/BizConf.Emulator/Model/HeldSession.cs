namespace BizConf.Emulator.Model;

/// <summary>
/// One time a meeting actually took place (made by the simulate admin endpoint). A meeting number can be held
/// more than once, so a meeting keeps a list of these; the report endpoints read them.
/// </summary>
internal sealed class HeldSession
{
    /// <summary>The session's own id, the reports' <c>confUUID</c> and the polls' <c>uuid</c>.</summary>
    public string Uuid { get; set; } = "";

    public DateTimeOffset StartUtc { get; set; }

    public DateTimeOffset EndUtc { get; set; }

    public string HostName { get; set; } = "";

    /// <summary>One row per stay: a person who left and came back has several.</summary>
    public List<AttendanceRow> Attendance { get; set; } = new();

    /// <summary>One entry per person who answered the polls.</summary>
    public List<PollResponse> PollResponses { get; set; } = new();
}

/// <summary>One stay of one person in a held session.</summary>
internal sealed class AttendanceRow
{
    /// <summary>The "user-defined id" of the wire (<c>cuid</c>).</summary>
    public string Cuid { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Set when the person came as a registrant of the meeting; the report then carries the registration.</summary>
    public string? RegistrantId { get; set; }

    public DateTimeOffset JoinUtc { get; set; }

    public DateTimeOffset LeaveUtc { get; set; }

    public string Device { get; set; } = "";

    public string Ip { get; set; } = "";
}

/// <summary>What one person voted in a held session.</summary>
internal sealed class PollResponse
{
    public string Name { get; set; } = "";

    /// <summary>Only registrants are known by e-mail; guests answer anonymously by name.</summary>
    public string? Email { get; set; }

    public List<PollChoice> Answers { get; set; } = new();
}

internal sealed class PollChoice
{
    public string Question { get; set; } = "";

    public string Answer { get; set; } = "";
}
