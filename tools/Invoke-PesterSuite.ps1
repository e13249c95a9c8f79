<#
.SYNOPSIS
    Runs the Pester suite in this (child) pwsh and writes the counts to a JSON file for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    # BizConf.TestTools.dll, which tests/tools/TestTools.psm1 starts.
    [Parameter(Mandatory)] [string] $TestToolsPath
)

$ErrorActionPreference = 'Stop'
# Pester colours its summary even when redirected; plain text keeps CI logs readable.
$PSStyle.OutputRendering = 'PlainText'
$env:BIZCONF_MODULE_PATH = $ModuleManifest
$env:BIZCONF_EMULATOR_PATH = $EmulatorPath
$env:BIZCONF_TEST_TOOLS = $TestToolsPath
Import-Module $PesterPath -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = 'Plaintext'
$result = Invoke-Pester -Configuration $configuration

$summary = [ordered]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount + $result.NotRunCount
}
$summary | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath -Encoding utf8
if ($summary.Failed -gt 0) { exit 1 }
