# Exactly once where a user reaches it: a runbook that goes on after a failed re-connect, listing hundreds of meetings
# into Remove and Set at several limits, a listing whose page count lies, the small refusals at the edges of the
# rules, and a meeting list shared without passwords. Assertions are on what the emulator holds and logged, on the
# errors and the output; never on time. (-SkipExisting's warning is pinned in ExactlyOnce.Tests.ps1.)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/tools/TestTools.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
    $script:key = ConvertTo-TestSecret 'demo-api-key'

    function Get-ThrownError {
        # The error record a terminating error carried, or $null when nothing was thrown.
        param([Parameter(Mandatory)] [scriptblock] $Script)
        try { $null = & $Script; $null } catch { $_ }
    }

    function New-ManyMeetings {
        # -Count meetings of the session's account, an hour apart (30 minutes each), made 20 at a time; their ids.
        param([Parameter(Mandatory)] [int] $Count, [string] $Prefix = 'Many')
        $start = Get-FutureTime -Days 2
        $rows = foreach ($i in 0..($Count - 1)) { [pscustomobject]@{ Name = "$Prefix $i"; StartTime = $start.AddHours($i); Duration = 30 } }
        $made = @($rows | New-BizConfMeeting -ThrottleLimit 20)
        $made.Count | Should -Be $Count
        @($made.Id)
    }

    function Get-LiveMeeting {
        @(Get-EmulatorMeeting $script:emulator | Where-Object confStatus -NE 9)
    }
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'A runbook that goes on after a failed re-connect' {
    BeforeAll {
        $script:runbook = {
            param($module, $uri, $case)
            $PSStyle.OutputRendering = 'PlainText'
            $ErrorActionPreference = 'Continue'
            Import-Module $module
            Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -SiteSign demo-site -BaseUri $uri -MaxRetry 0
            'CONNECTED ' + (Get-BizConfSession).SiteSign
            if ($case -eq 'wrong key') {
                Connect-BizConf -LoginName site-b-host -ApiKey (ConvertTo-SecureString not-the-key -AsPlainText -Force) -SiteSign site-b -BaseUri $uri -MaxRetry 0
            }
            else {
                Connect-BizConf -LoginName site-b-host -ApiKey (ConvertTo-SecureString site-b-key -AsPlainText -Force) -SiteSign site-b -BaseUri $uri -TimeoutSec 86401
            }
            'CONNECT ' + $Error[0].FullyQualifiedErrorId + ' | ' + $Error[0].Exception.Message
            New-BizConfMeeting -Name 'After a failed connect' -StartTime ([DateTimeOffset]::UtcNow.Date.AddDays(3)) -Duration 30
            'NEW ' + $Error[0].FullyQualifiedErrorId + ' | ' + $Error[0].Exception.Message
            'FINISHED'
        }
    }

    BeforeEach {
        Reset-Emulator $script:emulator
        Add-EmulatorSite $script:emulator -SiteSign site-b -ApiKey site-b-key
        Add-EmulatorAccount $script:emulator -LoginName site-b-host -SiteSign site-b
        $script:child = $null
    }

    AfterEach {
        Stop-ChildPwsh $script:child
    }

    It 'makes nothing on the site before when the connect to site B fails with <Case>' -ForEach @(
        @{ Case = 'wrong key'; ConnectError = 'AuthenticationFailed,*'; ConnectSaid = '*status 102*'; Why = "Connect-BizConf could not use the account 'site-b-host' on site 'site-b': BizConf status 102*" }
        @{ Case = 'TimeoutSec 86401'; ConnectError = 'ParameterArgumentValidationError,*'; ConnectSaid = "*'TimeoutSec'*86400*"; Why = 'PowerShell refused one of its arguments before it could connect' }
    ) {
        $script:child = Start-ChildPwsh -Script $script:runbook -Arguments (Get-BizConfModulePath), $script:emulator.Uri, $Case
        $result = Wait-ChildPwsh $script:child -TimeoutSec 60
        $lines = @($result.Output -split "`r?`n")

        $lines | Should -Contain 'CONNECTED demo-site'
        $lines | Should -Contain 'FINISHED'
        $connect = @($lines | Where-Object { $_ -like 'CONNECT *' })
        $connect[0] | Should -BeLike "CONNECT $ConnectError"
        $connect[0] | Should -BeLike $ConnectSaid
        $new = @($lines | Where-Object { $_ -like 'NEW *' })
        $new[0] | Should -BeLike 'NEW NoBizConfSession,*'
        $new[0] | Should -BeLike "* | There is no BizConf session: the last Connect-BizConf failed ($Why*), and it left no session acting for the site before. Run Connect-BizConf again."
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation).Count | Should -Be 0
        @(Get-EmulatorMeeting $script:emulator) | Should -BeNullOrEmpty
    }
}

