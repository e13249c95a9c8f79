using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BizConf.Emulator.Tests.Support;

/// <summary>The built emulator run as its own process, on the real clock, signing as the seed account.</summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private static long lastTimeStamp;

    private readonly Process process;
    private readonly HttpClient http;
    private readonly Task<string> stderr;

    private EmulatorProcess(Process process, string readyLine)
    {
        this.process = process;
        ReadyLine = readyLine;
        BaseAddress = new Uri(Regex.Match(readyLine, "http://\\S+").Value);
        http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

        // Drained from the start, so that the emulator never blocks on a full pipe.
        stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => process.Id;

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

    /// <summary>
    /// A timeStamp on the real clock, above every one handed out before in this test run: emulators restarted on
    /// one state file refuse a token spent before the restart, and several requests may be signed in one millisecond.
    /// </summary>
    public static long NextTimeStamp()
    {
        while (true)
        {
            var last = Interlocked.Read(ref lastTimeStamp);
            var next = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), last + 1);
            if (Interlocked.CompareExchange(ref lastTimeStamp, next, last) == last)
            {
                return next;
            }
        }
    }

    public async Task<JsonElement> CallAsync(string endpoint, params (string Name, string Value)[] fields)
    {
        var timeStamp = NextTimeStamp();
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

    /// <summary>An admin request; the HTTP status and the JSON answered (default when the body is empty).</summary>
    public async Task<(int Status, JsonElement Body)> AdminAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "_emulator/" + path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Everything the process wrote on stderr; only once it has exited.</summary>
    public Task<string> StderrAsync() => stderr;

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
