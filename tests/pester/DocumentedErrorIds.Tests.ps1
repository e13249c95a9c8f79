BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
    $script:about = Get-Content -Raw (Join-Path (Get-RepoRoot) 'docs/about_BizConf.md')

    function Get-ProvokedError {
        # The one error a script writes or throws.
        param([Parameter(Mandatory)] [scriptblock] $Provoke)
        try { $records = @(& $Provoke 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) }
        catch { return $_ }
        if ($records.Count -ne 1) { throw "Expected one error, got $($records.Count): $($records -join '; ')" }
        $records[0]
    }

    function Connect-Plain {
        # A session without a site sign: Connect-BizConf sends nothing, so a bad account shows at the first call.
        param([string] $LoginName = 'demo', [string] $ApiKey = 'demo-api-key', [int] $TimeoutSec = 100, [switch] $NoRateAdaptation)
        Connect-BizConf -LoginName $LoginName -ApiKey (ConvertTo-TestSecret $ApiKey) -BaseUri $script:emulator.Uri -MaxRetry 0 -TimeoutSec $TimeoutSec -NoRateAdaptation:$NoRateAdaptation
    }
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

# about_BizConf, "Errors": each error id it lists, provoked through the module, with the category it gives. The
# emulator answers most of them; for the statuses and answers it never gives (112, 203, 402, an unknown status,
# HTTP 500, a body that is not JSON), a one-request HTTP server on loopback answers instead, still through the cmdlet.
Describe 'The error ids that about_BizConf lists' {
    BeforeEach {
        Reset-Emulator $script:emulator
        Connect-TestSession $script:emulator
    }

    It '<Id> (<Category>) from <Cause>' -ForEach @(
        @{ Id = 'AccountNotFound'; Category = 'ObjectNotFound'; Cause = 'status 101'
            Provoke = { Connect-Plain -LoginName nobody; Get-BizConfMeeting -Id 1 } }
        @{ Id = 'AuthenticationFailed'; Category = 'AuthenticationError'; Cause = 'status 102'
            Provoke = { Connect-Plain -ApiKey 'wrong-key'; Get-BizConfMeeting -Id 1 } }
        @{ Id = 'ServiceInternalError'; Category = 'NotSpecified'; Cause = 'status 103'
            Provoke = { Add-EmulatorFault $script:emulator -Endpoint getConf -Kind status103; Get-BizConfMeeting -Id 1 } }
        @{ Id = 'InvalidMeetingParameter'; Category = 'InvalidArgument'; Cause = 'status 104'
            Provoke = {
                $meeting = New-BizConfMeeting -Name 'No registration' -StartTime (Get-FutureTime -Days 2) -Duration 30
                Add-BizConfRegistrant -MeetingId $meeting.Id -Email 'ann@example.com' -FirstName Ann
            } }
        @{ Id = 'InvalidSite'; Category = 'InvalidArgument'; Cause = 'status 106'
            Provoke = { Connect-TestSession $script:emulator -SiteSign 'no-such-site' } }
        @{ Id = 'AccountLocked'; Category = 'PermissionDenied'; Cause = 'status 108'
            Provoke = { Add-EmulatorAccount $script:emulator -LoginName frozen -Locked; Connect-Plain -LoginName frozen; Get-BizConfMeeting -Id 1 } }
        @{ Id = 'InvalidParameter'; Category = 'InvalidArgument'; Cause = 'status 109'
            Provoke = {
                $meeting = New-BizConfMeeting -Name 'Registration' -StartTime (Get-FutureTime -Days 2) -Duration 30 -RequireRegistration
                $meeting | Set-BizConfRegistrationQuestion -Question @{ FieldName = 'org'; Required = $true }
                Add-BizConfRegistrant -MeetingId $meeting.Id -Email 'ann@example.com' -FirstName Ann
            } }
        @{ Id = 'UpdateFailed'; Category = 'WriteError'; Cause = 'status 112'
            Provoke = { (Invoke-AgainstCannedAnswer -Body '{"status":112,"message":"更新失败"}' -Script 'Get-BizConfMeeting -Id 5').Errors } }
        @{ Id = 'InvalidMeetingTime'; Category = 'InvalidArgument'; Cause = 'status 201'
            Provoke = {
                $meeting = New-BizConfMeeting -Name 'Held' -StartTime (Get-FutureTime -Days 2) -Duration 30
                $null = Invoke-RestMethod -Method Post -Uri "$($script:emulator.Uri)/_emulator/meetings/$($meeting.Id)/simulate"
                Set-BizConfMeeting -Id $meeting.Id -Duration 20
            } }
        @{ Id = 'MeetingConflict'; Category = 'ResourceExists'; Cause = 'status 202'
            Provoke = {
                $start = Get-FutureTime -Days 2
                $null = New-BizConfMeeting -Name 'First' -StartTime $start -Duration 60
                New-BizConfMeeting -Name 'Overlaps' -StartTime $start.AddMinutes(30) -Duration 60
            } }
        @{ Id = 'OverflowNotSupported'; Category = 'NotImplemented'; Cause = 'status 203'
            Provoke = { (Invoke-AgainstCannedAnswer -Body '{"status":203,"message":""}' -Script 'Get-BizConfMeeting -Id 5').Errors } }
        @{ Id = 'NoMeetingResources'; Category = 'LimitsExceeded'; Cause = 'status 205'
            Provoke = {
                Add-EmulatorSite $script:emulator -SiteSign small -ApiKey small-key -Licences 1
                Add-EmulatorAccount $script:emulator -LoginName one -SiteSign small
                Add-EmulatorAccount $script:emulator -LoginName two -SiteSign small
                $start = Get-FutureTime -Days 2
                $null = New-BizConfMeeting -Session (Connect-TestSession $script:emulator -LoginName one -ApiKey small-key -SiteSign small -PassThru) `
                    -Name 'Takes the licence' -StartTime $start -Duration 30
                New-BizConfMeeting -Session (Connect-TestSession $script:emulator -LoginName two -ApiKey small-key -SiteSign small -PassThru) `
                    -Name 'Finds none' -StartTime $start -Duration 30
            } }
        @{ Id = 'MeetingNotFound'; Category = 'ObjectNotFound'; Cause = 'status 401'
            Provoke = { Get-BizConfMeeting -Id 999999 } }
        @{ Id = 'MeetingRoomNotFound'; Category = 'ObjectNotFound'; Cause = 'status 402'
            Provoke = { (Invoke-AgainstCannedAnswer -Body '{"status":402,"message":""}' -Script 'Get-BizConfMeeting -Id 5').Errors } }
        @{ Id = 'UnknownStatus999'; Category = 'NotSpecified'; Cause = 'an unknown status'
            Provoke = { (Invoke-AgainstCannedAnswer -Body '{"status":999,"message":""}' -Script 'Get-BizConfMeeting -Id 5').Errors } }
        @{ Id = 'RequestTimedOut'; Category = 'OperationTimeout'; Cause = 'an attempt longer than -TimeoutSec'
            Provoke = { Connect-Plain -TimeoutSec 1; Add-EmulatorFault $script:emulator -Endpoint getConf -Kind delay -DelayMs 5000; Get-BizConfMeeting -Id 1 } }
        @{ Id = 'HttpStatus429'; Category = 'ResourceUnavailable'; Cause = 'HTTP 429'
            Provoke = { Connect-Plain -NoRateAdaptation; Add-EmulatorFault $script:emulator -Endpoint getConf -Kind http429; Get-BizConfMeeting -Id 1 } }
        @{ Id = 'HttpStatus503'; Category = 'ResourceUnavailable'; Cause = 'HTTP 503'
            Provoke = { Add-EmulatorFault $script:emulator -Endpoint getConf -Kind http503; Get-BizConfMeeting -Id 1 } }
        @{ Id = 'HttpStatus500'; Category = 'ConnectionError'; Cause = 'another HTTP status'
            Provoke = { (Invoke-AgainstCannedAnswer -HttpStatus 500 -Body 'Internal Server Error' -Script 'Get-BizConfMeeting -Id 5').Errors } }
        @{ Id = 'HttpStatus200'; Category = 'InvalidResult'; Cause = 'an answer that is not the API JSON'
            Provoke = { (Invoke-AgainstCannedAnswer -Body '<html>maintenance</html>' -Script 'Get-BizConfMeeting -Id 5').Errors } }
        @{ Id = 'ConnectionFailed'; Category = 'ConnectionError'; Cause = 'a dropped connection'
            Provoke = { Add-EmulatorFault $script:emulator -Endpoint getConf -Kind drop; Get-BizConfMeeting -Id 1 } }
        @{ Id = 'NoBizConfSession'; Category = 'ConnectionError'; Cause = 'no session'
            Provoke = { Disconnect-BizConf; Get-BizConfMeeting -Id 1 } }
        @{ Id = 'BizConfSessionClosed'; Category = 'ConnectionError'; Cause = 'a closed session'
            Provoke = { $closed = Connect-TestSession $script:emulator -PassThru; Disconnect-BizConf -Session $closed; Get-BizConfMeeting -Id 1 -Session $closed } }
        @{ Id = 'NoBizConfCredentials'; Category = 'InvalidArgument'; Cause = 'Connect-BizConf without credentials'
            Provoke = {
                $saved = @{}
                foreach ($name in 'BIZCONF_LOGIN_NAME', 'BIZCONF_API_KEY') { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $null) }
                try { Connect-BizConf -BaseUri $script:emulator.Uri }
                finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
            } }
        @{ Id = 'InvalidConnectArgument'; Category = 'InvalidArgument'; Cause = 'an unknown -TimeZone'
            Provoke = { Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -TimeZone 'Mars/Olympus' } }
        @{ Id = 'SiteSignRequired'; Category = 'InvalidOperation'; Cause = 'a webinar on a session without a site sign'
            Provoke = { Connect-Plain; New-BizConfWebinar -Name 'No site' -StartTime (Get-FutureTime) -Duration 30 } }
        @{ Id = 'InvalidArgumentStartTime'; Category = 'InvalidArgument'; Cause = 'a start in the past'
            Provoke = { New-BizConfMeeting -Name 'Yesterday' -StartTime (Get-Date).AddDays(-1) -Duration 30 } }
        @{ Id = 'ParameterArgumentTransformationError'; Category = 'InvalidData'; Cause = 'a value the binder cannot convert'
            Provoke = { New-BizConfMeeting -Name 'Words' -StartTime (Get-FutureTime) -Duration 'an hour' } }
        @{ Id = 'ParameterArgumentValidationError'; Category = 'InvalidData'; Cause = 'a value outside the limits'
            Provoke = { New-BizConfMeeting -Name 'Zero' -StartTime (Get-FutureTime) -Duration 0 } }
    ) {
        $record = Get-ProvokedError $Provoke
        $record.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $record.CategoryInfo.Category | Should -Be $Category
    }

    It 'finds <_> among the ids that about_BizConf names' -ForEach @(
        'AccountNotFound', 'AuthenticationFailed', 'ServiceInternalError', 'InvalidMeetingParameter', 'InvalidSite', 'AccountLocked',
        'InvalidParameter', 'UpdateFailed', 'InvalidMeetingTime', 'MeetingConflict', 'OverflowNotSupported', 'NoMeetingResources',
        'MeetingNotFound', 'MeetingRoomNotFound', 'UnknownStatus', 'RequestTimedOut', 'HttpStatus429', 'HttpStatus503', 'HttpStatus',
        'HttpStatus200', 'ConnectionFailed', 'NoBizConfSession', 'BizConfSessionClosed', 'NoBizConfCredentials', 'InvalidConnectArgument',
        'SiteSignRequired', 'InvalidArgumentStartTime', 'ParameterArgumentTransformationError', 'ParameterArgumentValidationError'
    ) {
        $script:about | Should -Match ('`' + [regex]::Escape($_) + '`')
    }
}
