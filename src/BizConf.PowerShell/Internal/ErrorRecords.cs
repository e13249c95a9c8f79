using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Internal;

/// <summary>
/// The one place where failures become ErrorRecords. Every failure the client reports on purpose is a
/// <see cref="BizConfException"/>, which carries its own error id and kind; the kind maps onto an ErrorCategory
/// through an explicit table, so renaming a kind is a build error here, not a silent NotSpecified.
/// </summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(BizConfException exception, object? target) =>
        new ErrorRecord(exception, exception.ErrorId, Category(exception.Kind), target);

    /// <summary>An error that names its item on screen: the message starts with the item's label.</summary>
    public static ErrorRecord ForItem(BizConfException exception, object? target, string? label)
    {
        var record = From(exception, target);
        if (!string.IsNullOrEmpty(label))
        {
            record.ErrorDetails = new ErrorDetails(label + ": " + exception.Message);
        }

        return record;
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
