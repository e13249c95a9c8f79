BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
    # The sample file's dates, moved by whole weeks to lie ahead of now, as the demo moves them.
    $script:csvPath = Join-Path $TestDrive 'meetings.csv'
    Import-SampleCsv (Join-Path (Get-RepoRoot) 'examples/meetings.csv') | Export-Csv $script:csvPath -NoTypeInformation -Encoding utf8
    $script:year = Get-FutureYear
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'Meeting cmdlets' {
BeforeEach {
    Reset-Emulator $script:emulator
    Connect-TestSession $script:emulator
    Clear-EmulatorRequest $script:emulator
}

Describe 'New-BizConfMeeting' {
    It 'schedules a meeting and returns it with every field' {
        $start = Get-FutureTime -Days 3
        $meeting = New-BizConfMeeting -Name '周会 Weekly' -StartTime $start -Duration 45 -Password 2468 -AllowJoinBeforeHost `
            -Video Off -Audio PhoneAndVoip
        $meeting | Should -BeOfType BizConf.Meeting
        $meeting.Id | Should -BeGreaterThan 0
        $meeting.MeetingNumber | Should -Match '^\d{10}$'
        $meeting.Name | Should -Be '周会 Weekly'
        $meeting.StartTime | Should -Be $start
        $meeting.EndTime | Should -Be $start.AddMinutes(45)
        $meeting.Duration | Should -Be 45
        $meeting.Status | Should -Be 'Scheduled'
        $meeting.Password | Should -Be '2468'
        $meeting.AllowJoinBeforeHost | Should -BeTrue
        $meeting.Video | Should -Be 'Off'
        $meeting.Audio | Should -Be 'PhoneAndVoip'
        $meeting.JoinUrl | Should -Not -BeNullOrEmpty
        $meeting.ProtocolJoinUrl | Should -BeLike "cfcloud://www.bizvideo.cn/join?confno=$($meeting.MeetingNumber)&pwd=2468*"
        $meeting.HostToken | Should -Not -BeNullOrEmpty
    }

    It 'sends the start as China Standard Time wall-clock time and the settings as wire values' {
        $start = [DateTimeOffset]::new($script:year, 3, 4, 1, 30, 0, [TimeSpan]::Zero)
        $null = New-BizConfMeeting -Name 'Wire check' -StartTime $start -Duration 30 -AllowJoinBeforeHost -Video Off -Audio Voip -NoEmail -RequireRegistration
        $fields = (Get-EmulatorRequest $script:emulator -Endpoint confReservation)[0].fields
        $fields.startTime | Should -Be "$($script:year)-03-04 09:30:00"
        $fields.duration | Should -Be '30'
        $fields.optionJbh | Should -Be '1'
        $fields.optionStartType | Should -Be '2'
        $fields.audio | Should -Be '2'
        $fields.isSendEmail | Should -Be 'n'
        $fields.registrationType | Should -Be '1'
        $fields.token | Should -Match '^[0-9a-f]{32}$'
    }

    It 'treats a time without an offset as local time of this machine, with the offset of that day' {
        # A zone of its own, with summer time: CI machines run in UTC, where local time and UTC look the same.
        $script = "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)'; " +
            "(New-BizConfMeeting -Name 'Summer' -StartTime ([datetime]::new($($script:year), 7, 6, 10, 0, 0)) -Duration 30).StartTime.ToString('o'); " +
            "(New-BizConfMeeting -Name 'Winter' -StartTime ([datetime]::new($($script:year), 1, 6, 10, 0, 0)) -Duration 30).StartTime.ToString('o')"
        $lines = @(Invoke-PwshInTimeZone -TimeZone 'America/New_York' -Script $script) -split "`n" | Where-Object { $_.Trim() }
        $lines[0].Trim() | Should -Be "$($script:year)-07-06T10:00:00.0000000-04:00"
        $lines[1].Trim() | Should -Be "$($script:year)-01-06T10:00:00.0000000-05:00"
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation).fields.startTime |
            Should -Be @("$($script:year)-07-06 22:00:00", "$($script:year)-01-06 23:00:00")
    }

    It 'reads and shows times in the local zone of the machine running PowerShell, whatever it is' {
        $script = "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)'; " +
            "`$m = New-BizConfMeeting -Name 'Tokyo' -StartTime '$($script:year)-03-04 10:00' -Duration 30; " +
            "(Get-BizConfMeeting -Id `$m.Id).StartTime.ToString('o'); [TimeZoneInfo]::Local.BaseUtcOffset.ToString()"
        $lines = @(Invoke-PwshInTimeZone -TimeZone 'Asia/Tokyo' -Script $script) -split "`n" | Where-Object { $_.Trim() }
        $lines[1].Trim() | Should -Be '09:00:00'
        $lines[0].Trim() | Should -Be "$($script:year)-03-04T10:00:00.0000000+09:00"
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation)[0].fields.startTime | Should -Be "$($script:year)-03-04 09:00:00"
    }

    It 'refuses a date whose day and month read two ways, naming StartTime and both readings, under culture <_>' -ForEach 'de-DE', 'en-US', 'invariant' {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = if ($_ -eq 'invariant') { [cultureinfo]::InvariantCulture } else { $_ }
            $rows = @(
                [pscustomobject]@{ Name = 'Ambiguous'; StartTime = "01.06.$($script:year) 10:00"; Duration = 30 }
                [pscustomobject]@{ Name = 'Slashes'; StartTime = "06/01/$($script:year) 11:00"; Duration = 30 }
                [pscustomobject]@{ Name = 'Day over 12'; StartTime = "23.01.$($script:year) 10:00"; Duration = 30 }
                [pscustomobject]@{ Name = 'Year first'; StartTime = "$($script:year)-06-01 10:00"; Duration = 30 }
            )
            $made = $rows | New-BizConfMeeting -ErrorVariable failures -ErrorAction SilentlyContinue
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $made.Name | Should -Be @('Day over 12', 'Year first')
        $made[0].StartTime.LocalDateTime | Should -Be ([datetime]::new($script:year, 1, 23, 10, 0, 0))
        $made[1].StartTime.LocalDateTime | Should -Be ([datetime]::new($script:year, 6, 1, 10, 0, 0))
        $failures.Count | Should -Be 2
        $failures[0].ToString() | Should -BeLike "*StartTime*'01.06.$($script:year) 10:00' reads two ways: 1 June $($script:year) with the day first, or 6 January $($script:year) with the month first*Write it year first*"
        $failures[1].ToString() | Should -BeLike "*StartTime*'06/01/$($script:year) 11:00' reads two ways: 6 January $($script:year) with the day first, or 1 June $($script:year) with the month first*"
        @($failures.TargetObject.Name) | Should -Be @('Ambiguous', 'Slashes')
    }

    It 'trims the name' {
        (New-BizConfMeeting -Name '  Spaced out  ' -StartTime (Get-FutureTime -Days 9) -Duration 30).Name | Should -Be 'Spaced out'
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation)[0].fields.confName | Should -Be 'Spaced out'
    }

    It 'schedules every row of examples/meetings.csv from the pipeline' {
        $rows = Import-Csv $script:csvPath
        $meetings = $rows | New-BizConfMeeting
        $meetings.Count | Should -Be $rows.Count
        $meetings.Name | Should -Be $rows.Name
        $meetings.StartTime.LocalDateTime | Should -Be ($rows.StartTime | ForEach-Object { [datetime]::ParseExact($_, 'yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture) })
        $meetings[0].AllowJoinBeforeHost | Should -BeTrue
        $meetings[1].Video | Should -Be 'Off'
        $meetings[1].Audio | Should -Be 'PhoneAndVoip'
        $meetings[2].Video | Should -Be 'On'
        $meetings[2].Audio | Should -Be 'PhoneAndVoip'
        $meetings[3].AllowJoinBeforeHost | Should -BeFalse
        # The rows run side by side, so their requests are found by name, not by arrival.
        $sent = @{}
        $requests = Get-EmulatorRequest $script:emulator -Endpoint confReservation
        foreach ($request in $requests) { $sent[$request.fields.confName] = $request }
        $sent[$rows[3].Name].fields.registrationType | Should -Be '1'
        $sent[$rows[0].Name].fields.PSObject.Properties.Name | Should -Not -Contain 'registrationType'
        $sent[$rows[1].Name].fields.PSObject.Properties.Name | Should -Not -Contain 'hostKey'
        $meetings[3].RequireRegistration | Should -BeTrue
        $meetings[0].RequireRegistration | Should -BeFalse
    }

    It 'counts the items of a long pipeline in a progress bar, and completes it' {
        $powershell = [powershell]::Create()
        try {
            $script = "Import-Module '$(Get-BizConfModulePath)'; " +
                "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)'; " +
                "Import-Csv '$($script:csvPath)' | New-BizConfMeeting"
            $made = $powershell.AddScript($script).Invoke()
            $made.Count | Should -Be 4
            $progress = @($powershell.Streams.Progress | Where-Object Activity -EQ 'Scheduling BizConf meetings')
            # From the second item on; the rows run side by side, so more may be done by the first bar.
            $progress[0].StatusDescription | Should -Match '^[2-4] done, \d in flight, 0 failed$'
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $powershell.Dispose() }
    }

    It 'writes an overlap as a non-terminating 202 error and goes on with the rest' {
        $start = Get-FutureTime -Days 4
        $rows = @(
            [pscustomobject]@{ Name = 'First'; StartTime = $start; Duration = 60 }
            [pscustomobject]@{ Name = 'Clash'; StartTime = $start.AddMinutes(30); Duration = 60 }
            [pscustomobject]@{ Name = 'Later'; StartTime = $start.AddHours(2); Duration = 60 }
        )
        $made = $rows | New-BizConfMeeting -ErrorVariable failures -ErrorAction SilentlyContinue
        $made.Name | Should -Be @('First', 'Later')
        $failures.Count | Should -Be 1
        $failures[0].Exception.Status | Should -Be 202
        $failures[0].FullyQualifiedErrorId | Should -Be 'MeetingConflict,BizConf.PowerShell.Commands.NewBizConfMeetingCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].TargetObject.Name | Should -Be 'Clash'
        $failures[0].Exception.Message | Should -BeLike '*status 202*overlaps another meeting*Server message:*'
    }

    It 'refuses a duration of 0 before sending anything' {
        { New-BizConfMeeting -Name 'Zero' -StartTime (Get-FutureTime) -Duration 0 } | Should -Throw -ExpectedMessage "*parameter 'Duration'*"
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'refuses a start in the past before sending anything, naming StartTime' {
        New-BizConfMeeting -Name 'Yesterday' -StartTime (Get-Date).AddDays(-1) -Duration 30 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Message | Should -BeLike 'StartTime * is in the past*'
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgumentStartTime,*'
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'refuses a string where a number belongs, naming the parameter' {
        { New-BizConfMeeting -Name 'Words' -StartTime (Get-FutureTime) -Duration 'an hour' } |
            Should -Throw -ExpectedMessage "*parameter 'Duration'*'an hour' is not a whole number*"
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'refuses a bad optional cell in a CSV row instead of dropping it (<Column> = <Value>)' -ForEach @(
        @{ Column = 'Video'; Value = 'Sideways'; Message = "*'Sideways' is not one of On, Off*" }
        @{ Column = 'Audio'; Value = '7'; Message = "*'7' is not one of Default, Phone, Voip, PhoneAndVoip*" }
    ) {
        $rows = @(
            [pscustomobject]@{ Name = 'Bad cell'; StartTime = (Get-FutureTime -Days 5); Duration = '30'; $Column = $Value }
            [pscustomobject]@{ Name = 'Fine'; StartTime = (Get-FutureTime -Days 6); Duration = '30' }
        )
        $made = $rows | New-BizConfMeeting -ErrorVariable failures -ErrorAction SilentlyContinue
        $made.Name | Should -Be 'Fine'
        $failures.Count | Should -Be 1
        $failures[0].ToString() | Should -BeLike "*'$Column'*"
        $failures[0].ToString() | Should -BeLike $Message
        $failures[0].TargetObject.Name | Should -Be 'Bad cell'
    }

    It 'refuses a bad CSV row without stopping the others' {
        $rows = @(
            [pscustomobject]@{ Name = 'Good one'; StartTime = (Get-FutureTime -Days 5); Duration = '30' }
            [pscustomobject]@{ Name = 'Bad duration'; StartTime = (Get-FutureTime -Days 6); Duration = 'abc' }
            [pscustomobject]@{ Name = 'Bad flag'; StartTime = (Get-FutureTime -Days 7); Duration = '30'; AllowJoinBeforeHost = 'maybe' }
            [pscustomobject]@{ Name = 'Good two'; StartTime = (Get-FutureTime -Days 8); Duration = '30' }
        )
        $made = $rows | New-BizConfMeeting -ErrorVariable failures -ErrorAction SilentlyContinue
        $made.Name | Should -Be @('Good one', 'Good two')
        $failures.Count | Should -Be 2
        $failures[0].ToString() | Should -BeLike "*'Duration'*'abc' is not a whole number*"
        $failures[0].TargetObject.Name | Should -Be 'Bad duration'
        $failures[1].ToString() | Should -BeLike "*'AllowJoinBeforeHost'*'maybe' is not a boolean*"
        $failures[1].TargetObject.Name | Should -Be 'Bad flag'
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation).Count | Should -Be 2
    }

    It 'takes enums by name or by wire number, and refuses other values' {
        $row = [pscustomobject]@{ Name = 'Numbers'; StartTime = (Get-FutureTime -Days 2); Duration = 30; optionStartType = '2'; audio = '1' }
        $meeting = $row | New-BizConfMeeting
        $meeting.Video | Should -Be 'Off'
        $meeting.Audio | Should -Be 'Phone'
        { New-BizConfMeeting -Name 'x' -StartTime (Get-FutureTime) -Duration 30 -Audio 7 } | Should -Throw -ExpectedMessage "*parameter 'Audio'*"
    }

    It 'sends nothing with -WhatIf' {
        $result = New-BizConfMeeting -Name 'Only a plan' -StartTime (Get-FutureTime) -Duration 30 -WhatIf
        $result | Should -BeNullOrEmpty
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }
}

Describe 'Get-BizConfMeeting' {
    BeforeEach {
        $script:base = Get-FutureTime -Days 10
        $script:made = 0..11 | ForEach-Object {
            New-BizConfMeeting -Name ("{0} {1:00}" -f ($(if ($_ % 2) { 'Standup' } else { 'Review' }), $_)) -StartTime $script:base.AddHours($_) -Duration 30
        }
        Clear-EmulatorRequest $script:emulator
    }

    It 'reads a bare number as an id, and -Keyword only when named' {
        (Get-BizConfMeeting $script:made[2].Id).Name | Should -Be 'Review 02'
        (Get-EmulatorRequest $script:emulator -Endpoint listConf).Count | Should -Be 0
        (Get-BizConfMeeting -Keyword 'Standup 0').Count | Should -Be 5
    }

    It 'fetches nothing for -First 0' {
        Get-BizConfMeeting -First 0 | Should -BeNullOrEmpty
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'gets meetings by id, several at once and from the pipeline' {
        (Get-BizConfMeeting -Id $script:made[0].Id).Name | Should -Be 'Review 00'
        (Get-BizConfMeeting -Id $script:made[1].Id, $script:made[2].Id).Name | Should -Be @('Standup 01', 'Review 02')
        ($script:made[3], $script:made[4] | Get-BizConfMeeting).Name | Should -Be @('Standup 03', 'Review 04')
        ($script:made[5].Id | Get-BizConfMeeting).Name | Should -Be 'Standup 05'
    }

    It 'lists every page, streaming in start order' {
        $all = Get-BizConfMeeting -PageSize 5
        $all.Count | Should -Be 12
        $all.Name | Should -Be $script:made.Name
        $pages = Get-EmulatorRequest $script:emulator -Endpoint listConf
        $pages.Count | Should -Be 3
        # Pages 2 and 3 go out at once: the log holds them in arrival order, so they are compared as a set.
        @($pages.fields.pageNo | Sort-Object) | Should -Be @('1', '2', '3')
        @($pages.fields.pageSize | Select-Object -Unique) | Should -Be @('5')
    }

    It 'filters by keyword and by a start window' {
        (Get-BizConfMeeting -Keyword Standup).Count | Should -Be 6
        $window = Get-BizConfMeeting -From $script:base.AddHours(2) -To $script:base.AddHours(4)
        $window.Name | Should -Be @('Review 02', 'Standup 03', 'Review 04')
        (Get-EmulatorRequest $script:emulator -Endpoint listConf)[-1].fields.startTime |
            Should -Be ([TimeZoneInfo]::ConvertTime($script:base.AddHours(2), [TimeZoneInfo]::FindSystemTimeZoneById('Asia/Shanghai')).ToString('yyyy-MM-dd HH:mm:ss'))
    }

    It 'supports -First, -Skip and -IncludeTotalCount, fetching only the pages needed' {
        $page = Get-BizConfMeeting -PageSize 5 -Skip 6 -First 3
        $page.Name | Should -Be @('Review 06', 'Standup 07', 'Review 08')
        (Get-EmulatorRequest $script:emulator -Endpoint listConf).fields.pageNo | Should -Be @('2')
        $counted = Get-BizConfMeeting -PageSize 50 -First 1 -IncludeTotalCount
        $counted[0].ToString() | Should -BeLike '*12*'
        $counted[1].Name | Should -Be 'Review 00'
    }

    It 'refuses a page size over 50 and a window that ends before it starts' {
        { Get-BizConfMeeting -PageSize 51 } | Should -Throw -ExpectedMessage "*parameter 'PageSize'*"
        { Get-BizConfMeeting -From $script:base -To $script:base.AddDays(-1) } | Should -Throw -ExpectedMessage '*From must not be later than To*'
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'reports a cancelled meeting as 401, per id, and goes on' {
        Remove-BizConfMeeting -Id $script:made[0].Id -Force
        $found = Get-BizConfMeeting -Id $script:made[0].Id, $script:made[1].Id -ErrorVariable failures -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'Standup 01'
        $failures[0].Exception.Status | Should -Be 401
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be $script:made[0].Id
    }

    It 'shows paging progress from the second page on, and completes it' {
        $powershell = [powershell]::Create()
        try {
            $script = "Import-Module '$(Get-BizConfModulePath)'; " +
                "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)'; " +
                "Get-BizConfMeeting -PageSize 5"
            $listed = $powershell.AddScript($script).Invoke()
            $listed.Count | Should -Be 12
            $progress = @($powershell.Streams.Progress | Where-Object Activity -EQ 'Listing BizConf meetings')
            # Pages: the first read alone, the other two in parallel; counted from the second page written on.
            @($progress | Where-Object RecordType -EQ 'Processing')[0].StatusDescription | Should -Match '^[23] of 3 done, \d in flight, 0 failed$'
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $powershell.Dispose() }
    }

    It 'shows a table by default' {
        $text = Get-BizConfMeeting -First 1 | Out-String
        $text | Should -Match 'MeetingNumber\s+Name\s+StartTime\s+Duration\s+Status'
        $text | Should -Match 'Review 00'
    }
}

Describe 'Set-BizConfMeeting' {
    BeforeEach {
        $script:meeting = New-BizConfMeeting -Name 'Planning' -StartTime (Get-FutureTime -Days 3) -Duration 60 -Password 1111 -AllowJoinBeforeHost -Audio Phone
        Clear-EmulatorRequest $script:emulator
    }

    It 'changes only what is given, sending the rest as it was' {
        $changed = Set-BizConfMeeting -Id $script:meeting.Id -Duration 90 -PassThru
        $changed.Duration | Should -Be 90
        $changed.Name | Should -Be 'Planning'
        $changed.Password | Should -Be '1111'
        $changed.AllowJoinBeforeHost | Should -BeTrue
        $changed.Audio | Should -Be 'Phone'
        $changed.StartTime | Should -Be $script:meeting.StartTime
        $sent = (Get-EmulatorRequest $script:emulator -Endpoint confModify)[0].fields
        $sent.confName | Should -Be 'Planning'
        $sent.hostKey | Should -Be '1111'
        $sent.audio | Should -Be '1'
    }

    It 'moves nothing on a round trip through the pipeline' {
        $result = Get-BizConfMeeting -Id $script:meeting.Id | Set-BizConfMeeting -Name 'Planning v2' -PassThru
        $result.Name | Should -Be 'Planning v2'
        $result.StartTime | Should -Be $script:meeting.StartTime
        $result.Duration | Should -Be 60
    }

    It 'refuses a duration out of range before sending anything' {
        Set-BizConfMeeting -Id $script:meeting.Id -Duration 1441 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Message | Should -Be 'Duration must be 1 to 1440 minutes; it is 1441.'
        (Get-EmulatorRequest $script:emulator -Endpoint confModify).Count | Should -Be 0
    }

    It 'takes only the identity from a piped meeting, so a stale copy undoes nothing' {
        $stale = Get-BizConfMeeting -Id $script:meeting.Id
        Set-BizConfMeeting -Id $script:meeting.Id -Name 'Renamed' -Password 9999
        $result = $stale | Set-BizConfMeeting -Duration 30 -PassThru
        $result.Name | Should -Be 'Renamed'
        $result.Password | Should -Be '9999'
        $result.Duration | Should -Be 30
    }

    It 'can turn a switch off and clear the password' {
        $result = Set-BizConfMeeting -Id $script:meeting.Id -AllowJoinBeforeHost:$false -Password '' -PassThru
        $result.AllowJoinBeforeHost | Should -BeFalse
        $result.Password | Should -BeNullOrEmpty
    }

    It 'leaves a setting unchanged where a CSV cell is empty' {
        $rows = "Id,Name,StartTime,Duration,Password,Audio,Video`n$($script:meeting.Id),,,30,,," | ConvertFrom-Csv
        $result = $rows | Set-BizConfMeeting -PassThru
        $result.Name | Should -Be 'Planning'
        $result.Duration | Should -Be 30
        $result.Password | Should -Be '1111'
        $result.Audio | Should -Be 'Phone'
        $result.StartTime | Should -Be $script:meeting.StartTime
    }

    It 'sends nothing at all with -WhatIf, and describes the change from what was given' {
        $whatIf = Invoke-PwshInTimeZone -TimeZone 'UTC' -Script ("Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)'; " +
            "Set-BizConfMeeting -Id $($script:meeting.Id) -Duration 15 -Name 'Plan B' -WhatIf")
        $whatIf | Should -Match "What if: Performing the operation `"Change Name to 'Plan B', Duration to 15 minutes`" on target `"Meeting $($script:meeting.Id) on account demo`""
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        (Get-BizConfMeeting -Id $script:meeting.Id).Duration | Should -Be 60
    }

    It 'sends nothing when no setting is given, and -PassThru then shows the meeting as it is' {
        Set-BizConfMeeting -Id $script:meeting.Id | Should -BeNullOrEmpty
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        (Set-BizConfMeeting -Id $script:meeting.Id -PassThru).Duration | Should -Be 60
        (Get-EmulatorRequest $script:emulator -Endpoint confModify).Count | Should -Be 0
    }

    It 'refuses a bad cell in a CSV row with a clear message, and changes nothing of that row (<Column> = <Value>)' -ForEach @(
        @{ Column = 'Duration'; Value = 'abc'; Message = "*'abc' is not a whole number*" }
        @{ Column = 'StartTime'; Value = 'notadate'; Message = "*'notadate' is not a date and time*" }
        @{ Column = 'Audio'; Value = 'Loud'; Message = "*'Loud' is not one of Default, Phone, Voip, PhoneAndVoip (or their numbers 0, 1, 2, 3)*" }
        @{ Column = 'Video'; Value = 'Sideways'; Message = "*'Sideways' is not one of On, Off (or their numbers 1, 2)*" }
    ) {
        $row = [pscustomobject]@{ Id = "$($script:meeting.Id)"; Name = 'Renamed'; $Column = $Value }
        $row | Set-BizConfMeeting -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].ToString() | Should -BeLike "*'$Column'*"
        $failure[0].ToString() | Should -BeLike $Message
        (Get-EmulatorRequest $script:emulator -Endpoint confModify).Count | Should -Be 0
        (Get-BizConfMeeting -Id $script:meeting.Id).Name | Should -Be 'Planning'
    }

    It 'writes 202 when the move overlaps another meeting' {
        $other = New-BizConfMeeting -Name 'Other' -StartTime $script:meeting.StartTime.AddHours(3) -Duration 60
        Set-BizConfMeeting -Id $other.Id -StartTime $script:meeting.StartTime -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Status | Should -Be 202
    }

    It 'writes 401 for a cancelled meeting' {
        Remove-BizConfMeeting -Id $script:meeting.Id -Force
        Set-BizConfMeeting -Id $script:meeting.Id -Duration 30 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Status | Should -Be 401
        $failure[0].Exception.Message | Should -BeLike '*does not exist, is cancelled, or belongs to another user*'
    }
}

Describe 'Remove-BizConfMeeting' {
    BeforeEach {
        $script:meeting = New-BizConfMeeting -Name 'To cancel' -StartTime (Get-FutureTime -Days 3) -Duration 60
        Clear-EmulatorRequest $script:emulator
    }

    It 'cancels with -Force and the meeting is gone from the list' {
        Remove-BizConfMeeting -Id $script:meeting.Id -Force
        # Nobody is asked, so the meeting is not read to be named: one request.
        $sent = Get-EmulatorRequest $script:emulator
        $sent.endpoint | Should -Be @('cancelConf')
        $sent[0].fields.confId | Should -Be "$($script:meeting.Id)"
        Get-BizConfMeeting | Should -BeNullOrEmpty
    }

    It 'cancels what Get-BizConfMeeting pipes to it' {
        $null = New-BizConfMeeting -Name 'Also to cancel' -StartTime (Get-FutureTime -Days 4) -Duration 30
        Clear-EmulatorRequest $script:emulator
        Get-BizConfMeeting -Keyword cancel | Remove-BizConfMeeting -Confirm:$false
        (Get-EmulatorRequest $script:emulator -Endpoint cancelConf).Count | Should -Be 2
        (Get-EmulatorRequest $script:emulator -Endpoint getConf).Count | Should -Be 0
        Get-BizConfMeeting | Should -BeNullOrEmpty
    }

    It 'is ConfirmImpact High, so it asks unless forced, naming the meeting, and cancels nothing on No' {
        $command = Get-Command Remove-BizConfMeeting
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
        $run = Invoke-WithRecordingHost $script:emulator -Answer No -Script "Remove-BizConfMeeting -Id $($script:meeting.Id)"
        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts.Count | Should -Be 1
        $run.Prompts[0] | Should -BeLike "*`"Cancel`" on target `"Meeting 'To cancel' (Id $($script:meeting.Id), number $($script:meeting.MeetingNumber), *"
        (Get-EmulatorRequest $script:emulator -Endpoint cancelConf).Count | Should -Be 0
        (Get-BizConfMeeting -Id $script:meeting.Id).Status | Should -Be 'Scheduled'
    }

    It 'asks with an explicit -Confirm even with -Force: <Answer> <Outcome>' -ForEach @(
        @{ Answer = 'No'; Outcome = 'keeps the meeting'; Cancelled = 0 }
        @{ Answer = 'Yes'; Outcome = 'cancels it'; Cancelled = 1 }
    ) {
        $run = Invoke-WithRecordingHost $script:emulator -Answer $Answer -Script "Remove-BizConfMeeting -Id $($script:meeting.Id) -Force -Confirm"
        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts.Count | Should -Be 1
        $run.Prompts[0] | Should -BeLike "*Meeting 'To cancel' (Id $($script:meeting.Id),*"
        (Get-EmulatorRequest $script:emulator -Endpoint cancelConf).Count | Should -Be $Cancelled
        @(Get-BizConfMeeting -Keyword 'To cancel').Count | Should -Be (1 - $Cancelled)
    }

    It 'asks nobody with -Force alone, even where someone could answer' {
        $run = Invoke-WithRecordingHost $script:emulator -Answer No -Script "Remove-BizConfMeeting -Id $($script:meeting.Id) -Force"
        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts | Should -BeNullOrEmpty
        (Get-EmulatorRequest $script:emulator -Endpoint cancelConf).Count | Should -Be 1
    }

    It 'sends nothing at all with -WhatIf, even with -Force' {
        Remove-BizConfMeeting -Id $script:meeting.Id -Force -WhatIf
        Remove-BizConfMeeting -Id $script:meeting.Id -WhatIf
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        (Get-BizConfMeeting -Id $script:meeting.Id).Status | Should -Be 'Scheduled'
    }

    It 'writes 401 for a meeting already cancelled and goes on' {
        $second = New-BizConfMeeting -Name 'Second' -StartTime (Get-FutureTime -Days 5) -Duration 30
        Remove-BizConfMeeting -Id $script:meeting.Id -Force
        Remove-BizConfMeeting -Id $script:meeting.Id, $second.Id -Force -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].Exception.Status | Should -Be 401
        Get-BizConfMeeting | Should -BeNullOrEmpty
    }
}

Describe 'Set-BizConfLiveStream' {
    It 'sets the stream and -PassThru shows it on the meeting' {
        $meeting = New-BizConfMeeting -Name 'Town hall' -StartTime (Get-FutureTime -Days 2) -Duration 60
        $result = $meeting | Set-BizConfLiveStream -StreamUrl 'rtmp://live.example.com/app' -StreamKey 'k-123' -LiveUrl 'https://live.example.com/w/1' -PassThru
        $result.StreamUrl | Should -Be 'rtmp://live.example.com/app'
        $result.StreamKey | Should -Be 'k-123'
        $result.LiveUrl | Should -Be 'https://live.example.com/w/1'
        (Get-EmulatorRequest $script:emulator -Endpoint settingLivestream)[0].fields.id | Should -Be "$($meeting.Id)"
    }

    It 'writes nothing without -PassThru, and sends nothing with -WhatIf' {
        $meeting = New-BizConfMeeting -Name 'Quiet' -StartTime (Get-FutureTime -Days 2) -Duration 60
        Set-BizConfLiveStream -Id $meeting.Id -StreamUrl 'rtmp://a/b' -StreamKey 'k' -LiveUrl 'https://c/d' | Should -BeNullOrEmpty
        Set-BizConfLiveStream -Id $meeting.Id -StreamUrl 'rtmp://x/y' -StreamKey 'k2' -LiveUrl 'https://c/e' -WhatIf
        (Get-EmulatorRequest $script:emulator -Endpoint settingLivestream).Count | Should -Be 1
        (Get-BizConfMeeting -Id $meeting.Id).StreamUrl | Should -Be 'rtmp://a/b'
    }
}
}
