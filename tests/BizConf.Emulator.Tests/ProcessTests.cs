using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

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

    [Fact]
    public async Task Port_in_use_is_one_line_on_stderr_naming_the_address_and_exit_code_2()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        using var process = Process.Start(EmulatorProcess.StartInfo("--urls", address))!;
        var stderr = await process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(address, line);
        Assert.Contains("already in use", line);
        Assert.Contains("--urls http://127.0.0.1:0", line);
        Assert.DoesNotContain("Exception", line);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task State_file_in_a_folder_that_does_not_exist_is_refused_with_exit_code_2()
    {
        using var folder = new TempFolder();
        var statePath = Path.Combine(folder.Path, "missing", "state.json");

        using var process = Process.Start(EmulatorProcess.StartInfo("--urls", "http://127.0.0.1:0", "--state", statePath))!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(statePath, stderr);
        Assert.Contains("does not exist", stderr);
        Assert.False(Directory.Exists(Path.GetDirectoryName(statePath)));
    }
}
