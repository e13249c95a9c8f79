# One site key acting for every account of the site: rows name their host, objects carry their account.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator

    # The rows of examples/hosts.csv, moved by whole weeks so that they lie ahead whatever the year.
    function Get-HostRow { Import-SampleCsv (Join-Path (Get-RepoRoot) 'examples/hosts.csv') }
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'Acting for the site''s accounts' {
    BeforeEach {
        Reset-Emulator $script:emulator
        foreach ($name in 'trainer-li', 'trainer-wang', 'trainer-chen') { Add-EmulatorAccount $script:emulator -LoginName $name }
        Connect-TestSession $script:emulator
        Clear-EmulatorRequest $script:emulator
    }

    Describe 'A CSV whose rows name their host' {
        It 'lands each row on its account, where one account alone would clash' {
            $rows = @(Get-HostRow)
            $made = $rows | New-BizConfMeeting -ErrorVariable failed
            $failed.Count | Should -Be 0
            $made.Count | Should -Be 6
            $made.LoginName | Should -Be $rows.LoginName
            $held = Get-EmulatorMeeting $script:emulator
            foreach ($row in $rows) {
                ($held | Where-Object meetingName -EQ $row.Name).loginName | Should -Be $row.LoginName
            }
            (Get-EmulatorRequest $script:emulator -Endpoint confReservation).fields.loginName | Sort-Object |
                Should -Be ($rows.LoginName | Sort-Object)
        }

        It 'puts every row on the session account when the column is missing, so the clashes show' {
            $rows = @(Get-HostRow | Select-Object Name, StartTime, Duration)
            $made = $rows | New-BizConfMeeting -ErrorVariable failed -ErrorAction SilentlyContinue
            $made.Count | Should -Be 2
            $failed.Count | Should -Be 4
            $failed | ForEach-Object { $_.Exception.Status | Should -Be 202 }
            (Get-EmulatorMeeting $script:emulator).loginName | Sort-Object -Unique | Should -Be 'demo'
        }

        It 'takes the HostLoginName column too, and an empty cell means the session account' {
            $start = Get-FutureTime -Days 3
            $rows = @(
                [pscustomobject]@{ HostLoginName = 'trainer-wang'; Name = 'From HostLoginName'; StartTime = $start; Duration = 30 }
                [pscustomobject]@{ HostLoginName = ''; Name = 'From the session'; StartTime = $start; Duration = 30 }
            )
            $made = $rows | New-BizConfMeeting
            $made.LoginName | Should -Be @('trainer-wang', 'demo')
            (Get-EmulatorMeeting $script:emulator | Sort-Object meetingName).loginName | Should -Be @('trainer-wang', 'demo')
        }

        It 'writes a row for an unknown account as its own error, naming the row, and makes the others' {
            $start = Get-FutureTime -Days 3
            $rows = @(
                [pscustomobject]@{ LoginName = 'trainer-li'; Name = 'Known'; StartTime = $start; Duration = 30 }
                [pscustomobject]@{ LoginName = 'nobody'; Name = 'Unknown host'; StartTime = $start; Duration = 30 }
                [pscustomobject]@{ LoginName = 'trainer-chen'; Name = 'Also known'; StartTime = $start; Duration = 30 }
            )
            $made = $rows | New-BizConfMeeting -ErrorVariable failed -ErrorAction SilentlyContinue
            $made.Name | Should -Be @('Known', 'Also known')
            $failed.Count | Should -Be 1
            $failed[0].Exception.Status | Should -Be 101
            $failed[0].TargetObject | Should -Be $rows[1]
        }
    }

    Describe 'Listing the meetings of several accounts' {
        BeforeEach {
            $null = Get-HostRow | New-BizConfMeeting
            $null = New-BizConfMeeting -Name 'Own meeting' -StartTime (Get-FutureTime -Days 5) -Duration 30
            Clear-EmulatorRequest $script:emulator
        }

        It 'lists each named account in turn, every page, with the filters applied to each' {
            $listed = Get-BizConfMeeting -LoginName trainer-li, trainer-chen -PageSize 1 -Keyword Onboarding
            $listed.Count | Should -Be 4
            $listed.LoginName | Should -Be @('trainer-li', 'trainer-li', 'trainer-chen', 'trainer-chen')
            $log = Get-EmulatorRequest $script:emulator -Endpoint listConf
            $log.Count | Should -Be 4
            $log | ForEach-Object { $_.fields.keyword | Should -Be 'Onboarding' }
            ($log | Where-Object { $_.fields.loginName -eq 'trainer-li' }).fields.pageNo | Sort-Object | Should -Be @('1', '2')
        }

        It 'lists the accounts of piped rows, and the session account when a row names none' {
            $hosts = @(
                [pscustomobject]@{ LoginName = 'trainer-wang' }
                [pscustomobject]@{ LoginName = '' }
            )
            $listed = $hosts | Get-BizConfMeeting
            $listed.LoginName | Should -Be @('trainer-wang', 'trainer-wang', 'demo')
            $listed[2].Name | Should -Be 'Own meeting'
        }

        It 'writes one error naming an unknown account in the middle, and lists the others' {
            $listed = Get-BizConfMeeting -LoginName trainer-li, nobody, trainer-chen -ErrorVariable failed -ErrorAction SilentlyContinue
            $listed.LoginName | Sort-Object -Unique | Should -Be @('trainer-chen', 'trainer-li')
            $listed.Count | Should -Be 4
            $failed.Count | Should -Be 1
            $failed[0].TargetObject | Should -Be 'nobody'
            $failed[0].Exception.Status | Should -Be 101
            $failed[0].ToString() | Should -BeLike "Listing the meetings of account 'nobody' failed: BizConf status 101*"
        }

        It 'writes one error for a locked account, and lists the others' {
            Add-EmulatorAccount $script:emulator -LoginName trainer-wang -Locked
            $listed = Get-BizConfMeeting -LoginName trainer-wang, trainer-li -ErrorVariable failed -ErrorAction SilentlyContinue
            $listed.LoginName | Should -Be @('trainer-li', 'trainer-li')
            $failed.Count | Should -Be 1
            $failed[0].Exception.Status | Should -Be 108
            $failed[0].ToString() | Should -BeLike "Listing the meetings of account 'trainer-wang' failed: *"
        }

        It 'refuses several accounts with -Id, naming LoginName, and sends nothing' {
            Get-BizConfMeeting -Id 1, 2 -LoginName trainer-li, trainer-chen -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed.Count | Should -Be 1
            $failed[0].Exception.ParamName | Should -Be 'LoginName'
            $failed[0].Exception.Message | Should -BeLike 'LoginName must name one account with -Id*'
            (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        }

        It 'reads a meeting by id on the account that holds it' {
            $meeting = Get-BizConfMeeting -LoginName trainer-chen -First 1
            (Get-BizConfMeeting -Id $meeting.Id -LoginName trainer-chen).Name | Should -Be $meeting.Name
            Get-BizConfMeeting -Id $meeting.Id -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed[0].Exception.Status | Should -Be 401
            ($meeting | Get-BizConfMeeting).LoginName | Should -Be 'trainer-chen'
        }
    }

    Describe 'Piped meetings act on their own account' {
        BeforeEach {
            $script:theirs = New-BizConfMeeting -LoginName trainer-wang -Name 'Wang review' -StartTime (Get-FutureTime -Days 3) -Duration 60
            Clear-EmulatorRequest $script:emulator
        }

        It 'changes another account''s piped meeting there' {
            $changed = Get-BizConfMeeting -LoginName trainer-wang | Set-BizConfMeeting -Duration 45 -PassThru
            $changed.Duration | Should -Be 45
            $changed.LoginName | Should -Be 'trainer-wang'
            (Get-EmulatorRequest $script:emulator -Endpoint confModify).fields.loginName | Should -Be 'trainer-wang'
            (Get-EmulatorMeeting $script:emulator | Where-Object id -EQ $script:theirs.Id).duration | Should -Be 45
        }

        It 'cancels another account''s piped meeting there' {
            Get-BizConfMeeting -LoginName trainer-wang | Remove-BizConfMeeting -Force
            (Get-EmulatorRequest $script:emulator -Endpoint cancelConf).fields.loginName | Should -Be 'trainer-wang'
            @(Get-BizConfMeeting -LoginName trainer-wang).Count | Should -Be 0
        }

        It 'asks about another account''s meeting by its real name, reading it there' {
            $whatIf = Invoke-PwshInTimeZone -TimeZone 'UTC' -Script ("Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)'; " +
                "Remove-BizConfMeeting -Id $($script:theirs.Id) -LoginName trainer-wang -WhatIf")
            $whatIf | Should -Match "on target `"Meeting $($script:theirs.Id) on account trainer-wang`""
            (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        }

        It 'fails with 401 on the session account, where the meeting is not' {
            Set-BizConfMeeting -Id $script:theirs.Id -Duration 30 -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed[0].Exception.Status | Should -Be 401
            (Get-EmulatorMeeting $script:emulator | Where-Object id -EQ $script:theirs.Id).duration | Should -Be 60
        }

        It 'binds a bare id piped into Set- and Remove-BizConfMeeting to -Id' {
            $changed = $script:theirs.Id | Set-BizConfMeeting -LoginName trainer-wang -Duration 30 -PassThru
            $changed.Duration | Should -Be 30
            "$($script:theirs.Id)" | Remove-BizConfMeeting -LoginName trainer-wang -Force
            @(Get-BizConfMeeting -LoginName trainer-wang).Count | Should -Be 0
        }

        It 'sets the live stream of another account''s meeting there' {
            $script:theirs | Set-BizConfLiveStream -StreamUrl 'rtmp://push.example/live' -StreamKey 'k-1' -LiveUrl 'https://live.example/1'
            (Get-EmulatorRequest $script:emulator -Endpoint settingLivestream).fields.loginName | Should -Be 'trainer-wang'
            (Get-BizConfMeeting -Id $script:theirs.Id -LoginName trainer-wang).StreamUrl | Should -Be 'rtmp://push.example/live'
        }
    }

    Describe 'Webinars and registration on another account' {
        It 'creates, reads, changes and deletes a webinar of another account, piped with its account' {
            $webinar = New-BizConfWebinar -LoginName trainer-chen -Name 'Chen webinar' -StartTime (Get-FutureTime -Days 4) -Duration 60
            $webinar.LoginName | Should -Be 'trainer-chen'
            ($webinar | Get-BizConfWebinar).LoginName | Should -Be 'trainer-chen'
            ($webinar | Set-BizConfWebinar -Duration 90 -PassThru).Duration | Should -Be 90
            $webinar | Remove-BizConfWebinar -Force
            (Get-EmulatorRequest $script:emulator).fields.loginName | Sort-Object -Unique | Should -Be 'trainer-chen'
        }

        It 'registers 20 people from a pipeline with exactly 20 addRegistrant requests and no read-back' {
            $meeting = New-BizConfMeeting -LoginName trainer-li -Name 'Li partner day' -StartTime (Get-FutureTime -Days 4) -Duration 120 -RequireRegistration
            Clear-EmulatorRequest $script:emulator
            $people = 1..20 | ForEach-Object { [pscustomobject]@{ Email = "person$_@example.com"; FirstName = "Person$_"; LastName = 'Test' } }
            $added = $people | Add-BizConfRegistrant -MeetingId $meeting.Id -LoginName trainer-li
            $added.Count | Should -Be 20
            $added.Email | Should -Be $people.Email
            $added | ForEach-Object { $_.LoginName | Should -Be 'trainer-li'; $_.MeetingNumber | Should -Be $meeting.MeetingNumber }
            (Get-EmulatorRequest $script:emulator).endpoint | Sort-Object -Unique | Should -Be 'addRegistrant'
            (Get-EmulatorRequest $script:emulator -Endpoint addRegistrant).Count | Should -Be 20
            @(Get-BizConfRegistrant -MeetingId $meeting.Id -LoginName trainer-li).Count | Should -Be 20
        }

        It 'gives the registrant even when the service cannot list registrants at the moment' {
            $meeting = New-BizConfMeeting -Name 'Late lister' -StartTime (Get-FutureTime -Days 4) -Duration 60 -RequireRegistration
            Add-EmulatorFault $script:emulator -Endpoint getRegistrants -Kind http503 -Count 50
            $added = Add-BizConfRegistrant -MeetingId $meeting.Id -Email 'ann@example.com' -FirstName Ann -ErrorVariable failed
            $failed.Count | Should -Be 0
            $added.RegistrantId | Should -Match '^[\w-]{22}$'
            $added.JoinUrl | Should -BeLike "*/j/$($meeting.MeetingNumber)?tk=*"
            (Get-EmulatorRequest $script:emulator -Endpoint getRegistrants).Count | Should -Be 0
        }

        It 'sets registration questions and lists registrants on another account' {
            $meeting = New-BizConfMeeting -LoginName trainer-wang -Name 'Wang signup' -StartTime (Get-FutureTime -Days 4) -Duration 60 -RequireRegistration
            $meeting | Set-BizConfRegistrationQuestion -Question @{ FieldName = 'org'; Required = $true }
            $null = $meeting | Add-BizConfRegistrant -Email 'bo@example.com' -FirstName Bo -Organization Acme
            ($meeting | Get-BizConfRegistrant).Email | Should -Be 'bo@example.com'
            (Get-EmulatorRequest $script:emulator).fields.loginName | Sort-Object -Unique | Should -Be 'trainer-wang'
        }

        It 'builds each registrant''s app link with the person''s name' {
            $meeting = New-BizConfMeeting -Name 'Linked' -StartTime (Get-FutureTime -Days 4) -Duration 60 -RequireRegistration
            $links = @(
                [pscustomobject]@{ Email = 'li.wei@example.cn'; FirstName = '伟'; LastName = '李' }
                [pscustomobject]@{ Email = 'ann@example.com'; FirstName = 'Ann'; LastName = '' }
            ) | Add-BizConfRegistrant -MeetingId $meeting.Id | Get-BizConfMeetingLink
            $links.DisplayName | Should -Be @('伟 李', 'Ann')
            $links[0].Uri | Should -Be "cfcloud://www.bizvideo.cn/join?confno=$($meeting.MeetingNumber)&pwd=&uname=%E4%BC%9F%20%E6%9D%8E"
        }

        It 'takes a Name or DisplayName column for the link, and never a piped meeting''s own name' {
            $rows = [pscustomobject]@{ MeetingNumber = '1234567890'; Name = 'Participant Name' }
            ($rows | Get-BizConfMeetingLink).DisplayName | Should -Be 'Participant Name'
            $meeting = New-BizConfMeeting -Name 'Meeting title' -StartTime (Get-FutureTime -Days 4) -Duration 60
            ($meeting | Get-BizConfMeetingLink).DisplayName | Should -BeNullOrEmpty
            ($meeting | Get-BizConfMeetingLink -DisplayName 'Desk').DisplayName | Should -Be 'Desk'
        }
    }
}
