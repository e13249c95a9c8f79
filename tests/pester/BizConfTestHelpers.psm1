# Shared by the Pester files: a real emulator process per file, the built module, and the emulator's admin API.

$script:RepoRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
Import-Module (Join-Path $script:RepoRoot 'tools/EmulatorProcess.psm1') -Force

function Get-BizConfModulePath {
    if ($env:BIZCONF_MODULE_PATH) { return $env:BIZCONF_MODULE_PATH }
    Join-Path $script:RepoRoot 'out/BizConf/BizConf.psd1'
}

function Get-RepoRoot { $script:RepoRoot }

function Start-TestEmulator {
    param([string] $StatePath)
    $path = if ($env:BIZCONF_EMULATOR_PATH) { $env:BIZCONF_EMULATOR_PATH } else { Join-Path $script:RepoRoot 'out/emulator/BizConf.Emulator.dll' }
    $arguments = @{ EmulatorPath = $path }
    if ($StatePath) { $arguments.StatePath = $StatePath }
    Start-EmulatorProcess @arguments
}

function Stop-TestEmulator {
    param($Emulator)
    if ($Emulator) { $Emulator | Stop-EmulatorProcess }
}

function Reset-Emulator {
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Uri)/_emulator/reset"
}

function Get-EmulatorRequest {
    # The emulator's request log: what really reached the server.
    param([Parameter(Mandatory)] $Emulator, [string] $Endpoint)
    # Invoke-RestMethod writes a JSON array as one object; ForEach-Object unrolls it into entries.
    $log = @(Invoke-RestMethod -Method Get -Uri "$($Emulator.Uri)/_emulator/requests" | ForEach-Object { $_ })
    if ($Endpoint) { $log = @($log | Where-Object endpoint -EQ $Endpoint) }
    , $log
}

function Clear-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.Uri)/_emulator/requests"
}

function Add-EmulatorSite {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $SiteSign, [Parameter(Mandatory)] [string] $ApiKey, [int] $Licences = 100)
    $body = @{ siteSign = $SiteSign; apiKey = $ApiKey; licences = $Licences } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Uri)/_emulator/sites" -Body $body -ContentType 'application/json'
}

function Add-EmulatorAccount {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $LoginName, [string] $SiteSign = 'demo-site',
        [int] $MaxConcurrent = 1, [switch] $Locked)
    $body = @{ loginName = $LoginName; siteSign = $SiteSign; maxConcurrent = $MaxConcurrent; locked = [bool]$Locked } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Uri)/_emulator/accounts" -Body $body -ContentType 'application/json'
}

function Add-EmulatorFault {
    # -NoRetryAfter: an HTTP 429/503 without a Retry-After header, so the client waits its own back-off.
    # -Every: the fault strikes every -Every-th matching request, -Count times.
    param([Parameter(Mandatory)] $Emulator, [string] $Endpoint = '*', [Parameter(Mandatory)] [string] $Kind, [int] $Count = 1,
        [int] $DelayMs = 0, [int] $RetryAfterSec = 0, [switch] $NoRetryAfter, [int] $Every = 1)
    $fault = @{ endpoint = $Endpoint; kind = $Kind; count = $Count; delayMs = $DelayMs; every = $Every }
    if (-not $NoRetryAfter) { $fault.retryAfterSec = $RetryAfterSec }
    $body = $fault | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Uri)/_emulator/faults" -Body $body -ContentType 'application/json'
}

function Get-EmulatorMeeting {
    # Every meeting the emulator holds, of every account, with the loginName it belongs to.
    param([Parameter(Mandatory)] $Emulator)
    @(Invoke-RestMethod -Method Get -Uri "$($Emulator.Uri)/_emulator/meetings" | ForEach-Object { $_ })
}

function ConvertTo-TestSecret {
    param([Parameter(Mandatory)] [string] $Text)
    ConvertTo-SecureString -String $Text -AsPlainText -Force
}

