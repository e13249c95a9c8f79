<#
.SYNOPSIS
    The figures of record (build.ps1 Bench): each measured side by side in one run, against emulators this script
    starts on loopback. Prints one line per figure.
.DESCRIPTION
    1. bulk schedule: 1,000 CSV rows over 50 host accounts at --latency-ms 50: -ThrottleLimit 10, -ThrottleLimit 1, a
       hand-written Invoke-RestMethod loop, and the floor N x latency / 10.
    2. soak: the same rows with every tenth request faulted (429, 503, 103, drop, lost, in turn): meetings made, rows
       written, errors, meetings made twice.
    3. list: 20,000 meetings through the pipeline: time per meeting against the page floor, and working-set growth.
    4. shared key: 3 processes x 300 reads with one key at the same time: failures.
    5. import: median of 7 fresh-process imports, against an empty module in the same run.
    6-8. one host, overlaps, rationed: tools/Invoke-BizConfBulkBench.ps1.
    9. the emulator's --state against memory, and restarts of a large state: tools/Measure-EmulatorState.ps1.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $Rows = 1000,
    [int] $Hosts = 50,
    [int] $LatencyMs = 50,
    [int] $ListSize = 20000,
    [int] $SharedProcesses = 3,
    [int] $SharedReads = 300,
    # Which figures to measure (all by default).
    [ValidateRange(1, 9)] [int[]] $Figure = @(1, 2, 3, 4, 5, 6, 7, 8, 9)
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$PSStyle.OutputRendering = 'PlainText'
Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
Import-Module $ModuleManifest -Force
$culture = [Globalization.CultureInfo]::InvariantCulture

function Get-PwshCommand {
    $processPath = [Environment]::ProcessPath
    if ((Split-Path -Leaf $processPath) -match '^dotnet(\.exe)?$') { return @($processPath, (Join-Path $PSHOME 'pwsh.dll')) }
    @($processPath)
}

function Start-ChildPwsh([string] $Script) {
    # A fresh pwsh running $Script, its output read when it ends.
    $pwsh = Get-PwshCommand
    $start = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Script)) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($start)
    [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Errors = $process.StandardError.ReadToEndAsync() }
}

function Wait-ChildPwsh($Child) {
    $Child.Process.WaitForExit()
    if ($Child.Process.ExitCode -ne 0) { throw "A child pwsh failed ($($Child.Process.ExitCode)): $($Child.Errors.Result)" }
    $Child.Output.Result
}

function Invoke-Admin($Emulator, [string] $Method, [string] $Path, $Body) {
    $arguments = @{ Method = $Method; Uri = "$($Emulator.Uri)/_emulator/$Path" }
    if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Compress); $arguments.ContentType = 'application/json' }
    Invoke-RestMethod @arguments
}

function Add-BenchAccounts($Emulator, [string[]] $Names, [int] $MaxConcurrent = 1) {
    Invoke-Admin $Emulator Post sites @{ siteSign = 'demo-site'; apiKey = 'demo-api-key'; licences = 100000 } | Out-Null
    foreach ($name in $Names) { Invoke-Admin $Emulator Post accounts @{ loginName = $name; siteSign = 'demo-site'; maxConcurrent = $MaxConcurrent } | Out-Null }
}

function Get-HeldMeetings($Emulator) { @(Invoke-Admin $Emulator Get meetings $null | ForEach-Object { $_ }) }

function Connect-Bench($Emulator, [int] $MaxRetry = 3) {
    Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri $Emulator.Uri -MaxRetry $MaxRetry
}

function New-BenchRows([string] $Prefix, [int] $DaysAhead = 30) {
    # $Rows trainings spread over $Hosts accounts, round robin; one host's meetings never overlap, and each run gets
    # days of its own, so runs side by side on one emulator do not clash either.
    $start = [DateTimeOffset]::new([DateTime]::UtcNow.Date.AddDays($DaysAhead), [TimeSpan]::Zero)
    for ($i = 0; $i -lt $Rows; $i++) {
        [pscustomobject]@{
            LoginName = 'host-{0:d2}' -f ($i % $Hosts)
            Name      = "$Prefix training $i"
            StartTime = $start.AddHours([Math]::Floor($i / $Hosts) * 2).ToString('yyyy-MM-dd HH:mm zzz', $culture)
            Duration  = 60
        }
    }
}

