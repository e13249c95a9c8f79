using System.Collections.Generic;

namespace BizConf;

/// <summary>The API's status codes (API.md section 4) with their English meaning.</summary>
public static class BizConfStatus
{
    public const int Success = 100;
    public const int AuthenticationFailed = 102;
    public const int InternalError = 103;
    public const int MeetingNotFound = 401;

    private static readonly Dictionary<int, StatusInfo> Known = new Dictionary<int, StatusInfo>
    {
        [101] = new StatusInfo("AccountNotFound", "The account (loginName) does not exist.", BizConfErrorKind.ObjectNotFound),
        [102] = new StatusInfo("AuthenticationFailed", "Authentication failed: check the API key, and that each token is new.", BizConfErrorKind.AuthenticationError),
        [103] = new StatusInfo("ServiceInternalError", "The BizConf service had an internal error.", BizConfErrorKind.NotSpecified),
        [104] = new StatusInfo("InvalidMeetingParameter", "A meeting parameter is invalid.", BizConfErrorKind.InvalidArgument),
        [106] = new StatusInfo("InvalidSite", "The site (siteSign) is invalid.", BizConfErrorKind.InvalidArgument),
        [108] = new StatusInfo("AccountLocked", "The account is locked.", BizConfErrorKind.PermissionDenied),
        [109] = new StatusInfo("InvalidParameter", "A parameter is invalid.", BizConfErrorKind.InvalidArgument),
        [112] = new StatusInfo("UpdateFailed", "The update failed.", BizConfErrorKind.WriteError),
        [201] = new StatusInfo("InvalidMeetingTime", "The meeting time is invalid (in the past, or a bad duration).", BizConfErrorKind.InvalidArgument),
        [202] = new StatusInfo("MeetingConflict", "The meeting overlaps another meeting on this account.", BizConfErrorKind.ResourceExists),
        [203] = new StatusInfo("OverflowNotSupported", "Overflow is not supported.", BizConfErrorKind.NotImplemented),
        [205] = new StatusInfo("NoMeetingResources", "The site has no free meeting resources (licences).", BizConfErrorKind.LimitsExceeded),
        [401] = new StatusInfo("MeetingNotFound", "The meeting does not exist, is cancelled, or belongs to another user.", BizConfErrorKind.ObjectNotFound),
        [402] = new StatusInfo("MeetingRoomNotFound", "The meeting room does not exist.", BizConfErrorKind.ObjectNotFound),
    };

    // The webinar endpoints answer with the meeting statuses; their English says "webinar" where the status names
    // the thing called for, so an error about a webinar does not talk of a meeting.
    private static readonly Dictionary<int, string> WebinarMessages = new Dictionary<int, string>
    {
        [201] = "The webinar time is invalid (in the past, or a bad duration).",
        [401] = "The webinar does not exist, was deleted, or belongs to another user.",
    };

    /// <summary>A short PascalCase name for the status, used in error ids (e.g. MeetingConflict).</summary>
    public static string Name(int status) =>
        Known.TryGetValue(status, out var info) ? info.Name : "UnknownStatus" + status;

    /// <summary>The English meaning of the status.</summary>
    public static string Describe(int status) =>
        Known.TryGetValue(status, out var info) ? info.Message : "The BizConf service answered with the unknown status " + status + ".";

    /// <summary>The English meaning of the status as <paramref name="endpoint"/> answered it: webinar endpoints speak of the webinar.</summary>
    /// <summary>The status name as <paramref name="endpoint"/> answered it: WebinarNotFound rather than MeetingNotFound.</summary>
    public static string Name(int status, string endpoint) =>
        IsWebinarEndpoint(endpoint) && WebinarMessages.ContainsKey(status) ? Name(status).Replace("Meeting", "Webinar") : Name(status);

    public static string Describe(int status, string endpoint) =>
        IsWebinarEndpoint(endpoint) && WebinarMessages.TryGetValue(status, out var message) ? message : Describe(status);

    /// <summary>The kind of failure; it maps one to one onto PowerShell's ErrorCategory.</summary>
    public static BizConfErrorKind Kind(int status) =>
        Known.TryGetValue(status, out var info) ? info.Kind : BizConfErrorKind.NotSpecified;

    /// <summary>True for statuses worth trying again (the service's internal error).</summary>
    public static bool IsTransient(int status) => status == InternalError;

    // createDiyWebinar, updateDiyWebinar, getWebinarInfo and deleteWebinar: API.md 5.4 names every one for webinars.
    private static bool IsWebinarEndpoint(string? endpoint) =>
        endpoint != null && endpoint.IndexOf("Webinar", System.StringComparison.OrdinalIgnoreCase) >= 0;

    private sealed class StatusInfo
    {
        public StatusInfo(string name, string message, BizConfErrorKind kind)
        {
            Name = name;
            Message = message;
            Kind = kind;
        }

        public string Name { get; }
        public string Message { get; }
        public BizConfErrorKind Kind { get; }
    }
}

/// <summary>
/// Failure kinds, named after PowerShell's ErrorCategory members so the module maps them by name
/// while the client stays free of any PowerShell reference.
/// </summary>
public enum BizConfErrorKind
{
    NotSpecified,
    ObjectNotFound,
    AuthenticationError,
    InvalidArgument,
    PermissionDenied,
    WriteError,
    ResourceExists,
    NotImplemented,
    LimitsExceeded,
    ConnectionError,
    OperationTimeout,
    ResourceUnavailable,
    InvalidResult,
}
