<#
.SYNOPSIS
    The bulk figures of record on one account and against a rationing service (build.ps1 Bench, figures 6 to 8),
    each side by side in one run, against emulators this script starts on loopback.
.DESCRIPTION
    6. one host: 1,000 rows on one account at --latency-ms 50: the module at -ThrottleLimit 10, against the floor
       (N x latency / 10) and against the script an admin writes by hand (ForEach-Object -Parallel -ThrottleLimit 10
       around Invoke-RestMethod), counting the rows that script loses.
    7. overlaps: the same with 30 % of the rows overlapping the row before them: the outcome of every row at
       -ThrottleLimit 10 against -ThrottleLimit 1, as a count of rows that differ.
    8. rationed: 1,000 rows over 50 hosts at -ThrottleLimit 64 against a service that takes 20 requests a second:
       time against the rate floor (N / 20), the share of requests answered 429, and failures, with the adaptive pace
       and without it (-NoRateAdaptation: every 429 retried against MaxRetry) on the same line.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $Rows = 1000,
    [int] $LatencyMs = 50,
    [int] $Rate = 20,
    [int] $RationedHosts = 50,
    [ValidateRange(6, 8)] [int[]] $Figure = @(6, 7, 8)
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$PSStyle.OutputRendering = 'PlainText'
Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
Import-Module $ModuleManifest -Force
$culture = [Globalization.CultureInfo]::InvariantCulture

function Invoke-Admin($Emulator, [string] $Method, [string] $Path, $Body) {
    $arguments = @{ Method = $Method; Uri = "$($Emulator.Uri)/_emulator/$Path" }
    if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Compress); $arguments.ContentType = 'application/json' }
    Invoke-RestMethod @arguments
}

function Add-Hosts($Emulator, [string[]] $Names) {
    Invoke-Admin $Emulator Post sites @{ siteSign = 'demo-site'; apiKey = 'demo-api-key'; licences = 100000 } | Out-Null
    foreach ($name in $Names) { Invoke-Admin $Emulator Post accounts @{ loginName = $name; siteSign = 'demo-site'; maxConcurrent = 1 } | Out-Null }
}

function Connect-Bench($Emulator, [switch] $NoRateAdaptation) {
    Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri $Emulator.Uri -NoRateAdaptation:$NoRateAdaptation
}

function Measure-Seconds([scriptblock] $Block) { $watch = [Diagnostics.Stopwatch]::StartNew(); & $Block | Out-Null; $watch.Elapsed.TotalSeconds }

function Format-Seconds([double] $Seconds) { $Seconds.ToString('0.0', $culture) + ' s' }

# $Count trainings of one hour, two hours apart, on the hosts in turn; with -Overlapping, three rows in ten start
# half an hour after the row before them instead, on the same host.
function New-Rows([string] $Prefix, [string[]] $Hosts, [int] $Count, [int] $DaysAhead, [switch] $Overlapping) {
    $start = [DateTimeOffset]::new([DateTime]::UtcNow.Date.AddDays($DaysAhead), [TimeSpan]::Zero)
    $at = @{}
    for ($i = 0; $i -lt $Count; $i++) {
        $hostName = $Hosts[$i % $Hosts.Count]
        $slot = [Math]::Floor($i / $Hosts.Count)
        $begin = if ($Overlapping -and ($i % 10) -in 3, 6, 9 -and $at.ContainsKey($hostName)) { $at[$hostName].AddMinutes(30) } else { $start.AddHours(2 * $slot) }
        $at[$hostName] = $begin
        [pscustomobject]@{ LoginName = $hostName; Name = "$Prefix $i"; StartTime = $begin.ToString('yyyy-MM-dd HH:mm zzz', $culture); Duration = 60 }
    }
}

# Every row's outcome by name: made, or the status (or error id) it failed with.
function Get-Outcome($Rows, $Made, $Failed) {
    $outcome = @{}
    foreach ($row in $Rows) { $outcome[$row.Name] = 'not written' }
    foreach ($meeting in $Made) { $outcome[$meeting.Name] = 'made' }
    foreach ($record in $Failed) {
        $status = if ($record.Exception.PSObject.Properties['Status']) { "failed $($record.Exception.Status)" } else { "failed $($record.FullyQualifiedErrorId)" }
        $outcome[$record.TargetObject.Name] = $status
    }

    $outcome
}

