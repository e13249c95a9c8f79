namespace BizConf;

/// <summary>confStatus, with the service's own numbers.</summary>
public enum MeetingStatus
{
    Scheduled = 0,
    InProgress = 2,
    Ended = 3,
    Expired = 4,
    Cancelled = 9,
    Locked = 11,
}

/// <summary>optionStartType: whether video starts on.</summary>
public enum VideoOption
{
    On = 1,
    Off = 2,
}

/// <summary>The audio setting, with the wire numbers.</summary>
public enum AudioOption
{
    Default = 0,
    Phone = 1,
    Voip = 2,
    PhoneAndVoip = 3,
}
