using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BizConf.Emulator.Tests.Support;

/// <summary>
/// One emulator started in-process on a free loopback port, with a hand-moved clock and a client that signs
/// requests the way docs/API.md, "Signing" says. Each test starts its own, so tests never share state.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private EmulatorHost(WebApplication app, ManualClock clock, Uri baseAddress)
    {
        this.app = app;
        Clock = clock;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public ManualClock Clock { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorHost> StartAsync(string? statePath = null, int latencyMs = 0, ManualClock? clock = null, string urls = "http://127.0.0.1:0", params string[] more)
    {
        var args = new List<string> { "--urls", urls };
        if (statePath is not null)
        {
            args.AddRange(new[] { "--state", statePath });
        }

        if (latencyMs > 0)
        {
            args.AddRange(new[] { "--latency-ms", latencyMs.ToString(CultureInfo.InvariantCulture) });
        }

        args.AddRange(more);
        clock ??= new ManualClock();
        var app = EmulatorApp.Build(args.ToArray(), clock);
        await app.StartAsync();
        var bound = new Uri(app.Urls.Single());
        return new EmulatorHost(app, clock, new UriBuilder(bound) { Host = "127.0.0.1" }.Uri);
    }

    /// <summary>A timeStamp never used before on this host's clock (<see cref="ManualClock.NextTimeStamp"/>).</summary>
    public long NextTimeStamp() => Clock.NextTimeStamp();

    public Dictionary<string, string> Signed(string login = Wire.DemoLogin, string apiKey = Wire.DemoKey)
    {
        var timeStamp = NextTimeStamp();
        return new Dictionary<string, string>
        {
            ["loginName"] = login,
            ["timeStamp"] = timeStamp.ToString(CultureInfo.InvariantCulture),
            ["token"] = Wire.AccountToken(login, apiKey, timeStamp),
        };
    }

    /// <summary>Sends exactly these fields: a url-encoded form for POST, the query string for GET.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string endpoint, IReadOnlyDictionary<string, string> fields, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, "openapi/" + endpoint);
        if (method == HttpMethod.Get)
        {
            var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            request.RequestUri = new Uri($"openapi/{endpoint}?{query}", UriKind.Relative);
        }
        else
        {
            request.Content = new FormUrlEncodedContent(fields);
        }

        return await (client ?? Http).SendAsync(request);
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string endpoint, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await SendRawAsync(method, endpoint, fields);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Calls an endpoint as <paramref name="login"/>, signed with <paramref name="apiKey"/>, plus the given fields.</summary>
    public Task<JsonElement> CallAsync(string endpoint, IEnumerable<(string Name, string Value)> fields, string login = Wire.DemoLogin, string apiKey = Wire.DemoKey)
    {
        var all = Signed(login, apiKey);
        foreach (var (name, value) in fields)
        {
            all[name] = value;
        }

        var method = endpoint == "account/check" ? HttpMethod.Get : HttpMethod.Post;
        return SendAsync(method, endpoint, all);
    }

    public Task<JsonElement> CallAsync(string endpoint, params (string Name, string Value)[] fields) =>
        CallAsync(endpoint, (IEnumerable<(string, string)>)fields);

    /// <summary>confReservation of a meeting starting <paramref name="startsIn"/> from the clock's now.</summary>
    public Task<JsonElement> ReserveAsync(string name, TimeSpan startsIn, int duration = 60, string login = Wire.DemoLogin, string apiKey = Wire.DemoKey, params (string Name, string Value)[] extra) =>
        CallAsync(
            "confReservation",
            new[]
            {
                ("confName", name),
                ("startTime", Wire.Wall(Clock.GetUtcNow() + startsIn)),
                ("duration", duration.ToString(CultureInfo.InvariantCulture)),
            }.Concat(extra),
            login,
            apiKey);

    /// <summary>Reserves and returns the new meeting's id, failing the test if the emulator refused.</summary>
    public async Task<long> ReserveIdAsync(string name, TimeSpan startsIn, int duration = 60, string login = Wire.DemoLogin, string apiKey = Wire.DemoKey)
    {
        var answer = await ReserveAsync(name, startsIn, duration, login, apiKey);
        Assert.Equal(100, answer.Status());
        return answer.GetProperty("data").GetProperty("id").GetInt64();
    }

    public async Task<JsonElement> AdminAsync(HttpMethod method, string path, object? body = null, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, "_emulator/" + path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task AddSiteAsync(string siteSign, string apiKey, int licences) =>
        AdminAsync(HttpMethod.Post, "sites", new { siteSign, apiKey, licences });

    public Task AddAccountAsync(string loginName, string siteSign = Wire.DemoSite, int maxConcurrent = 1, bool locked = false) =>
        AdminAsync(HttpMethod.Post, "accounts", new { loginName, siteSign, maxConcurrent, locked });

    public Task<JsonElement> AddFaultAsync(object fault) => AdminAsync(HttpMethod.Post, "faults", fault);

    public async Task<JsonElement> RequestLogAsync() => await AdminAsync(HttpMethod.Get, "requests");

    public async Task<JsonElement> AllMeetingsAsync() => await AdminAsync(HttpMethod.Get, "meetings");

    /// <summary>
    /// What the emulator holds, in the state file's own form, without the bookkeeping that differs between a run
    /// and a restart of it (the number of the last change saved, the tokens, which are kept apart while running).
    /// </summary>
    public string HeldState()
    {
        var state = app.Services.GetRequiredService<EmulatorState>();
        var document = System.Text.Json.Nodes.JsonNode.Parse(state.Read(data => BizConf.Emulator.Hosting.StateFile.Serialize(data)))!.AsObject();
        document.Remove("lastChange");
        document.Remove("usedTokens");
        return document.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
