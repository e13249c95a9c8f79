using System.Globalization;
using BizConf.Resources;

namespace BizConf;

/// <summary>
/// What confReservation and confModify send. Property names are the cmdlet parameter names; the meeting's schema
/// (<c>Resources/MeetingSchema.cs</c>) says how each is sent.
/// </summary>
public sealed class MeetingRequest : FieldValues
{
    /// <summary>The shortest meeting, in minutes.</summary>
    public const int MinDuration = ScheduleRules.MinDuration;

    /// <summary>The longest meeting, in minutes.</summary>
    public const int MaxDuration = ScheduleRules.MaxDuration;

    /// <summary>The longest name.</summary>
    public const int MaxNameLength = ScheduleRules.MaxNameLength;

    /// <summary>A request with every setting at the service's default.</summary>
    public MeetingRequest()
        : base(MeetingSchema.Table.Fields)
    {
    }

    /// <summary>The meeting's name (confName).</summary>
    public string Name { get => Get(nameof(Name), string.Empty); set => Set(nameof(Name), value); }

    /// <summary>When it starts: an instant, sent as the site's wall time.</summary>
    public DateTimeOffset StartTime { get => Get(nameof(StartTime), default(DateTimeOffset)); set => Set(nameof(StartTime), value); }

    /// <summary>Minutes, 1 to 1440.</summary>
    public int Duration { get => Get(nameof(Duration), 0); set => Set(nameof(Duration), value); }

    /// <summary>
    /// The meeting password (hostKey). Once set it reads back as <see cref="SecretText.Hidden"/>, so a request shown,
    /// logged or serialized (an error's target: <c>$Error[0] | ConvertTo-Json</c>) cannot give it away; the client
    /// sends the value given.
    /// </summary>
    public string? Password { get => SecretText.Mask(Get<string?>(nameof(Password), null)); set => Set(nameof(Password), value); }

    /// <summary>Whether people may join before the host (optionJbh).</summary>
    public bool AllowJoinBeforeHost { get => Get(nameof(AllowJoinBeforeHost), false); set => Set(nameof(AllowJoinBeforeHost), value); }

    /// <summary>Whether video starts on (optionStartType).</summary>
    public VideoOption Video { get => Get(nameof(Video), VideoOption.On); set => Set(nameof(Video), value); }

    /// <summary>The audio setting.</summary>
    public AudioOption Audio { get => Get(nameof(Audio), AudioOption.Default); set => Set(nameof(Audio), value); }

    /// <summary>Sent on creation only: false sends isSendEmail=n.</summary>
    public bool SendEmail { get => Get(nameof(SendEmail), true); set => Set(nameof(SendEmail), value); }

    /// <summary>Sent on creation only: registrationType=1.</summary>
    public bool RequireRegistration { get => Get(nameof(RequireRegistration), false); set => Set(nameof(RequireRegistration), value); }

    /// <summary>A request that changes the given meeting only where the caller then sets new values.</summary>
    public static MeetingRequest From(Meeting meeting)
    {
        if (meeting.StartTime == null)
        {
            throw new BizConfArgumentException($"Meeting {meeting.Id} has no start time.", nameof(meeting));
        }

        return MeetingSchema.Table.From(meeting);
    }

    /// <summary>The settings a change may give, by parameter name, in the order they are described.</summary>
    public static IReadOnlyList<string> ChangeableFields { get; } = MeetingSchema.Table.Changeable.Select(f => f.Name).ToList();

    /// <summary>The settings a create may give, by parameter name: a field added to the schema is taken by New- at once.</summary>
    public static IReadOnlyList<string> CreatableFields { get; } = MeetingSchema.Table.Creatable.Select(f => f.Name).ToList();

    /// <summary>A new request from the given parameters (by name) over the defaults, text trimmed.</summary>
    public static MeetingRequest Build(IReadOnlyDictionary<string, object?> given) => MeetingSchema.Table.Build(given);

    /// <summary>The given changes (by parameter name), in table order, each checked on its own; other names are ignored.</summary>
    public static IReadOnlyList<FieldChange> Changes(IReadOnlyDictionary<string, object?> given) => MeetingSchema.Table.Changes(given);

    /// <summary>The current meeting with the changes applied, as a request to send whole (not yet checked).</summary>
    public static MeetingRequest Apply(Meeting current, IEnumerable<FieldChange> changes)
    {
        var request = From(current);
        request.SetChanges(changes);
        return request;
    }

    /// <summary>Refuses what the service would refuse, naming the parameter and the rule, before anything is sent.</summary>
    public void Validate(DateTimeOffset now, bool requireFutureStart)
    {
        ScheduleRules.Validate("meeting", Name, Duration, StartTime, Audio, now, requireFutureStart);
        MeetingSchema.Table.CheckFields(this);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Meeting '{0}' at {1:yyyy-MM-dd HH:mm zzz} for {2} minutes", Name, StartTime, Duration);
}
