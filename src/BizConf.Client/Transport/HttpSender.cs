using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace BizConf.Transport;

/// <summary>
/// The end of the pipeline: hands one signed attempt to HTTP under its own deadline, reads a 200's body, and turns
/// everything else into a <see cref="BizConfTransportException"/> that says whether the request left this machine.
/// Redirects are never followed: the form carries a signed token and meeting passwords, and a redirect to another
/// host would hand them over (and a 301/302 would turn the POST into a GET there).
/// </summary>
internal sealed class HttpSender(HttpClient http, BizConfClientOptions options)
{
    public async Task SendAsync(ApiExchange exchange, CancellationToken cancellationToken)
    {
        var endpoint = exchange.Request.Endpoint;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        exchange.SentAt = options.Clock();
        HttpResponseMessage? response = null;
        try
        {
            // Headers first: the body is read below under the same deadline, with a cap, and only for a 200.
            response = await http.SendAsync(exchange.Http!, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status != HttpStatusCodes.Ok)
            {
                throw Unwanted(endpoint, status, response);
            }

            exchange.Body = await AnswerReader.ReadAsync(endpoint, response, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            exchange.State.MarkUnanswered(exchange.SentAt);
            throw new BizConfTransportException(
                $"The request to {endpoint} timed out after {Seconds(options.Timeout)} s.", endpoint, TransportFailure.TimedOut, inner: e);
        }
        catch (Exception e) when (e is HttpRequestException || e is System.IO.IOException)
        {
            if (ConnectFailure.ProxyRefusedTunnel(e))
            {
                // Refused before any byte reached BizConf, and refused again for as long as the credentials stay wrong.
                throw new BizConfTransportException(
                    $"The proxy refused to open a tunnel for {endpoint} (HTTP 407 Proxy Authentication Required), so the request did not reach BizConf: " +
                    ProxyAdvice(), endpoint, TransportFailure.HttpStatus, HttpStatusCodes.ProxyAuthenticationRequired, inner: e);
            }

            var notSent = ConnectFailure.Describe(e, exchange.Http!, options);
            if (notSent != null)
            {
                throw new BizConfTransportException(
                    $"The request to {endpoint} was not sent: {notSent}", endpoint, TransportFailure.NotSent, inner: e);
            }

            exchange.State.MarkUnanswered(exchange.SentAt);
            throw new BizConfTransportException(
                $"The request to {endpoint} failed: {e.Message}", endpoint, TransportFailure.ConnectionLost, inner: e);
        }
        finally
        {
            response?.Dispose();
        }
    }

    private BizConfTransportException Unwanted(string endpoint, int status, HttpResponseMessage response)
    {
        if (status >= 300 && status < 400)
        {
            var location = response.Headers.Location?.ToString() ?? "(none given)";
            return new BizConfTransportException(
                $"{endpoint} answered HTTP {status} ({response.ReasonPhrase}) with Location {EnvelopePolicy.Shorten(location)}. The module follows no " +
                "redirect, because the request carries a signed token and meeting passwords: nothing was sent there. If the service has moved, " +
                "connect with its new address in -BaseUri.", endpoint, TransportFailure.Redirect, status);
        }

        if (status == HttpStatusCodes.ProxyAuthenticationRequired)
        {
            return new BizConfTransportException(
                $"The proxy refused the request to {endpoint} (HTTP 407 Proxy Authentication Required), so it did not reach BizConf: " + ProxyAdvice(),
                endpoint, TransportFailure.HttpStatus, status);
        }

        return new BizConfTransportException(
            $"{endpoint} answered HTTP {status} ({response.ReasonPhrase}).", endpoint, TransportFailure.HttpStatus, status,
            ReadRetryAfter(response.Headers.RetryAfter));
    }

    private string ProxyAdvice() =>
        options.ProxyCredential != null || options.ProxyUseDefaultCredentials
            ? "it did not accept the credentials the session gives it (Connect-BizConf -ProxyCredential or -ProxyUseDefaultCredentials); check them."
            : "give the proxy's credentials with Connect-BizConf -ProxyCredential, or -ProxyUseDefaultCredentials.";

    private static TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta != null)
        {
            return header.Delta;
        }

        return header?.Date != null ? header.Date.Value - DateTimeOffset.UtcNow : (TimeSpan?)null;
    }

    internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The HTTP client of one session: no redirects, the proxy asked for (or the system's), TLS errors kept for the message.</summary>
    public static HttpClient CreateClient(BizConfClientOptions options)
    {
        if (options.Handler != null)
        {
            return new HttpClient(options.Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        }

        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseProxy = true,
            ServerCertificateCustomValidationCallback = ConnectFailure.RecordCertificateErrors,
        };
        if (options.Proxy != null)
        {
            // Credentials only: WebProxy.UseDefaultCredentials is a view of Credentials, and setting it false clears them.
            handler.Proxy = new WebProxy(options.Proxy)
            {
                BypassProxyOnLocal = false,
                Credentials = options.ProxyCredential ?? (options.ProxyUseDefaultCredentials ? CredentialCache.DefaultCredentials : null),
            };
        }
        else if (options.ProxyCredential != null || options.ProxyUseDefaultCredentials)
        {
            handler.DefaultProxyCredentials = options.ProxyCredential ?? CredentialCache.DefaultCredentials;
        }

        // Each attempt gets its own deadline, so that a timeout can be told apart from a cancellation.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
