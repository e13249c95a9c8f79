using BizConf.Emulator.Model;

namespace BizConf.Emulator.Meetings;

/// <summary>The wire <c>confStatus</c> of a meeting at a given moment.</summary>
internal static class MeetingStatus
{
    public const int Scheduled = 0;
    public const int InProgress = 2;
    public const int Ended = 3;
    public const int Expired = 4;
    public const int Cancelled = 9;

    public static int Of(Meeting meeting, DateTimeOffset now) => meeting.Lifecycle switch
    {
        MeetingLifecycle.Cancelled => Cancelled,
        MeetingLifecycle.Ended => Ended,
        _ when now >= meeting.EndUtc => Expired,
        _ when now >= meeting.StartUtc => InProgress,
        _ => Scheduled,
    };
}
