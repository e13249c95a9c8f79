# Starts and stops a BizConf emulator process on a free loopback port. Used by build.ps1 (Demo, Emulator) and by
# the Pester suite, so that every run talks to a real process over real HTTP.

function Start-EmulatorProcess {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $EmulatorPath,
        [string] $Urls = 'http://127.0.0.1:0',
        [string] $StatePath,
        [int] $LatencyMs = 0,
        [int] $TimeoutSec = 60
    )

    if (-not (Test-Path -LiteralPath $EmulatorPath)) {
        throw "The emulator is not built: '$EmulatorPath' is missing. Run ./build.ps1 Build first."
    }

    $logDir = Join-Path ([IO.Path]::GetTempPath()) ('bizconf-emulator-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $logDir
    $stdout = Join-Path $logDir 'stdout.txt'
    $stderr = Join-Path $logDir 'stderr.txt'
    $arguments = @($EmulatorPath, '--urls', $Urls)
    if ($StatePath) { $arguments += @('--state', $StatePath) }
    if ($LatencyMs -gt 0) { $arguments += @('--latency-ms', $LatencyMs) }

    # Output goes to files rather than pipes: nothing has to keep reading them for the emulator to go on.
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $stdout -RedirectStandardError $stderr

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    $uri = $null
    while (-not $uri) {
        if ($process.HasExited) {
            $errors = Get-Content -LiteralPath $stderr -Raw -ErrorAction SilentlyContinue
            throw "The emulator exited with code $($process.ExitCode) before it was ready. $errors"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The emulator did not print its ready line within $TimeoutSec s."
        }
        $ready = Select-String -LiteralPath $stdout -Pattern '^BizConf emulator listening on (\S+)' -ErrorAction SilentlyContinue |
            Select-Object -First 1
        if ($ready) { $uri = $ready.Matches[0].Groups[1].Value.TrimEnd('/') } else { Start-Sleep -Milliseconds 100 }
    }

    [pscustomobject]@{
        PSTypeName = 'BizConf.EmulatorProcess'
        Uri        = $uri
        ApiUri     = "$uri/openapi/"
        Process    = $process
        LogFolder  = $logDir
    }
}

function Stop-EmulatorProcess {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        if ($Emulator -and $Emulator.Process -and -not $Emulator.Process.HasExited) {
            Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
            $null = $Emulator.Process.WaitForExit(10000)
        }
        if ($Emulator.LogFolder) { Remove-Item -LiteralPath $Emulator.LogFolder -Recurse -Force -ErrorAction SilentlyContinue }
    }
}

Export-ModuleMember -Function Start-EmulatorProcess, Stop-EmulatorProcess
