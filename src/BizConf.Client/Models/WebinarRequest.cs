using System.Globalization;
using BizConf.Resources;

namespace BizConf;

/// <summary>
/// What createDiyWebinar and updateDiyWebinar send. Property names are the cmdlet parameter names; the webinar's
/// schema (<c>Resources/WebinarSchema.cs</c>) says how each is sent.
/// </summary>
public sealed class WebinarRequest : FieldValues
{
    /// <summary>A request with every setting at the service's default (both videos on).</summary>
    public WebinarRequest()
        : base(WebinarSchema.Table.Fields)
    {
    }

    /// <summary>The webinar's name (confName).</summary>
    public string Name { get => Get(nameof(Name), string.Empty); set => Set(nameof(Name), value); }

    /// <summary>When it starts: an instant, sent as the site's wall time.</summary>
    public DateTimeOffset StartTime { get => Get(nameof(StartTime), default(DateTimeOffset)); set => Set(nameof(StartTime), value); }

    /// <summary>Minutes, 1 to 1440.</summary>
    public int Duration { get => Get(nameof(Duration), 0); set => Set(nameof(Duration), value); }

    /// <summary>
    /// The webinar password. Once set it reads back as <see cref="SecretText.Hidden"/>, like
    /// <see cref="MeetingRequest.Password"/>; the client sends the value given.
    /// </summary>
    public string? Password { get => SecretText.Mask(Get<string?>(nameof(Password), null)); set => Set(nameof(Password), value); }

    /// <summary>Whether the host's video starts on.</summary>
    public bool HostVideo { get => Get(nameof(HostVideo), true); set => Set(nameof(HostVideo), value); }

    /// <summary>Whether the participants' video starts on.</summary>
    public bool ParticipantVideo { get => Get(nameof(ParticipantVideo), true); set => Set(nameof(ParticipantVideo), value); }

    /// <summary>The audio setting.</summary>
    public AudioOption Audio { get => Get(nameof(Audio), AudioOption.Default); set => Set(nameof(Audio), value); }

    /// <summary>Where the stream is pushed (rtmp:// or rtmps://).</summary>
    public string? StreamUrl { get => Get<string?>(nameof(StreamUrl), null); set => Set(nameof(StreamUrl), value); }

    /// <summary>The stream key: whoever has it can broadcast into the webinar, so it reads back hidden like the password.</summary>
    public string? StreamKey { get => SecretText.Mask(Get<string?>(nameof(StreamKey), null)); set => Set(nameof(StreamKey), value); }

    /// <summary>Where people watch the stream (http:// or https://).</summary>
    public string? LiveUrl { get => Get<string?>(nameof(LiveUrl), null); set => Set(nameof(LiveUrl), value); }

    /// <summary>True when the three stream settings are set: the request then turns the stream on (isPushVideoSteam=1).</summary>
    public bool PushesStream =>
        !string.IsNullOrEmpty(StreamUrl) && !string.IsNullOrEmpty(Raw(nameof(StreamKey)) as string) && !string.IsNullOrEmpty(LiveUrl);

    /// <summary>A request that keeps every setting of the given webinar until the caller changes some.</summary>
    public static WebinarRequest From(Webinar webinar)
    {
        if (webinar.StartTime == null)
        {
            throw new BizConfArgumentException($"Webinar {webinar.WebinarNumber} has no start time.", nameof(webinar));
        }

        var request = WebinarSchema.Table.From(webinar);

        // A webinar answers with stream fields only when its stream is on; half a set is sent as none.
        if (string.IsNullOrEmpty(webinar.StreamUrl) || string.IsNullOrEmpty(webinar.StreamKey) || string.IsNullOrEmpty(webinar.LiveUrl))
        {
            request.StreamUrl = null;
            request.StreamKey = null;
            request.LiveUrl = null;
        }

        return request;
    }

    /// <summary>The settings a change may give, by parameter name, in the order they are described.</summary>
    public static IReadOnlyList<string> ChangeableFields { get; } = WebinarSchema.Table.Changeable.Select(f => f.Name).ToList();

    /// <summary>The settings a create may give, by parameter name: a field added to the schema is taken by New- at once.</summary>
    public static IReadOnlyList<string> CreatableFields { get; } = WebinarSchema.Table.Creatable.Select(f => f.Name).ToList();

    /// <summary>A new request from the given parameters (by name) over the defaults, text trimmed.</summary>
    public static WebinarRequest Build(IReadOnlyDictionary<string, object?> given) => WebinarSchema.Table.Build(given);

    /// <summary>The given changes (by parameter name), in table order, each checked on its own; other names are ignored.</summary>
    public static IReadOnlyList<FieldChange> Changes(IReadOnlyDictionary<string, object?> given) => WebinarSchema.Table.Changes(given);

    /// <summary>The current webinar with the changes applied, as a request to send whole (not yet checked).</summary>
    public static WebinarRequest Apply(Webinar current, IEnumerable<FieldChange> changes)
    {
        var request = From(current);
        request.SetChanges(changes);
        return request;
    }

    /// <summary>Refuses what the service would refuse, naming the parameter and the rule, before anything is sent.</summary>
    public void Validate(DateTimeOffset now, bool requireFutureStart)
    {
        ScheduleRules.Validate("webinar", Name, Duration, StartTime, Audio, now, requireFutureStart);
        ValidateStream(!string.IsNullOrEmpty(StreamUrl), !string.IsNullOrEmpty(Raw(nameof(StreamKey)) as string), !string.IsNullOrEmpty(LiveUrl));
        WebinarSchema.Table.CheckFields(this);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Webinar '{0}' at {1:yyyy-MM-dd HH:mm zzz} for {2} minutes", Name, StartTime, Duration);

    /// <summary>
    /// The stream settings work only together: all three given (the stream is on, or, for a change, three empty
    /// values turn it off) or none. The error names the first one missing.
    /// </summary>
    public static void ValidateStream(bool streamUrlGiven, bool streamKeyGiven, bool liveUrlGiven)
    {
        var given = new[] { streamUrlGiven, streamKeyGiven, liveUrlGiven };
        if (Array.TrueForAll(given, g => g) || Array.TrueForAll(given, g => !g))
        {
            return;
        }

        var missing = WebinarSchema.StreamFields[Array.IndexOf(given, false)];
        throw new BizConfArgumentException(
            $"StreamUrl, StreamKey and LiveUrl go together: give all three or none. {missing} is missing.", missing);
    }
}
