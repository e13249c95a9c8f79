# Exactly once, as a user meets it: identical rows whose answer is lost, a create that a slow gateway lets the server
# finish after the client gave up (the gateway test tool in front of the emulator), a soak of late answers, and two
# runspaces changing one meeting at once. Assertions are on what the emulator holds and on the output, never on time.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/tools/TestTools.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator

    function Get-LiveMeeting {
        param([string] $Name)
        @(Get-EmulatorMeeting $script:emulator | Where-Object { $_.confStatus -ne 9 -and (-not $Name -or $_.meetingName -like $Name) })
    }

    function Split-Stream {
        # The meetings, verbose lines and warnings of one merged stream (4>&1 3>&1).
        param([object[]] $Stream)
        [pscustomobject]@{
            Meetings = @($Stream | Where-Object { $_ -is [BizConf.Meeting] })
            Verbose  = @($Stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            Warnings = @($Stream | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
        }
    }
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'Exactly once when an answer is lost or late' {
    BeforeEach {
        Reset-Emulator $script:emulator
        $script:gateway = $null
    }

    AfterEach {
        Stop-TestTool $script:gateway
    }

    It 'gives two identical rows two meetings, each with its own Id, when the answer to the second is lost' {
        Add-EmulatorAccount $script:emulator -LoginName twin-host -MaxConcurrent 2
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -MaxRetry 3
        $start = Get-FutureTime -Days 4
        $rows = 1..2 | ForEach-Object { [pscustomobject]@{ LoginName = 'twin-host'; Name = 'Twin'; StartTime = $start; Duration = 60 } }
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind lost -Every 2

        $run = Split-Stream @($rows | New-BizConfMeeting -ThrottleLimit 10 -ErrorVariable failed -Verbose 4>&1)

        $failed.Count | Should -Be 0
        $held = Get-LiveMeeting 'Twin'
        $held.Count | Should -Be 2
        $run.Meetings.Count | Should -Be 2
        $run.Meetings[0].Id | Should -Not -Be $run.Meetings[1].Id
        # The emulator numbers meetings as it makes them: the first row's request made the lower Id, the second's
        # (whose answer was lost, and which the look found) the higher one.
        $ids = @($held.id | Sort-Object)
        $run.Meetings.Id | Should -Be $ids
        $run.Verbose | Where-Object { $_ -like "*Meeting 'Twin' (Id $($ids[1])) exists on account twin-host*this request made it." } | Should -Not -BeNullOrEmpty
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation).Count | Should -Be 2
    }

    It 'finds and writes the meeting a gateway let the server make after the client had given up on it' {
        # The gateway holds each create 4 s, then forwards it even though the client, with -TimeoutSec 2, has left.
        $script:gateway = Start-TestTool gateway -Arguments '--target', $script:emulator.Uri, '--hold-ms', '4000', '--match', 'confReservation'
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:gateway.Uri -MaxRetry 3 -TimeoutSec 2

        $run = Split-Stream @(New-BizConfMeeting -Name 'Finished late' -StartTime (Get-FutureTime -Days 2) -Duration 30 -ErrorVariable failed -Verbose 4>&1 3>&1)

        $failed.Count | Should -Be 0
        $held = Get-LiveMeeting 'Finished late'
        $held.Count | Should -Be 1
        $run.Meetings.Count | Should -Be 1
        $run.Meetings[0].Id | Should -Be $held[0].id
        $run.Warnings | Should -BeNullOrEmpty
        $run.Verbose | Where-Object { $_ -like "The request to confReservation timed out after 2 s. Meeting 'Finished late' (Id $($held[0].id)) exists*this request made it." } |
            Should -Not -BeNullOrEmpty
        $create = Get-TestToolLog $script:gateway -Filter { $_.path -eq '/openapi/confReservation' }
        $create.Count | Should -Be 1
        $create[0].clientPresent | Should -BeFalse
        $create[0].status | Should -Be 200
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation).Count | Should -Be 1
    }

    It 'cancels the twin left when the gateway holds every create longer than the client looks for it' {
        # A 6 s hold against -TimeoutSec 2: the looks after the first attempt find nothing, so the create is sent again;
        # both copies are carried out late. The account may host two at once, so nothing but the client stops a twin.
        Add-EmulatorAccount $script:emulator -LoginName slow-host -MaxConcurrent 2
        $script:gateway = Start-TestTool gateway -Arguments '--target', $script:emulator.Uri, '--hold-ms', '6000', '--match', 'confReservation'
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:gateway.Uri -MaxRetry 3 -TimeoutSec 2

        $run = Split-Stream @(New-BizConfMeeting -LoginName slow-host -Name 'Held twice' -StartTime (Get-FutureTime -Days 2) -Duration 30 -ErrorVariable failed 3>&1)

        $failed.Count | Should -Be 0
        @(Get-TestToolLog $script:gateway -Filter { $_.path -eq '/openapi/confReservation' -and $_.status -eq 200 }).Count | Should -Be 2
        $all = @(Get-EmulatorMeeting $script:emulator | Where-Object meetingName -EQ 'Held twice')
        $all.Count | Should -Be 2
        $live = Get-LiveMeeting 'Held twice'
        $live.Count | Should -Be 1
        $run.Meetings.Id | Should -Be @($live[0].id)
        $twin = $all | Where-Object id -NE $live[0].id
        $run.Warnings | Should -Be @("Meeting 'Held twice' (Id $($twin.id)) on account slow-host was made by an earlier attempt of this row that the service " +
            "carried out after the client had given up on it; it was cancelled, and the row keeps meeting Id $($live[0].id).")
    }

    It 'writes a row at once after a dropped attempt, and looks for its twin only before the command ends' {
        # The first create's connection is dropped before anything is done; the look finds nothing and the repeat makes
        # the meeting. The dropped attempt could still be carried out late, so a twin look is due, but it must not
        # hold the row (and every row behind it) back: the row is written first, and the look waits at the end.
        foreach ($i in 1..3) { Add-EmulatorAccount $script:emulator -LoginName "drop-$i" }
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -MaxRetry 3 -TimeoutSec 2
        $start = Get-FutureTime -Days 3
        $rows = foreach ($i in 0..8) { [pscustomobject]@{ LoginName = "drop-$(1 + $i % 3)"; Name = "Drop $i"; StartTime = $start.AddHours(2 * $i); Duration = 30 } }
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind drop -Count 1

        $stream = @($rows | New-BizConfMeeting -ThrottleLimit 3 -ErrorVariable failed -Verbose 4>&1)

        $failed.Count | Should -Be 0
        $run = Split-Stream $stream
        $run.Meetings.Name | Should -Be $rows.Name
        (Get-LiveMeeting 'Drop *').Count | Should -Be 9
        $deferred = @($run.Verbose | Where-Object { $_ -like '*went unanswered and may still be carried out: the run looks for a twin in*before it ends.' })
        $deferred.Count | Should -Be 1
        $dropped = $deferred[0] -replace "^.*meeting '([^']+)'.*$", '$1'
        $dropped | Should -BeIn $rows.Name
        # In the command's own stream: every meeting is written before the closing wait for twins is announced.
        $settle = @(0..($stream.Count - 1) | Where-Object { $stream[$_] -is [System.Management.Automation.VerboseRecord] -and $stream[$_].Message -like '1 meeting had an unanswered attempt*looking for twins until*' })
        $settle.Count | Should -Be 1
        $lastMeeting = @(0..($stream.Count - 1) | Where-Object { $stream[$_] -is [BizConf.Meeting] })[-1]
        $lastMeeting | Should -BeLessThan $settle[0]
        $run.Verbose | Where-Object { $_ -like "*An earlier attempt for meeting '$dropped' went unanswered*looking for a twin in*" } | Should -Not -BeNullOrEmpty
    }

    It 'writes each of 200 rows once, with no twin, when one create in five answers after the timeout' {
        foreach ($i in 1..10) { Add-EmulatorAccount $script:emulator -LoginName "soak-$i" }
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -MaxRetry 3 -TimeoutSec 1
        $start = Get-FutureTime -Days 2
        $rows = foreach ($i in 0..199) {
            [pscustomobject]@{ LoginName = "soak-$(1 + $i % 10)"; Name = "Soak $i"; StartTime = $start.AddHours(2 * [Math]::Floor($i / 10)); Duration = 60 }
        }
        # Made at once, answered after 1.5 s: the client has given up on each of these before its answer comes.
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind late -DelayMs 1500 -Count 40 -Every 5

        $made = @($rows | New-BizConfMeeting -ThrottleLimit 10 -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned)

        $failed.Count | Should -Be 0
        $warned.Count | Should -Be 0
        $made.Name | Should -Be $rows.Name
        @($made.Id | Sort-Object -Unique).Count | Should -Be 200
        $held = Get-LiveMeeting 'Soak *'
        $held.Count | Should -Be 200
        @($held | Group-Object meetingName | Where-Object Count -GT 1) | Should -BeNullOrEmpty
        foreach ($meeting in $made) { ($held | Where-Object id -EQ $meeting.Id).meetingName | Should -Be $meeting.Name }
        $creates = Get-EmulatorRequest $script:emulator -Endpoint confReservation
        @($creates | Where-Object fault -EQ 'late').Count | Should -Be 40
        # Each late create was found by a look, never sent again.
        $creates.Count | Should -Be 200
    }

    It 'writes a warning with the number of rows -SkipExisting found already made' {
        Connect-TestSession $script:emulator
        $start = Get-FutureTime -Days 5
        $rows = 0..4 | ForEach-Object { [pscustomobject]@{ Name = "Again $_"; StartTime = $start.AddHours(2 * $_); Duration = 30 } }
        $null = $rows[0..2] | New-BizConfMeeting
        $run = Split-Stream @($rows | New-BizConfMeeting -SkipExisting 3>&1)
        $run.Meetings.Count | Should -Be 5
        $run.Warnings | Should -Be @('-SkipExisting: 3 of the rows were already on their accounts and were not scheduled again; their meetings were written as found.')
        (Get-LiveMeeting 'Again *').Count | Should -Be 5
    }
}

