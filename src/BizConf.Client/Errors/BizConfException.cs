namespace BizConf;

/// <summary>
/// The base of every failure the client reports on purpose: the service's status, the transport, input refused
/// before sending, or a call that cannot be made as asked. Anything else that escapes the client is a bug, and
/// the module lets it stop the pipeline instead of writing it as a row's error.
/// </summary>
public abstract class BizConfException : Exception
{
    /// <summary>Makes a failure with its full message.</summary>
    protected BizConfException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    /// <summary>The condition, as PowerShell error ids name it (MeetingConflict, RequestTimedOut, InvalidArgumentStartTime).</summary>
    public abstract string ErrorId { get; }

    /// <summary>The kind of failure; it maps one to one onto PowerShell's ErrorCategory.</summary>
    public abstract BizConfErrorKind Kind { get; }

    /// <summary>Whether the service may have carried the request out although this failure was seen.</summary>
    public virtual RequestOutcome Outcome => RequestOutcome.NotCarriedOut;

    /// <summary>The same failure with a sentence on what the client did about it added to its message.</summary>
    internal abstract BizConfException WithNote(string note);

    /// <summary>The message with a note after it, one space between.</summary>
    protected string Noted(string note) => string.IsNullOrEmpty(note) ? Message : Message + " " + note;
}

/// <summary>What a failed request may have left behind on the service.</summary>
public enum RequestOutcome
{
    /// <summary>Nothing was done: the request never left, was turned away, or was refused with a status.</summary>
    NotCarriedOut,

    /// <summary>The request may have been carried out: it was sent and no clear answer came (a timeout, a broken connection, status 103).</summary>
    MayHaveBeenCarriedOut,
}

/// <summary>
/// Failure kinds, one for each PowerShell ErrorCategory the module uses; the module maps them with an explicit
/// table, so a renamed member is a build error there, never a silent NotSpecified.
/// </summary>
public enum BizConfErrorKind
{
    /// <summary>No better kind fits.</summary>
    NotSpecified,

    /// <summary>An account, meeting or webinar that does not exist (or is not this account's).</summary>
    ObjectNotFound,

    /// <summary>The signature was refused, or a proxy wants credentials.</summary>
    AuthenticationError,

    /// <summary>A value the service or the input rules refuse.</summary>
    InvalidArgument,

    /// <summary>The account is locked.</summary>
    PermissionDenied,

    /// <summary>The service could not store a change.</summary>
    WriteError,

    /// <summary>The change clashes with what exists (an overlapping meeting).</summary>
    ResourceExists,

    /// <summary>The service does not offer what was asked.</summary>
    NotImplemented,

    /// <summary>The site has no free licence.</summary>
    LimitsExceeded,

    /// <summary>The connection failed, or the answer was a redirect the module does not follow.</summary>
    ConnectionError,

    /// <summary>No answer came within the timeout.</summary>
    OperationTimeout,

    /// <summary>The service is busy (HTTP 429 or 503) and asked to come back later.</summary>
    ResourceUnavailable,

    /// <summary>An answer that is not the API's envelope.</summary>
    InvalidResult,

    /// <summary>A call that cannot be made as asked (no site sign, a closed session).</summary>
    InvalidOperation,
}
