using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace BizConf.PowerShell.Tests.Engine.Support;

/// <summary>What one run of a file came to: each seed, each row, and every meeting left, named by the seed or row that made it.</summary>
internal sealed record FileResult(IReadOnlyList<string> Seeds, IReadOnlyList<string> Rows, IReadOnlyList<string> Meetings);

/// <summary>
/// The emulator hosted in this process on a free loopback port, with the real client, reset before each run. Each
/// account hosts one meeting at a time, so overlapping windows meet status 202.
/// </summary>
internal sealed class EmulatorRun : IAsyncDisposable
{
    private const string ApiKey = "demo-api-key";
    private const string SiteSign = "demo-site";

    private readonly WebApplication app;
    private readonly HttpClient admin;
    private readonly Dictionary<string, BizConfClient> clients;

    private EmulatorRun(WebApplication app, Uri address)
    {
        this.app = app;
        admin = new HttpClient { BaseAddress = new Uri(address, "/_emulator/"), Timeout = TimeSpan.FromSeconds(30) };
        // One client per account, each signing with the site's one key.
        clients = RandomFile.AllAccounts.ToDictionary(
            account => account,
            account => new BizConfClient(new BizConfClientOptions { BaseUri = address, LoginName = account, Timeout = TimeSpan.FromSeconds(30) }, ApiKey),
            StringComparer.Ordinal);
        Rows = new RowRunner(clients);
    }

    public RowRunner Rows { get; }

    public static async Task<EmulatorRun> StartAsync()
    {
        var app = BizConf.Emulator.EmulatorApp.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        var bound = new Uri(app.Urls.Single());
        return new EmulatorRun(app, new UriBuilder(bound) { Host = "127.0.0.1" }.Uri);
    }

    /// <summary>Resets the emulator, makes the file's accounts and seeds one at a time, runs the rows at <paramref name="throttleLimit"/>.</summary>
    public async Task<FileResult> RunAsync(RandomFile file, int throttleLimit)
    {
        await AdminAsync(HttpMethod.Post, "reset", null);
        foreach (var account in file.Accounts)
        {
            await AdminAsync(HttpMethod.Post, "accounts", new { loginName = account, siteSign = SiteSign, maxConcurrent = 1 });
        }

        var seedIds = new List<long?>();
        var seeds = new List<string>();
        foreach (var seed in file.Seeds)
        {
            var request = new MeetingRequest { Name = seed.Name, StartTime = seed.Start, Duration = seed.Duration };
            try
            {
                var made = await clients[seed.Account].CreateMeetingAsync(request);
                seedIds.Add(made.Id);
                seeds.Add("made as " + made.Id.ToString(CultureInfo.InvariantCulture));
            }
            catch (BizConfApiException e)
            {
                seedIds.Add(null);
                seeds.Add("failed " + e.Status.ToString(CultureInfo.InvariantCulture));
            }
        }

        var results = await PipelineThread.Run(() => Rows.Run(file.Rows, seedIds, throttleLimit));
        var names = new Dictionary<long, string>();
        for (var i = 0; i < seedIds.Count; i++)
        {
            if (seedIds[i] is { } id)
            {
                names[id] = "seed " + i.ToString(CultureInfo.InvariantCulture);
            }
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].MadeId is { } id)
            {
                names[id] = "row " + file.Rows[i].Number.ToString(CultureInfo.InvariantCulture);
            }
        }

        return new FileResult(seeds, results.Select(r => r.Text).ToList(), await MeetingsAsync(names));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        admin.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IReadOnlyList<string>> MeetingsAsync(Dictionary<long, string> names)
    {
        using var response = await admin.GetAsync(new Uri("meetings", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.EnumerateArray()
            .Select(m =>
            {
                var id = m.GetProperty("id").GetInt64();
                var name = names.TryGetValue(id, out var known) ? known : "unknown id " + id.ToString(CultureInfo.InvariantCulture);
                return string.Join(" ", name, m.GetProperty("loginName").GetString(), "'" + m.GetProperty("meetingName").GetString() + "'",
                    m.GetProperty("startTime").GetString(), m.GetProperty("duration").GetInt32().ToString(CultureInfo.InvariantCulture),
                    "status " + m.GetProperty("confStatus").ToString());
            })
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private async Task AdminAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body != null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await admin.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{method} {path} answered {response.StatusCode}.");
    }
}
