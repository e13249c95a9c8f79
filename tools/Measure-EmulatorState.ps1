<#
.SYNOPSIS
    What --state costs the emulator: creates in memory against creates with a state file, and restart times.
.DESCRIPTION
    Starts emulator processes on free loopback ports (no --latency-ms), and prints, side by side in one run:

      1. -Creates confReservation requests to an emulator in memory and to one with --state, side by side, in
         three batches sent to each in turn (so that the machine's other load falls on both alike): one at a time
         on empty emulators, then -Concurrency at once; and their ratio.
      2. The same -Concurrency at once with -Held meetings already held (made through the API first, not timed).
      3. Restarts of a state of -RestartMeetings meetings: the first start on a single document of the earlier
         form (which migrates it), a start after a clean stop (the state file alone), and a start after kill -9
         that follows -CrashCreates more creates (the state file and a journal); beside the start of an emulator
         with no state. A start is timed from the process start to its ready line.

    The requests are sent by a small C# client compiled here (Add-Type), so that PowerShell's own per-request cost
    does not hide the emulator's. The machine's other load moves every figure: compare figures of one run only.
    About two minutes on a 2-core machine.
.PARAMETER EmulatorPath
    The built emulator, BizConf.Emulator.dll; default: out/emulator/BizConf.Emulator.dll beside this script's repository.
.EXAMPLE
    dotnet pwsh ./tools/Measure-EmulatorState.ps1 -EmulatorPath ./out/emulator/BizConf.Emulator.dll
#>
[CmdletBinding()]
param(
    [string] $EmulatorPath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/emulator/BizConf.Emulator.dll'),
    [ValidateRange(1, 100000)] [int] $Creates = 3000,
    [ValidateRange(1, 64)] [int] $Concurrency = 10,
    [ValidateRange(0, 1000000)] [int] $Held = 20000,
    [ValidateRange(1, 1000000)] [int] $RestartMeetings = 100000,
    [ValidateRange(1, 100000)] [int] $CrashCreates = 500
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$PSStyle.OutputRendering = 'PlainText'
if (-not (Test-Path -LiteralPath $EmulatorPath)) {
    throw "The emulator is not built: '$EmulatorPath' is missing. Run ./build.ps1 Build first."
}
$EmulatorPath = (Resolve-Path -LiteralPath $EmulatorPath).Path
$culture = [Globalization.CultureInfo]::InvariantCulture

Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EmulatorStateBench
{
    public sealed class Emulator : IDisposable
    {
        private readonly Process process;

        private Emulator(Process process, Uri uri, double readyMs)
        {
            this.process = process;
            Uri = uri;
            ReadyMs = readyMs;
        }

        public Uri Uri { get; }

        public int Pid => process.Id;

        /// <summary>From the process start to its ready line.</summary>
        public double ReadyMs { get; }

        public static Emulator Start(string dll, params string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(dll);
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add("http://127.0.0.1:0");
            foreach (var arg in args) { info.ArgumentList.Add(arg); }
            var clock = Stopwatch.StartNew();
            var process = Process.Start(info);
            var line = process.StandardOutput.ReadLine();
            var ready = clock.Elapsed.TotalMilliseconds;
            if (line == null || !line.StartsWith("BizConf emulator listening on ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The emulator did not start: " + process.StandardError.ReadToEnd());
            }

            process.StandardError.ReadToEndAsync();
            return new Emulator(process, new Uri(line.Substring("BizConf emulator listening on ".Length).TrimEnd('/') + "/"), ready);
        }

        /// <summary>SIGTERM, as Ctrl+C: the emulator writes its whole state and exits. The time that took.</summary>
        public double Stop()
        {
            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", new[] { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) })) { kill.WaitForExit(); }
            process.WaitForExit();
            return clock.Elapsed.TotalMilliseconds;
        }

        public void Kill()
        {
            process.Kill(true);
            process.WaitForExit();
        }

        public void Dispose()
        {
            if (!process.HasExited) { Kill(); }
            process.Dispose();
        }
    }

    public static class Client
    {
        private static long lastTimeStamp;

        /// <summary>Reserves <paramref name="count"/> meetings, <paramref name="concurrency"/> at a time; the milliseconds taken.</summary>
        public static double Create(Uri uri, int count, int concurrency, DateTime firstStartUtc, int firstSlot)
        {
            using (var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(100) })
            {
                var next = firstSlot - 1;
                var last = firstSlot + count;
                var clock = Stopwatch.StartNew();
                var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
                {
                    int slot;
                    while ((slot = Interlocked.Increment(ref next)) < last)
                    {
                        var stamp = NextTimeStamp().ToString(CultureInfo.InvariantCulture);
                        var start = firstStartUtc.AddMinutes(30.0 * slot).AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                        var form = new FormUrlEncodedContent(new Dictionary<string, string>
                        {
                            ["loginName"] = "demo",
                            ["timeStamp"] = stamp,
                            ["token"] = Md5("demo|demo-api-key|" + stamp),
                            ["confName"] = "Bench " + slot.ToString(CultureInfo.InvariantCulture),
                            ["startTime"] = start,
                            ["duration"] = "30",
                        });
                        using (var response = await http.PostAsync("openapi/confReservation", form))
                        {
                            var text = await response.Content.ReadAsStringAsync();
                            using (var answer = JsonDocument.Parse(text))
                            {
                                if (answer.RootElement.GetProperty("status").GetInt32() != 100)
                                {
                                    throw new InvalidOperationException("A create was refused: " + text);
                                }
                            }
                        }
                    }
                })).ToArray();
                Task.WaitAll(workers);
                return clock.Elapsed.TotalMilliseconds;
            }
        }

        /// <summary>A state file of the earlier single-document form holding <paramref name="meetings"/> meetings of demo.</summary>
        public static void WriteEarlierState(string path, int meetings, DateTime firstStartUtc)
        {
            using (var stream = File.Create(path))
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartObject();
                json.WriteNumber("formatVersion", 1);
                json.WriteStartArray("sites");
                json.WriteStartObject(); json.WriteString("siteSign", "demo-site"); json.WriteString("apiKey", "demo-api-key"); json.WriteNumber("licences", 100); json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartArray("accounts");
                json.WriteStartObject(); json.WriteString("loginName", "demo"); json.WriteNumber("userId", 1001); json.WriteString("siteSign", "demo-site"); json.WriteNumber("maxConcurrent", 1); json.WriteBoolean("locked", false); json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartArray("meetings");
                for (var i = 0; i < meetings; i++)
                {
                    var number = (1000000000L + i).ToString(CultureInfo.InvariantCulture);
                    var token = Md5("bench" + number);
                    json.WriteStartObject();
                    json.WriteNumber("id", i + 1);
                    json.WriteString("meetingNo", number);
                    json.WriteString("ownerLoginName", "demo");
                    json.WriteNumber("userId", 1001);
                    json.WriteString("name", "Held " + number);
                    json.WriteString("startUtc", new DateTimeOffset(firstStartUtc.AddMinutes(30.0 * i), TimeSpan.Zero));
                    json.WriteNumber("duration", 30);
                    json.WriteString("hostKey", "");
                    json.WriteNumber("optionJbh", 0);
                    json.WriteNumber("optionStartType", 1);
                    json.WriteNumber("audio", 0);
                    json.WriteBoolean("sendEmail", true);
                    json.WriteNumber("registrationType", 0);
                    json.WriteString("token", token);
                    json.WriteString("joinUrl", "/j/" + number);
                    json.WriteString("startUrl", "/s/" + number + "?token=" + token);
                    json.WriteString("hostStartUrl", "/s/" + number + "?token=" + token);
                    json.WriteString("lifecycle", "Scheduled");
                    json.WriteString("createdUtc", new DateTimeOffset(firstStartUtc.AddDays(-1), TimeSpan.Zero));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("webinars");
                json.WriteEndArray();
                json.WriteNumber("nextMeetingId", meetings + 1);
                json.WriteNumber("nextUserId", 1002);
                json.WriteStartArray("usedTokens");
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }

        private static long NextTimeStamp()
        {
            while (true)
            {
                var last = Interlocked.Read(ref lastTimeStamp);
                var next = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), last + 1);
                if (Interlocked.CompareExchange(ref lastTimeStamp, next, last) == last) { return next; }
            }
        }

        private static string Md5(string text)
        {
            using (var md5 = MD5.Create())
            {
                return string.Concat(md5.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            }
        }
    }
}
'@

