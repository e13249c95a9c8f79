using System.Net.Http;
using System.Text;

namespace BizConf.Transport;

/// <summary>
/// Reads an answer's body as text, in the charset it names (UTF-8 when it names none), refusing what cannot be read
/// for sure: a charset this machine does not know, bytes that are not valid in it, or more than
/// <see cref="MaxAnswerBytes"/>. Each is a transport failure that names the endpoint, never a guess.
/// </summary>
internal static class AnswerReader
{
    /// <summary>
    /// The longest answer read. Nothing in this API comes near it (a full page of meetings is a few kilobytes); an
    /// answer past it is a wrong server or a broken proxy, and reading it whole would only spend memory.
    /// </summary>
    internal const int MaxAnswerBytes = 32 * 1024 * 1024;

    public static async Task<string> ReadAsync(string endpoint, HttpResponseMessage response, CancellationToken cancellationToken)
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
                $"{endpoint} answered with bytes that are not valid {encoding.WebName} text.", endpoint, TransportFailure.BadAnswer, HttpStatusCodes.Ok, inner: e);
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
        catch (System.ArgumentException e)
        {
            throw new BizConfTransportException(
                $"{endpoint} answered in the charset '{name}', which this machine cannot read.", endpoint, TransportFailure.BadAnswer, HttpStatusCodes.Ok, inner: e);
        }
    }

    private static BizConfTransportException TooLarge(string endpoint) =>
        new BizConfTransportException(
            $"{endpoint} answered with more than {MaxAnswerBytes / (1024 * 1024)} MB; no answer of this API is that large, so it was not read.",
            endpoint, TransportFailure.BadAnswer, HttpStatusCodes.Ok);
}
