using System.Globalization;
using System.Text;

namespace BizConf.TestTools.Http1;

/// <summary>
/// Reads HTTP/1.1 requests off one client connection: heads, then bodies by Content-Length or chunked. Bytes read
/// past a head stay buffered here, so a body, the next request, or the first bytes of a tunnel are never lost.
/// </summary>
internal sealed class ConnectionReader
{
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    private const int MaxHeadBytes = 64 * 1024;
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private readonly Stream stream;
    private readonly byte[] buffer = new byte[MaxHeadBytes];
    private int start;
    private int end;

    public ConnectionReader(Stream stream)
    {
        this.stream = stream;
    }

    /// <summary>The next request head, or null when the client closed the connection between requests.</summary>
    public async Task<RequestHead?> ReadHeadAsync(CancellationToken cancellation)
    {
        while (true)
        {
            // Empty lines before a request line are allowed, and some clients send one after a body.
            while (start < end && buffer[start] is (byte)'\r' or (byte)'\n')
            {
                start++;
            }

            var at = buffer.AsSpan(start, end - start).IndexOf(HeadEnd);
            if (at >= 0)
            {
                var text = Encoding.Latin1.GetString(buffer, start, at);
                start += at + HeadEnd.Length;
                return RequestHead.Parse(text);
            }

            if (!await FillAsync(431, "The request head is longer than 64 KB.", cancellation))
            {
                return null;
            }
        }
    }

    public async Task<byte[]> ReadBodyAsync(RequestHead head, CancellationToken cancellation)
    {
        if (head.IsChunked)
        {
            return await ReadChunkedAsync(cancellation);
        }

        if (head.Header("Content-Length") is not { } lengthText)
        {
            return [];
        }

        if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new BadRequestException(400, $"Content-Length '{lengthText}' is not a length.");
        }

        return length > MaxBodyBytes
            ? throw new BadRequestException(413, "The request body is larger than 16 MB.")
            : await ReadExactAsync((int)length, cancellation);
    }

    /// <summary>What the client sent after the last head read (the start of a tunnel's traffic), taken out.</summary>
    public byte[] TakeBuffered()
    {
        var rest = buffer.AsSpan(start, end - start).ToArray();
        start = end = 0;
        return rest;
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellation)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeText = (await ReadLineAsync(cancellation)).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new BadRequestException(400, $"The chunk size '{sizeText}' is not a hexadecimal length.");
            }

            if (size == 0)
            {
                // Trailer fields, if any, end with an empty line; none of them is kept.
                while ((await ReadLineAsync(cancellation)).Length > 0)
                {
                }

                return body.ToArray();
            }

            if (body.Length + size > MaxBodyBytes)
            {
                throw new BadRequestException(413, "The request body is larger than 16 MB.");
            }

            body.Write(await ReadExactAsync(size, cancellation));
            if ((await ReadLineAsync(cancellation)).Length > 0)
            {
                throw new BadRequestException(400, "A chunk is longer than its size says.");
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellation)
    {
        while (true)
        {
            var at = buffer.AsSpan(start, end - start).IndexOf(LineEnd);
            if (at >= 0)
            {
                var line = Encoding.Latin1.GetString(buffer, start, at);
                start += at + LineEnd.Length;
                return line;
            }

            if (!await FillAsync(400, "A chunk line is longer than 64 KB.", cancellation))
            {
                throw new IOException("The client closed the connection inside a chunked body.");
            }
        }
    }

    private async Task<byte[]> ReadExactAsync(int length, CancellationToken cancellation)
    {
        var body = new byte[length];
        var buffered = Math.Min(length, end - start);
        buffer.AsSpan(start, buffered).CopyTo(body);
        start += buffered;
        var filled = buffered;
        while (filled < length)
        {
            var read = await stream.ReadAsync(body.AsMemory(filled), cancellation);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the whole body arrived.");
            }

            filled += read;
        }

        return body;
    }

    /// <summary>Reads more into the buffer; false at the end of the stream. A full buffer is the given refusal.</summary>
    private async Task<bool> FillAsync(int refusal, string reason, CancellationToken cancellation)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            throw new BadRequestException(refusal, reason);
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellation);
        end += read;
        return read > 0;
    }
}
