<#
.SYNOPSIS
    The one entry point: Build, Test, Demo, Emulator, Package, Bench.
.DESCRIPTION
    Build    writes the importable module to out/BizConf (manifest, DLLs, format file, en-US help) and the emulator
             to out/emulator.
    Test     builds and packs (Package), writes the test tools to out/testtools, runs every xunit suite and the
             Pester suite (the built module in a real pwsh against real emulator and test tool processes, and both
             packages installed as a user would), prints one closing line
             "N passed, N failed", and exits non-zero on any failure.
    Demo     builds, starts the emulator on a free loopback port, runs examples/demo.ps1 against it, stops it.
    Emulator builds and runs the emulator in the foreground (Ctrl+C stops it).
    Package  builds, then writes out/BizConf.<version>.nupkg (the gallery package of out/BizConf, made with
             PSResourceGet) and out/BizConf.Emulator.<version>.nupkg (the emulator as the .NET tool bizconf-emulator).
    Bench    builds, then measures the figures of record side by side in one run (tools/Invoke-BizConfBench.ps1):
             bulk scheduling against the floor, a faulted soak, a long listing, one key in several processes, import
             time, one host, overlaps, a rationing server, the emulator's --state. Not part of Test; about 15 minutes.
             -Figure 9 (or 6, 8, ...) measures only the figures named.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench -Figure 9
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Emulator', 'Package', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # For the Emulator task: where it listens.
    [string] $Urls = 'http://127.0.0.1:5080',

    # For the Emulator task: the state file it loads and saves.
    [string] $StatePath,

    # For the Bench task: which figures to measure (1 to 9, as tools/Invoke-BizConfBench.ps1 numbers them); all by default.
    [ValidateRange(1, 9)]
    [int[]] $Figure
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$PSStyle.OutputRendering = 'PlainText'

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'BizConf'
$emulatorOut = Join-Path $out 'emulator'
$resultsOut = Join-Path $out 'test-results'
$testToolsOut = Join-Path $out 'testtools'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Invoke-Native {
    # Runs a program and stops the build when it fails. A plain function taking $args, so that switches such as
    # -v are passed to the program instead of being read as PowerShell's common parameters.
    $filePath, $arguments = $args
    & $filePath @arguments
    if ($LASTEXITCODE -ne 0) { throw "'$filePath $($arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-PwshCommand {
    # The pwsh running this script, as a command line for a child process ('dotnet pwsh' runs pwsh.dll).
    $processPath = [Environment]::ProcessPath
    if ((Split-Path -Leaf $processPath) -match '^dotnet(\.exe)?$') {
        return @($processPath, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($processPath)
}

function Invoke-ChildPwsh {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    $pwsh = Get-PwshCommand
    $exe = $pwsh[0]
    $rest = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') + $Arguments
    # Its output goes to the host, so that only the exit code is this function's result.
    & $exe @rest | Out-Host
    return $LASTEXITCODE
}

function Get-ModuleVersion {
    $props = [xml](Get-Content -LiteralPath (Join-Path $root 'Directory.Build.props') -Raw)
    return $props.Project.PropertyGroup.Version
}

function Get-ReleaseNotes {
    # The latest release section of CHANGELOG.md (an "Unreleased" section above it is passed over), whose heading must
    # name the version of Directory.Build.props: the changelog, the manifest and both packages tell one version.
    $text = Get-Content -LiteralPath (Join-Path $root 'CHANGELOG.md') -Raw
    $match = [regex]::Match($text, '(?ms)^## \[(?!Unreleased\])(?<version>[^\]]+)\][^\n]*\n(?<notes>.*?)(?=^## |\z)')
    if (-not $match.Success) { throw 'CHANGELOG.md has no release heading of the form "## [1.2.3] - yyyy-MM-dd".' }
    $version = Get-ModuleVersion
    if ($match.Groups['version'].Value -ne $version) {
        throw "The latest heading of CHANGELOG.md names $($match.Groups['version'].Value), but Directory.Build.props says $version."
    }
    return $match.Groups['notes'].Value.Trim()
}

function Get-NuGetPackagesFolder {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = & dotnet nuget locals global-packages --list
    if ($LASTEXITCODE -ne 0) { throw 'dotnet nuget locals failed.' }
    return ($line -replace '^global-packages:\s*', '').Trim()
}

function Invoke-Build {
    Write-Host "== Build ($Configuration)"
    Invoke-Native dotnet build (Join-Path $root 'BizConf.PowerShell.sln') -c $Configuration --nologo -v quiet '-clp:ErrorsOnly'

    if (Test-Path $moduleOut) { Remove-Item -LiteralPath $moduleOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $moduleOut
    $bin = Join-Path $root "src/BizConf.PowerShell/bin/$Configuration/netstandard2.0"
    Get-ChildItem -LiteralPath $bin -File |
        Where-Object { $_.Extension -in '.dll', '.pdb', '.ps1xml' } |
        Copy-Item -Destination $moduleOut

    # The manifest carries the version of Directory.Build.props, stamped here so there is one source of truth.
    $manifest = Get-Content -LiteralPath (Join-Path $root 'BizConf.psd1') -Raw
    $manifest = $manifest -replace "ModuleVersion(\s*)=(\s*)'[^']*'", "ModuleVersion`$1=`$2'$(Get-ModuleVersion)'"
    # Release notes from the changelog, as a literal here-string (a line may not start with '@, which ends it).
    $notes = Get-ReleaseNotes
    if ($notes -match "(?m)^'@") { throw "CHANGELOG.md: a line of the latest section starts with '@." }
    $manifest = $manifest -replace "ReleaseNotes(\s*)=(\s*)'[^']*'", { "ReleaseNotes$($_.Groups[1].Value)=$($_.Groups[2].Value)@'`n$notes`n'@" }
    Set-Content -LiteralPath (Join-Path $moduleOut 'BizConf.psd1') -Value $manifest -Encoding utf8BOM -NoNewline
    Copy-Item -LiteralPath (Join-Path $root 'LICENSE') -Destination $moduleOut

    Invoke-Native dotnet publish (Join-Path $root 'src/BizConf.Emulator') -c $Configuration -o $emulatorOut --nologo -v quiet '-clp:ErrorsOnly'

    $helpScript = Join-Path $root 'tools/New-BizConfHelp.ps1'
    $code = Invoke-ChildPwsh @('-File', $helpScript, '-ModuleManifest', (Join-Path $moduleOut 'BizConf.psd1'),
        '-DocsPath', (Join-Path $root 'docs'), '-OutputPath', (Join-Path $moduleOut 'en-US'))
    if ($code -ne 0) { throw "Help generation failed (exit code $code)." }
    Write-Host "Module: $moduleOut"
    Write-Host "Emulator: $(Join-Path $emulatorOut 'BizConf.Emulator.dll')"
}

function Invoke-Package {
    Invoke-Build
    $version = Get-ModuleVersion
    $modulePackage = Join-Path $out "BizConf.$version.nupkg"
    $toolPackage = Join-Path $out "BizConf.Emulator.$version.nupkg"
    Remove-Item -LiteralPath $modulePackage, $toolPackage -ErrorAction SilentlyContinue
    Write-Host '== Package'
    # Compress-PSResource is PSResourceGet's Publish-PSResource without a repository: the same manifest checks and
    # the same nuspec, written to a folder, so packing registers nothing in the user's repository list.
    Import-Module Microsoft.PowerShell.PSResourceGet
    Compress-PSResource -Path $moduleOut -DestinationPath $out
    Invoke-Native dotnet pack (Join-Path $root 'src/BizConf.Emulator') -c $Configuration -o $out --nologo -v quiet '-clp:ErrorsOnly'
    foreach ($package in $modulePackage, $toolPackage) {
        if (-not (Test-Path -LiteralPath $package)) { throw "Packing wrote no $package." }
        Write-Host "Package: $package"
    }
}

function Invoke-XunitSuite {
    param([Parameter(Mandatory)] [string] $Project)
    $name = Split-Path -Leaf $Project
    $trx = "$name.trx"
    Write-Host "== xunit: $name"
    & dotnet test $Project -c $Configuration --no-build --nologo -v quiet `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=normal' --results-directory $resultsOut | Out-Host
    $exit = $LASTEXITCODE
    $path = Join-Path $resultsOut $trx
    if (-not (Test-Path -LiteralPath $path)) {
        Write-Host "$name produced no results (exit code $exit)."
        return [pscustomobject]@{ Suite = $name; Passed = 0; Failed = 1; Skipped = 0 }
    }
    $counters = ([xml](Get-Content -LiteralPath $path -Raw)).TestRun.ResultSummary.Counters
    $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    if ($exit -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{ Suite = $name; Passed = [int]$counters.passed; Failed = $failed; Skipped = [int]$counters.notExecuted }
}

function Invoke-PesterSuite {
    Write-Host '== Pester: tests/pester'
    Invoke-Native dotnet restore (Join-Path $root 'tools/Tools.proj') --nologo -v quiet
    $pester = Join-Path (Get-NuGetPackagesFolder) 'pester/5.7.1/tools/Pester.psd1'
    $resultFile = Join-Path $resultsOut 'pester-summary.json'
    Remove-Item -LiteralPath $resultFile -ErrorAction SilentlyContinue
    $code = Invoke-ChildPwsh @('-File', (Join-Path $root 'tools/Invoke-PesterSuite.ps1'), '-PesterPath', $pester,
        '-TestPath', (Join-Path $root 'tests/pester'), '-ModuleManifest', (Join-Path $moduleOut 'BizConf.psd1'),
        '-EmulatorPath', (Join-Path $emulatorOut 'BizConf.Emulator.dll'), '-SummaryPath', $resultFile,
        '-TestToolsPath', (Join-Path $testToolsOut 'BizConf.TestTools.dll'))
    if (-not (Test-Path -LiteralPath $resultFile)) {
        Write-Host "Pester produced no summary (exit code $code)."
        return [pscustomobject]@{ Suite = 'pester'; Passed = 0; Failed = 1; Skipped = 0 }
    }
    $summary = Get-Content -LiteralPath $resultFile -Raw | ConvertFrom-Json
    [pscustomobject]@{ Suite = 'pester'; Passed = $summary.Passed; Failed = $summary.Failed; Skipped = $summary.Skipped }
}

function Invoke-Test {
    # Package builds first; the Pester suite installs both packages as a user would.
    Invoke-Package
    # The misbehaving peers (proxy, gateway, redirect, sink, tls) that the Pester suite starts as processes.
    Invoke-Native dotnet publish (Join-Path $root 'tests/tools/BizConf.TestTools') -c $Configuration -o $testToolsOut --nologo -v quiet '-clp:ErrorsOnly'
    if (Test-Path $resultsOut) { Remove-Item -LiteralPath $resultsOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $resultsOut
    $suites = @(
        Invoke-XunitSuite (Join-Path $root 'tests/BizConf.Client.Tests')
        Invoke-XunitSuite (Join-Path $root 'tests/BizConf.Emulator.Tests')
        Invoke-XunitSuite (Join-Path $root 'tests/BizConf.PowerShell.Tests')
        Invoke-PesterSuite
    )
    Write-Host ''
    $suites | Format-Table -AutoSize | Out-String | Write-Host
    $passed = ($suites | Measure-Object -Property Passed -Sum).Sum
    $failed = ($suites | Measure-Object -Property Failed -Sum).Sum
    $skipped = ($suites | Measure-Object -Property Skipped -Sum).Sum
    # A suite that ran nothing has failed: a green line must mean tests ran.
    $failed += @($suites | Where-Object { $_.Passed + $_.Failed -eq 0 }).Count
    $line = "$passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host $line
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    Import-Module (Join-Path $root 'tools/EmulatorProcess.psm1') -Force
    $emulator = Start-EmulatorProcess -EmulatorPath (Join-Path $emulatorOut 'BizConf.Emulator.dll')
    try {
        Write-Host "== Demo against the emulator at $($emulator.Uri)"
        $code = Invoke-ChildPwsh @('-File', (Join-Path $root 'examples/demo.ps1'), '-BaseUri', $emulator.Uri,
            '-ModulePath', (Join-Path $moduleOut 'BizConf.psd1'))
        if ($code -ne 0) { throw "The demo failed (exit code $code)." }
    }
    finally {
        $emulator | Stop-EmulatorProcess
    }
}

function Invoke-Emulator {
    Invoke-Build
    $arguments = @((Join-Path $emulatorOut 'BizConf.Emulator.dll'), '--urls', $Urls)
    if ($StatePath) { $arguments += @('--state', $StatePath) }
    & dotnet @arguments
}

function Invoke-Bench {
    Invoke-Build
    $script = Join-Path $root 'tools/Invoke-BizConfBench.ps1'
    $manifest = Join-Path $moduleOut 'BizConf.psd1'
    $emulator = Join-Path $emulatorOut 'BizConf.Emulator.dll'
    $arguments = if ($Figure) {
        # -File would read "6,9" as the number 69, so a list of figures goes as a command.
        $quoted = @($script, $manifest, $emulator) | ForEach-Object { "'" + $_.Replace("'", "''") + "'" }
        @('-Command', "& $($quoted[0]) -ModuleManifest $($quoted[1]) -EmulatorPath $($quoted[2]) -Figure $($Figure -join ','); exit 0")
    }
    else {
        @('-File', $script, '-ModuleManifest', $manifest, '-EmulatorPath', $emulator)
    }
    $code = Invoke-ChildPwsh $arguments
    if ($code -ne 0) { throw "The bench failed (exit code $code)." }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Emulator' { Invoke-Emulator }
    'Package' { Invoke-Package }
    'Bench' { Invoke-Bench }
}
