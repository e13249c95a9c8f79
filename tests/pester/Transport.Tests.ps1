BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'Transport failures as a user meets them' {
    BeforeEach {
        Reset-Emulator $script:emulator
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -SiteSign demo-site `
            -BaseUri $script:emulator.Uri -MaxRetry 2
        Clear-EmulatorRequest $script:emulator
    }

    It 'retries a 429 after its Retry-After and the meeting is made once' {
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind http429 -RetryAfterSec 1
        $meeting = New-BizConfMeeting -Name 'After a 429' -StartTime (Get-FutureTime -Days 2) -Duration 30
        $meeting.Name | Should -Be 'After a 429'
        $sent = Get-EmulatorRequest $script:emulator -Endpoint confReservation
        $sent.httpStatus | Should -Be @(429, 200)
        $sent[0].fields.timeStamp | Should -Not -Be $sent[1].fields.timeStamp
        @(Get-BizConfMeeting).Count | Should -Be 1
    }

    It 'retries a 503 for a read and says so in verbose output' {
        Add-EmulatorFault $script:emulator -Endpoint listConf -Kind http503 -RetryAfterSec 1
        $verbose = Get-BizConfMeeting -Verbose 4>&1 | ForEach-Object Message
        # The whole second the server asked for, plus up to half a second of jitter so that workers part.
        ($verbose -join "`n") | Should -Match '(?m)^listConf answered HTTP 503 \(Service Unavailable\)\. Trying again in 1(\.\d+)? s \(retry 1 of 2\)\.$'
        (Get-EmulatorRequest $script:emulator -Endpoint listConf).httpStatus | Should -Be @(503, 200)
    }

    It 'waits up to half a second before the first retry by default, then up to twice that' {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri
        Add-EmulatorFault $script:emulator -Endpoint listConf -Kind http503 -Count 2 -NoRetryAfter
        $verbose = (Get-BizConfMeeting -Verbose 4>&1 | ForEach-Object Message) -join "`n"
        # Full jitter: a random share of a ceiling that starts at 0.5 s and doubles (the exact ceilings are pinned
        # in RetryTests with the share fixed).
        $waits = [regex]::Matches($verbose, '(?m)Trying again in ([\d.]+) s \(retry (\d) of 3\)\.$') |
            ForEach-Object { [pscustomobject]@{ Retry = [int]$_.Groups[2].Value; Seconds = [double]::Parse($_.Groups[1].Value, [cultureinfo]::InvariantCulture) } }
        $waits.Retry | Should -Be @(1, 2)
        $waits[0].Seconds | Should -BeLessOrEqual 0.5
        $waits[1].Seconds | Should -BeLessOrEqual 1
        (Get-EmulatorRequest $script:emulator -Endpoint listConf).httpStatus | Should -Be @(503, 503, 200)
    }

    It 'gives up after -MaxRetry with an error that keeps the HTTP status' {
        Add-EmulatorFault $script:emulator -Endpoint getConf -Kind http503 -Count 5 -RetryAfterSec 0
        Get-BizConfMeeting -Id 1 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.HttpStatus | Should -Be 503
        $failure[0].Exception.Message | Should -Be 'getConf answered HTTP 503 (Service Unavailable). Gave up after 3 attempts.'
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'HttpStatus503,*'
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        (Get-EmulatorRequest $script:emulator -Endpoint getConf).Count | Should -Be 3
    }

    It 'retries status 103 for a read' {
        $meeting = New-BizConfMeeting -Name 'Readable' -StartTime (Get-FutureTime -Days 2) -Duration 30
        Clear-EmulatorRequest $script:emulator
        Add-EmulatorFault $script:emulator -Endpoint getConf -Kind status103
        (Get-BizConfMeeting -Id $meeting.Id).Name | Should -Be 'Readable'
        (Get-EmulatorRequest $script:emulator -Endpoint getConf).status | Should -Be @(103, 100)
    }

    It 'looks for the meeting after status 103 on creation, finds none and sends again: one meeting' {
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind status103
        $meeting = New-BizConfMeeting -Name 'Maybe made' -StartTime (Get-FutureTime -Days 2) -Duration 30 -ErrorVariable failure -Verbose 4>&1 |
            Where-Object { $_ -is [BizConf.Meeting] }
        $failure.Count | Should -Be 0
        $meeting.Name | Should -Be 'Maybe made'
        (Get-EmulatorRequest $script:emulator).endpoint | Should -Be @('confReservation', 'listConf', 'confReservation')
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation).status | Should -Be @(103, 100)
        @(Get-BizConfMeeting -Keyword 'Maybe made').Count | Should -Be 1
    }

    It 'gives up on a create that fails ambiguously every time, saying that it looked and found no meeting' {
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind drop -Count 3
        New-BizConfMeeting -Name 'Dropped' -StartTime (Get-FutureTime -Days 2) -Duration 30 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception | Should -BeOfType BizConf.BizConfTransportException
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        $failure[0].Exception.Message | Should -BeLike 'The request to confReservation failed: *No such meeting exists on account demo (looked with listConf). Gave up after 3 attempts.'
        (Get-EmulatorRequest $script:emulator).endpoint | Should -Be @('confReservation', 'listConf', 'confReservation', 'listConf', 'confReservation', 'listConf')
        @(Get-BizConfMeeting).Count | Should -Be 0
    }

    It 'times out after -TimeoutSec, naming the endpoint' {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -TimeoutSec 1 -MaxRetry 0
        Add-EmulatorFault $script:emulator -Endpoint listConf -Kind delay -DelayMs 3000
        { Get-BizConfMeeting -ErrorAction Stop } | Should -Throw -ExpectedMessage '*listConf timed out after 1 s*'
    }
}
