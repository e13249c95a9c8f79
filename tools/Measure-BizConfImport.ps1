<#
.SYNOPSIS
    How long `Import-Module BizConf` takes, beside an empty script module in the same pwsh.
.DESCRIPTION
    Starts fresh `pwsh -NoProfile` processes, alternating one that imports the given module with one that imports an
    empty script module, and times only the Import-Module inside each process (a Stopwatch around it), so process
    start-up does not count. Each figure is the median of -Count processes. Alternating the two, in one run, lets
    a busy machine slow both alike. Prints one line per figure:

        BizConf import median: <ms> ms (7 processes)
        Empty module import median: <ms> ms (7 processes)
        Difference: <ms> ms

    The machine's other load moves both figures; compare only figures of one run.
.PARAMETER ModulePath
    The manifest (or folder) of the module to import; default: out/BizConf/BizConf.psd1 beside this script's repository.
.PARAMETER Count
    How many fresh processes for each of the two figures (default 7).
.EXAMPLE
    dotnet pwsh ./tools/Measure-BizConfImport.ps1 -ModulePath ./out/BizConf/BizConf.psd1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/BizConf/BizConf.psd1'),

    [ValidateRange(1, 99)]
    [int] $Count = 7
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath

# The pwsh running this script, as a command line ('dotnet pwsh' runs pwsh.dll under dotnet).
$pwsh = @([Environment]::ProcessPath)
if ((Split-Path -Leaf $pwsh[0]) -match '^dotnet(\.exe)?$') { $pwsh += Join-Path $PSHOME 'pwsh.dll' }

$emptyFolder = Join-Path ([IO.Path]::GetTempPath()) "bizconf-empty-$([guid]::NewGuid().ToString('n'))"
$emptyModule = Join-Path $emptyFolder 'EmptyModule.psm1'
$null = New-Item -ItemType Directory -Path $emptyFolder
Set-Content -LiteralPath $emptyModule -Value '' -Encoding utf8

function Measure-OneImport {
    param([Parameter(Mandatory)] [string] $Path)
    # Single quotes doubled: the path goes into the child's script as a literal string.
    $literal = $Path -replace "'", "''"
    $script = "`$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module -Name '$literal'; `$w.Stop(); " +
        '$w.Elapsed.TotalMilliseconds.ToString([Globalization.CultureInfo]::InvariantCulture)'
    $rest = @($pwsh | Select-Object -Skip 1)
    $output = & $pwsh[0] @rest -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "The child pwsh failed to import '$Path' (exit code $LASTEXITCODE)." }
    [double]::Parse(@($output)[-1], [Globalization.CultureInfo]::InvariantCulture)
}

function Get-Median {
    param([Parameter(Mandatory)] [double[]] $Values)
    $sorted = $Values | Sort-Object
    $middle = [math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

try {
    $module = [Collections.Generic.List[double]]::new()
    $empty = [Collections.Generic.List[double]]::new()
    for ($i = 0; $i -lt $Count; $i++) {
        $module.Add((Measure-OneImport -Path $ModulePath))
        $empty.Add((Measure-OneImport -Path $emptyModule))
    }
}
finally {
    Remove-Item -LiteralPath $emptyFolder -Recurse -Force -ErrorAction SilentlyContinue
}

$moduleMedian = Get-Median $module
$emptyMedian = Get-Median $empty
$name = [IO.Path]::GetFileNameWithoutExtension($ModulePath)
$format = { param($ms) $ms.ToString('0.0', [Globalization.CultureInfo]::InvariantCulture) }
"$name import median: $(& $format $moduleMedian) ms ($Count processes)"
"Empty module import median: $(& $format $emptyMedian) ms ($Count processes)"
"Difference: $(& $format ($moduleMedian - $emptyMedian)) ms"
