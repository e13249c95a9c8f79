using System.Net;
using System.Text;
using System.Text.Json;

namespace BizConf.Emulator.Tests;

/// <summary>Every 400 of the admin API says, in a sentence, which field broke which rule.</summary>
public sealed class AdminBodyTests
{
    [Theory]
    [InlineData("sites", "", "it is empty")]
    [InlineData("sites", "nope", "it is not JSON")]
    [InlineData("sites", "[1]", "it is a JSON array")]
    [InlineData("sites", "{\"apiKey\":\"k\",\"licences\":1}", "'siteSign' is required")]
    [InlineData("sites", "{\"siteSign\":5}", "'siteSign' must be a string, not a number")]
    [InlineData("sites", "{\"siteSign\":\"fresh\",\"licences\":2}", "'apiKey' is required for a new site")]
    [InlineData("sites", "{\"siteSign\":\"s\",\"apiKey\":\"k\",\"licences\":-1}", "'licences' must be at least 0")]
    [InlineData("sites", "{\"siteSign\":\"s\",\"apiKey\":\"k\",\"licences\":\"5\"}", "'licences' takes whole numbers at least 0")]
    [InlineData("sites", "{\"siteSign\":\"s\",\"apiKey\":\"k\",\"licences\":1.5}", "'licences' takes whole numbers at least 0, not 1.5")]
    [InlineData("sites", "{\"siteSign\":\"s\",\"apiKey\":\"k\",\"licence\":5}", "'licence' is not a field of this request; it takes siteSign, apiKey, licences")]
    [InlineData("accounts", "{}", "'loginName' is required")]
    [InlineData("accounts", "{\"loginName\":[\"a\"]}", "'loginName' must be a string, not an array")]
    [InlineData("accounts", "{\"loginName\":\"a\"}", "'siteSign' is required for a new account")]
    [InlineData("accounts", "{\"loginName\":\"a\",\"siteSign\":\"nowhere\"}", "'siteSign' names an unknown site 'nowhere'")]
    [InlineData("accounts", "{\"loginName\":\"a\",\"siteSign\":\"demo-site\",\"maxConcurrent\":-1}", "'maxConcurrent' must be at least 0")]
    [InlineData("accounts", "{\"loginName\":\"a\",\"siteSign\":\"demo-site\",\"locked\":\"yes\"}", "'locked' must be true or false, not a string")]
    [InlineData("faults", "{}", "'kind' is required")]
    [InlineData("faults", "{\"kind\":\"explode\"}", "'kind' 'explode' is not one: it must be one of http429")]
    [InlineData("faults", "{\"kind\":\"drop\",\"count\":0}", "'count' must be at least 1")]
    [InlineData("faults", "{\"kind\":\"delay\",\"delayMs\":-5}", "'delayMs' must be at least 0")]
    [InlineData("faults", "{\"kind\":\"http429\",\"retryAfterSec\":\"soon\"}", "'retryAfterSec' takes whole numbers")]
    [InlineData("faults", "{\"kind\":\"drop\",\"endpoint\":3}", "'endpoint' must be a string")]
    [InlineData("rate-limit", "{}", "'perSecond' is required")]
    [InlineData("rate-limit", "{\"perSecond\":0}", "'perSecond' must be more than 0")]
    [InlineData("rate-limit", "{\"perSecond\":\"10\"}", "'perSecond' must be a number, not a string")]
    [InlineData("rate-limit", "{\"perSecond\":10,\"burst\":0}", "'burst' must be 1 to 1000000")]
    [InlineData("rate-limit", "{\"perSecond\":10,\"burst\":2.5}", "'burst' takes whole numbers 1 to 1000000")]
    [InlineData("rate-limit", "{\"perSec\":10}", "'perSec' is not a field of this request; it takes perSecond, burst")]
    [InlineData("meetings/1/simulate", "{\"guests\":\"three\"}", "'guests' takes whole numbers 0 to 1000")]
    [InlineData("meetings/1/simulate", "{\"polls\":21}", "'polls' must be 0 to 20")]
    [InlineData("meetings/1/simulate", "{\"endTime\":5}", "'endTime' must be an ISO 8601 time")]
    [InlineData("meetings/1/simulate", "{\"endTime\":\"2031-03-03T02:00:00\"}", "'endTime' must be an ISO 8601 time with an offset or Z")]
    [InlineData("meetings/1/simulate", "{\"guest\":1}", "'guest' is not a field")]
    public async Task Bad_body_is_400_with_an_error_naming_the_field_and_the_rule(string route, string body, string said)
    {
        await using var emu = await EmulatorHost.StartAsync();
        await emu.ReserveIdAsync("Target", TimeSpan.FromHours(1));
        var before = await StateAsync(emu);

        var (status, contentType, answer) = await SendAsync(emu, route, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/json", contentType);
        Assert.Contains(said, answer.Str("error"), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(emu));
    }

    [Fact]
    public async Task An_api_key_of_the_wrong_kind_is_not_repeated_in_the_error()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var (status, _, answer) = await SendAsync(emu, "sites", "{\"siteSign\":\"s\",\"apiKey\":987654321}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'apiKey' must be a string", answer.Str("error"), StringComparison.Ordinal);
        Assert.DoesNotContain("987654321", answer.Str("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_means_left_out_and_field_names_match_in_any_case()
    {
        await using var emu = await EmulatorHost.StartAsync();

        var (status, _, site) = await SendAsync(emu, "sites", "{\"SiteSign\":\"demo-site\",\"apiKey\":null,\"LICENCES\":7}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Wire.DemoKey, site.Str("apiKey"));
        Assert.Equal(7, site.Num("licences"));
    }

    private static async Task<(HttpStatusCode Status, string? ContentType, JsonElement Answer)> SendAsync(EmulatorHost emu, string route, string body)
    {
        var method = route == "rate-limit" ? HttpMethod.Put : HttpMethod.Post;
        using var request = new HttpRequestMessage(method, "_emulator/" + route)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await emu.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Everything a bad body could have touched: meetings, faults, the rate limit, the seed site.</summary>
    private static async Task<string> StateAsync(EmulatorHost emu) =>
        (await emu.AllMeetingsAsync()).GetRawText()
        + (await emu.AdminAsync(HttpMethod.Get, "faults")).GetRawText()
        + (await emu.AdminAsync(HttpMethod.Get, "rate-limit")).GetRawText()
        + (await emu.CallAsync("listConf")).GetProperty("totalRecord").GetInt32();
}