function Connect-TestSession {
    # Connects as the seed account 'demo' unless told otherwise.
    param([Parameter(Mandatory)] $Emulator, [string] $LoginName = 'demo', [string] $ApiKey = 'demo-api-key',
        [string] $SiteSign = 'demo-site', [switch] $PassThru)
    Connect-BizConf -LoginName $LoginName -ApiKey (ConvertTo-TestSecret $ApiKey) -SiteSign $SiteSign -BaseUri $Emulator.Uri `
        -MaxRetry 0 -PassThru:$PassThru
}

function Get-FutureTime {
    # A whole-second instant some days ahead, so no test meets the "start in the past" rule by accident.
    param([double] $Days = 1, [double] $Hours = 0)
    $now = [DateTimeOffset]::Now
    [DateTimeOffset]::new($now.Year, $now.Month, $now.Day, $now.Hour, 0, 0, $now.Offset).AddDays($Days).AddHours($Hours)
}

function Get-FutureYear {
    # A year whose every day lies ahead: dates written with it (03-04, 06-13, 01.06.) never fall into the past.
    (Get-Date).Year + 1
}

function Import-SampleCsv {
    # Reads a sample CSV file of examples/ with its StartTime cells moved by whole weeks (the same for every row),
    # so that the earliest lies at least a day ahead of now: weekdays, times of day and the spacing of the rows stay
    # as written, in any year. The cells stay text in the file's format, as Import-Csv gives them.
    param([Parameter(Mandatory)] [string] $Path)
    $format = 'yyyy-MM-dd HH:mm'
    $rows = @(Import-Csv -LiteralPath $Path)
    $starts = $rows | ForEach-Object { [datetime]::ParseExact($_.StartTime, $format, [cultureinfo]::InvariantCulture) }
    $earliest = ($starts | Measure-Object -Minimum).Minimum
    $weeks = [Math]::Max(0, [Math]::Ceiling(((Get-Date).AddDays(1) - $earliest).TotalDays / 7))
    for ($i = 0; $i -lt $rows.Count; $i++) {
        $rows[$i].StartTime = $starts[$i].AddDays(7 * $weeks).ToString($format, [cultureinfo]::InvariantCulture)
    }
    $rows
}

# A host whose UI answers every confirmation question with a chosen answer and records the question, so a test can
# see whether a cmdlet asked, and what, without anyone at a keyboard. Everything else a host could be asked fails.
$script:RecordingHostSource = @'
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace BizConfTests
{
    public sealed class RecordingHostUI : PSHostUserInterface
    {
        private readonly List<string> prompts = new List<string>();
        private readonly List<DateTimeOffset> promptTimes = new List<DateTimeOffset>();

        public RecordingHostUI(string answer) { Answer = answer; }

        /// <summary>The label of the choice to take, without its hot-key marker: Yes, Yes to All, No, No to All.</summary>
        public string Answer { get; }

        /// <summary>Each question asked, as "caption: message".</summary>
        public string[] Prompts { get { lock (prompts) { return prompts.ToArray(); } } }

        /// <summary>When each question was asked (UTC, on the machine's clock), in the order of Prompts.</summary>
        public DateTimeOffset[] PromptTimes { get { lock (prompts) { return promptTimes.ToArray(); } } }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            lock (prompts) { prompts.Add(caption + ": " + message); promptTimes.Add(DateTimeOffset.UtcNow); }
            for (var i = 0; i < choices.Count; i++)
            {
                if (choices[i].Label.Replace("&", string.Empty) == Answer) { return i; }
            }

            throw new InvalidOperationException("No choice is labelled '" + Answer + "'.");
        }

        public override PSHostRawUserInterface RawUI { get { return null; } }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) { throw new NotSupportedException("Prompt: " + message); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) { throw new NotSupportedException(); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) { throw new NotSupportedException(); }
        public override string ReadLine() { throw new NotSupportedException(); }
        public override SecureString ReadLineAsSecureString() { throw new NotSupportedException(); }
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
    }

    public sealed class RecordingHost : PSHost
    {
        private readonly RecordingHostUI ui;
        private readonly Guid id = Guid.NewGuid();

        public RecordingHost(string answer) { ui = new RecordingHostUI(answer); }

        public RecordingHostUI Recorder { get { return ui; } }
        public override PSHostUserInterface UI { get { return ui; } }
        public override string Name { get { return "BizConfTestsRecordingHost"; } }
        public override Version Version { get { return new Version(1, 0); } }
        public override Guid InstanceId { get { return id; } }
        public override CultureInfo CurrentCulture { get { return CultureInfo.InvariantCulture; } }
        public override CultureInfo CurrentUICulture { get { return CultureInfo.InvariantCulture; } }
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() { throw new NotSupportedException(); }
        public override void ExitNestedPrompt() { throw new NotSupportedException(); }
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }
}
'@

function Invoke-WithRecordingHost {
    # Runs a script in a new runspace whose host answers every question with -Answer and records it, with the built
    # module imported and a session to the emulator. Gives back the questions asked, the output and the errors.
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [ValidateSet('Yes', 'No')] [string] $Answer,
        [Parameter(Mandatory)] [string] $Script)
    if (-not ('BizConfTests.RecordingHost' -as [type])) { Add-Type -TypeDefinition $script:RecordingHostSource }
    $recordingHost = [BizConfTests.RecordingHost]::new($Answer)
    $runspace = [runspacefactory]::CreateRunspace($recordingHost)
    $powershell = [powershell]::Create()
    try {
        $runspace.Open()
        $powershell.Runspace = $runspace
        $null = $powershell.AddScript("`$ErrorActionPreference = 'Stop'; Import-Module '$(Get-BizConfModulePath)'; " +
            "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -SiteSign demo-site " +
            "-BaseUri '$($Emulator.Uri)' -MaxRetry 0; `$ErrorActionPreference = 'Continue'; $Script")
        $output = $powershell.Invoke()
        [pscustomobject]@{ Prompts = $recordingHost.Recorder.Prompts; PromptTimes = $recordingHost.Recorder.PromptTimes
            Output = $output; Errors = @($powershell.Streams.Error) }
    }
    finally {
        $powershell.Dispose()
        $runspace.Dispose()
    }
}