Describe 'Listing every meeting into Remove and Set' {
    BeforeEach {
        Reset-Emulator $script:emulator
        Connect-TestSession $script:emulator
    }

    It 'cancels all of 320 listed meetings, each once, at -ThrottleLimit <_>' -ForEach 1, 5, 20 {
        $ids = New-ManyMeetings -Count 320
        Clear-EmulatorRequest $script:emulator

        Get-BizConfMeeting -ThrottleLimit $_ | Remove-BizConfMeeting -Force -ThrottleLimit $_ -ErrorVariable failed

        $failed.Count | Should -Be 0
        Get-LiveMeeting | Should -BeNullOrEmpty
        $cancels = Get-EmulatorRequest $script:emulator -Endpoint cancelConf
        $cancels.Count | Should -Be 320
        @($cancels.fields.confId | Sort-Object -Unique).Count | Should -Be 320
        @($cancels.status | Sort-Object -Unique) | Should -Be @(100)
        ($cancels.fields.confId | ForEach-Object { [long]$_ } | Sort-Object) | Should -Be ($ids | Sort-Object)
    }

    It 'changes each of 320 listed meetings exactly once at -ThrottleLimit <_>' -ForEach 1, 5, 20 {
        $ids = New-ManyMeetings -Count 320
        Clear-EmulatorRequest $script:emulator

        Get-BizConfMeeting -ThrottleLimit $_ | Set-BizConfMeeting -Duration 45 -ThrottleLimit $_ -ErrorVariable failed

        $failed.Count | Should -Be 0
        $held = Get-LiveMeeting
        $held.Count | Should -Be 320
        @($held | Where-Object duration -NE 45) | Should -BeNullOrEmpty
        $changes = Get-EmulatorRequest $script:emulator -Endpoint confModify
        $changes.Count | Should -Be 320
        @($changes | Group-Object { $_.fields.id } | Where-Object Count -NE 1) | Should -BeNullOrEmpty
        ($changes.fields.id | ForEach-Object { [long]$_ } | Sort-Object) | Should -Be ($ids | Sort-Object)
    }

    It 'stops a listing whose pages claim 2,000,000,000 at the first empty page, writing each meeting once, at -ThrottleLimit <_>' -ForEach 1, 5, 20 {
        # 150 meetings fill three pages of 50; the fourth is empty. Every page claims totalPage 2,000,000,000.
        $ids = New-ManyMeetings -Count 150 -Prefix 'Claimed'
        Clear-EmulatorRequest $script:emulator
        $fault = @{ endpoint = 'listConf'; kind = 'claimPages'; totalPage = 2000000000; count = 1000 } | ConvertTo-Json
        $null = Invoke-RestMethod -Method Post -Uri "$($script:emulator.Uri)/_emulator/faults" -Body $fault -ContentType 'application/json'

        Get-BizConfMeeting -ThrottleLimit $_ | Tee-Object -Variable listed | Remove-BizConfMeeting -Force -ThrottleLimit $_ -ErrorVariable failed

        $failed.Count | Should -Be 0
        Get-LiveMeeting | Should -BeNullOrEmpty
        # The record count (2,147,483,647) and the page count disagree, so the walk believes neither and asks one
        # page at a time until a short one: the three real pages and the empty fourth, whatever the limit.
        $pages = Get-EmulatorRequest $script:emulator -Endpoint listConf
        @($pages | Where-Object fault -EQ 'claimPages').Count | Should -Be $pages.Count
        $pages.Count | Should -BeLessOrEqual 4
        $cancels = Get-EmulatorRequest $script:emulator -Endpoint cancelConf
        $cancels.Count | Should -Be 150
        ($cancels.fields.confId | ForEach-Object { [long]$_ } | Sort-Object) | Should -Be ($ids | Sort-Object)
        @($listed.Id | Sort-Object -Unique).Count | Should -Be @($listed).Count
        @($listed).Count | Should -Be 150
    }
}

