namespace BizConf;

/// <summary>How a request failed to get an API answer.</summary>
public enum TransportFailure
{
    /// <summary>The request never left this machine: the connection was refused, the name did not resolve, TLS failed, or a proxy refused the tunnel.</summary>
    NotSent,

    /// <summary>Sent, and no answer came within the timeout.</summary>
    TimedOut,

    /// <summary>Sent, and the connection broke before a whole answer came.</summary>
    ConnectionLost,

    /// <summary>An HTTP status other than 200 (see <see cref="BizConfTransportException.HttpStatus"/>).</summary>
    HttpStatus,

    /// <summary>A redirect (3xx), which the module never follows: the form carries a token and meeting passwords.</summary>
    Redirect,

    /// <summary>HTTP 200 with a body that is not the API's envelope.</summary>
    BadAnswer,
}

/// <summary>
/// The request did not get an API answer: it was not sent, timed out, lost its connection, was answered with an
/// HTTP error or a redirect, or with a body that is not the API's JSON envelope.
/// </summary>
public sealed class BizConfTransportException : BizConfException
{
    /// <summary>A failure of <paramref name="endpoint"/>; <paramref name="failure"/> says how it failed.</summary>
    public BizConfTransportException(string message, string endpoint, TransportFailure failure, int? httpStatus = null,
        TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Endpoint = endpoint;
        Failure = failure;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
    }

    /// <summary>The endpoint called, e.g. confReservation.</summary>
    public string Endpoint { get; }

    /// <summary>How the request failed.</summary>
    public TransportFailure Failure { get; }

    /// <summary>The HTTP status code, when the server answered at all.</summary>
    public int? HttpStatus { get; }

    /// <summary>The server's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when no answer came within the timeout.</summary>
    public bool IsTimeout => Failure == TransportFailure.TimedOut;

    /// <summary>True for HTTP 429 and 503: the service turned the request away without doing it, and asks to come back.</summary>
    public bool IsTurnedAway => HttpStatus == HttpStatusCodes.TooManyRequests || HttpStatus == HttpStatusCodes.ServiceUnavailable;

    /// <summary>True for HTTP 429: the service rations requests.</summary>
    public bool IsRationed => HttpStatus == HttpStatusCodes.TooManyRequests;

    /// <inheritdoc/>
    public override string ErrorId => Failure switch
    {
        TransportFailure.NotSent => "RequestNotSent",
        TransportFailure.TimedOut => "RequestTimedOut",
        TransportFailure.ConnectionLost => "ConnectionFailed",
        TransportFailure.Redirect => "RedirectNotFollowed",
        TransportFailure.BadAnswer => "HttpStatus200",
        _ => HttpStatus == HttpStatusCodes.ProxyAuthenticationRequired ? "ProxyAuthenticationRequired" : "HttpStatus" + HttpStatus,
    };

    /// <inheritdoc/>
    public override BizConfErrorKind Kind => Failure switch
    {
        TransportFailure.TimedOut => BizConfErrorKind.OperationTimeout,
        TransportFailure.BadAnswer => BizConfErrorKind.InvalidResult,
        TransportFailure.HttpStatus when IsTurnedAway => BizConfErrorKind.ResourceUnavailable,
        TransportFailure.HttpStatus when HttpStatus == HttpStatusCodes.ProxyAuthenticationRequired => BizConfErrorKind.AuthenticationError,
        _ => BizConfErrorKind.ConnectionError,
    };

    /// <summary>
    /// Sent and unanswered (a timeout, a broken connection), or answered with a server error other than 503, or a body
    /// that is not the envelope: the service may have done the work. Not sent, turned away (429, 503), redirected or
    /// refused by a proxy: it did not.
    /// </summary>
    public override RequestOutcome Outcome => Failure switch
    {
        TransportFailure.TimedOut or TransportFailure.ConnectionLost or TransportFailure.BadAnswer => RequestOutcome.MayHaveBeenCarriedOut,
        TransportFailure.HttpStatus when HttpStatus >= 500 && !IsTurnedAway => RequestOutcome.MayHaveBeenCarriedOut,
        _ => RequestOutcome.NotCarriedOut,
    };

    internal override BizConfException WithNote(string note) =>
        new BizConfTransportException(Noted(note), Endpoint, Failure, HttpStatus, RetryAfter, InnerException);
}

/// <summary>The HTTP statuses the client treats apart from the rest.</summary>
public static class HttpStatusCodes
{
    /// <summary>A proxy on the way wants credentials.</summary>
    public const int ProxyAuthenticationRequired = 407;

    /// <summary>The service rations requests: come back after Retry-After.</summary>
    public const int TooManyRequests = 429;

    /// <summary>The service is busy: come back after Retry-After.</summary>
    public const int ServiceUnavailable = 503;

    /// <summary>The only status the API answers with.</summary>
    public const int Ok = 200;
}