function Invoke-AgainstCannedAnswer {
    # Runs a script in a new runspace, connected (-MaxRetry 0, no site sign) to a one-request HTTP server on loopback
    # that answers with -HttpStatus and -Body, for answers the emulator never gives. Gives back the output, the
    # errors and the path the request asked for.
    param([int] $HttpStatus = 200, [Parameter(Mandatory)] [string] $Body, [Parameter(Mandatory)] [string] $Script)
    $listener = $null
    for ($try = 1; -not $listener; $try++) {
        # A port that was free a moment ago can be taken in between: take another.
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $candidate = [System.Net.HttpListener]::new()
        $candidate.Prefixes.Add("http://127.0.0.1:$port/")
        try { $candidate.Start(); $listener = $candidate }
        catch [System.Net.HttpListenerException] { if ($try -ge 5) { throw } }
    }
    $powershell = [powershell]::Create()
    try {
        $null = $powershell.AddScript("Import-Module '$(Get-BizConfModulePath)'; " +
            "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString canned-key -AsPlainText -Force) -BaseUri 'http://127.0.0.1:$port' -MaxRetry 0; " +
            $Script)
        $running = $powershell.BeginInvoke()
        $arrival = $listener.GetContextAsync()
        if (-not $arrival.Wait([TimeSpan]::FromSeconds(60))) { throw 'No request reached the canned answer within a minute.' }
        $context = $arrival.Result
        $bytes = [System.Text.Encoding]::UTF8.GetBytes($Body)
        $context.Response.StatusCode = $HttpStatus
        $context.Response.ContentType = 'application/json; charset=utf-8'
        $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
        $context.Response.Close()
        $output = $powershell.EndInvoke($running)
        [pscustomobject]@{ Output = $output; Errors = @($powershell.Streams.Error); Path = $context.Request.Url.AbsolutePath }
    }
    finally {
        $powershell.Dispose()
        $listener.Close()
    }
}

function Invoke-PwshInTimeZone {
    # Runs a script in a child pwsh whose local time zone is -TimeZone (through TZ), with the built module imported.
    # CI machines run in UTC, where a missing local-time conversion would go unnoticed.
    param([Parameter(Mandatory)] [string] $TimeZone, [Parameter(Mandatory)] [string] $Script)
    $processPath = [Environment]::ProcessPath
    $start = [System.Diagnostics.ProcessStartInfo]::new($processPath)
    if ((Split-Path -Leaf $processPath) -match '^dotnet(\.exe)?$') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$(Get-BizConfModulePath)'; $Script") {
        $start.ArgumentList.Add($argument)
    }
    $start.Environment['TZ'] = $TimeZone
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $errorText = $process.StandardError.ReadToEndAsync()
    $output = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    if ($process.ExitCode -ne 0) { throw "The child pwsh failed ($($process.ExitCode)): $($errorText.Result)" }
    $output
}

Export-ModuleMember -Function *
