<#
.SYNOPSIS
    A tour of the BizConf module against a running emulator (build.ps1 Demo starts one and runs this).
.EXAMPLE
    ./build.ps1 Emulator          # in one terminal
    ./examples/demo.ps1 -BaseUri http://127.0.0.1:5080 -ModulePath ./out/BizConf/BizConf.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $BaseUri,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/BizConf/BizConf.psd1')
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $ModulePath -Force

function Write-Step([string] $Text) { Write-Host ''; Write-Host "### $Text" }

# Tables at full width even when the output is redirected (a pipe has no console width).
function Show { $input | Format-Table -AutoSize | Out-String -Width 200 | Write-Host }

Write-Step 'Connect as the seed account (demo / demo-api-key on site demo-site)'
$key = ConvertTo-SecureString 'demo-api-key' -AsPlainText -Force
Connect-BizConf -LoginName demo -ApiKey $key -SiteSign demo-site -BaseUri $BaseUri -PassThru | Show

Write-Step 'Schedule the meetings in examples/meetings.csv'
$scheduled = Import-Csv (Join-Path $PSScriptRoot 'meetings.csv') | New-BizConfMeeting
$scheduled | Show

Write-Step 'A clashing meeting is refused (status 202) and the rest of the batch goes on'
$batch = @(
    [pscustomobject]@{ Name = 'Overlaps the review'; StartTime = $scheduled[0].StartTime.AddMinutes(15); Duration = 30 }
    [pscustomobject]@{ Name = 'Design review'; StartTime = $scheduled[0].StartTime.AddDays(3); Duration = 60 }
)
$made = $batch | New-BizConfMeeting -ErrorAction SilentlyContinue -ErrorVariable refused
$made | Show
$refused | ForEach-Object { Write-Host "Refused '$($_.TargetObject.Name)': $($_.Exception.Message)" }

Write-Step 'List the meetings (every page, in start order)'
Get-BizConfMeeting | Show

Write-Step 'Lengthen the operations review to 90 minutes; nothing else changes'
Get-BizConfMeeting -Keyword 'operations' | Set-BizConfMeeting -Duration 90 -PassThru | Show

Write-Step 'Cancel the all-hands'
Get-BizConfMeeting -Keyword 'all-hands' | Remove-BizConfMeeting -Force
Get-BizConfMeeting | Show

Disconnect-BizConf
Write-Host ''
Write-Host 'Demo finished.'
