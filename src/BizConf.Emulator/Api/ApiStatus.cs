namespace BizConf.Emulator.Api;

/// <summary>The status codes of the API (docs/API.md, "Statuses") and the messages the emulator sends with them.</summary>
internal static class ApiStatus
{
    public const int Success = 100;
    public const int AccountNotFound = 101;
    public const int AuthenticationFailed = 102;
    public const int InternalError = 103;
    public const int MeetingParameterError = 104;
    public const int SiteInvalid = 106;
    public const int AccountLocked = 108;
    public const int ParameterError = 109;
    public const int UpdateError = 112;
    public const int MeetingTimeError = 201;
    public const int MeetingConflict = 202;
    public const int OverflowNotSupported = 203;
    public const int NoMeetingResources = 205;
    public const int MeetingNotFound = 401;
    public const int RoomNotFound = 402;

    public static string MessageFor(int status) => status switch
    {
        Success => "",
        AccountNotFound => "Account does not exist.",
        AuthenticationFailed => "Authentication failed: check the API key and the token.",
        InternalError => "Internal server error.",
        MeetingParameterError => "Meeting parameter error.",
        SiteInvalid => "Site is invalid.",
        AccountLocked => "Account is locked.",
        ParameterError => "Parameter error.",
        UpdateError => "Update error.",
        MeetingTimeError => "Meeting time error.",
        MeetingConflict => "Meeting conflict.",
        OverflowNotSupported => "Overflow is not supported.",
        NoMeetingResources => "No meeting resources available.",
        MeetingNotFound => "Meeting does not exist, is cancelled, or does not belong to this user.",
        RoomNotFound => "Meeting room does not exist.",
        _ => "Error.",
    };
}
