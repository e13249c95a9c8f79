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
        ($verbose -join "`n") | Should -Match '(?m)^listConf answered HTTP 503 \(Service Unavailable\)\. Trying again in 1 s \(retry 1 of 2\)\.$'
        (Get-EmulatorRequest $script:emulator -Endpoint listConf).httpStatus | Should -Be @(503, 200)
    }

    It 'waits half a second before the first retry by default, then doubles' {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri
        Add-EmulatorFault $script:emulator -Endpoint listConf -Kind http503 -Count 2 -NoRetryAfter
        $verbose = (Get-BizConfMeeting -Verbose 4>&1 | ForEach-Object Message) -join "`n"
        $verbose | Should -Match '(?m)Trying again in 0\.5 s \(retry 1 of 3\)\.$'
        $verbose | Should -Match '(?m)Trying again in 1 s \(retry 2 of 3\)\.$'
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

    It 'never retries status 103 on creation, so no second meeting can appear' {
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind status103
        New-BizConfMeeting -Name 'Maybe made' -StartTime (Get-FutureTime -Days 2) -Duration 30 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Status | Should -Be 103
        $failure[0].Exception.Message | Should -BeLike '*The BizConf service had an internal error.*It was not tried again, because the request may have been carried out: check its result before sending it again.'
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation).Count | Should -Be 1
    }

    It 'reports a dropped connection on creation without trying again' {
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind drop
        New-BizConfMeeting -Name 'Dropped' -StartTime (Get-FutureTime -Days 2) -Duration 30 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception | Should -BeOfType BizConf.BizConfTransportException
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        $failure[0].Exception.Message | Should -BeLike 'The request to confReservation failed: *It was not tried again, because the request may have been carried out*'
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation).Count | Should -Be 1
    }

    It 'times out after -TimeoutSec, naming the endpoint' {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -TimeoutSec 1 -MaxRetry 0
        Add-EmulatorFault $script:emulator -Endpoint listConf -Kind delay -DelayMs 3000
        { Get-BizConfMeeting -ErrorAction Stop } | Should -Throw -ExpectedMessage '*listConf timed out after 1 s*'
    }
}
