namespace BizConf;

/// <summary>confStatus, with the service's own numbers.</summary>
public enum MeetingStatus
{
    /// <summary>Booked and not started yet.</summary>
    Scheduled = 0,
    /// <summary>Running now.</summary>
    InProgress = 2,
    /// <summary>Held and over.</summary>
    Ended = 3,
    /// <summary>Its time passed without it being held.</summary>
    Expired = 4,
    /// <summary>Cancelled (removed).</summary>
    Cancelled = 9,
    /// <summary>Locked by the service: it cannot be joined or changed.</summary>
    Locked = 11,
}

/// <summary>optionStartType: whether video starts on.</summary>
public enum VideoOption
{
    /// <summary>Video is on when people join.</summary>
    On = 1,
    /// <summary>Video is off when people join; each can turn it on.</summary>
    Off = 2,
}

/// <summary>The audio setting, with the wire numbers.</summary>
public enum AudioOption
{
    /// <summary>The account's default audio.</summary>
    Default = 0,
    /// <summary>Phone dial-in only.</summary>
    Phone = 1,
    /// <summary>Computer audio (VoIP) only.</summary>
    Voip = 2,
    /// <summary>Both phone dial-in and computer audio.</summary>
    PhoneAndVoip = 3,
}