$work = Join-Path ([IO.Path]::GetTempPath()) ('bizconf-state-bench-' + [guid]::NewGuid().ToString('n'))
$null = New-Item -ItemType Directory -Path $work
# Meetings start the day after tomorrow, 30 minutes apart, on the seed account (one meeting at a time), so no create clashes.
$firstStart = [DateTime]::UtcNow.Date.AddDays(2)

function Format-Ms([double] $Milliseconds) { ($Milliseconds / 1000).ToString('0.00', $culture) + ' s' }
function Format-Ratio([double] $Ratio) { $Ratio.ToString('0.00', $culture) + 'x' }

function Start-Pair([string] $Name) {
    # One emulator in memory and one with a fresh state file, side by side.
    @{
        Memory = [EmulatorStateBench.Emulator]::Start($EmulatorPath, [string[]] @())
        State  = [EmulatorStateBench.Emulator]::Start($EmulatorPath, [string[]] @('--state', (Join-Path $work "$Name.json")))
        Slot   = 0
    }
}

function Stop-Pair($Pair) { $Pair.Memory.Dispose(); $Pair.State.Dispose() }

function Add-Held($Pair, [int] $Count) {
    foreach ($emulator in $Pair.Memory, $Pair.State) { $null = [EmulatorStateBench.Client]::Create($emulator.Uri, $Count, $Concurrency, $firstStart, $Pair.Slot) }
    $Pair.Slot += $Count
}

