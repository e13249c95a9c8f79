using System;

namespace BizConf;

/// <summary>The service answered with a status other than 100.</summary>
public sealed class BizConfApiException : Exception
{
    public BizConfApiException(int status, string? serverMessage, string endpoint)
        : this(status, serverMessage, endpoint, null)
    {
    }

    /// <summary>With a note on what the client did about it (gave up after retries, did not repeat).</summary>
    public BizConfApiException(int status, string? serverMessage, string endpoint, string? note)
        : base(BuildMessage(status, serverMessage, endpoint) + (string.IsNullOrEmpty(note) ? string.Empty : " " + note))
    {
        Status = status;
        ServerMessage = serverMessage ?? string.Empty;
        Endpoint = endpoint;
    }

    /// <summary>The API status, e.g. 202.</summary>
    public int Status { get; }

    /// <summary>The server's own message, as sent (it may be Chinese).</summary>
    public string ServerMessage { get; }

    /// <summary>The endpoint that answered, e.g. confReservation.</summary>
    public string Endpoint { get; }

    /// <summary>The English meaning of <see cref="Status"/>, worded for the endpoint (a webinar endpoint speaks of the webinar).</summary>
    public string StatusMessage => BizConfStatus.Describe(Status, Endpoint);

    public BizConfErrorKind Kind => BizConfStatus.Kind(Status);

    private static string BuildMessage(int status, string? serverMessage, string endpoint)
    {
        var text = $"BizConf status {status} from {endpoint}: {BizConfStatus.Describe(status, endpoint)}";
        return string.IsNullOrWhiteSpace(serverMessage) ? text : $"{text} Server message: {serverMessage}";
    }
}
