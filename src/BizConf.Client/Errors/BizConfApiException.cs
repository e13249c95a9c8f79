namespace BizConf;

/// <summary>The service answered with a status other than success.</summary>
public sealed class BizConfApiException : BizConfException
{
    /// <summary>The service's answer <paramref name="status"/> from <paramref name="endpoint"/>, with its own message.</summary>
    public BizConfApiException(int status, string? serverMessage, string endpoint)
        : this(status, serverMessage, endpoint, null)
    {
    }

    /// <summary>With a note on what the client did about it (gave up after retries, did not repeat).</summary>
    public BizConfApiException(int status, string? serverMessage, string endpoint, string? note)
        : base(BuildMessage(status, serverMessage, endpoint) + (string.IsNullOrEmpty(note) ? string.Empty : " " + note), null)
    {
        Status = status;
        ServerMessage = serverMessage ?? string.Empty;
        Endpoint = endpoint;
    }

    /// <summary>The API status, e.g. 202 (<see cref="BizConfStatus"/> names each one).</summary>
    public int Status { get; }

    /// <summary>The server's own message, as sent (it may be Chinese).</summary>
    public string ServerMessage { get; }

    /// <summary>The endpoint that answered, e.g. confReservation.</summary>
    public string Endpoint { get; }

    /// <summary>The English meaning of <see cref="Status"/>, worded for the endpoint (a webinar endpoint speaks of the webinar).</summary>
    public string StatusMessage => BizConfStatus.Describe(Status, Endpoint);

    /// <inheritdoc/>
    public override string ErrorId => BizConfStatus.Name(Status, Endpoint);

    /// <inheritdoc/>
    public override BizConfErrorKind Kind => BizConfStatus.Kind(Status);

    /// <summary>The service's internal error may come after the work was done; every other status refused it.</summary>
    public override RequestOutcome Outcome =>
        BizConfStatus.IsTransient(Status) ? RequestOutcome.MayHaveBeenCarriedOut : RequestOutcome.NotCarriedOut;

    internal override BizConfException WithNote(string note) => new BizConfApiException(Status, ServerMessage, Endpoint, note);

    /// <summary>True when the status is <paramref name="status"/>.</summary>
    public bool Is(int status) => Status == status;

    private static string BuildMessage(int status, string? serverMessage, string endpoint)
    {
        var text = $"BizConf status {status} from {endpoint}: {BizConfStatus.Describe(status, endpoint)}";
        return string.IsNullOrWhiteSpace(serverMessage) ? text : $"{text} Server message: {serverMessage}";
    }
}
