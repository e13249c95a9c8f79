using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace BizConf.Transport;

/// <summary>
/// Signs, encodes, sends and decodes one API call, with retries. The only place that speaks HTTP, and the
/// only place that maps a failed answer to an exception.
/// </summary>
internal sealed class ApiTransport : IDisposable
{
    /// <summary>
    /// Fields whose values stay out of log lines: passwords let anyone into a meeting, a stream key lets anyone
    /// broadcast into it.
    /// </summary>
    private static readonly HashSet<string> SecretFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "hostKey", "password", "pwd", "streamKey", "token",
    };

    /// <summary>
    /// The longest answer read. Nothing in this API comes near it (a full page of meetings is a few kilobytes); an
    /// answer past it is a wrong server or a broken proxy, and reading it whole would only spend memory.
    /// </summary>
    internal const int MaxAnswerBytes = 32 * 1024 * 1024;

    private readonly HttpClient http;
    private readonly BizConfClientOptions options;
    private readonly Signer signer;

    // Cancelled by Dispose, and linked into every call: a call in flight when the session closes ends at once
    // with its own clear failure, and a call that starts afterwards fails before it sends. It is never disposed,
    // so a call that starts after Dispose can still read it.
    private readonly CancellationTokenSource closing = new CancellationTokenSource();

    public ApiTransport(BizConfClientOptions options, Signer signer)
    {
        this.options = options;
        this.signer = signer;
        http = options.Handler == null ? new HttpClient() : new HttpClient(options.Handler, disposeHandler: false);
        // Each attempt gets its own deadline below, so that a timeout can be told apart from a cancellation.
        http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    public async Task<JsonElement> SendAsync(ApiCall call, CancellationToken cancellationToken)
    {
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, closing.Token))
        {
            try
            {
                return await SendWithRetriesAsync(call, linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (closing.IsCancellationRequested && !cancellationToken.IsCancellationRequested &&
                (e is OperationCanceledException || e is ObjectDisposedException))
            {
                // HttpClient refuses a request once disposed (nothing sent) and cancels those in flight.
                throw Closed(call, sent: e is OperationCanceledException, e);
            }
        }
    }

    /// <summary>Cancels every call in flight (each fails as closed, not as timed out) and closes the connection.</summary>
    public void Dispose()
    {
        closing.Cancel();
        http.Dispose();
    }

    private static BizConfOperationException Closed(ApiCall call, bool sent, Exception? inner = null) =>
        new BizConfOperationException(
            sent
                ? $"The session was closed by Disconnect-BizConf while {call.Endpoint} was under way; its outcome is unknown."
                : $"The session was closed by Disconnect-BizConf; {call.Endpoint} was not sent.",
            "BizConfSessionClosed", inner);

    private async Task<JsonElement> SendWithRetriesAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var clashRepeated = false;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter;
            Exception failure;
            string? looked = null;
            if (closing.IsCancellationRequested)
            {
                throw Closed(call, sent: attempt > 1);
            }

            // A caller that has already given up gets no request signed, logged or handed to the handler.
            cancellationToken.ThrowIfCancellationRequested();

            try
            {
                return await SendOnceAsync(call, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (BizConfApiException e) when (e.Status == BizConfStatus.AuthenticationFailed && !clashRepeated)
            {
                // Most often another process signing with the same key took this millisecond's timestamp. A 102
                // means nothing was done, so any call may be sent once more, after a short random wait, with a
                // fresh timestamp from a lane of milliseconds that the other process is less likely to use (see
                // Signer.ClashSeen). A wrong key fails again and is reported then.
                clashRepeated = true;
                attempt--;
                signer.ClashSeen(options.Clock);
                var wait = TimeSpan.FromMilliseconds(5 + (45 * options.Jitter()));
                Log($"{e.Message} Sending once more with a fresh timestamp in {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s, in case another process used the same one.");
                await options.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception e) when (MayHaveBeenCarriedOut(e))
            {
                call.AmbiguousFailures++;
                if (!call.SafeToRepeat && call.LookBeforeRepeat == null)
                {
                    throw WithNote(e, call.NotRepeatedNote ?? NotRepeated);
                }

                if (call.LookBeforeRepeat != null)
                {
                    var look = await call.LookBeforeRepeat(cancellationToken).ConfigureAwait(false);
                    if (look.Outcome == LookOutcome.Found)
                    {
                        Log($"{e.Message} {look.Said}");
                        throw new RequestCarriedOutException();
                    }

                    if (look.Outcome == LookOutcome.Unknown)
                    {
                        throw WithNote(e, look.Said);
                    }

                    looked = look.Said;
                }

                failure = e;
                retryAfter = null;
            }
            catch (BizConfTransportException e) when (e.HttpStatus == 429 || e.HttpStatus == 503)
            {
                // The server turned the request away unprocessed: safe to repeat for any call.
                failure = e;
                retryAfter = e.RetryAfter;
            }

            var before = looked == null ? string.Empty : looked + " ";
            if (attempt > options.MaxRetry)
            {
                throw WithNote(failure, $"{before}Gave up after {attempt} attempts.");
            }

            var delay = RetryDelay(options, attempt, retryAfter);
            Log($"{failure.Message} {before}Trying again in {delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (retry {attempt} of {options.MaxRetry}).");
            await options.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether a failure may hide a request that the service carried out: a timeout, a broken connection, an
    /// HTTP 5xx other than 503 (which turns the request away), or status 103.
    /// </summary>
    internal static bool MayHaveBeenCarriedOut(Exception e) =>
        (e is BizConfApiException api && BizConfStatus.IsTransient(api.Status))
        || (e is BizConfTransportException transport
            && (transport.IsTimeout || transport.HttpStatus == null || (transport.HttpStatus >= 500 && transport.HttpStatus != 503)));

    /// <summary>
    /// The wait before retry <paramref name="attempt"/>: the server's Retry-After in full (never cut), with up to
    /// one base delay added; otherwise "full jitter", a random share of the doubling back-off, capped. Random
    /// waits keep parallel workers that failed together from retrying together.
    /// </summary>
    internal static TimeSpan RetryDelay(BizConfClientOptions options, int attempt, TimeSpan? retryAfter)
    {
        var jitter = Math.Min(1.0, Math.Max(0.0, options.Jitter()));
        if (retryAfter.HasValue)
        {
            var asked = retryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : retryAfter.Value;
            return asked + TimeSpan.FromTicks((long)(options.RetryBaseDelay.Ticks * jitter));
        }

        var ceiling = TimeSpan.FromTicks(options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt - 1, 16)));
        if (ceiling > options.MaxRetryDelay)
        {
            ceiling = options.MaxRetryDelay;
        }

        return TimeSpan.FromTicks((long)(ceiling.Ticks * jitter));
    }

    /// <summary>The same failure with a note on what the client did about it added to its message.</summary>
    internal static Exception WithNote(Exception failure, string note) =>
        failure is BizConfApiException api
            ? new BizConfApiException(api.Status, api.ServerMessage, api.Endpoint, note)
            : ((BizConfTransportException)failure).WithNote(note);

    /// <summary>Said of a failure that may hide a request carried out, on a call that must not be sent twice.</summary>
    private const string NotRepeated =
        "It was not tried again, because the request may have been carried out: check its result before sending it again.";

    private async Task<JsonElement> SendOnceAsync(ApiCall call, int attempt, CancellationToken cancellationToken)
    {
        using (var request = BuildRequest(call))
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(options.Timeout);
            Log($"{call.Method} {call.Endpoint} (attempt {attempt}): {DescribeFields(call)}");
            HttpResponseMessage? response = null;
            try
            {
                // Headers first: the body is read below under the same deadline, with a cap, and only for a 200.
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    var status = (int)response.StatusCode;
                    throw new BizConfTransportException(
                        $"{call.Endpoint} answered HTTP {status} ({response.ReasonPhrase}).",
                        call.Endpoint, status, ReadRetryAfter(response.Headers.RetryAfter));
                }

                var body = await ReadBodyAsync(call.Endpoint, response, deadline.Token).ConfigureAwait(false);
                return ParseEnvelope(call.Endpoint, body);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new BizConfTransportException(
                    $"The request to {call.Endpoint} timed out after {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.",
                    call.Endpoint, isTimeout: true, inner: e);
            }
            catch (Exception e) when (e is HttpRequestException || e is System.IO.IOException)
            {
                throw new BizConfTransportException(
                    $"The request to {call.Endpoint} failed: {e.Message}", call.Endpoint, inner: e);
            }
            finally
            {
                response?.Dispose();
            }
        }
    }

    /// <summary>
    /// The body as text, in the charset the answer names (UTF-8 when it names none), refusing what cannot be read
    /// for sure: a charset this machine does not know, bytes that are not valid in it, or more than
    /// <see cref="MaxAnswerBytes"/>. Each is a transport failure that names the endpoint, never a guess.
    /// </summary>
    private static async Task<string> ReadBodyAsync(string endpoint, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var encoding = AnswerEncoding(endpoint, response.Content.Headers.ContentType?.CharSet);
        if (response.Content.Headers.ContentLength > MaxAnswerBytes)
        {
            throw TooLarge(endpoint);
        }

        byte[] bytes;
        using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
        using (var buffer = new System.IO.MemoryStream())
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxAnswerBytes)
                {
                    throw TooLarge(endpoint);
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }

        try
        {
            var text = encoding.GetString(bytes);
            // A byte order mark is not part of the JSON text.
            return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new BizConfTransportException(
                $"{endpoint} answered with bytes that are not valid {encoding.WebName} text.", endpoint, 200, inner: e);
        }
    }

    private static Encoding AnswerEncoding(string endpoint, string? charset)
    {
        var name = charset?.Trim().Trim('"');
        if (string.IsNullOrEmpty(name))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        }

        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException e)
        {
            throw new BizConfTransportException(
                $"{endpoint} answered in the charset '{name}', which this machine cannot read.", endpoint, 200, inner: e);
        }
    }

    private static BizConfTransportException TooLarge(string endpoint) =>
        new BizConfTransportException(
            $"{endpoint} answered with more than {MaxAnswerBytes / (1024 * 1024)} MB; no answer of this API is that large, so it was not read.",
            endpoint, 200);

    /// <summary>Checks the API envelope and returns its root object; a status other than 100 throws.</summary>
    internal static JsonElement ParseEnvelope(string endpoint, string body)
    {
        JsonElement root;
        try
        {
            using (var document = JsonDocument.Parse(body))
            {
                root = document.RootElement.Clone();
            }
        }
        catch (JsonException e)
        {
            throw new BizConfTransportException(
                $"{endpoint} answered with something that is not JSON: {Shorten(body)}", endpoint, 200, inner: e);
        }

        var status = root.ValueKind == JsonValueKind.Object ? Json.Int32(root, "status") : null;
        if (status == null)
        {
            throw new BizConfTransportException(
                $"{endpoint} answered JSON without a numeric status: {Shorten(body)}", endpoint, 200);
        }

        if (status != BizConfStatus.Success)
        {
            throw new BizConfApiException(status.Value, Json.String(root, "message"), endpoint);
        }

        return root;
    }

    private HttpRequestMessage BuildRequest(ApiCall call)
    {
        var timeStamp = signer.NextTimeStamp(options.Clock).ToString(CultureInfo.InvariantCulture);
        var fields = new List<KeyValuePair<string, string>>();
        if (call.Token == TokenKind.Account)
        {
            var loginName = call.LoginName ?? options.LoginName;
            fields.Add(Field("loginName", loginName));
            fields.Add(Field("timeStamp", timeStamp));
            fields.Add(Field("token", signer.AccountToken(loginName, timeStamp)));
        }
        else
        {
            fields.Add(Field("siteSign", options.SiteSign ?? string.Empty));
            fields.Add(Field("timeStamp", timeStamp));
            fields.Add(Field("token", signer.SiteToken(timeStamp)));
        }

        fields.AddRange(call.Fields);
        var encoded = Encode(fields);
        var uri = new Uri(options.BaseUri, call.Endpoint);
        if (call.Method == HttpMethod.Get)
        {
            return new HttpRequestMessage(HttpMethod.Get, new UriBuilder(uri) { Query = encoded }.Uri);
        }

        return new HttpRequestMessage(call.Method, uri)
        {
            Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
    }

    /// <summary>UTF-8 percent-encoding of every name and value, joined with &amp;.</summary>
    internal static string Encode(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(Uri.EscapeDataString(field.Key)).Append('=').Append(Uri.EscapeDataString(field.Value));
        }

        return text.ToString();
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new KeyValuePair<string, string>(name, value);

    private static TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta != null)
        {
            return header.Delta;
        }

        return header?.Date != null ? header.Date.Value - DateTimeOffset.UtcNow : (TimeSpan?)null;
    }

    private static string DescribeFields(ApiCall call)
    {
        var text = new StringBuilder();
        foreach (var field in call.Fields)
        {
            var shown = SecretFields.Contains(field.Key) ? "(hidden)" : Shorten(field.Value);
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(field.Key).Append('=').Append(shown);
        }

        return text.Length == 0 ? "(no fields)" : text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";

    private void Log(string line) => options.Log?.Invoke(line);
}
