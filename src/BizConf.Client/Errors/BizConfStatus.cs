namespace BizConf;

/// <summary>
/// The API's status codes (docs/API.md, "Statuses"), each by name, with its English meaning and its kind. The
/// only place in the code where a status is a number: everything else compares with these names.
/// </summary>
public static class BizConfStatus
{
    /// <summary>100: success.</summary>
    public const int Success = 100;

    /// <summary>101: the account (loginName) does not exist.</summary>
    public const int AccountNotFound = 101;

    /// <summary>102: the signature was refused (wrong key, or a timestamp already used).</summary>
    public const int AuthenticationFailed = 102;

    /// <summary>103: the service's internal error; the work may have been done.</summary>
    public const int InternalError = 103;

    /// <summary>104: a meeting parameter is invalid.</summary>
    public const int InvalidMeetingParameter = 104;

    /// <summary>106: the site (siteSign) is invalid.</summary>
    public const int InvalidSite = 106;

    /// <summary>108: the account is locked.</summary>
    public const int AccountLocked = 108;

    /// <summary>109: a parameter is invalid.</summary>
    public const int InvalidParameter = 109;

    /// <summary>112: the update failed.</summary>
    public const int UpdateFailed = 112;

    /// <summary>201: the meeting time is invalid.</summary>
    public const int InvalidMeetingTime = 201;

    /// <summary>202: the meeting overlaps another on the account.</summary>
    public const int MeetingConflict = 202;

    /// <summary>203: overflow is not supported.</summary>
    public const int OverflowNotSupported = 203;

    /// <summary>205: the site has no free licence.</summary>
    public const int NoMeetingResources = 205;

    /// <summary>401: the meeting does not exist, is cancelled, or is another account's.</summary>
    public const int MeetingNotFound = 401;

    /// <summary>402: the meeting room does not exist.</summary>
    public const int MeetingRoomNotFound = 402;

    private static readonly Dictionary<int, StatusInfo> Known = new Dictionary<int, StatusInfo>
    {
        [AccountNotFound] = new StatusInfo(nameof(AccountNotFound), "The account (loginName) does not exist.", BizConfErrorKind.ObjectNotFound),
        [AuthenticationFailed] = new StatusInfo(nameof(AuthenticationFailed), "Authentication failed: check the API key, and that each token is new.", BizConfErrorKind.AuthenticationError),
        [InternalError] = new StatusInfo("ServiceInternalError", "The BizConf service had an internal error.", BizConfErrorKind.NotSpecified),
        [InvalidMeetingParameter] = new StatusInfo(nameof(InvalidMeetingParameter), "A meeting parameter is invalid.", BizConfErrorKind.InvalidArgument),
        [InvalidSite] = new StatusInfo(nameof(InvalidSite), "The site (siteSign) is invalid.", BizConfErrorKind.InvalidArgument),
        [AccountLocked] = new StatusInfo(nameof(AccountLocked), "The account is locked.", BizConfErrorKind.PermissionDenied),
        [InvalidParameter] = new StatusInfo(nameof(InvalidParameter), "A parameter is invalid.", BizConfErrorKind.InvalidArgument),
        [UpdateFailed] = new StatusInfo(nameof(UpdateFailed), "The update failed.", BizConfErrorKind.WriteError),
        [InvalidMeetingTime] = new StatusInfo(nameof(InvalidMeetingTime), "The meeting time is invalid (in the past, or a bad duration).", BizConfErrorKind.InvalidArgument),
        [MeetingConflict] = new StatusInfo(nameof(MeetingConflict), "The meeting overlaps another meeting on this account.", BizConfErrorKind.ResourceExists),
        [OverflowNotSupported] = new StatusInfo(nameof(OverflowNotSupported), "Overflow is not supported.", BizConfErrorKind.NotImplemented),
        [NoMeetingResources] = new StatusInfo(nameof(NoMeetingResources), "The site has no free meeting resources (licences).", BizConfErrorKind.LimitsExceeded),
        [MeetingNotFound] = new StatusInfo(nameof(MeetingNotFound), "The meeting does not exist, is cancelled, or belongs to another user.", BizConfErrorKind.ObjectNotFound),
        [MeetingRoomNotFound] = new StatusInfo(nameof(MeetingRoomNotFound), "The meeting room does not exist.", BizConfErrorKind.ObjectNotFound),
    };

    // The webinar endpoints answer with the meeting statuses; their English says "webinar" where the status names
    // the thing called for, so an error about a webinar does not talk of a meeting.
    private static readonly Dictionary<int, string> WebinarMessages = new Dictionary<int, string>
    {
        [InvalidMeetingTime] = "The webinar time is invalid (in the past, or a bad duration).",
        [MeetingNotFound] = "The webinar does not exist, was deleted, or belongs to another user.",
    };

    /// <summary>A short PascalCase name for the status, used in error ids (e.g. MeetingConflict).</summary>
    public static string Name(int status) =>
        Known.TryGetValue(status, out var info) ? info.Name : "UnknownStatus" + status;

    /// <summary>The status name as <paramref name="endpoint"/> answered it: WebinarNotFound rather than MeetingNotFound.</summary>
    public static string Name(int status, string endpoint) =>
        IsWebinarEndpoint(endpoint) && WebinarMessages.ContainsKey(status) ? Name(status).Replace("Meeting", "Webinar") : Name(status);

    /// <summary>The English meaning of the status.</summary>
    public static string Describe(int status) =>
        Known.TryGetValue(status, out var info) ? info.Message : "The BizConf service answered with the unknown status " + status + ".";

    /// <summary>The English meaning of the status as <paramref name="endpoint"/> answered it: webinar endpoints speak of the webinar.</summary>
    public static string Describe(int status, string endpoint) =>
        IsWebinarEndpoint(endpoint) && WebinarMessages.TryGetValue(status, out var message) ? message : Describe(status);

    /// <summary>The kind of failure; it maps one to one onto PowerShell's ErrorCategory.</summary>
    public static BizConfErrorKind Kind(int status) =>
        Known.TryGetValue(status, out var info) ? info.Kind : BizConfErrorKind.NotSpecified;

    /// <summary>True for statuses worth trying again (the service's internal error).</summary>
    public static bool IsTransient(int status) => status == InternalError;

    // createDiyWebinar, updateDiyWebinar, getWebinarInfo and deleteWebinar (docs/API.md, "Webinars").
    private static bool IsWebinarEndpoint(string? endpoint) =>
        endpoint != null && endpoint.IndexOf("Webinar", StringComparison.OrdinalIgnoreCase) >= 0;

    private sealed record StatusInfo(string Name, string Message, BizConfErrorKind Kind);
}
