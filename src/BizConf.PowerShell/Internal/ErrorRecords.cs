namespace BizConf.PowerShell.Internal;

/// <summary>
/// The one place where failures become ErrorRecords. Every failure the client reports on purpose is a
/// <see cref="BizConfException"/>, which carries its own error id and kind; the kind maps onto an ErrorCategory
/// through an explicit table, so renaming a kind is a build error here, not a silent NotSpecified.
/// </summary>
internal static class ErrorRecords
{
    private static readonly string[] SiteTokenEndpoints = { "confAttendeeLog", "getConfLogListByConfNumber", "getConfLogListByJoinUrl", "getConfPolls" };

    public static ErrorRecord From(BizConfException exception, object? target) =>
        new ErrorRecord(exception, exception.ErrorId, Category(exception.Kind), target);

    /// <summary>
    /// An error that names its item on screen: the message starts with the item's label, and a refusal that may only
    /// mean the wrong account was asked says what to try (PowerShell shows it as the error's Recommendation).
    /// </summary>
    public static ErrorRecord ForItem(BizConfException exception, object? target, string? label)
    {
        var record = From(exception, target);
        var hint = AccountHint(exception, target);
        if (!string.IsNullOrEmpty(label) || hint != null)
        {
            record.ErrorDetails = new ErrorDetails(string.IsNullOrEmpty(label) ? exception.Message : label + ": " + exception.Message)
            {
                RecommendedAction = hint,
            };
        }

        return record;
    }

    /// <summary>
    /// For 401 from a call signed for one account: the service answers the same for a meeting (or webinar) that is
    /// gone and for one of another account of the site, and only asking that account would tell them apart, so the
    /// hint says "if". Reports are read with the site token, which sees every account's meetings, so there 401 only
    /// means gone; a piped object of this module already names its own account.
    /// </summary>
    private static string? AccountHint(BizConfException exception, object? target)
    {
        if (!(exception is BizConfApiException api) || !api.Is(BizConfStatus.MeetingNotFound) || Array.IndexOf(SiteTokenEndpoints, api.Endpoint) >= 0 ||
            (target is PSObject piped ? piped.BaseObject : target)?.GetType().Assembly == typeof(Meeting).Assembly)
        {
            return null;
        }

        var what = api.ErrorId == "WebinarNotFound" ? "webinar" : "meeting";
        return $"If the {what} belongs to another account of the site, give that account with -LoginName, or pipe the {what} object " +
            $"(from Get-BizConf{(what == "webinar" ? "Webinar" : "Meeting")} -LoginName <account>), which keeps its account.";
    }

    public static ErrorCategory Category(BizConfErrorKind kind) => kind switch
    {
        BizConfErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        BizConfErrorKind.AuthenticationError => ErrorCategory.AuthenticationError,
        BizConfErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        BizConfErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        BizConfErrorKind.WriteError => ErrorCategory.WriteError,
        BizConfErrorKind.ResourceExists => ErrorCategory.ResourceExists,
        BizConfErrorKind.NotImplemented => ErrorCategory.NotImplemented,
        BizConfErrorKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
        BizConfErrorKind.ConnectionError => ErrorCategory.ConnectionError,
        BizConfErrorKind.OperationTimeout => ErrorCategory.OperationTimeout,
        BizConfErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        BizConfErrorKind.InvalidResult => ErrorCategory.InvalidResult,
        BizConfErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
        BizConfErrorKind.NotSpecified => ErrorCategory.NotSpecified,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A failure kind without its ErrorCategory."),
    };
}
