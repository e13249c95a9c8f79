using System;

namespace BizConf;

/// <summary>What createDiyWebinar and updateDiyWebinar send. Property names are the cmdlet parameter names.</summary>
public sealed class WebinarRequest
{
    private string? password;
    private string? streamKey;

    public string Name { get; set; } = string.Empty;

    public DateTimeOffset StartTime { get; set; }

    /// <summary>Minutes, 1 to 1440.</summary>
    public int Duration { get; set; }

    /// <summary>
    /// The webinar password. Once set it reads back as <see cref="SecretText.Hidden"/>, like
    /// <see cref="MeetingRequest.Password"/>; the client sends the value given.
    /// </summary>
    public string? Password
    {
        get => SecretText.Mask(password);
        set => password = value;
    }

    internal string? SecretPassword => password;

    public bool HostVideo { get; set; } = true;

    public bool ParticipantVideo { get; set; } = true;

    public AudioOption Audio { get; set; }

    public string? StreamUrl { get; set; }

    /// <summary>The stream key: whoever has it can broadcast into the webinar, so it reads back hidden like the password.</summary>
    public string? StreamKey
    {
        get => SecretText.Mask(streamKey);
        set => streamKey = value;
    }

    internal string? SecretStreamKey => streamKey;

    public string? LiveUrl { get; set; }

    /// <summary>True when the three stream settings are set: the request then turns the stream on (isPushVideoSteam=1).</summary>
    public bool PushesStream => !string.IsNullOrEmpty(StreamUrl) && !string.IsNullOrEmpty(streamKey) && !string.IsNullOrEmpty(LiveUrl);

    /// <summary>A request that keeps every setting of the given webinar until the caller changes some.</summary>
    public static WebinarRequest From(Webinar webinar)
    {
        var request = new WebinarRequest
        {
            Name = webinar.Name,
            StartTime = webinar.StartTime ?? throw new BizConfArgumentException($"Webinar {webinar.WebinarNumber} has no start time.", nameof(webinar)),
            Duration = webinar.Duration,
            Password = webinar.Password,
            HostVideo = webinar.HostVideo,
            ParticipantVideo = webinar.ParticipantVideo,
            Audio = webinar.Audio,
        };

        // A webinar answers with stream fields only when its stream is on; half a set is sent as none.
        if (!string.IsNullOrEmpty(webinar.StreamUrl) && !string.IsNullOrEmpty(webinar.StreamKey) && !string.IsNullOrEmpty(webinar.LiveUrl))
        {
            request.StreamUrl = webinar.StreamUrl;
            request.StreamKey = webinar.StreamKey;
            request.LiveUrl = webinar.LiveUrl;
        }

        return request;
    }

    /// <summary>Refuses what the service would refuse, naming the parameter and the rule, before anything is sent.</summary>
    public void Validate(DateTimeOffset now, bool requireFutureStart)
    {
        ScheduleRules.Validate("webinar", Name, Duration, StartTime, Audio, now, requireFutureStart);
        InputRules.CheckText(nameof(Password), password);
        ValidateStream(!string.IsNullOrEmpty(StreamUrl), !string.IsNullOrEmpty(streamKey), !string.IsNullOrEmpty(LiveUrl));
        InputRules.CheckStreamUrl(StreamUrl);
        InputRules.CheckText(nameof(StreamKey), streamKey);
        InputRules.CheckLiveUrl(LiveUrl);
    }

    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "Webinar '{0}' at {1:yyyy-MM-dd HH:mm zzz} for {2} minutes", Name, StartTime, Duration);

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

        var names = new[] { nameof(StreamUrl), nameof(StreamKey), nameof(LiveUrl) };
        var missing = names[Array.IndexOf(given, false)];
        throw new BizConfArgumentException(
            $"StreamUrl, StreamKey and LiveUrl go together: give all three or none. {missing} is missing.", missing);
    }
}