Describe 'The small refusals at the edges of the rules' {
    BeforeEach {
        Reset-Emulator $script:emulator
        Connect-BizConf -LoginName demo -ApiKey $script:key -BaseUri $script:emulator.Uri -MaxRetry 3
        Clear-EmulatorRequest $script:emulator
    }

    It 'refuses a -BaseUri with user:password@ in it, with the password in no error text' {
        $address = "http://admin:base-secret@127.0.0.1:$(([uri]$script:emulator.Uri).Port)"
        $failure = Get-ThrownError { Connect-BizConf -LoginName demo -ApiKey $script:key -SiteSign demo-site -BaseUri $address }
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidConnectArgument,*'
        $failure.Exception.Message | Should -BeLike 'BaseUri must not carry a user name or password (user:password@host)*'
        ($failure | Out-String) + $failure.Exception.ToString() + "$($failure.TargetObject)" | Should -Not -BeLike '*base-secret*'
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'refuses -TimeoutSec 86401, naming the parameter and its range' {
        $failure = Get-ThrownError { Connect-BizConf -LoginName demo -ApiKey $script:key -BaseUri $script:emulator.Uri -TimeoutSec 86401 }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $failure.Exception.Message | Should -BeLike "*'TimeoutSec'*86401*86400*"
    }

    It 'sends a create again as attempt 2 after a 102 timestamp clash, and says so in -Verbose' {
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind status102
        $stream = @(New-BizConfMeeting -Name 'Clashed' -StartTime (Get-FutureTime -Days 2) -Duration 30 -Verbose 4>&1)
        $verbose = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $made = @($stream | Where-Object { $_ -is [BizConf.Meeting] })

        $made.Count | Should -Be 1
        @($verbose | Where-Object { $_ -like 'POST confReservation (attempt 1):*' }).Count | Should -Be 1
        @($verbose | Where-Object { $_ -like 'BizConf status 102 from confReservation:*Sending once more with a fresh timestamp in * s, in case another process used the same one.' }).Count | Should -Be 1
        @($verbose | Where-Object { $_ -like 'POST confReservation (attempt 2):*' }).Count | Should -Be 1
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation).status | Should -Be @(102, 100)
        (Get-LiveMeeting).id | Should -Be @($made[0].Id)
    }

    It 'does not wait out a Retry-After of an hour: the item fails saying how long was asked and the 5-minute cap' {
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind http429 -RetryAfterSec 3600
        New-BizConfMeeting -Name 'Asked to wait' -StartTime (Get-FutureTime -Days 2) -Duration 30 -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'HttpStatus429,*'
        $failed[0].Exception.Message | Should -Be ('confReservation answered HTTP 429 (Too Many Requests). The service asked to wait 60 minutes before trying again, ' +
            'longer than the 5 minutes this client waits at most, so the item failed; run it again later.')
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation).httpStatus | Should -Be @(429)
        Get-LiveMeeting | Should -BeNullOrEmpty
    }

    It 'takes a -StartTime on 9998-12-31 and refuses 9999-01-02, naming StartTime and the bound, also under -WhatIf' {
        New-BizConfMeeting -Name 'Last day' -StartTime ([DateTimeOffset]::new(9998, 12, 31, 12, 0, 0, [TimeSpan]::Zero)) -Duration 30 -WhatIf -ErrorVariable taken
        $taken.Count | Should -Be 0

        foreach ($whatIf in $true, $false) {
            New-BizConfMeeting -Name 'Too far' -StartTime ([DateTimeOffset]::new(9999, 1, 2, 0, 0, 0, [TimeSpan]::Zero)) -Duration 30 -WhatIf:$whatIf -ErrorVariable refused -ErrorAction SilentlyContinue
            $refused.Count | Should -Be 1
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgumentStartTime,*'
            $refused[0].Exception.Message | Should -Be 'StartTime must be between 1970-01-01 and 9998-12-31 (UTC); it is 9999-01-02 00:00:00 +00:00.'
        }
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }
}

Describe 'Sharing a meeting list without passwords' {
    BeforeAll {
        Reset-Emulator $script:emulator
        Connect-TestSession $script:emulator
        $script:passwords = '864213', '97531'
        $start = Get-FutureTime -Days 4
        $null = New-BizConfMeeting -Name 'Shared one' -StartTime $start -Duration 30 -Password $script:passwords[0]
        $null = New-BizConfMeeting -Name 'Shared two' -StartTime $start.AddHours(2) -Duration 30 -Password $script:passwords[1]
        # The example of about_BizConf, "Sharing meeting lists", as written there.
        $about = Get-Content -Raw -LiteralPath (Join-Path (Get-RepoRoot) 'docs/about_BizConf.md')
        $section = [regex]::Match($about, '(?s)### Sharing meeting lists\r?\n(.*?)(?=\r?\n###? )').Groups[1].Value
        $script:example = [regex]::Match($section, '(?s)```powershell\r?\n(.*?)```').Groups[1].Value
    }

    It 'leaves no password and no pwd= in the CSV file that the documented command writes' {
        $script:example | Should -BeLike '*Export-Csv .\meetings.csv*'
        $folder = Join-Path ([IO.Path]::GetTempPath()) "bizconf-share-$([guid]::NewGuid().ToString('n'))"
        $null = New-Item -ItemType Directory -Path $folder
        Push-Location -LiteralPath $folder
        try {
            # The meetings as listed do carry the passwords: the command must take them out.
            (Get-BizConfMeeting).ProtocolJoinUrl -join ' ' | Should -BeLike "*pwd=$($script:passwords[0])*"
            & ([scriptblock]::Create($script:example))
            $text = Get-Content -Raw -LiteralPath (Join-Path $folder 'meetings.csv')
        }
        finally {
            Pop-Location
            Remove-Item -LiteralPath $folder -Recurse -Force
        }
        $rows = @($text | ConvertFrom-Csv)
        $rows.Name | Sort-Object | Should -Be @('Shared one', 'Shared two')
        $rows | ForEach-Object { $_.JoinUrl | Should -Not -BeNullOrEmpty }
        foreach ($password in $script:passwords) { $text | Should -Not -BeLike "*$password*" }
        $text | Should -Not -BeLike '*pwd=*'
        $text | Should -Not -BeLike '*token=*'
    }
}
