namespace BizConf.Emulator.Api;

/// <summary>Ends a request with an API status other than 100; the endpoint wrapper turns it into the envelope.</summary>
internal sealed class ApiFailureException : Exception
{
    public ApiFailureException(int status, string? detail = null)
        : base(detail is null ? ApiStatus.MessageFor(status) : $"{ApiStatus.MessageFor(status)} {detail}")
    {
        Status = status;
    }

    public int Status { get; }
}