function Write-CreateLine($Pair, [string] $Label, [int] $Clients, [string] $Goal) {
    # -Creates in three batches to each emulator in turn, so that the machine's other load falls on both alike.
    $memory = 0.0
    $state = 0.0
    $batch = [Math]::Max(1, [int][Math]::Ceiling($Creates / 3))
    foreach ($round in 1..3) {
        $memory += [EmulatorStateBench.Client]::Create($Pair.Memory.Uri, $batch, $Clients, $firstStart, $Pair.Slot)
        $state += [EmulatorStateBench.Client]::Create($Pair.State.Uri, $batch, $Clients, $firstStart, $Pair.Slot)
        $Pair.Slot += $batch
    }
    '  {0,-44} in memory {1,8}   --state {2,8}   {3,6}{4}' -f $Label, (Format-Ms $memory), (Format-Ms $state), (Format-Ratio ($state / $memory)), $Goal
}

try {
    Write-Output ("Emulator --state: {0:N0} creates each, in three batches taken in turn:" -f (3 * [Math]::Ceiling($Creates / 3)))
    $pair = Start-Pair 'empty'
    try {
        Write-CreateLine $pair 'empty emulator, one at a time' 1 ''
        Write-CreateLine $pair ("{0:N0} held, {1} at once" -f $pair.Slot, $Concurrency) $Concurrency ''
    }
    finally { Stop-Pair $pair }
    $pair = Start-Pair 'held'
    try {
        Add-Held $pair $Held
        Write-CreateLine $pair ("{0:N0} held, {1} at once" -f $Held, $Concurrency) $Concurrency '   (goal: within 1.50x)'
    }
    finally { Stop-Pair $pair }

    $bare = [EmulatorStateBench.Emulator]::Start($EmulatorPath, [string[]] @())
    $bareMs = $bare.ReadyMs
    $bare.Dispose()

    $statePath = Join-Path $work 'restart.json'
    [EmulatorStateBench.Client]::WriteEarlierState($statePath, $RestartMeetings, $firstStart)
    $documentMb = (Get-Item -LiteralPath $statePath).Length / 1MB
    $first = [EmulatorStateBench.Emulator]::Start($EmulatorPath, [string[]] @('--state', $statePath))
    $migrateMs = $first.ReadyMs
    $stopMs = $first.Stop()
    $first.Dispose()
    $clean = [EmulatorStateBench.Emulator]::Start($EmulatorPath, [string[]] @('--state', $statePath))
    $cleanMs = $clean.ReadyMs
    $null = [EmulatorStateBench.Client]::Create($clean.Uri, $CrashCreates, $Concurrency, $firstStart, $RestartMeetings)
    $clean.Kill()
    $clean.Dispose()
    $journalMb = (Get-Item -LiteralPath "$statePath.journal").Length / 1MB
    $crashed = [EmulatorStateBench.Emulator]::Start($EmulatorPath, [string[]] @('--state', $statePath))
    $crashedMs = $crashed.ReadyMs
    $crashed.Dispose()

    Write-Output ("Restart with {0:N0} meetings (an emulator with no state starts in {1}):" -f $RestartMeetings, (Format-Ms $bareMs))
    Write-Output ('  {0,-66} {1,8}' -f ('first start on the earlier single document ({0:N1} MB), migrating it' -f $documentMb), (Format-Ms $migrateMs))
    Write-Output ('  {0,-66} {1,8}' -f 'clean stop (SIGTERM: the whole state written, the journal removed)', (Format-Ms $stopMs))
    Write-Output ('  {0,-66} {1,8}   (goal: under 2 s)' -f 'restart after a clean stop (the state file alone)', (Format-Ms $cleanMs))
    Write-Output ('  {0,-66} {1,8}   (goal: under 2 s)' -f ('restart after kill -9 after {0:N0} more creates (a {1:N1} MB journal)' -f $CrashCreates, $journalMb), (Format-Ms $crashedMs))
}
finally {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
