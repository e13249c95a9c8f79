# A session closed under another runspace, the warning for plain http, and request objects kept as error targets.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'A session closed while another runspace uses it' {
    BeforeEach {
        Reset-Emulator $script:emulator
    }

    It 'fails each remaining item of that runspace with its own error, and its pipeline finishes' {
        $session = Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -SiteSign demo-site `
            -BaseUri $script:emulator.Uri -MaxRetry 3 -PassThru
        $ids = 1..3 | ForEach-Object {
            (New-BizConfMeeting -Session $session -Name "Closed $_" -StartTime (Get-FutureTime -Days $_) -Duration 30).Id
        }
        Clear-EmulatorRequest $script:emulator
        # The first read hangs in the emulator far longer than the test waits, so it is surely in flight at Disconnect.
        Add-EmulatorFault $script:emulator -Endpoint getConf -Kind delay -DelayMs 60000

        $job = Start-ThreadJob -ArgumentList (Get-BizConfModulePath), $session, $ids -ScriptBlock {
            param($modulePath, $session, $ids)
            Import-Module $modulePath
            # One at a time, so the items after the first are still to be sent when the session closes.
            $read = $ids | Get-BizConfMeeting -Session $session -ThrottleLimit 1 -ErrorVariable failed -ErrorAction SilentlyContinue
            [pscustomobject]@{
                Read     = @($read).Count
                Messages = @($failed | ForEach-Object { $_.Exception.Message })
                Ids      = @($failed | ForEach-Object { $_.FullyQualifiedErrorId })
                Targets  = @($failed | ForEach-Object { $_.TargetObject })
                Finished = $true
            }
        }
        try {
            # Wait (polling, at most about 30 s) until the first read has reached the emulator.
            for ($i = 0; $i -lt 600 -and (Get-EmulatorRequest $script:emulator -Endpoint getConf).Count -eq 0; $i++) {
                Start-Sleep -Milliseconds 50
            }
            (Get-EmulatorRequest $script:emulator -Endpoint getConf).Count | Should -Be 1
            Disconnect-BizConf -Session $session
            $result = $job | Wait-Job -Timeout 50 | Receive-Job -ErrorAction Stop
        }
        finally {
            $job | Remove-Job -Force
            Invoke-RestMethod -Method Delete -Uri "$($script:emulator.Uri)/_emulator/faults" | Out-Null
        }

        $job.State | Should -Be 'Completed'
        $result.Finished | Should -BeTrue
        $result.Read | Should -Be 0
        $result.Messages | Should -Be @(
            'The session was closed by Disconnect-BizConf while getConf was under way; its outcome is unknown.'
            'The session was closed by Disconnect-BizConf; getConf was not sent.'
            'The session was closed by Disconnect-BizConf; getConf was not sent.')
        $result.Ids | Should -BeLike 'BizConfSessionClosed,*'
        $result.Targets | Should -Be $ids
        # Nothing was retried or sent after the close.
        (Get-EmulatorRequest $script:emulator -Endpoint getConf).Count | Should -Be 1
    }

    It 'still refuses, as one terminating error, a session already closed when a command starts' {
        $session = Connect-TestSession $script:emulator -PassThru
        Disconnect-BizConf -Session $session
        { Get-BizConfMeeting -Id 1 -Session $session } | Should -Throw 'The BizConf session was closed by Disconnect-BizConf. Connect again.'
    }
}

Describe 'Connect-BizConf over plain http' {
    AfterEach {
        Disconnect-BizConf
    }

    It 'warns that tokens and meeting data travel unencrypted to another machine' {
        # No site sign, so Connect sends nothing: the warning alone is under test.
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri 'http://bizconf.example.invalid' `
            -WarningVariable warned -WarningAction SilentlyContinue
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -Be ('BaseUri http://bizconf.example.invalid/openapi/ is plain http to another machine: the tokens signed with ' +
            'the API key, meeting passwords and join links travel unencrypted. Use https, or http only to 127.0.0.1 or localhost.')
        (Get-BizConfSession).BaseUri | Should -Be 'http://bizconf.example.invalid/openapi/'
    }

    It 'does not warn for <Uri>' -ForEach @(
        @{ Uri = 'http://127.0.0.1:5080' }
        @{ Uri = 'http://localhost:5080' }
        @{ Uri = 'http://[::1]:5080' }
        @{ Uri = 'https://bizconf.example.invalid' }
    ) {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $Uri -WarningVariable warned -WarningAction SilentlyContinue
        $warned.Count | Should -Be 0
        (Get-BizConfSession).LoginName | Should -Be 'demo'
    }

    It 'warns for the base URI from the environment too' {
        $saved = $env:BIZCONF_BASE_URI, $env:BIZCONF_LOGIN_NAME, $env:BIZCONF_API_KEY, $env:BIZCONF_SITE_SIGN
        try {
            $env:BIZCONF_BASE_URI = 'http://10.1.2.3:8080/openapi/'
            $env:BIZCONF_LOGIN_NAME = 'demo'
            $env:BIZCONF_API_KEY = 'demo-api-key'
            $env:BIZCONF_SITE_SIGN = $null
            Connect-BizConf -WarningVariable warned -WarningAction SilentlyContinue
            $warned[0].Message | Should -BeLike 'BaseUri http://10.1.2.3:8080/openapi/ is plain http to another machine*'
        }
        finally {
            $env:BIZCONF_BASE_URI, $env:BIZCONF_LOGIN_NAME, $env:BIZCONF_API_KEY, $env:BIZCONF_SITE_SIGN = $saved
        }
    }
}

