namespace BizConf.Emulator.Model;

/// <summary>
/// What has happened to a meeting. "In progress" and "expired" are not stored: they follow from the clock
/// (see <see cref="Meetings.MeetingStatus"/>).
/// </summary>
internal enum MeetingLifecycle
{
    Scheduled,
    Cancelled,
    Ended,
}
