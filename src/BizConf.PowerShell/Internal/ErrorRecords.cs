using System;
using System.Management.Automation;

namespace BizConf.PowerShell.Internal;

/// <summary>The one place where exceptions become ErrorRecords, with ids of the form &lt;Condition&gt;.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception exception, object? target)
    {
        switch (exception)
        {
            case BizConfApiException api:
                return new ErrorRecord(api, BizConfStatus.Name(api.Status, api.Endpoint), Category(api.Kind), target);
            case BizConfTransportException transport:
                var id = transport.IsTimeout ? "RequestTimedOut"
                    : transport.HttpStatus.HasValue ? "HttpStatus" + transport.HttpStatus.Value
                    : "ConnectionFailed";
                return new ErrorRecord(transport, id, Category(transport.Kind), target);
            case ArgumentException argument:
                var parameter = string.IsNullOrEmpty(argument.ParamName) ? string.Empty : argument.ParamName;
                var clean = argument as BizConfArgumentException ?? new BizConfArgumentException(StripParamSuffix(argument), parameter, argument);
                return new ErrorRecord(clean, "InvalidArgument" + parameter, ErrorCategory.InvalidArgument, target);
            case BizConfOperationException operation:
                return new ErrorRecord(operation, operation.ErrorId, ErrorCategory.InvalidOperation, target);
            case InvalidOperationException invalid:
                return new ErrorRecord(invalid, "InvalidOperation", ErrorCategory.InvalidOperation, target);
            default:
                return new ErrorRecord(exception, "UnexpectedError", ErrorCategory.NotSpecified, target);
        }
    }

    public static ErrorCategory Category(BizConfErrorKind kind) =>
        Enum.TryParse<ErrorCategory>(kind.ToString(), out var category) ? category : ErrorCategory.NotSpecified;

    /// <summary>ArgumentException appends " (Parameter 'x')" to its message; the error id and text already name it.</summary>
    private static string StripParamSuffix(ArgumentException argument)
    {
        var message = argument.Message;
        var suffix = message.IndexOf(Environment.NewLine + "Parameter name:", StringComparison.Ordinal);
        if (suffix < 0)
        {
            suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        }

        return suffix < 0 ? message : message.Substring(0, suffix);
    }
}
