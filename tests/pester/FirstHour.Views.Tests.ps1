# The first hour, continued: what the tables show, how times read in exported and selected rows, pipelines from
# listed objects, tab completion from what the session saw, and the README's Quick start run as it stands.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
    $script:year = Get-FutureYear
    $script:iso = "yyyy-MM-dd'T'HH:mm:sszzz"

    # The text of a table grouped by LoginName, split at its group headers: account -> the lines of its groups.
    function Split-ByAccount([string] $Table) {
        $groups = @{}
        $account = $null
        foreach ($line in $Table -split '\r?\n') {
            if ($line -match '^\s*LoginName: (\S+)\s*$') { $account = $Matches[1]; if (-not $groups[$account]) { $groups[$account] = @() }; continue }
            if ($account) { $groups[$account] += $line }
        }
        $groups
    }

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'The first hour: views and pipelines' {
    BeforeEach {
        Reset-Emulator $script:emulator
        Connect-TestSession $script:emulator
        Add-EmulatorAccount $script:emulator -LoginName 'other'
        Clear-EmulatorRequest $script:emulator
    }

    Context 'Default tables' {
        It 'groups the meeting table by account, each row under its own' {
            $null = New-BizConfMeeting -Name 'Ours' -StartTime (Get-FutureTime -Days 2) -Duration 30
            $null = New-BizConfMeeting -Name 'Theirs' -StartTime (Get-FutureTime -Days 3) -Duration 30 -LoginName other
            $groups = Split-ByAccount (Get-BizConfMeeting -LoginName demo, other | Out-String -Width 120)
            @($groups.Keys | Sort-Object) | Should -Be @('demo', 'other')
            ($groups['demo'] -join "`n") | Should -Match '\bOurs\b'
            ($groups['demo'] -join "`n") | Should -Not -Match '\bTheirs\b'
            ($groups['other'] -join "`n") | Should -Match '\bTheirs\b'
            ($groups['other'] -join "`n") | Should -Not -Match '\bOurs\b'
        }

        It 'groups the webinar table by account' {
            $webinar = New-BizConfWebinar -Name 'Launch' -StartTime (Get-FutureTime -Days 3) -Duration 60
            $groups = Split-ByAccount ($webinar | Out-String -Width 120)
            @($groups.Keys) | Should -Be @('demo')
            ($groups['demo'] -join "`n") | Should -Match "$($webinar.WebinarNumber)\s+Launch\b"
        }
    }

    Context 'Times in exported and selected rows' {
        It 'writes ISO 8601 with the offset to Export-Csv and Select-Object, in another culture and zone too' {
            $output = Invoke-PwshInTimeZone -TimeZone 'Asia/Shanghai' -Script @"
[cultureinfo]::CurrentCulture = 'de-DE'
Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)' -MaxRetry 0
`$m = New-BizConfMeeting -Name 'Export' -StartTime '$($script:year)-06-01 10:00' -Duration 45
`$m | Select-Object Name, StartTime, EndTime | ConvertTo-Csv -NoTypeInformation -UseCulture
`$m | Select-Object Name, StartTime | Format-Table -HideTableHeaders | Out-String
'SELECTED ' + (`$m | Select-Object StartTime).StartTime.ToString()
'PLAIN ' + [DateTimeOffset]::new(2000, 1, 2, 3, 4, 0, [TimeSpan]::Zero).ToString()
"@
            $lines = @($output -split '\r?\n' | ForEach-Object TrimEnd)
            $lines | Should -Contain '"Name";"StartTime";"EndTime"'
            $lines | Should -Contain "`"Export`";`"$($script:year)-06-01T10:00:00+08:00`";`"$($script:year)-06-01T10:45:00+08:00`""
            $lines | Should -Contain "Export $($script:year)-06-01T10:00:00+08:00"
            $lines | Should -Contain "SELECTED $($script:year)-06-01T10:00:00+08:00"
            # Only the module's times read so: a [DateTimeOffset] of its own keeps the culture's form.
            $lines | Should -Contain 'PLAIN 02.01.2000 03:04:00 +00:00'
        }

        It 'keeps a selected time a [DateTimeOffset], and reads an exported one back as the same instant' {
            $start = Get-FutureTime -Days 4
            $meeting = New-BizConfMeeting -Name 'Round trip' -StartTime $start -Duration 30
            $selected = ($meeting | Select-Object StartTime).StartTime
            $selected -is [DateTimeOffset] | Should -BeTrue
            $selected.AddMinutes(30) | Should -Be $meeting.EndTime
            $selected.ToString('yyyy-MM-dd HH:mm') | Should -Be $start.ToString('yyyy-MM-dd HH:mm')
            $path = Join-Path $TestDrive 'round-trip.csv'
            $meeting | Export-Csv -LiteralPath $path -NoTypeInformation
            $row = Import-Csv -LiteralPath $path
            $row.StartTime | Should -Be $start.ToString($script:iso)
            $moved = $row | Set-BizConfMeeting -StartTime $row.StartTime -Duration 60 -PassThru
            $moved.StartTime | Should -Be $start
        }
    }

    Context 'Listed registrants' {
        It 'pipe to Get-BizConfMeetingLink as added ones do, carrying the meeting number and topic' {
            $meeting = New-BizConfMeeting -Name 'Partner day' -StartTime (Get-FutureTime -Days 5) -Duration 60 -RequireRegistration
            $added = $meeting | Add-BizConfRegistrant -Email 'ann@example.com' -FirstName Ann -LastName Lee
            $listed = @($meeting | Get-BizConfRegistrant)
            $listed.Count | Should -Be 1
            $listed[0].MeetingNumber | Should -Be $meeting.MeetingNumber
            $listed[0].Topic | Should -Be 'Partner day'
            $fromListed = $listed[0] | Get-BizConfMeetingLink
            $fromAdded = $added | Get-BizConfMeetingLink
            $fromListed.Uri | Should -Be $fromAdded.Uri
            $fromListed.Uri | Should -BeLike "cfcloud://*confno=$($meeting.MeetingNumber)*uname=Ann%20Lee*"
        }
    }

    Context 'Argument completion from what the session saw' {
        It 'completes -LoginName with the accounts the session acted for and listed' {
            @(Get-Completion 'Get-BizConfMeeting -LoginName ').ListItemText | Should -Be @('demo')
            # Listed, though it holds no meeting; an account that cannot be listed is not offered.
            Get-BizConfMeeting -LoginName other | Should -BeNullOrEmpty
            Get-BizConfMeeting -LoginName nobody -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            @(Get-Completion 'Get-BizConfMeeting -LoginName ').ListItemText | Sort-Object | Should -Be @('demo', 'other')
            @(Get-Completion 'Remove-BizConfMeeting -LoginName ot').ListItemText | Should -Be @('other')
        }

        It 'completes -Id and -MeetingId with the meetings seen, shown with name and start, and forgets a cancelled one' {
            $start = Get-FutureTime -Days 6
            $review = New-BizConfMeeting -Name 'Review' -StartTime $start -Duration 30
            $planning = New-BizConfMeeting -Name 'Planning' -StartTime $start.AddDays(1) -Duration 30
            $byId = @(Get-Completion 'Set-BizConfMeeting -Id ')
            $byId.CompletionText | Sort-Object | Should -Be @("$($review.Id)", "$($planning.Id)" | Sort-Object)
            ($byId | Where-Object CompletionText -EQ "$($review.Id)").ListItemText | Should -Be "$($review.Id)  Review  $($start.ToString('yyyy-MM-dd HH:mm'))"
            @(Get-Completion 'Get-BizConfRegistrant -MeetingId Plan').CompletionText | Should -Be @("$($planning.Id)")
            $review | Remove-BizConfMeeting -Force
            @(Get-Completion 'Set-BizConfMeeting -Id ').CompletionText | Should -Be @("$($planning.Id)")
        }
    }

    Context 'The README Quick start' {
        It 'runs as pasted against the emulator, without an error, and leaves the CSV meetings scheduled' {
            $root = Get-RepoRoot
            $readme = Get-Content -LiteralPath (Join-Path $root 'README.md') -Raw
            $section = ($readme -split '(?m)^## ')[1..99] | Where-Object { $_ -like 'Quick start*' } | Select-Object -First 1
            $code = [regex]::Match($section, '(?s)```powershell\r?\n(.*?)```').Groups[1].Value
            # The two places a user adjusts: where the module was built, and the emulator's address.
            $code | Should -Match 'Import-Module \./out/BizConf/BizConf\.psd1'
            $code | Should -Match '-BaseUri http://127\.0\.0\.1:5080'
            $script = $code.Replace('./out/BizConf/BizConf.psd1', "'$(Get-BizConfModulePath)'").Replace('http://127.0.0.1:5080', $script:emulator.Uri)
            $powershell = [powershell]::Create()
            try {
                $null = $powershell.AddScript("Set-Location -LiteralPath '$root'; `$ErrorActionPreference = 'Continue'; $script; 'FAILED ' + @(`$failed).Count")
                $output = @($powershell.Invoke())
                @($powershell.Streams.Error | ForEach-Object { "$_" }) | Should -BeNullOrEmpty
                @($powershell.Streams.Warning | ForEach-Object { "$_" }) | Should -BeNullOrEmpty
                $output[-1] | Should -Be 'FAILED 0'
            }
            finally { $powershell.Dispose() }
            $csv = @(Import-Csv -LiteralPath (Join-Path $root 'examples/meetings.csv'))
            @(Get-BizConfMeeting).Name | Sort-Object | Should -Be @($csv.Name | Sort-Object)
            @(Get-EmulatorMeeting $script:emulator).meetingName | Should -Contain 'Weekly sync'
            # Whatever day it is pasted on: the sync (at its longest, after Set-BizConfMeeting) and no row share an hour of the day.
            $syncStart = 60 * [int][regex]::Match($code, "'Weekly sync' -StartTime \(Get-Date\)\.Date\.AddDays\(7\)\.AddHours\((\d+)\)").Groups[1].Value
            $syncEnd = $syncStart + (([regex]::Matches($code, '-Duration (\d+)') | ForEach-Object { [int]$_.Groups[1].Value } | Measure-Object -Maximum).Maximum)
            $syncStart | Should -BeGreaterThan 0
            foreach ($row in $csv) {
                $rowStart = ([datetime]$row.StartTime).TimeOfDay.TotalMinutes
                ($rowStart -ge $syncEnd -or $rowStart + [int]$row.Duration -le $syncStart) | Should -BeTrue -Because "'$($row.Name)' must not overlap the sync"
            }
            (Get-EmulatorRequest $script:emulator -Endpoint cancelConf).Count | Should -Be 1
        }
    }
}