# 6. One host: the module against the floor and against the hand-written parallel script.
if (6 -in $Figure) {
    $emulator = Start-EmulatorProcess -EmulatorPath $EmulatorPath -LatencyMs $LatencyMs
    try {
        Add-Hosts $emulator @('solo')
        Connect-Bench $emulator
        $moduleRows = @(New-Rows 'Module' @('solo') $Rows 30)
        $module = Measure-Seconds { $script:made = @($moduleRows | New-BizConfMeeting -ThrottleLimit 10 -ErrorVariable script:failed -ErrorAction SilentlyContinue) }
        $scriptRows = @(New-Rows 'Script' @('solo') $Rows 300)
        $api = $emulator.ApiUri
        $handWritten = Measure-Seconds {
            $script:answers = @($scriptRows | ForEach-Object -ThrottleLimit 10 -Parallel {
                    $row = $_
                    $md5 = [Security.Cryptography.MD5]::Create()
                    $stamp = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
                    $token = -join ($md5.ComputeHash([Text.Encoding]::UTF8.GetBytes("$($row.LoginName)|demo-api-key|$stamp")) | ForEach-Object { $_.ToString('x2') })
                    $wall = [DateTimeOffset]::Parse($row.StartTime, [Globalization.CultureInfo]::InvariantCulture).ToOffset([TimeSpan]::FromHours(8)).ToString('yyyy-MM-dd HH:mm:ss', [Globalization.CultureInfo]::InvariantCulture)
                    $answer = Invoke-RestMethod -Method Post -Uri "$($using:api)confReservation" -Body @{
                        loginName = $row.LoginName; timeStamp = "$stamp"; token = $token; confName = $row.Name; startTime = $wall; duration = "$($row.Duration)"
                    }
                    "$($answer.status)"
                })
        }
        $lost = @($answers | Where-Object { $_ -ne '100' }).Count
        $floor = $Rows * $LatencyMs / 1000.0 / 10
        Write-Host (("6 one host: {0} rows on one account at {1} ms latency: the module at ThrottleLimit 10 {2} ({3} made, {4} failed), " +
            "a ForEach-Object -Parallel -ThrottleLimit 10 script around Invoke-RestMethod {5} ({6} rows lost), floor (N x latency / 10) {7}: {8:0.00}x the floor, {9:0.00}x faster than the script") -f
            $Rows, $LatencyMs, (Format-Seconds $module), $made.Count, @($failed).Count, (Format-Seconds $handWritten), $lost, (Format-Seconds $floor),
            ($module / $floor), ($handWritten / $module))
    }
    finally {
        Disconnect-BizConf -ErrorAction SilentlyContinue
        $emulator | Stop-EmulatorProcess
    }
}

# 7. Overlaps: the same file at 10 and at 1, each on a fresh emulator, compared row by row.
if (7 -in $Figure) {
    $rowsOfFile = @(New-Rows 'Overlap' @('solo') $Rows 30 -Overlapping)
    $outcomes = @{}
    $times = @{}
    foreach ($limit in 10, 1) {
        $emulator = Start-EmulatorProcess -EmulatorPath $EmulatorPath -LatencyMs $LatencyMs
        try {
            Add-Hosts $emulator @('solo')
            Connect-Bench $emulator
            $times[$limit] = Measure-Seconds { $script:made = @($rowsOfFile | New-BizConfMeeting -ThrottleLimit $limit -ErrorVariable script:failed -ErrorAction SilentlyContinue) }
            $outcomes[$limit] = Get-Outcome $rowsOfFile $made $failed
        }
        finally {
            Disconnect-BizConf -ErrorAction SilentlyContinue
            $emulator | Stop-EmulatorProcess
        }
    }

    $differing = @($rowsOfFile | Where-Object { $outcomes[10][$_.Name] -ne $outcomes[1][$_.Name] }).Count
    $refused = @($outcomes[1].Values | Where-Object { $_ -ne 'made' }).Count
    Write-Host ("7 overlaps: {0} rows on one account, 30 % overlapping the row before (so {1} refused 202 at ThrottleLimit 1): ThrottleLimit 10 {2}, ThrottleLimit 1 {3}; rows whose outcome differs: {4}" -f
        $Rows, $refused, (Format-Seconds $times[10]), (Format-Seconds $times[1]), $differing)
}

# 8. Rationed: a service that takes $Rate requests a second per key, adaptive pace against plain retries.
if (8 -in $Figure) {
    $hosts = @(0..($RationedHosts - 1) | ForEach-Object { 'rationed-{0:d2}' -f $_ })
    $results = [ordered]@{}
    foreach ($mode in 'adaptive', 'fixed retry') {
        $emulator = Start-EmulatorProcess -EmulatorPath $EmulatorPath -LatencyMs $LatencyMs
        try {
            Add-Hosts $emulator $hosts
            Connect-Bench $emulator -NoRateAdaptation:($mode -eq 'fixed retry')
            Invoke-Admin $emulator Put rate-limit @{ perSecond = $Rate } | Out-Null
            $rationedRows = @(New-Rows 'Rationed' $hosts $Rows 30)
            $seconds = Measure-Seconds { $script:made = @($rationedRows | New-BizConfMeeting -ThrottleLimit 64 -ErrorVariable script:failed -ErrorAction SilentlyContinue) }
            $log = @(Invoke-Admin $emulator Get requests $null | ForEach-Object { $_ })
            $refusedShare = 100.0 * @($log | Where-Object httpStatus -EQ 429).Count / [Math]::Max(1, $log.Count)
            $meetings = @(Invoke-Admin $emulator Get meetings $null | ForEach-Object { $_ })
            $twice = @($meetings | Group-Object meetingName | Where-Object Count -GT 1).Count
            $results[$mode] = '{0} {1} ({2:0.00}x the rate floor), {3:0.0} % of {4} requests answered 429, {5} failed, {6} made, {7} made twice' -f
                $mode, (Format-Seconds $seconds), ($seconds / ($Rows / $Rate)), $refusedShare, $log.Count, @($failed).Count, $meetings.Count, $twice
        }
        finally {
            Disconnect-BizConf -ErrorAction SilentlyContinue
            $emulator | Stop-EmulatorProcess
        }
    }

    Write-Host ("8 rationed: {0} rows over {1} hosts at ThrottleLimit 64 against {2} requests a second (rate floor N / {2} = {3}): {4}" -f
        $Rows, $RationedHosts, $Rate, (Format-Seconds ($Rows / $Rate)), ($results.Values -join '; '))
}
