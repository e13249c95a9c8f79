using System;

namespace BizConf;

/// <summary>What confReservation and confModify send. Property names are the cmdlet parameter names.</summary>
public sealed class MeetingRequest
{
    public const int MinDuration = ScheduleRules.MinDuration;
    public const int MaxDuration = ScheduleRules.MaxDuration;
    public const int MaxNameLength = ScheduleRules.MaxNameLength;

    private string? password;

    public string Name { get; set; } = string.Empty;

    public DateTimeOffset StartTime { get; set; }

    /// <summary>Minutes, 1 to 1440.</summary>
    public int Duration { get; set; }

    /// <summary>
    /// The meeting password (hostKey). Once set it reads back as <see cref="SecretText.Hidden"/>, so a request shown,
    /// logged or serialized (an error's target: <c>$Error[0] | ConvertTo-Json</c>) cannot give it away; the client
    /// sends the value given.
    /// </summary>
    public string? Password
    {
        get => SecretText.Mask(password);
        set => password = value;
    }

    /// <summary>The password as given, for the wire.</summary>
    internal string? SecretPassword => password;

    public bool AllowJoinBeforeHost { get; set; }

    public VideoOption Video { get; set; } = VideoOption.On;

    public AudioOption Audio { get; set; }

    /// <summary>Sent on creation only: false sends isSendEmail=n.</summary>
    public bool SendEmail { get; set; } = true;

    /// <summary>Sent on creation only: registrationType=1.</summary>
    public bool RequireRegistration { get; set; }

    /// <summary>A request that changes the given meeting only where the caller then sets new values.</summary>
    public static MeetingRequest From(Meeting meeting) => new MeetingRequest
    {
        Name = meeting.Name,
        StartTime = meeting.StartTime ?? throw new BizConfArgumentException($"Meeting {meeting.Id} has no start time.", nameof(meeting)),
        Duration = meeting.Duration,
        Password = meeting.Password,
        AllowJoinBeforeHost = meeting.AllowJoinBeforeHost,
        Video = meeting.Video,
        Audio = meeting.Audio,
    };

    /// <summary>Refuses what the service would refuse, naming the parameter and the rule, before anything is sent.</summary>
    public void Validate(DateTimeOffset now, bool requireFutureStart)
    {
        ScheduleRules.Validate("meeting", Name, Duration, StartTime, Audio, now, requireFutureStart);
        InputRules.CheckText(nameof(Password), password);
        if (!Enum.IsDefined(typeof(VideoOption), Video))
        {
            throw new BizConfArgumentException($"Video must be On or Off; it is {(int)Video}.", nameof(Video));
        }
    }

    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "Meeting '{0}' at {1:yyyy-MM-dd HH:mm zzz} for {2} minutes", Name, StartTime, Duration);
}

/// <summary>The filters of listConf.</summary>
public sealed class MeetingQuery
{
    public const int MaxPageSize = 50;

    /// <summary>A part of the meeting name.</summary>
    public string? Keyword { get; set; }

    /// <summary>Meetings starting at or after this instant.</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Meetings starting at or before this instant.</summary>
    public DateTimeOffset? To { get; set; }

    /// <summary>Refuses filters the service cannot take, naming the parameter and the rule, before anything is sent.</summary>
    public void Validate()
    {
        InputRules.CheckText(nameof(Keyword), Keyword);
        InputRules.CheckTime(nameof(From), From);
        InputRules.CheckTime(nameof(To), To);
        if (From.HasValue && To.HasValue && From > To)
        {
            throw new BizConfArgumentException("From must not be later than To.", nameof(From));
        }
    }

    public override string ToString() => $"Meetings (Keyword '{Keyword}', From {From:yyyy-MM-dd HH:mm zzz}, To {To:yyyy-MM-dd HH:mm zzz})";
}

/// <summary>One page of listConf.</summary>
public sealed class MeetingPage
{
    public MeetingPage(System.Collections.Generic.IReadOnlyList<Meeting> items, int pageNumber, int pageSize, int totalPages, int totalCount)
    {
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalPages = totalPages;
        TotalCount = totalCount;
    }

    public System.Collections.Generic.IReadOnlyList<Meeting> Items { get; }

    public int PageNumber { get; }

    public int PageSize { get; }

    public int TotalPages { get; }

    public int TotalCount { get; }
}