Describe 'Request objects as the targets of errors' {
    BeforeEach {
        Reset-Emulator $script:emulator
        Connect-TestSession $script:emulator
        Clear-EmulatorRequest $script:emulator
    }

    # The secrets are passed in variables: an error record also carries the script line that failed, which is the
    # script's own text and not the module's to hide.
    It 'hides the password of a meeting request in its text and its JSON, and sends the real one' {
        $start = Get-FutureTime -Days 2
        $password = 'Pw-860412'
        $null = New-BizConfMeeting -Name 'First' -StartTime $start -Duration 60
        New-BizConfMeeting -Name 'Clash' -StartTime $start -Duration 60 -Password $password -ErrorVariable failed -ErrorAction SilentlyContinue

        $record = $failed[0]
        $record.Exception.Status | Should -Be 202
        $record.TargetObject | Should -BeOfType BizConf.MeetingRequest
        $record.TargetObject.Password | Should -Be '(hidden)'
        "$($record.TargetObject)" | Should -Be "Meeting 'Clash' at $($start.ToString('yyyy-MM-dd HH:mm zzz', [cultureinfo]::InvariantCulture)) for 60 minutes"
        $record | ConvertTo-Json -WarningAction SilentlyContinue | Should -Not -Match 'Pw-860412'
        $record.TargetObject | ConvertTo-Json | Should -Match '"Password": "\(hidden\)"'
        $record | Format-List * -Force | Out-String | Should -Not -Match 'Pw-860412'
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation)[1].fields.hostKey | Should -Be 'Pw-860412'
    }

    It 'hides the password and stream key of a webinar request, and sends the real ones' {
        Add-EmulatorFault $script:emulator -Endpoint createDiyWebinar -Kind status103
        $password = 'Wb-5521'
        $streamKey = 'Key-77aa'
        New-BizConfWebinar -Name 'Streamed' -StartTime (Get-FutureTime -Days 2) -Duration 30 -Password $password `
            -StreamUrl 'rtmp://push.example/live' -StreamKey $streamKey -LiveUrl 'https://watch.example/1' -ErrorVariable failed -ErrorAction SilentlyContinue

        $record = $failed[0]
        $record.Exception.Status | Should -Be 103
        $record.TargetObject | Should -BeOfType BizConf.WebinarRequest
        $json = $record | ConvertTo-Json -WarningAction SilentlyContinue
        $json | Should -Not -Match 'Wb-5521'
        $json | Should -Not -Match 'Key-77aa'
        "$($record.TargetObject)" | Should -Not -Match 'Wb-5521|Key-77aa'
        $record.TargetObject.StreamKey | Should -Be '(hidden)'
        $sent = (Get-EmulatorRequest $script:emulator -Endpoint createDiyWebinar)[0].fields
        $sent.password | Should -Be 'Wb-5521'
        $sent.streamKey | Should -Be 'Key-77aa'
    }

    It 'keeps a failed CSV row as given as the target, with its own columns' {
        $start = Get-FutureTime -Days 2
        $null = New-BizConfMeeting -Name 'First' -StartTime $start -Duration 60
        $row = [pscustomobject]@{ Name = 'From CSV'; StartTime = $start.ToString('yyyy-MM-dd HH:mm:ss zzz'); Duration = '60'; Password = 'Csv-1' }
        $row | New-BizConfMeeting -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.Status | Should -Be 202
        $failed[0].TargetObject | Should -Be $row
        $failed[0].TargetObject.Password | Should -Be 'Csv-1'
    }
}
