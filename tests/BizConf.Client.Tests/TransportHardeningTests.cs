using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using BizConf.Client.Tests.Support;

namespace BizConf.Client.Tests;

/// <summary>
/// Answers that cannot be read, and a client disposed while calls are under way: each is a failure of that one call,
/// naming the endpoint, never an exception that would stop a whole pipeline.
/// </summary>
public class TransportHardeningTests
{
    private const string Success = """{"status":100,"message":"","data":{"id":5}}""";

    /// <summary>A body whose disposal the test can see (HttpResponseMessage.Dispose disposes its content).</summary>
    private sealed class WatchedContent : ByteArrayContent
    {
        public WatchedContent(byte[] bytes, string? charset, long? declaredLength = null)
            : base(bytes)
        {
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = charset };
            if (declaredLength.HasValue)
            {
                Headers.ContentLength = declaredLength;
            }
        }

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>A body of endless bytes with no declared length: only a cap on reading stops it.</summary>
    private sealed class EndlessContent : HttpContent
    {
        public bool Disposed { get; private set; }

        public long Written { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 65536));
            while (true)
            {
                await stream.WriteAsync(chunk);
                Written += chunk.Length;
            }
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new EndlessStream(this));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }

        private sealed class EndlessStream : Stream
        {
            private readonly EndlessContent owner;

            public EndlessStream(EndlessContent owner) => this.owner = owner;

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                Array.Fill(buffer, (byte)' ', offset, count);
                owner.Written += count;
                return count;
            }

            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }

    private static async Task<BizConfTransportException> RefusedAsync(HttpContent content)
    {
        var handler = new FakeHttpHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));
        using var client = TestClient.Create(handler, configure: o => o.MaxRetry = 3);
        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(5));
        Assert.Single(handler.Requests);
        return e;
    }

    [Fact]
    public async Task An_unknown_charset_is_a_transport_failure_naming_the_endpoint_and_the_answer_is_disposed()
    {
        var content = new WatchedContent(Encoding.UTF8.GetBytes(Success), "x-no-such-charset");

        var e = await RefusedAsync(content);

        Assert.Equal("getConf", e.Endpoint);
        Assert.Equal("getConf answered in the charset 'x-no-such-charset', which this machine cannot read.", e.Message);
        Assert.Equal(BizConfErrorKind.InvalidResult, e.Kind);
        Assert.True(content.Disposed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("utf-8")]
    public async Task Invalid_UTF8_is_a_transport_failure_naming_the_endpoint_and_the_answer_is_disposed(string? charset)
    {
        var bytes = Encoding.UTF8.GetBytes("""{"status":100,"message":"x"}""");
        bytes[^3] = 0xC3; // a lead byte followed by '"', which no UTF-8 text has
        var content = new WatchedContent(bytes, charset);

        var e = await RefusedAsync(content);

        Assert.Equal("getConf", e.Endpoint);
        Assert.Equal("getConf answered with bytes that are not valid utf-8 text.", e.Message);
        Assert.True(content.Disposed);
    }

    [Fact]
    public async Task An_answer_declared_larger_than_32_MB_is_not_read()
    {
        var content = new WatchedContent(Encoding.UTF8.GetBytes(Success), "utf-8", declaredLength: 32L * 1024 * 1024 + 1);

        var e = await RefusedAsync(content);

        Assert.Equal("getConf", e.Endpoint);
        Assert.StartsWith("getConf answered with more than 32 MB", e.Message);
        Assert.True(content.Disposed);
    }

    [Fact]
    public async Task An_answer_of_undeclared_length_stops_being_read_at_32_MB()
    {
        var content = new EndlessContent();

        var e = await RefusedAsync(content);

        Assert.StartsWith("getConf answered with more than 32 MB", e.Message);
        Assert.InRange(content.Written, 32L * 1024 * 1024, 33L * 1024 * 1024);
        Assert.True(content.Disposed);
    }

    [Fact]
    public async Task A_byte_order_mark_and_a_quoted_charset_are_read_as_UTF8()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TestClient.RealisticMeeting)).ToArray();
        var handler = new FakeHttpHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new WatchedContent(bytes, "\"UTF-8\"") }));
        using var client = TestClient.Create(handler);

        var meeting = await client.GetMeetingAsync(17962);

        Assert.Equal("产品评审 Q3", meeting.Name);
    }

    [Fact]
    public async Task A_non_200_answer_is_disposed_without_reading_its_body()
    {
        var content = new WatchedContent(new byte[] { 0xFF, 0xFE }, "x-no-such-charset");
        var handler = new FakeHttpHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = content }));
        using var client = TestClient.Create(handler);

        var e = await Assert.ThrowsAsync<BizConfTransportException>(() => client.GetMeetingAsync(5));

        Assert.Equal(502, e.HttpStatus);
        Assert.True(content.Disposed);
    }

    [Fact]
    public async Task Disposing_the_client_ends_a_call_in_flight_as_closed_not_timed_out_and_it_is_not_retried()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeHttpHandler(async (_, _, ct) =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHttpHandler.Ok(Success);
        });
        var client = TestClient.Create(handler, configure: o => o.MaxRetry = 3);

        var call = client.GetMeetingAsync(5);
        await arrived.Task;
        client.Dispose();
        var e = await Assert.ThrowsAsync<BizConfOperationException>(() => call);

        Assert.Equal("BizConfSessionClosed", e.ErrorId);
        Assert.Equal("The session was closed by Disconnect-BizConf while getConf was under way; its outcome is unknown.", e.Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_call_after_the_client_is_disposed_fails_as_closed_and_sends_nothing()
    {
        var handler = FakeHttpHandler.Json(Success);
        var client = TestClient.Create(handler);
        client.Dispose();

        var e = await Assert.ThrowsAsync<BizConfOperationException>(() => client.CancelMeetingAsync(5));

        Assert.Equal("BizConfSessionClosed", e.ErrorId);
        Assert.Equal("The session was closed by Disconnect-BizConf; cancelConf was not sent.", e.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Disposing_during_a_retry_wait_ends_the_call_as_closed()
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = FakeHttpHandler.Answering(() => FakeHttpHandler.Http(503, 0), () => FakeHttpHandler.Ok(Success));
        var client = TestClient.Create(handler, configure: o =>
        {
            o.MaxRetry = 3;
            o.Delay = async (_, ct) =>
            {
                waiting.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            };
        });

        var call = client.GetMeetingAsync(5);
        await waiting.Task;
        client.Dispose();
        var e = await Assert.ThrowsAsync<BizConfOperationException>(() => call);

        Assert.Equal("BizConfSessionClosed", e.ErrorId);
        Assert.Single(handler.Requests);
    }
}
