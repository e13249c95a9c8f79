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

# A sample file keeps its fixed dates, to read well; its rows are moved by one whole number of weeks until the
# earliest start lies ahead of now (weekdays, times of day and the gaps between rows stay), so the demo runs in any year.
function Import-SampleCsv([string] $Name) {
    $format = 'yyyy-MM-dd HH:mm'
    $rows = @(Import-Csv (Join-Path $PSScriptRoot $Name))
    $starts = $rows | ForEach-Object { [datetime]::ParseExact($_.StartTime, $format, [cultureinfo]::InvariantCulture) }
    $weeks = [Math]::Max(0, [Math]::Ceiling(((Get-Date).AddDays(1) - ($starts | Measure-Object -Minimum).Minimum).TotalDays / 7))
    for ($i = 0; $i -lt $rows.Count; $i++) { $rows[$i].StartTime = $starts[$i].AddDays(7 * $weeks).ToString($format, [cultureinfo]::InvariantCulture) }
    $rows
}

Write-Step 'Connect as the seed account (demo / demo-api-key on site demo-site)'
$key = ConvertTo-SecureString 'demo-api-key' -AsPlainText -Force
Connect-BizConf -LoginName demo -ApiKey $key -SiteSign demo-site -BaseUri $BaseUri -PassThru | Show

Write-Step 'Schedule the meetings in examples/meetings.csv'
$scheduled = Import-SampleCsv 'meetings.csv' | New-BizConfMeeting
$scheduled | Show

Write-Step 'One site key acts for every host: schedule examples/hosts.csv, each row on the host it names'
# The emulator's admin API adds the trainers' accounts to the demo site (on the real service they exist already).
foreach ($trainer in 'trainer-li', 'trainer-wang', 'trainer-chen') {
    $account = @{ loginName = $trainer; siteSign = 'demo-site' } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post "$($BaseUri.TrimEnd('/'))/_emulator/accounts" -Body $account -ContentType 'application/json'
}
$hostRows = @(Import-SampleCsv 'hosts.csv')
# Three trainings at the same hour: on one account they would clash (202); each on its own host, all are made.
$hostRows | New-BizConfMeeting -SkipExisting -ThrottleLimit 10 | Select-Object LoginName, MeetingNumber, Name, StartTime, Duration | Show
Write-Host 'Listed per host:'
Get-BizConfMeeting -LoginName trainer-li, trainer-chen | Select-Object LoginName, Name, StartTime | Show
Write-Host 'Running the same file again makes nothing new (-SkipExisting):'
$again = $hostRows | New-BizConfMeeting -SkipExisting
Write-Host "$(@($again).Count) rows, $(@(Get-BizConfMeeting -LoginName trainer-li, trainer-wang, trainer-chen).Count) meetings on the three hosts."

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

Write-Step 'Create a webinar, show it, change it, delete it'
$webinar = New-BizConfWebinar -Name '新品发布会 Product launch' -StartTime (Get-Date).Date.AddDays(10).AddHours(14) -Duration 60 -Audio PhoneAndVoip
$webinar | Show
$webinar | Format-List WebinarNumber, Name, StartTime, JoinUrl, VideoConferenceNumber, VideoPhone | Out-String -Width 200 | Write-Host
$webinar | Set-BizConfWebinar -Duration 90 -ParticipantVideo $false -PassThru | Show
$webinar | Remove-BizConfWebinar -Force
Write-Host "Webinar $($webinar.WebinarNumber) deleted."

Write-Step 'Open a meeting to registration, register examples/registrants.csv, list who registered'
$partnerDay = New-BizConfMeeting -Name 'Partner day' -StartTime (Get-Date).Date.AddDays(12).AddHours(9) -Duration 240 -RequireRegistration
$partnerDay | Set-BizConfRegistrationQuestion -Question @{ FieldName = 'org'; Required = $true } `
    -CustomQuestion @{ Title = 'Attendance'; Type = 'Single'; Answers = 'On site', 'Online' }
Import-Csv (Join-Path $PSScriptRoot 'registrants.csv') | Add-BizConfRegistrant -MeetingId $partnerDay.Id | Show
$null = Add-BizConfRegistrant -MeetingId $partnerDay.Id -Email 'sara.lind@example.se' -FirstName Sara -LastName Lind `
    -Organization 'Lind Consulting' -CustomAnswer @{ Attendance = 'Online' }
$partnerDay | Get-BizConfRegistrant -Status Approved, Pending | Select-Object FirstName, LastName, Email, Status, CustomAnswers | Show

Write-Step 'A join link that opens the BizConf app for a Chinese name'
$partnerDay | Get-BizConfMeetingLink -DisplayName '李伟' | Show

Write-Step 'Hold a short meeting on the emulator, then see who came, the report and the poll'
# A meeting must be scheduled in the future; the emulator's simulate endpoint then moves it into the last
# 20 minutes and lets its guests attend (the same people and votes every time for the same seed).
$standup = New-BizConfMeeting -Name 'Demo stand-up' -StartTime (Get-Date).Date.AddDays(40).AddHours(7) -Duration 20
$simulation = @{ guests = 5; seed = 42; polls = 2 } | ConvertTo-Json
$null = Invoke-RestMethod -Method Post "$($BaseUri.TrimEnd('/'))/_emulator/meetings/$($standup.Id)/simulate" -Body $simulation -ContentType 'application/json'
$report = Get-BizConfMeeting -Id $standup.Id | Get-BizConfReport
$report | Show
$report.Participants | Show
Write-Host 'Poll tally:'
Get-BizConfPoll -MeetingNumber $standup.MeetingNumber | Group-Object Question, Answer -NoElement | Sort-Object Name | Show
Write-Host 'Attendance summary (who attended and for how long):'
# One group per person: by the user-defined id where there is one, as two people may join under the same name.
Get-BizConfAttendee -MeetingId $standup.Id | Group-Object { if ($_.CustomId) { $_.CustomId } else { $_.Name } } | ForEach-Object {
    [pscustomobject]@{
        Name     = $_.Group[0].Name
        Stays    = $_.Count
        Attended = [timespan]::FromSeconds(($_.Group.Duration | Measure-Object -Property TotalSeconds -Sum).Sum)
    }
} | Sort-Object Attended -Descending | Show

Disconnect-BizConf
Write-Host ''
Write-Host 'Demo finished.'
