using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BizConf.Emulator.Tests;

/// <summary>The built emulator run as its own process, the way build.ps1, Pester and users start it.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Prints_one_ready_line_with_the_real_port_and_serves_the_api()
    {
        await using var emulator = await EmulatorProcess.StartAsync("--urls", "http://127.0.0.1:0");

        Assert.Matches(@"^BizConf emulator listening on http://127\.0\.0\.1:[1-9][0-9]*$", emulator.ReadyLine);
        Assert.NotEqual(5080, emulator.BaseAddress.Port);
        var answer = await emulator.AccountCheckAsync();
        Assert.Equal(100, answer.Status());
        Assert.True(answer.GetProperty("isAvailable").GetBoolean());
    }

    [Fact]
    public async Task Sigterm_stops_it_cleanly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var emulator = await EmulatorProcess.StartAsync("--urls", "http://127.0.0.1:0");

        var exitCode = await emulator.TerminateAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal("", emulator.RestOfStdout());
    }

    [Fact]
    public async Task Kill_9_loses_no_answered_change()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        long id;
        await using (var first = await EmulatorProcess.StartAsync("--urls", "http://127.0.0.1:0", "--state", statePath))
        {
            var created = await first.CallAsync(
                "confReservation",
                ("confName", "Outlives kill -9"),
                ("startTime", Wire.Wall(DateTimeOffset.UtcNow.AddDays(3))),
                ("duration", "30"));
            Assert.Equal(100, created.Status());
            id = created.Data().Num("id");
            first.Kill();
        }

        await using var second = await EmulatorProcess.StartAsync("--urls", "http://127.0.0.1:0", "--state", statePath);
        var got = await second.CallAsync("getConf", ("confId", id.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(100, got.Status());
        Assert.Equal("Outlives kill -9", got.Data().Str("meetingName"));
    }

    [Fact]
    public async Task Unknown_argument_exits_with_a_message_on_stderr()
    {
        using var process = Process.Start(EmulatorProcess.StartInfo("--bogus"))!;
        var stderr = await process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("--bogus", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Admin_api_reads_the_connections_own_address_even_with_forwarded_headers_enabled()
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true" };
        await using var emulator = await EmulatorProcess.StartAsync(environment, "--urls", "http://127.0.0.1:0");

        // The forwarded-headers middleware would make this loopback caller 203.0.113.9; the guard must not care.
        var forwardedAway = await emulator.AdminStatusAsync("faults", ("X-Forwarded-For", "203.0.113.9"));
        var rebound = await emulator.AdminStatusAsync("faults", ("X-Forwarded-For", "127.0.0.1"), ("X-Forwarded-Host", "localhost"), ("Host", "evil.example"));

        Assert.Equal(200, forwardedAway);
        Assert.Equal(403, rebound);
    }

    [Fact]
    public async Task State_file_that_is_json_but_not_valid_state_stops_the_start_with_exit_code_2_and_is_left_untouched()
    {
        using var folder = new TempFolder();
        var statePath = folder.File("state.json");
        const string Invalid = "{\"meetings\":null}";
        await File.WriteAllTextAsync(statePath, Invalid);

        using var process = Process.Start(EmulatorProcess.StartInfo("--urls", "http://127.0.0.1:0", "--state", statePath))!;
        var stderr = await process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(statePath, stderr);
        Assert.Contains("meetings", stderr);
        Assert.DoesNotContain("Exception", stderr);
        Assert.Equal("", stdout);
        Assert.Equal(Invalid, await File.ReadAllTextAsync(statePath));
    }

    private sealed class EmulatorProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly HttpClient http;
        private long lastTimeStamp;

        private EmulatorProcess(Process process, string readyLine)
        {
            this.process = process;
            ReadyLine = readyLine;
            BaseAddress = new Uri(Regex.Match(readyLine, "http://\\S+").Value);
            http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        }

        public string ReadyLine { get; }

        public Uri BaseAddress { get; }

        public static ProcessStartInfo StartInfo(params string[] args) => StartInfo(new Dictionary<string, string>(), args);

        public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string[] args)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "BizConf.Emulator.dll");
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(dll);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            foreach (var (name, value) in environment)
            {
                info.Environment[name] = value;
            }

            return info;
        }

        public static Task<EmulatorProcess> StartAsync(params string[] args) =>
            StartAsync(new Dictionary<string, string>(), args);

        public static async Task<EmulatorProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
        {
            var process = Process.Start(StartInfo(environment, args))!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                var stderr = await process.StandardError.ReadToEndAsync();
                throw new InvalidOperationException($"The emulator exited before it was ready: {stderr}");
            }

            return new EmulatorProcess(process, line);
        }

        public async Task<JsonElement> CallAsync(string endpoint, params (string Name, string Value)[] fields)
        {
            var timeStamp = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), lastTimeStamp + 1);
            lastTimeStamp = timeStamp;
            var all = new Dictionary<string, string>
            {
                ["loginName"] = Wire.DemoLogin,
                ["timeStamp"] = timeStamp.ToString(CultureInfo.InvariantCulture),
                ["token"] = Wire.AccountToken(Wire.DemoLogin, Wire.DemoKey, timeStamp),
            };
            foreach (var (name, value) in fields)
            {
                all[name] = value;
            }

            using var response = endpoint == "account/check"
                ? await http.GetAsync("openapi/account/check?" + string.Join("&", all.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")))
                : await http.PostAsync("openapi/" + endpoint, new FormUrlEncodedContent(all));
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        /// <summary>GET /_emulator/{path} with these headers (Host included); the HTTP status.</summary>
        public async Task<int> AdminStatusAsync(string path, params (string Name, string Value)[] headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "_emulator/" + path);
            foreach (var (name, value) in headers)
            {
                if (name == "Host")
                {
                    request.Headers.Host = value;
                }
                else
                {
                    request.Headers.Add(name, value);
                }
            }

            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }

        public Task<JsonElement> AccountCheckAsync() => CallAsync("account/check", ("siteSign", Wire.DemoSite));

        public async Task<int> TerminateAsync()
        {
            using (var kill = Process.Start("kill", new[] { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) }))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode;
        }

        public string RestOfStdout() => process.StandardOutput.ReadToEnd();

        public void Kill()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }
}
