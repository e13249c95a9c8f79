using System;

namespace BizConf;

/// <summary>
/// The request did not get an API answer: an HTTP error status (429, 5xx, ...), a timeout, a broken
/// connection, or a body that is not the API's JSON envelope.
/// </summary>
public sealed class BizConfTransportException : Exception
{
    public BizConfTransportException(string message, string endpoint, int? httpStatus = null,
        TimeSpan? retryAfter = null, bool isTimeout = false, Exception? inner = null)
        : base(message, inner)
    {
        Endpoint = endpoint;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
        IsTimeout = isTimeout;
    }

    public string Endpoint { get; }

    /// <summary>The same failure, with a note on what the client did about it added to the message.</summary>
    internal BizConfTransportException WithNote(string note) =>
        new BizConfTransportException(Message + " " + note, Endpoint, HttpStatus, RetryAfter, IsTimeout, InnerException);

    /// <summary>The HTTP status code, when the server answered at all.</summary>
    public int? HttpStatus { get; }

    /// <summary>The server's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsTimeout { get; }

    public BizConfErrorKind Kind =>
        IsTimeout ? BizConfErrorKind.OperationTimeout
        : HttpStatus == 429 || HttpStatus == 503 ? BizConfErrorKind.ResourceUnavailable
        : HttpStatus == 200 ? BizConfErrorKind.InvalidResult
        : BizConfErrorKind.ConnectionError;
}
