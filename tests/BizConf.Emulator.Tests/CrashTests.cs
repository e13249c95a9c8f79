using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace BizConf.Emulator.Tests;

/// <summary>
/// kill -9 in the middle of many creates at once, twenty times over one state file: every meeting that was
/// answered as made is there after each restart, whatever the process was doing when it died (appending to the
/// journal, writing the whole state, answering).
/// </summary>
public sealed class CrashTests
{
    private const int Rounds = 20;
    private const int Clients = 6;

    [Fact]
    public async Task Kill_9_at_twenty_moments_of_a_burst_of_creates_loses_no_answered_meeting()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        var answered = new ConcurrentDictionary<long, string>();
        var random = new Random(20310310);
        var firstStart = DateTimeOffset.UtcNow.Date.AddDays(3);
        var slot = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await using var emulator = await StartAsync(statePath);
            await AssertEveryAnsweredMeetingIsThereAsync(emulator, answered, round);
            var before = answered.Count;
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref slot);
                    var name = $"Burst {n.ToString(CultureInfo.InvariantCulture)}";
                    try
                    {
                        var answer = await emulator.CallAsync("confReservation",
                            ("confName", name), ("startTime", Wire.Wall(new DateTimeOffset(firstStart.AddHours(n), TimeSpan.Zero))), ("duration", "30"));
                        Assert.Equal(100, answer.Status());
                        answered[answer.Data().Num("id")] = name;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or System.Text.Json.JsonException)
                    {
                        return;
                    }
                }
            })).ToArray();

            // A moment somewhere in the burst: once this round has made a few meetings, up to 200 ms later.
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (answered.Count < before + Clients && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            await Task.Delay(random.Next(0, 200));
            emulator.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        await using var last = await StartAsync(statePath);
        await AssertEveryAnsweredMeetingIsThereAsync(last, answered, Rounds);
        Assert.True(answered.Count > Rounds * Clients, $"Only {answered.Count} meetings were answered in {Rounds} rounds.");
    }

    private static Task<EmulatorProcess> StartAsync(string statePath) =>
        EmulatorProcess.StartAsync("--urls", "http://127.0.0.1:0", "--state", statePath);

    private static async Task AssertEveryAnsweredMeetingIsThereAsync(EmulatorProcess emulator, ConcurrentDictionary<long, string> answered, int round)
    {
        var (status, meetings) = await emulator.AdminAsync(HttpMethod.Get, "meetings");
        Assert.Equal((int)HttpStatusCode.OK, status);
        var held = meetings.EnumerateArray().ToDictionary(m => m.Num("id"), m => m.Str("meetingName"));
        var missing = answered.Where(pair => !held.TryGetValue(pair.Key, out var name) || name != pair.Value).Select(pair => pair.Key).ToList();
        Assert.True(missing.Count == 0, $"After kill {round}, answered meetings are missing: {string.Join(", ", missing)}.");
    }
}