Describe 'Two runspaces changing one meeting through one session' {
    BeforeAll {
        Reset-Emulator $script:emulator
        $script:session = Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -MaxRetry 3 -PassThru
        # The module is loaded as the runspaces open, so that both changes start together.
        $state = [initialsessionstate]::CreateDefault()
        $state.ImportPSModule((Get-BizConfModulePath))
        $script:pool = [runspacefactory]::CreateRunspacePool(2, 2, $state, $Host)
        $script:pool.Open()
    }

    AfterAll {
        $script:pool.Dispose()
    }

    It 'keeps both changes when -Duration and -Name are set at once (round <_>)' -ForEach (1..8) {
        $meeting = New-BizConfMeeting -Name "Race $_" -StartTime (Get-FutureTime -Days (2 + $_)) -Duration 30
        # Each write is carried out 300 ms after it arrives: without the session's lock both changes would read the
        # meeting before either write, and the later write would put back what the earlier one changed.
        Add-EmulatorFault $script:emulator -Endpoint confModify -Kind delay -DelayMs 300 -Count 2
        try {
            $runs = foreach ($change in @{ Duration = 90 }, @{ Name = 'Renamed' }) {
                $powershell = [powershell]::Create()
                $powershell.RunspacePool = $script:pool
                $null = $powershell.AddScript({
                        param($session, $id, $change)
                        Set-BizConfMeeting -Session $session -Id $id @change
                    }).AddArgument($script:session).AddArgument($meeting.Id).AddArgument($change)
                [pscustomobject]@{ PowerShell = $powershell; Handle = $powershell.BeginInvoke() }
            }
            foreach ($run in $runs) {
                $null = $run.PowerShell.EndInvoke($run.Handle)
                $run.PowerShell.Streams.Error | Should -BeNullOrEmpty
                $run.PowerShell.Dispose()
            }
        }
        finally {
            Invoke-RestMethod -Method Delete -Uri "$($script:emulator.Uri)/_emulator/faults" | Out-Null
        }
        $now = Get-EmulatorMeeting $script:emulator | Where-Object id -EQ $meeting.Id
        $now.meetingName | Should -Be 'Renamed'
        $now.duration | Should -Be 90
        $writes = Get-EmulatorRequest $script:emulator -Endpoint confModify
        @($writes | Where-Object { $_.fields.id -eq "$($meeting.Id)" }).Count | Should -Be 2
    }
}
