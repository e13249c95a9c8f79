using System.Security.Cryptography;
using System.Text;

namespace BizConf.Client.Tests.Support;

/// <summary>Builds clients wired to a fake handler, with fast retries and a fixed clock.</summary>
internal static class TestClient
{
    public const string LoginName = "demo";
    public const string SiteSign = "site-1";
    public static readonly Uri BaseUri = new("https://api.example.test/openapi/");

    /// <summary>2017-08-01 00:00:00 UTC: "now" for every test client unless a test sets its own clock.</summary>
    public static readonly DateTimeOffset Now = new(2017, 8, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A fresh API key. The signer keeps the last timestamp per key for the whole process, so each test takes
    /// its own key to stay independent of every other test.
    /// </summary>
    public static string NewApiKey() => "test-key-" + Guid.NewGuid().ToString("N");

    public static BizConfClient Create(FakeHttpHandler handler, string? apiKey = null, Action<BizConfClientOptions>? configure = null)
    {
        var options = new BizConfClientOptions
        {
            BaseUri = BaseUri,
            LoginName = LoginName,
            SiteSign = SiteSign,
            Handler = handler,
            Clock = () => Now,
            MaxRetry = 0,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            Timeout = TimeSpan.FromSeconds(10),
            // Waits at the top of their range, so tests see the back-off exactly; jitter has tests of its own.
            Jitter = () => 1.0,
            // A 429 is a plain failure here, retried against MaxRetry; the adaptive pace has tests of its own.
            AdaptiveRate = false,
        };
        configure?.Invoke(options);
        return new BizConfClient(options, apiKey ?? NewApiKey());
    }

    /// <summary>A valid meeting starting a day after <see cref="Now"/>.</summary>
    public static MeetingRequest Meeting(string name = "Weekly sync") => new()
    {
        Name = name,
        StartTime = Now.AddDays(1),
        Duration = 60,
    };

    /// <summary>MD5 of the UTF-8 bytes as lowercase hex, computed here independently of the client.</summary>
    public static string Md5(string text) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    /// <summary>A realistic getConf/confReservation answer (numbers and flags as strings, as the service sends them).</summary>
    public const string RealisticMeeting = """
        {"status":"100","message":"","data":{"id":"17962","meetingNo":"1234567890","meetingName":"产品评审 Q3","startTime":"2017-08-09 04:00:00","duration":"90","joinUrl":"https://www.bizvideo.cn/j/1234567890","startUrl":"https://www.bizvideo.cn/s/1234567890?zak=abc","hostStartUrl":"https://www.bizvideo.cn/h/1234567890","protocolJoinUrl":"cfcloud://www.bizvideo.cn/join?confno=1234567890","protocolHostStartUrl":"cfcloud://www.bizvideo.cn/start?confno=1234567890","optionJbh":"1","hostKey":"654321","confStatus":"2","userId":"u-88","token":"host-start-token","maxCount":"300","audio":"3","optionStartType":"2","streamKey":"key-1","streanUrl":"rtmp://push.example/live","liveUrl":"https://live.example/1"}}
        """;
}
