using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BizConf.Emulator.Tests;

/// <summary>
/// The admin API answers only tools on this machine: a web page cannot reach it cross-site or by DNS rebinding,
/// and a forwarded-for header cannot stand in for the connection's own address. The /openapi/ API stays open.
/// </summary>
public sealed class AdminGuardTests
{
    [Fact]
    public async Task Reset_from_a_rebound_host_with_a_foreign_origin_is_403_and_the_state_file_is_untouched()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        await using var emu = await EmulatorHost.StartAsync(statePath);
        await emu.ReserveIdAsync("Keep me", TimeSpan.FromHours(1));
        var saved = StateOnDisk.Text(statePath);

        using var response = await SendAsync(emu, HttpMethod.Post, "reset", host: "evil.example", origin: "http://evil.example", body: ("{}", "text/plain"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(saved, StateOnDisk.Text(statePath));
        Assert.Equal(1, (await emu.AllMeetingsAsync()).GetArrayLength());
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("localhost.evil.example")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("10.0.0.5")]
    public async Task Host_header_that_is_not_loopback_is_403(string host)
    {
        await using var emu = await EmulatorHost.StartAsync();

        using var read = await SendAsync(emu, HttpMethod.Get, "faults", host: host);
        using var reset = await SendAsync(emu, HttpMethod.Post, "reset", host: host);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost:9")]
    [InlineData("127.0.0.1:65000")]
    [InlineData("127.8.9.10")]
    [InlineData("[::1]")]
    [InlineData("[::1]:5080")]
    public async Task Host_header_naming_loopback_with_any_port_is_served(string host)
    {
        await using var emu = await EmulatorHost.StartAsync();

        using var response = await SendAsync(emu, HttpMethod.Get, "faults", host: host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("https://evil.example:443")]
    [InlineData("null")]
    [InlineData("file://")]
    [InlineData("http://localhost.evil.example")]
    public async Task Origin_that_is_not_loopback_is_403_even_for_reads(string origin)
    {
        await using var emu = await EmulatorHost.StartAsync();

        using var response = await SendAsync(emu, HttpMethod.Get, "requests", origin: origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("http://127.0.0.1")]
    [InlineData("https://[::1]:8443")]
    public async Task Loopback_origin_may_read_and_post_json(string origin)
    {
        await using var emu = await EmulatorHost.StartAsync();

        using var read = await SendAsync(emu, HttpMethod.Get, "faults", origin: origin);
        using var posted = await SendAsync(emu, HttpMethod.Post, "faults", origin: origin,
            body: ("{\"endpoint\":\"getConf\",\"kind\":\"http503\"}", "application/json; charset=utf-8"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(1, (await emu.AdminAsync(HttpMethod.Get, "faults")).GetArrayLength());
    }

    [Fact]
    public async Task Two_origin_headers_are_403()
    {
        await using var emu = await EmulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "_emulator/faults");
        request.Headers.Add("Origin", new[] { "http://localhost", "http://evil.example" });

        using var response = await emu.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonp")]
    public async Task Post_body_that_is_not_json_is_415_and_changes_nothing(string contentType)
    {
        await using var emu = await EmulatorHost.StartAsync();

        using var site = await SendAsync(emu, HttpMethod.Post, "sites", body: ("{\"siteSign\":\"s\",\"apiKey\":\"k\"}", contentType));
        using var reset = await SendAsync(emu, HttpMethod.Post, "reset", body: ("{}", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, site.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reset.StatusCode);
        await emu.AdminAsync(HttpMethod.Post, "accounts", new { loginName = "x", siteSign = "s" }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Body_less_post_is_served_without_an_origin_and_refused_with_one()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.ReserveIdAsync("Reset me", TimeSpan.FromHours(1));

        using var withOrigin = await SendAsync(emu, HttpMethod.Post, "reset", origin: "http://localhost:5080");
        var meetingsAfterRefusal = (await emu.AllMeetingsAsync()).GetArrayLength();
        using var withoutOrigin = await SendAsync(emu, HttpMethod.Post, "reset");

        Assert.Equal(HttpStatusCode.Forbidden, withOrigin.StatusCode);
        Assert.Equal(1, meetingsAfterRefusal);
        Assert.Equal(HttpStatusCode.NoContent, withoutOrigin.StatusCode);
        Assert.Equal(0, (await emu.AllMeetingsAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Delete_with_an_origin_is_refused_like_a_body_less_post()
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.AddFaultAsync(new { endpoint = "getConf", kind = "http503" });

        using var response = await SendAsync(emu, HttpMethod.Delete, "faults", origin: "http://127.0.0.1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, (await emu.AdminAsync(HttpMethod.Get, "faults")).GetArrayLength());
    }

    [Fact]
    public async Task Openapi_stays_open_to_any_host_and_origin()
    {
        await using var emu = await EmulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "openapi/listConf") { Content = new FormUrlEncodedContent(emu.Signed()) };
        request.Headers.Host = "api.example.com";
        request.Headers.Add("Origin", "https://portal.example.com");

        using var response = await emu.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":100", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Peer_address_is_the_one_captured_from_the_connection_not_a_rewritten_one()
    {
        var remote = new DefaultHttpContext();
        remote.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
        remote.Request.Host = new HostString("127.0.0.1:5080");
        remote.Request.Method = "GET";
        BizConf.Emulator.Endpoints.AdminGuard.Capture(remote);
        remote.Connection.RemoteIpAddress = IPAddress.Loopback;

        var local = new DefaultHttpContext();
        local.Connection.RemoteIpAddress = IPAddress.Loopback;
        local.Request.Host = new HostString("localhost:5080");
        local.Request.Method = "GET";
        BizConf.Emulator.Endpoints.AdminGuard.Capture(local);
        local.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
        local.Request.Host = new HostString("evil.example");

        Assert.Equal(StatusCodes.Status403Forbidden, BizConf.Emulator.Endpoints.AdminGuard.Refusal(remote));
        Assert.Null(BizConf.Emulator.Endpoints.AdminGuard.Refusal(local));
    }

    [Fact]
    public void Request_without_captured_connection_facts_is_refused()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Host = new HostString("localhost");
        context.Request.Method = "GET";

        Assert.Equal(StatusCodes.Status403Forbidden, BizConf.Emulator.Endpoints.AdminGuard.Refusal(context));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("[::ffff:127.0.0.1]", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("::1", true)]
    [InlineData("[::2]", false)]
    [InlineData("localhost.", false)]
    [InlineData("example.com", false)]
    public void Loopback_names(string? host, bool loopback)
    {
        Assert.Equal(loopback, BizConf.Emulator.Endpoints.AdminGuard.IsLoopbackName(host));
    }

    private static async Task<HttpResponseMessage> SendAsync(
        EmulatorHost emu, HttpMethod method, string path, string? host = null, string? origin = null, (string Text, string ContentType)? body = null)
    {
        using var request = new HttpRequestMessage(method, "_emulator/" + path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (body is { } content)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(content.Text));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", content.ContentType);
        }

        return await emu.Http.SendAsync(request);
    }
}
