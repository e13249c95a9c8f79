BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'Webinar cmdlets' {
BeforeEach {
    Reset-Emulator $script:emulator
    Connect-TestSession $script:emulator
    Clear-EmulatorRequest $script:emulator
}

Describe 'A webinar from creation to deletion' {
    It 'creates, reads, changes and deletes one webinar' {
        $start = Get-FutureTime -Days 2
        $made = New-BizConfWebinar -Name '新品发布 Launch' -StartTime $start -Duration 45 -Password 2024 -Audio Voip
        $made | Should -BeOfType BizConf.Webinar
        $made.WebinarNumber | Should -Match '^\d{11}$'
        $made.Name | Should -Be '新品发布 Launch'
        $made.StartTime | Should -Be $start
        $made.Duration | Should -Be 45
        $made.Password | Should -Be '2024'
        $made.HostVideo | Should -BeTrue
        $made.ParticipantVideo | Should -BeTrue
        $made.Audio | Should -Be 'Voip'
        $made.JoinUrl | Should -BeLike "*/w/$($made.WebinarNumber)"
        $made.StartUrl | Should -BeLike "*/j/$($made.WebinarNumber)/*"
        $made.RoomId | Should -Not -BeNullOrEmpty
        $made.HostUid | Should -Not -BeNullOrEmpty
        $made.HostToken | Should -Not -BeNullOrEmpty
        $made.VideoConferenceNumber | Should -BeNullOrEmpty

        $read = $made | Get-BizConfWebinar
        $read.WebinarNumber | Should -Be $made.WebinarNumber
        $read.StartTime | Should -Be $start

        $changed = $made | Set-BizConfWebinar -Duration 90 -HostVideo $false -PassThru
        $changed.Duration | Should -Be 90
        $changed.HostVideo | Should -BeFalse
        $changed.Name | Should -Be '新品发布 Launch'
        $changed.Password | Should -Be '2024'
        $changed.Audio | Should -Be 'Voip'
        $changed.StartTime | Should -Be $start

        $made | Remove-BizConfWebinar -Force
        Get-BizConfWebinar -WebinarNumber $made.WebinarNumber -ErrorVariable gone -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $gone[0].Exception.Status | Should -Be 401
        (Get-EmulatorRequest $script:emulator).endpoint |
            Should -Be @('createDiyWebinar', 'getWebinarInfo', 'getWebinarInfo', 'updateDiyWebinar', 'deleteWebinar', 'getWebinarInfo')
    }

    It 'sends the webinar fields with the site sign, video on by default, and the start in site time' {
        $year = Get-FutureYear
        $start = [DateTimeOffset]::new($year, 6, 13, 12, 0, 0, [TimeSpan]::Zero)
        $null = New-BizConfWebinar -Name 'Wire' -StartTime $start -Duration 30
        $fields = (Get-EmulatorRequest $script:emulator -Endpoint createDiyWebinar)[0].fields
        $fields.siteSign | Should -Be 'demo-site'
        $fields.startTime | Should -Be "$year-06-13 20:00:00"
        $fields.optionVideoHost | Should -Be '1'
        $fields.optionVideoParticipants | Should -Be '1'
        $fields.audio | Should -Be '0'
        $fields.isPushVideoSteam | Should -Be '0'
        $fields.PSObject.Properties.Name | Should -Not -Contain 'streamUrl'
        $fields.PSObject.Properties.Name | Should -Not -Contain 'password'
    }

    It 'reports the video conference and phone when the audio mixes phone in' {
        $webinar = New-BizConfWebinar -Name 'Dial-in' -StartTime (Get-FutureTime) -Duration 30 -Audio PhoneAndVoip
        $webinar.VideoConferenceNumber | Should -Match '^\d+$'
        $webinar.VideoPhone | Should -Be '+86 4006012733'
    }

    It 'turns the stream on when the three stream settings are given' {
        $webinar = New-BizConfWebinar -Name 'Streamed' -StartTime (Get-FutureTime) -Duration 30 `
            -StreamUrl 'rtmp://push.example/live' -StreamKey 'key-1' -LiveUrl 'https://watch.example/1'
        $webinar.StreamUrl | Should -Be 'rtmp://push.example/live'
        $webinar.StreamKey | Should -Be 'key-1'
        $webinar.LiveUrl | Should -Be 'https://watch.example/1'
        (Get-EmulatorRequest $script:emulator -Endpoint createDiyWebinar)[0].fields.isPushVideoSteam | Should -Be '1'
    }

    It 'keeps the stream through a change of something else, and turns it off with three empty values' {
        $webinar = New-BizConfWebinar -Name 'Streamed' -StartTime (Get-FutureTime) -Duration 30 `
            -StreamUrl 'rtmp://push.example/live' -StreamKey 'key-1' -LiveUrl 'https://watch.example/1'
        $renamed = $webinar | Set-BizConfWebinar -Name 'Renamed' -PassThru
        $renamed.StreamKey | Should -Be 'key-1'
        # The same stale $webinar again: it names the webinar only, so its old Name must not undo the rename.
        $off = $webinar | Set-BizConfWebinar -StreamUrl '' -StreamKey '' -LiveUrl '' -PassThru
        $off.StreamUrl | Should -BeNullOrEmpty
        $off.Name | Should -Be 'Renamed'
        (Get-EmulatorRequest $script:emulator -Endpoint updateDiyWebinar)[1].fields.confName | Should -Be 'Renamed'
        (Get-EmulatorRequest $script:emulator -Endpoint updateDiyWebinar)[1].fields.isPushVideoSteam | Should -Be '0'
    }

    It 'creates webinars from CSV rows, with booleans and audio from text' {
        $rows = @(
            [pscustomobject]@{ Name = 'Row one'; StartTime = (Get-FutureTime -Days 3); Duration = '30'; HostVideo = 'no'; Audio = '1' }
            [pscustomobject]@{ confName = 'Row two'; StartTime = (Get-FutureTime -Days 4); Duration = '60'; optionVideoParticipants = '0' }
        )
        $made = $rows | New-BizConfWebinar
        $made.Name | Should -Be @('Row one', 'Row two')
        $made[0].HostVideo | Should -BeFalse
        $made[0].ParticipantVideo | Should -BeTrue
        $made[0].Audio | Should -Be 'Phone'
        $made[1].HostVideo | Should -BeTrue
        $made[1].ParticipantVideo | Should -BeFalse
    }

    It 'reads empty CSV cells as not given: video stays on when created, and unchanged when set' {
        $created = @"
Name,StartTime,Duration,HostVideo,ParticipantVideo,Audio
Empty cells,$((Get-FutureTime -Days 3).ToString('o')),30,,,
"@ | ConvertFrom-Csv | New-BizConfWebinar
        $created.HostVideo | Should -BeTrue
        $created.ParticipantVideo | Should -BeTrue
        $fields = (Get-EmulatorRequest $script:emulator -Endpoint createDiyWebinar)[0].fields
        $fields.optionVideoHost | Should -Be '1'
        $fields.optionVideoParticipants | Should -Be '1'

        $dark = New-BizConfWebinar -Name 'Dark' -StartTime (Get-FutureTime -Days 4) -Duration 30 -HostVideo $false -ParticipantVideo $false
        $changed = @"
WebinarNumber,Duration,HostVideo,ParticipantVideo
$($dark.WebinarNumber),45,,
"@ | ConvertFrom-Csv | Set-BizConfWebinar -PassThru
        $changed.Duration | Should -Be 45
        $changed.HostVideo | Should -BeFalse
        $changed.ParticipantVideo | Should -BeFalse
    }

    It 'takes a piped webinar number, as Get- and Remove-BizConfWebinar do' {
        $webinar = New-BizConfWebinar -Name 'Piped number' -StartTime (Get-FutureTime) -Duration 30
        $changed = $webinar.WebinarNumber | Set-BizConfWebinar -Duration 60 -PassThru
        $changed.WebinarNumber | Should -Be $webinar.WebinarNumber
        $changed.Duration | Should -Be 60
        $changed.Name | Should -Be 'Piped number'
    }

    It 'asks before deleting without -Force, naming the webinar, and deletes nothing on No' {
        $webinar = New-BizConfWebinar -Name 'Kept' -StartTime (Get-FutureTime) -Duration 30
        Clear-EmulatorRequest $script:emulator
        $run = Invoke-WithRecordingHost $script:emulator -Answer No -Script "Remove-BizConfWebinar $($webinar.WebinarNumber)"
        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts.Count | Should -Be 1
        $run.Prompts[0] | Should -BeLike "*Webinar 'Kept'*$($webinar.WebinarNumber)*"
        (Get-EmulatorRequest $script:emulator -Endpoint getWebinarInfo).Count | Should -Be 1
        (Get-EmulatorRequest $script:emulator -Endpoint deleteWebinar).Count | Should -Be 0
        (Get-BizConfWebinar -WebinarNumber $webinar.WebinarNumber).Name | Should -Be 'Kept'
    }

    It 'asks with an explicit -Confirm even with -Force: <Answer> <Outcome>' -ForEach @(
        @{ Answer = 'No'; Outcome = 'keeps the webinar'; Deleted = 0 }
        @{ Answer = 'Yes'; Outcome = 'deletes it'; Deleted = 1 }
    ) {
        $webinar = New-BizConfWebinar -Name 'Asked' -StartTime (Get-FutureTime) -Duration 30
        Clear-EmulatorRequest $script:emulator
        $run = Invoke-WithRecordingHost $script:emulator -Answer $Answer -Script "Remove-BizConfWebinar $($webinar.WebinarNumber) -Force -Confirm"
        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts.Count | Should -Be 1
        $run.Prompts[0] | Should -BeLike "*Webinar 'Asked'*$($webinar.WebinarNumber)*"
        (Get-EmulatorRequest $script:emulator -Endpoint deleteWebinar).Count | Should -Be $Deleted
        $null = Get-BizConfWebinar -WebinarNumber $webinar.WebinarNumber -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone.Count | Should -Be $Deleted
    }

    It 'asks nobody with -Force alone, even where someone could answer' {
        $webinar = New-BizConfWebinar -Name 'Forced' -StartTime (Get-FutureTime) -Duration 30
        Clear-EmulatorRequest $script:emulator
        $run = Invoke-WithRecordingHost $script:emulator -Answer No -Script "Remove-BizConfWebinar $($webinar.WebinarNumber) -Force"
        $run.Errors | Should -BeNullOrEmpty
        $run.Prompts | Should -BeNullOrEmpty
        # The runspace's Connect-BizConf checks the account; the webinar is deleted unread, as nobody is asked.
        (Get-EmulatorRequest $script:emulator).endpoint | Should -Be @('account/check', 'deleteWebinar')
    }

    It 'asks before deleting and sends no delete under -WhatIf' {
        $webinar = New-BizConfWebinar -Name 'Kept' -StartTime (Get-FutureTime) -Duration 30
        Clear-EmulatorRequest $script:emulator
        Remove-BizConfWebinar -WebinarNumber $webinar.WebinarNumber -WhatIf
        Remove-BizConfWebinar -WebinarNumber $webinar.WebinarNumber -Force -WhatIf
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        Set-BizConfWebinar -WebinarNumber $webinar.WebinarNumber -Duration 45 -WhatIf
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        (Get-Command Remove-BizConfWebinar).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }
}

Describe 'Refusals that send nothing' {
    It 'refuses stream settings given in part (<Given>)' -ForEach @(
        @{ Given = 'StreamUrl'; Missing = 'StreamKey'; Settings = @{ StreamUrl = 'rtmp://a' } }
        @{ Given = 'StreamUrl,StreamKey'; Missing = 'LiveUrl'; Settings = @{ StreamUrl = 'rtmp://a'; StreamKey = 'k' } }
        @{ Given = 'LiveUrl'; Missing = 'StreamUrl'; Settings = @{ LiveUrl = 'https://b' } }
    ) {
        New-BizConfWebinar -Name 'Half' -StartTime (Get-FutureTime) -Duration 30 @Settings -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike "InvalidArgument$Missing,*"
        $refused[0].Exception.Message | Should -BeLike '*give all three or none*'
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'refuses stream settings given in part to Set-BizConfWebinar before reading anything' {
        Set-BizConfWebinar -WebinarNumber 12345678901 -StreamKey 'k' -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgumentStreamUrl,*'
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'refuses a start in the past and a duration out of range' {
        New-BizConfWebinar -Name 'Past' -StartTime (Get-Date).AddHours(-1) -Duration 30 -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgumentStartTime,*'
        $refused[0].Exception.Message | Should -BeLike '*a webinar must start in the future*'
        { New-BizConfWebinar -Name 'Long' -StartTime (Get-FutureTime) -Duration 1441 } | Should -Throw -ExpectedMessage "*parameter 'Duration'*"
        Set-BizConfWebinar -WebinarNumber 12345678901 -Duration 0 -ErrorVariable tooShort -ErrorAction SilentlyContinue
        $tooShort[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgumentDuration,*'
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'sends nothing with -WhatIf' {
        New-BizConfWebinar -Name 'Plan' -StartTime (Get-FutureTime) -Duration 30 -WhatIf | Should -BeNullOrEmpty
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }
}

Describe 'Errors' {
    It 'never sends a create again after <Fault>, which may hide a made webinar' -ForEach @(
        @{ Fault = 'status 103'; Kind = 'status103'; ErrorId = 'ServiceInternalError' }
        @{ Fault = 'a dropped connection'; Kind = 'drop'; ErrorId = 'ConnectionFailed' }
        @{ Fault = 'a timeout'; Kind = 'delay'; ErrorId = 'RequestTimedOut' }
    ) {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -SiteSign demo-site -BaseUri $script:emulator.Uri `
            -MaxRetry 3 -TimeoutSec 1
        Clear-EmulatorRequest $script:emulator
        Add-EmulatorFault $script:emulator -Endpoint createDiyWebinar -Kind $Kind -DelayMs 5000
        New-BizConfWebinar -Name 'Once only' -StartTime (Get-FutureTime) -Duration 30 -ErrorVariable failed -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failed[0].Exception.Message | Should -BeLike '*It was not tried again, because the request may have been carried out*'
        (Get-EmulatorRequest $script:emulator -Endpoint createDiyWebinar).Count | Should -Be 1
    }

    It 'sends a create again after HTTP 503, which says nothing was done' {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -SiteSign demo-site -BaseUri $script:emulator.Uri -MaxRetry 3
        Clear-EmulatorRequest $script:emulator
        Add-EmulatorFault $script:emulator -Endpoint createDiyWebinar -Kind http503 -RetryAfterSec 0
        (New-BizConfWebinar -Name 'Second try' -StartTime (Get-FutureTime) -Duration 30).Name | Should -Be 'Second try'
        (Get-EmulatorRequest $script:emulator -Endpoint createDiyWebinar).httpStatus | Should -Be @(503, 200)
    }

    It 'writes a non-terminating error for an unknown number and goes on with the next' {
        $known = New-BizConfWebinar -Name 'Known' -StartTime (Get-FutureTime) -Duration 30
        $found = '10000000000', $known.WebinarNumber | Get-BizConfWebinar -ErrorVariable failed -ErrorAction SilentlyContinue
        $found.WebinarNumber | Should -Be $known.WebinarNumber
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be '10000000000'
        $failed[0].FullyQualifiedErrorId | Should -Be 'WebinarNotFound,BizConf.PowerShell.Commands.GetBizConfWebinarCommand'
        $failed[0].Exception.Message | Should -BeLike 'BizConf status 401 from getWebinarInfo: The webinar does not exist, was deleted, or belongs to another user.*'
        $failed[0].Exception.StatusMessage | Should -Be 'The webinar does not exist, was deleted, or belongs to another user.'
    }

    It 'needs the site sign and says so' {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -MaxRetry 0
        New-BizConfWebinar -Name 'No site' -StartTime (Get-FutureTime) -Duration 30 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.Message | Should -BeLike '*site sign*-SiteSign*'
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }
}
}
