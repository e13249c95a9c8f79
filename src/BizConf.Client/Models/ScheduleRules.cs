namespace BizConf;

/// <summary>
/// The checks meetings and webinars share (name, duration, start, audio), worded for the thing scheduled, so a
/// webinar's error says "webinar".
/// </summary>
public static class ScheduleRules
{
    /// <summary>The shortest meeting or webinar the service books, in minutes.</summary>
    public const int MinDuration = 1;
    /// <summary>The longest meeting or webinar the service books, in minutes (a day).</summary>
    public const int MaxDuration = 1440;
    /// <summary>The most characters a meeting's or webinar's name may hold.</summary>
    public const int MaxNameLength = 128;

    /// <summary>Refuses what the service would refuse, naming the parameter and the rule.</summary>
    /// <param name="noun">What is scheduled, for the messages: "meeting" or "webinar".</param>
    /// <param name="name">The name given.</param>
    /// <param name="duration">Minutes.</param>
    /// <param name="start">The start given.</param>
    /// <param name="audio">The audio option given.</param>
    /// <param name="now">The client's clock, read once for the whole check.</param>
    /// <param name="requireFutureStart">Whether the start must lie ahead (a create, or a moved start).</param>
    public static void Validate(string noun, string name, int duration, DateTimeOffset start, AudioOption audio, DateTimeOffset now, bool requireFutureStart)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BizConfArgumentException("Name must not be empty.", "Name");
        }

        InputRules.CheckText("Name", name);
        ValidateDuration(duration);
        InputRules.CheckTime("StartTime", start);
        if (requireFutureStart && start <= now)
        {
            throw new BizConfArgumentException(
                $"StartTime {start:yyyy-MM-dd HH:mm:ss zzz} is in the past; a {noun} must start in the future.", "StartTime");
        }

        if (!Enum.IsDefined(typeof(AudioOption), audio))
        {
            throw new BizConfArgumentException($"Audio must be Default, Phone, Voip or PhoneAndVoip; it is {(int)audio}.", "Audio");
        }
    }

    /// <summary>Refuses a duration outside the service's range, naming Duration and the range.</summary>
    public static void ValidateDuration(int duration)
    {
        if (duration < MinDuration || duration > MaxDuration)
        {
            throw new BizConfArgumentException($"Duration must be {MinDuration} to {MaxDuration} minutes; it is {duration}.", "Duration");
        }
    }
}