function Measure-Seconds([scriptblock] $Block) { [Diagnostics.Stopwatch]::StartNew() | ForEach-Object { & $Block | Out-Null; $_.Elapsed.TotalSeconds } }

function Format-Seconds([double] $Seconds) { $Seconds.ToString('0.0', $culture) + ' s' }

$hostNames = @(0..($Hosts - 1) | ForEach-Object { 'host-{0:d2}' -f $_ })
$lines = [Collections.Generic.List[string]]::new()
function Write-Figure([string] $Line) { $lines.Add($Line); Write-Host $Line }

# 1. Bulk schedule, side by side on one emulator with latency: the module at 10 and at 1, and a hand-written loop.
if (1 -in $Figure) {
    $emulator = Start-EmulatorProcess -EmulatorPath $EmulatorPath -LatencyMs $LatencyMs
    try {
        Add-BenchAccounts $emulator $hostNames
        Connect-Bench $emulator
        $csv = Join-Path ([IO.Path]::GetTempPath()) "bizconf-bench-$([guid]::NewGuid().ToString('n')).csv"
        New-BenchRows 'Parallel' | Export-Csv -LiteralPath $csv -NoTypeInformation
        $parallel = Measure-Seconds { Import-Csv -LiteralPath $csv | New-BizConfMeeting -ThrottleLimit 10 }
        $madeParallel = @(Get-HeldMeetings $emulator).Count
        New-BenchRows 'Serial' 60 | Export-Csv -LiteralPath $csv -NoTypeInformation
        $serial = Measure-Seconds { Import-Csv -LiteralPath $csv | New-BizConfMeeting -ThrottleLimit 1 }
        # The loop an admin would write without the module: sign, post, read the answer, one row after another.
        $loopRows = @(New-BenchRows 'Loop' 90)
        $md5 = [Security.Cryptography.MD5]::Create()
        $loop = Measure-Seconds {
            $last = 0L
            foreach ($row in $loopRows) {
                $stamp = [Math]::Max([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds(), $last + 1); $last = $stamp
                $token = -join ($md5.ComputeHash([Text.Encoding]::UTF8.GetBytes("$($row.LoginName)|demo-api-key|$stamp")) | ForEach-Object { $_.ToString('x2') })
                $wall = [DateTimeOffset]::Parse($row.StartTime, $culture).ToOffset([TimeSpan]::FromHours(8)).ToString('yyyy-MM-dd HH:mm:ss', $culture)
                $answer = Invoke-RestMethod -Method Post -Uri "$($emulator.ApiUri)confReservation" -Body @{
                    loginName = $row.LoginName; timeStamp = "$stamp"; token = $token; confName = $row.Name; startTime = $wall; duration = "$($row.Duration)"
                }
                if ("$($answer.status)" -ne '100') { throw "The hand-written loop was refused: $($answer.status) $($answer.message)" }
            }
        }
        Remove-Item -LiteralPath $csv -ErrorAction SilentlyContinue
        $held = @(Get-HeldMeetings $emulator).Count
        $floor = $Rows * $LatencyMs / 1000.0 / 10
        Write-Figure ("1 bulk schedule: {0} rows over {1} hosts at {2} ms latency: ThrottleLimit 10 {3}, ThrottleLimit 1 {4}, hand-written loop {5}, floor (N x latency / 10) {6}; {7:0.00}x the floor, {8:0.0}x faster than ThrottleLimit 1 ({9} meetings made in all, {10} expected)" -f
            $Rows, $Hosts, $LatencyMs, (Format-Seconds $parallel), (Format-Seconds $serial), (Format-Seconds $loop), (Format-Seconds $floor),
            ($parallel / $floor), ($serial / $parallel), $held, (3 * $Rows))
        if ($madeParallel -ne $Rows) { throw "ThrottleLimit 10 made $madeParallel meetings of $Rows." }
    }
    finally {
        Disconnect-BizConf -ErrorAction SilentlyContinue
        $emulator | Stop-EmulatorProcess
    }
}

# 2. Soak: every tenth request faulted, the kinds in turn; every row must be done exactly once.
if (2 -in $Figure) {
    $emulator = Start-EmulatorProcess -EmulatorPath $EmulatorPath -LatencyMs $LatencyMs
    try {
        Add-BenchAccounts $emulator $hostNames
        Connect-Bench $emulator
        $kinds = 'http429', 'http503', 'status103', 'drop', 'lost'
        foreach ($kind in $kinds) {
            Invoke-Admin $emulator Post faults @{ endpoint = '*'; kind = $kind; count = [int]($Rows / 10 / $kinds.Count) + 1; every = 10 * $kinds.Count; retryAfterSec = 0 } | Out-Null
        }
        $soakRows = @(New-BenchRows 'Soak')
        $soak = Measure-Seconds { $script:written = @($soakRows | New-BizConfMeeting -ThrottleLimit 10 -ErrorVariable script:soakErrors -ErrorAction SilentlyContinue) }
        $log = @(Invoke-Admin $emulator Get requests $null | ForEach-Object { $_ })
        $faulted = @($log | Where-Object { $_.httpStatus -ne 200 -or $_.status -eq 103 }).Count
        $meetings = @(Get-HeldMeetings $emulator)
        $twice = @($meetings | Group-Object meetingName | Where-Object Count -GT 1).Count
        Write-Figure ("2 soak: {0} rows, {1} of {2} requests faulted ({3}): {4} meetings on the emulator, {5} rows written, {6} errors, {7} made twice, in {8}" -f
            $Rows, $faulted, $log.Count, ($kinds -join ', '), $meetings.Count, $written.Count, @($soakErrors).Count, $twice, (Format-Seconds $soak))
    }
    finally {
        Disconnect-BizConf -ErrorAction SilentlyContinue
        $emulator | Stop-EmulatorProcess
    }
}

# 3. List: seed without latency (one account's creates run one at a time), then hold every listConf answer back by
# the latency with the emulator's delay fault, and list through the pipeline in a fresh process.
if (3 -in $Figure) {
    $emulator = Start-EmulatorProcess -EmulatorPath $EmulatorPath
    try {
        Add-BenchAccounts $emulator @('lister') -MaxConcurrent 1
        Connect-Bench $emulator
        $first = [DateTimeOffset]::new([DateTime]::UtcNow.Date.AddDays(2), [TimeSpan]::Zero)
        $seed = Measure-Seconds {
            0..($ListSize - 1) | ForEach-Object { [pscustomobject]@{ Name = "Listed $_"; StartTime = $first.AddMinutes(2 * $_); Duration = 1 } } |
                New-BizConfMeeting -LoginName lister -NoEmail
        }
        # A key signs at most one request per millisecond (timestamps are milliseconds, each used once): a seed faster
        # than that runs this process's timestamps ahead of the clock. Wait until the clock has caught up, or the
        # listing process would find its timestamps already spent.
        $ahead = $ListSize / 1000.0 - $seed
        if ($ahead -gt 0) { Start-Sleep -Milliseconds ([int](1000 * $ahead) + 500) }
        Disconnect-BizConf
        Invoke-Admin $emulator Post faults @{ endpoint = 'listConf'; kind = 'delay'; delayMs = $LatencyMs; count = 1000000 } | Out-Null
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
Connect-BizConf -LoginName lister -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($emulator.Uri)'
[GC]::Collect(); `$process = [Diagnostics.Process]::GetCurrentProcess(); `$before = `$process.WorkingSet64
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$count = (Get-BizConfMeeting -ThrottleLimit 10 | Measure-Object).Count
`$seconds = `$watch.Elapsed.TotalSeconds
`$process.Refresh()
"{0} {1} {2}" -f `$count, `$seconds.ToString([Globalization.CultureInfo]::InvariantCulture), (`$process.PeakWorkingSet64 - `$before)
"@
        $count, $seconds, $growth = (Wait-ChildPwsh (Start-ChildPwsh $script)).Trim().Split(' ')
        $pages = [Math]::Ceiling($ListSize / 50)
        $pageFloor = $pages * $LatencyMs / 1000.0 / 10
        Write-Figure ("3 list: {0} meetings in {1} (seeded in {2}): {3:0.000} ms per meeting, page floor ({4} pages x {5} ms / 10) {6} = {7:0.000} ms per meeting, {8:0.00}x the floor; working set grew {9:0.0} MB at the peak" -f
            $count, (Format-Seconds ([double]::Parse($seconds, $culture))), (Format-Seconds $seed), (1000 * [double]::Parse($seconds, $culture) / [int]$count),
            $pages, $LatencyMs, (Format-Seconds $pageFloor), (1000 * $pageFloor / $ListSize), ([double]::Parse($seconds, $culture) / $pageFloor), ([long]$growth / 1MB))
    }
    finally {
        Disconnect-BizConf -ErrorAction SilentlyContinue
        $emulator | Stop-EmulatorProcess
    }
}

# 4. One key in several processes at once, without latency, where timestamp clashes are likeliest.
if (4 -in $Figure) {
    $emulator = Start-EmulatorProcess -EmulatorPath $EmulatorPath
    try {
        Connect-Bench $emulator
        $meeting = New-BizConfMeeting -Name 'Shared' -StartTime ([DateTimeOffset]::UtcNow.AddDays(3)) -Duration 30
        Disconnect-BizConf
        Invoke-Admin $emulator Delete requests $null | Out-Null
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModuleManifest'
Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($emulator.Uri)' -MaxRetry 0
`$read = @(Get-BizConfMeeting -Id (@($($meeting.Id)) * $SharedReads) -ErrorVariable failed -ErrorAction SilentlyContinue)
"{0} {1}" -f `$read.Count, @(`$failed).Count
"@
        $children = @(1..$SharedProcesses | ForEach-Object { Start-ChildPwsh $script })
        $results = @($children | ForEach-Object { , (Wait-ChildPwsh $_).Trim().Split(' ') })
        $failures = ($results | ForEach-Object { [int]$_[1] } | Measure-Object -Sum).Sum
        $reads = ($results | ForEach-Object { [int]$_[0] } | Measure-Object -Sum).Sum
        $clashes = @(Invoke-Admin $emulator Get requests $null | ForEach-Object { $_ } | Where-Object status -EQ 102).Count
        Write-Figure ("4 shared key: {0} processes x {1} reads with one key (MaxRetry 0): {2} read, {3} failed; {4} timestamp clashes answered 102 and sent once more" -f
            $SharedProcesses, $SharedReads, $reads, $failures, $clashes)
    }
    finally {
        $emulator | Stop-EmulatorProcess
    }
}

# 5. Import time, by the script that the README quotes for it.
if (5 -in $Figure) {
    $import = & (Join-Path $PSScriptRoot 'Measure-BizConfImport.ps1') -ModulePath $ModuleManifest
    Write-Figure ("5 import: " + (@($import) -join '; '))
}

# 6-8. Bulk on one account and against a rationing service, by their own script.
$bulk = @($Figure | Where-Object { $_ -in 6, 7, 8 })
if ($bulk.Count -gt 0) {
    & (Join-Path $PSScriptRoot 'Invoke-BizConfBulkBench.ps1') -ModuleManifest $ModuleManifest -EmulatorPath $EmulatorPath -Figure $bulk -LatencyMs $LatencyMs
}

# 9. The emulator's durable state.
if (9 -in $Figure) {
    Write-Host '9 emulator state:'
    & (Join-Path $PSScriptRoot 'Measure-EmulatorState.ps1') -EmulatorPath $EmulatorPath
}
