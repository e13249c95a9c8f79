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

namespace BizConf.Transport
{
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

        private readonly HttpClient http;
        private readonly BizConfClientOptions options;
        private readonly Signer signer;

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
            for (var attempt = 1; ; attempt++)
            {
                // A caller that has already given up gets no request signed, logged or handed to the handler.
                cancellationToken.ThrowIfCancellationRequested();
                TimeSpan? retryAfter;
                Exception failure;
                try
                {
                    return await SendOnceAsync(call, attempt, cancellationToken).ConfigureAwait(false);
                }
                catch (BizConfApiException e) when (BizConfStatus.IsTransient(e.Status) && call.SafeToRepeat)
                {
                    failure = e;
                    retryAfter = null;
                }
                catch (BizConfApiException e) when (BizConfStatus.IsTransient(e.Status))
                {
                    throw new BizConfApiException(e.Status, e.ServerMessage, e.Endpoint, NotRepeated);
                }
                catch (BizConfTransportException e) when (IsRetryable(e, call))
                {
                    failure = e;
                    retryAfter = e.RetryAfter;
                }
                catch (BizConfTransportException e) when (e.HttpStatus == null || e.HttpStatus >= 500)
                {
                    throw e.WithNote(NotRepeated);
                }

                if (attempt > options.MaxRetry)
                {
                    throw failure is BizConfTransportException transport
                        ? transport.WithNote($"Gave up after {attempt} attempts.")
                        : new BizConfApiException(((BizConfApiException)failure).Status, ((BizConfApiException)failure).ServerMessage, call.Endpoint, $"Gave up after {attempt} attempts.");
                }

                var delay = RetryDelay(attempt, retryAfter);
                Log($"{failure.Message} Trying again in {delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (retry {attempt} of {options.MaxRetry}).");
                await options.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        public void Dispose() => http.Dispose();

        /// <summary>Said of a failure that may hide a request carried out, on a call that must not be sent twice.</summary>
        private const string NotRepeated =
            "It was not tried again, because the request may have been carried out: check its result before sending it again.";

        private static bool IsRetryable(BizConfTransportException e, ApiCall call)
        {
            // 429 and 503 mean the server turned the request away unprocessed: safe to repeat for any call.
            if (e.HttpStatus == 429 || e.HttpStatus == 503)
            {
                return true;
            }

            // A timeout or a broken connection may hide a request that was carried out.
            return call.SafeToRepeat && (e.IsTimeout || e.HttpStatus == null || e.HttpStatus >= 500);
        }

        private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
        {
            var delay = retryAfter ?? TimeSpan.FromTicks(options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt - 1, 16)));
            return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        private async Task<JsonElement> SendOnceAsync(ApiCall call, int attempt, CancellationToken cancellationToken)
        {
            using (var request = BuildRequest(call))
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(options.Timeout);
                Log($"{call.Method} {call.Endpoint} (attempt {attempt}): {DescribeFields(call)}");
                HttpResponseMessage response;
                string body;
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
                    body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new BizConfTransportException(
                        $"The request to {call.Endpoint} timed out after {options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.",
                        call.Endpoint, isTimeout: true, inner: e);
                }
                catch (HttpRequestException e)
                {
                    throw new BizConfTransportException(
                        $"The request to {call.Endpoint} failed: {e.Message}", call.Endpoint, inner: e);
                }

                using (response)
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        var status = (int)response.StatusCode;
                        throw new BizConfTransportException(
                            $"{call.Endpoint} answered HTTP {status} ({response.ReasonPhrase}).",
                            call.Endpoint, status, ReadRetryAfter(response.Headers.RetryAfter));
                    }

                    return ParseEnvelope(call.Endpoint, body);
                }
            }
        }

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
}
