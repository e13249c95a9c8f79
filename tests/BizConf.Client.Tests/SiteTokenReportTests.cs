using System.Security.Cryptography;
using System.Text;

namespace BizConf.Client.Tests;

/// <summary>
/// The report endpoints are signed with the site token (docs/API.md, "Signing"): md5(apiKey|timeStamp) in lowercase hex,
/// with the siteSign and no loginName; GET endpoints carry their fields in the query, getConfLogListByJoinUrl in a form.
/// </summary>
public sealed class SiteTokenReportTests
{
    private const string EmptyReport = """{"status":100,"message":"","data":[]}""";

    public static TheoryData<string, string, string> Calls => new()
    {
        { "confAttendeeLog", "GET", "confId" },
        { "getConfLogListByConfNumber", "GET", "confNumber" },
        { "getConfLogListByJoinUrl", "POST", "joinUrl" },
        { "getConfPolls", "GET", "confNo" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Each_report_call_is_signed_with_the_site_token(string endpoint, string method, string field)
    {
        using var fake = new ReportFakeHandler(EmptyReport);
        using var client = fake.CreateClient();

        await Call(client, endpoint);

        var request = Assert.Single(fake.Requests);
        var fields = ReportFakeHandler.Fields(request);
        Assert.Equal(method, request.Method.Method);
        Assert.Equal("/openapi/" + endpoint, request.Uri.AbsolutePath);
        Assert.Equal(ReportFakeHandler.SiteSign, fields["siteSign"]);
        Assert.Equal(Md5($"{fake.ApiKey}|{fields["timeStamp"]}"), fields["token"]);
        Assert.Matches("^[0-9a-f]{32}$", fields["token"]);
        Assert.Matches("^[0-9]{13}$", fields["timeStamp"]);
        Assert.False(fields.ContainsKey("loginName"));
        Assert.True(fields.ContainsKey(field));
        Assert.Equal("", method == "GET" ? request.Form : request.Uri.Query);
    }

    [Fact]
    public async Task Two_calls_never_share_a_time_stamp()
    {
        using var fake = new ReportFakeHandler(EmptyReport);
        using var client = fake.CreateClient();

        await client.GetPollAnswersAsync("1234567890");
        await client.GetPollAnswersAsync("1234567890");

        var stamps = fake.Requests.Select(r => long.Parse(ReportFakeHandler.Fields(r)["timeStamp"])).ToList();
        Assert.True(stamps[1] > stamps[0]);
    }

    [Theory]
    [InlineData("confAttendeeLog")]
    [InlineData("getConfLogListByConfNumber")]
    [InlineData("getConfLogListByJoinUrl")]
    [InlineData("getConfPolls")]
    public async Task Without_a_site_sign_nothing_is_sent_and_the_error_says_how_to_fix_it(string endpoint)
    {
        using var fake = new ReportFakeHandler(EmptyReport);
        using var client = fake.CreateClient(siteSign: null);

        var refused = await Assert.ThrowsAsync<BizConfOperationException>(() => Call(client, endpoint));

        Assert.Contains("-SiteSign", refused.Message);
        Assert.Contains(endpoint, refused.Message);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task The_api_key_appears_in_no_log_line_and_the_token_is_hidden()
    {
        using var fake = new ReportFakeHandler(EmptyReport);
        using var client = fake.CreateClient();

        await client.GetReportsByJoinUrlAsync("https://meet.example/j/1234567890");
        await client.GetAttendeesAsync(17962);

        Assert.NotEmpty(fake.Log);
        Assert.All(fake.Log, line => Assert.DoesNotContain(fake.ApiKey, line));
        Assert.Contains(fake.Log, line => line.Contains("joinUrl=https://meet.example/j/1234567890"));
        Assert.DoesNotContain(fake.Log, line => line.Contains(ReportFakeHandler.Fields(fake.Requests.First())["token"]));
    }

    [Fact]
    public async Task Join_url_is_sent_trimmed_in_the_form_body()
    {
        using var fake = new ReportFakeHandler(EmptyReport);
        using var client = fake.CreateClient();

        await client.GetReportsByJoinUrlAsync("  https://meet.example/j/1234567890?pwd=a b  ");

        var request = Assert.Single(fake.Requests);
        Assert.Equal("", request.Uri.Query);
        Assert.Equal("https://meet.example/j/1234567890?pwd=a b", ReportFakeHandler.Fields(request)["joinUrl"]);
    }

    private static Task Call(BizConfClient client, string endpoint) => endpoint switch
    {
        "confAttendeeLog" => client.GetAttendeesAsync(17962),
        "getConfLogListByConfNumber" => client.GetReportsByNumberAsync("1234567890"),
        "getConfLogListByJoinUrl" => client.GetReportsByJoinUrlAsync("https://meet.example/j/1234567890"),
        _ => client.GetPollAnswersAsync("1234567890"),
    };

    private static string Md5(string text) =>
        string.Concat(MD5.HashData(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2")));
}
