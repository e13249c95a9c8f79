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
    param([Parameter(Mandatory)] $Emulator, [string] $Endpoint = '*', [Parameter(Mandatory)] [string] $Kind, [int] $Count = 1,
        [int] $DelayMs = 0, [int] $RetryAfterSec = 0)
    $body = @{ endpoint = $Endpoint; kind = $Kind; count = $Count; delayMs = $DelayMs; retryAfterSec = $RetryAfterSec } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Uri)/_emulator/faults" -Body $body -ContentType 'application/json'
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
