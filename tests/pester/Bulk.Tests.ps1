# The per-item engine: -ThrottleLimit, input order, one account's changes in order, exactly once under faults,
# Ctrl+C, and a bounded window. Every assertion is on values (order, counts, the emulator's log), never on time.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'Bulk work on the per-item engine' {
    BeforeEach {
        Reset-Emulator $script:emulator
        foreach ($name in 'host-1', 'host-2', 'host-3', 'host-4', 'host-5') { Add-EmulatorAccount $script:emulator -LoginName $name }
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -SiteSign demo-site -BaseUri $script:emulator.Uri -MaxRetry 3
        $script:meetings = @(1..4 | ForEach-Object { New-BizConfMeeting -Name "Read $_" -StartTime (Get-FutureTime -Days $_) -Duration 30 })
        Clear-EmulatorRequest $script:emulator
    }

    Context 'Order' {
        It 'writes output and errors in input order when the first answer comes last' {
            # The first read is held back by the emulator; every later one (an unknown id among them) answers at once.
            Add-EmulatorFault $script:emulator -Endpoint getConf -Kind delay -DelayMs 1500
            $ids = @($script:meetings[0].Id, 999999, $script:meetings[1].Id, $script:meetings[2].Id, 888888, $script:meetings[3].Id)
            $stream = @($ids | Get-BizConfMeeting -ThrottleLimit 10 -ErrorAction Continue 2>&1)
            $stream.Count | Should -Be 6
            $stream | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { "error $($_.TargetObject)" } else { "meeting $($_.Id)" } } |
                Should -Be @("meeting $($ids[0])", 'error 999999', "meeting $($ids[2])", "meeting $($ids[3])", 'error 888888', "meeting $($ids[5])")
            (Get-EmulatorRequest $script:emulator -Endpoint getConf).Count | Should -Be 6
        }

        It 'writes listing pages in page order when a later page answers first' {
            $null = 1..6 | ForEach-Object { New-BizConfMeeting -Name "Page $_" -StartTime (Get-FutureTime -Days (10 + $_)) -Duration 30 }
            $expected = (Get-BizConfMeeting -PageSize 2 -ThrottleLimit 1).Id
            Clear-EmulatorRequest $script:emulator
            # The second listConf request to arrive (a page after the first) is held back.
            Add-EmulatorFault $script:emulator -Endpoint listConf -Kind delay -DelayMs 1000 -Every 2
            $listed = (Get-BizConfMeeting -PageSize 2 -ThrottleLimit 5).Id
            $listed | Should -Be $expected
            (Get-EmulatorRequest $script:emulator -Endpoint listConf).Count | Should -Be 5
        }

        It 'runs two overlapping rows per account one at a time: the first is made, the second is 202, every time' {
            foreach ($round in 1..3) {
                Reset-Emulator $script:emulator
                foreach ($name in 'host-1', 'host-2', 'host-3', 'host-4', 'host-5') { Add-EmulatorAccount $script:emulator -LoginName $name }
                $start = Get-FutureTime -Days 3
                $rows = foreach ($name in 'host-1', 'host-2', 'host-3', 'host-4', 'host-5') {
                    [pscustomobject]@{ LoginName = $name; Name = "$name first"; StartTime = $start; Duration = 60 }
                    [pscustomobject]@{ LoginName = $name; Name = "$name second"; StartTime = $start.AddMinutes(30); Duration = 60 }
                }
                $made = @($rows | New-BizConfMeeting -ThrottleLimit 10 -ErrorVariable failed -ErrorAction SilentlyContinue)
                $made.Name | Should -Be @('host-1 first', 'host-2 first', 'host-3 first', 'host-4 first', 'host-5 first')
                $failed.Count | Should -Be 5
                $failed.TargetObject.Name | Should -Be @('host-1 second', 'host-2 second', 'host-3 second', 'host-4 second', 'host-5 second')
                $failed | ForEach-Object { $_.Exception.Status | Should -Be 202 }
            }
        }

        It 'asks -Confirm questions on the pipeline thread in input order, each before its item is sent' {
            $run = Invoke-WithRecordingHost $script:emulator -Answer Yes -Script (
                "$($script:meetings[2].Id), $($script:meetings[0].Id), $($script:meetings[1].Id) | Remove-BizConfMeeting -ThrottleLimit 10")
            $run.Errors | Should -BeNullOrEmpty
            $run.Prompts.Count | Should -Be 3
            $run.Prompts[0] | Should -BeLike "*(Id $($script:meetings[2].Id),*"
            $run.Prompts[1] | Should -BeLike "*(Id $($script:meetings[0].Id),*"
            $run.Prompts[2] | Should -BeLike "*(Id $($script:meetings[1].Id),*"
            # Cancels run side by side, so they may reach the server in any order: each is found by its id, and must
            # have arrived no earlier than its own question was asked (the log keeps whole milliseconds).
            $cancels = Get-EmulatorRequest $script:emulator -Endpoint cancelConf
            @($cancels.fields.confId | Sort-Object) | Should -Be @($script:meetings[0..2].Id | ForEach-Object { "$_" } | Sort-Object)
            foreach ($asked in 0..2) {
                $id = "$($script:meetings[(2, 0, 1)[$asked]].Id)"
                $time = @($cancels | Where-Object { $_.fields.confId -eq $id })[0].time
                # The JSON reader may already have made the time a DateTime.
                $sent = if ($time -is [datetime]) { [DateTimeOffset]$time.ToUniversalTime() } else { [DateTimeOffset]::Parse($time, [cultureinfo]::InvariantCulture) }
                $askedAt = $run.PromptTimes[$asked]
                $sent.UtcTicks | Should -BeGreaterOrEqual ($askedAt.UtcTicks - $askedAt.UtcTicks % [TimeSpan]::TicksPerMillisecond) -Because "meeting $id is sent only after its question"
            }
        }

        It 'sends nothing under -WhatIf, whatever the limit' {
            $script:meetings | Set-BizConfMeeting -Duration 45 -ThrottleLimit 10 -WhatIf
            $script:meetings | Remove-BizConfMeeting -ThrottleLimit 10 -WhatIf
            (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        }

        It 'refuses a limit outside 1 to 64, naming ThrottleLimit' {
            { Get-BizConfMeeting -Id 1 -ThrottleLimit 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,BizConf.PowerShell.Commands.GetBizConfMeetingCommand'
            { Get-BizConfMeeting -Id 1 -ThrottleLimit 65 } | Should -Throw -ExpectedMessage "*'ThrottleLimit'*"
        }
    }

    Context 'Exactly once' {
        It 'makes one meeting and writes no error when the answer to a create is lost' {
            Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind lost
            $made = New-BizConfMeeting -Name 'Lost answer' -StartTime (Get-FutureTime -Days 9) -Duration 30 -ErrorVariable failed -Verbose 4>&1
            $meeting = @($made | Where-Object { $_ -is [BizConf.Meeting] })
            $verbose = @($made | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
            $failed.Count | Should -Be 0
            $meeting.Count | Should -Be 1
            $meeting[0].Name | Should -Be 'Lost answer'
            @(Get-EmulatorMeeting $script:emulator | Where-Object meetingName -EQ 'Lost answer').Count | Should -Be 1
            (Get-EmulatorRequest $script:emulator).endpoint | Should -Be @('confReservation', 'listConf')
            $verbose | Where-Object { $_ -like "*Meeting 'Lost answer' (Id $($meeting[0].Id)) exists on account demo*this request made it." } | Should -Not -BeNullOrEmpty
        }

        It 'makes every row exactly once when answers are lost across a CSV of several hosts' {
            $start = Get-FutureTime -Days 5
            $rows = foreach ($i in 0..19) {
                [pscustomobject]@{ LoginName = "host-$(1 + $i % 5)"; Name = "Row $i"; StartTime = $start.AddHours(2 * [Math]::Floor($i / 5)); Duration = 60 }
            }
            Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind lost -Count 5 -Every 3
            $made = @($rows | New-BizConfMeeting -ThrottleLimit 10 -ErrorVariable failed -ErrorAction SilentlyContinue)
            $failed.Count | Should -Be 0
            $made.Name | Should -Be $rows.Name
            $held = @(Get-EmulatorMeeting $script:emulator | Where-Object meetingName -Like 'Row *')
            $held.Count | Should -Be 20
            ($held | Group-Object meetingName | Where-Object Count -GT 1) | Should -BeNullOrEmpty
            @((Get-EmulatorRequest $script:emulator -Endpoint confReservation) | Where-Object fault -EQ 'lost').Count | Should -Be 5
        }

        It 're-runs a CSV with -SkipExisting and sends no create for the rows already made' {
            $start = Get-FutureTime -Days 6
            $rows = foreach ($i in 0..5) { [pscustomobject]@{ LoginName = "host-$(1 + $i % 3)"; Name = "Rerun $i"; StartTime = $start.AddHours(2 * $i); Duration = 60 } }
            $first = @($rows[0..3] | New-BizConfMeeting -SkipExisting)
            Clear-EmulatorRequest $script:emulator
            $second = @($rows | New-BizConfMeeting -SkipExisting -ThrottleLimit 10 -ErrorVariable failed)
            $failed.Count | Should -Be 0
            $second.Name | Should -Be $rows.Name
            $second[0..3].Id | Should -Be $first.Id
            (Get-EmulatorRequest $script:emulator -Endpoint confReservation).fields.confName | Sort-Object | Should -Be @('Rerun 4', 'Rerun 5')
            @(Get-EmulatorMeeting $script:emulator | Where-Object meetingName -Like 'Rerun *').Count | Should -Be 6
        }

        It 'cancels once when the answer to a cancel is lost: the repeat answers 401 and getConf confirms it' {
            Add-EmulatorFault $script:emulator -Endpoint cancelConf -Kind lost
            $script:meetings[0] | Remove-BizConfMeeting -Force -ErrorVariable failed
            $failed.Count | Should -Be 0
            (Get-EmulatorRequest $script:emulator).endpoint | Should -Be @('cancelConf', 'cancelConf', 'getConf')
            (Get-EmulatorRequest $script:emulator -Endpoint cancelConf).status | Should -Be @(100, 401)
            @(Get-BizConfMeeting -Keyword 'Read 1').Count | Should -Be 0
        }

        It 'sends a 102 from a timestamp clash once more with a fresh timestamp, and a second 102 is an error' {
            Add-EmulatorFault $script:emulator -Endpoint getConf -Kind status102
            (Get-BizConfMeeting -Id $script:meetings[0].Id).Id | Should -Be $script:meetings[0].Id
            $log = Get-EmulatorRequest $script:emulator -Endpoint getConf
            $log.status | Should -Be @(102, 100)
            $log[0].fields.timeStamp | Should -Not -Be $log[1].fields.timeStamp

            Clear-EmulatorRequest $script:emulator
            Add-EmulatorFault $script:emulator -Endpoint getConf -Kind status102 -Count 2
            Get-BizConfMeeting -Id $script:meetings[0].Id -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed[0].Exception.Status | Should -Be 102
            (Get-EmulatorRequest $script:emulator -Endpoint getConf).status | Should -Be @(102, 102)
        }

        It 'never sends a webinar create twice, and its error says how to check' {
            Add-EmulatorFault $script:emulator -Endpoint createDiyWebinar -Kind lost
            New-BizConfWebinar -Name 'Lost webinar' -StartTime (Get-FutureTime -Days 9) -Duration 30 -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed.Count | Should -Be 1
            $failed[0].Exception.Message | Should -BeLike "*It was not tried again, because the request may have been carried out: the API has no webinar list to look in, so look for 'Lost webinar' among the webinars of account demo in the BizConf portal before creating it again."
            (Get-EmulatorRequest $script:emulator -Endpoint createDiyWebinar).Count | Should -Be 1
        }
    }

    Context 'Stopping and memory' {
        It 'stops at once at Ctrl+C with ten requests in flight, and writes nothing more' {
            Add-EmulatorFault $script:emulator -Endpoint getConf -Kind delay -DelayMs 120000 -Count 10
            $powershell = [powershell]::Create()
            try {
                $ids = (@($script:meetings.Id) * 3)[0..9] -join ','
                $null = $powershell.AddScript("Import-Module '$(Get-BizConfModulePath)'; " +
                    "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)'; " +
                    "$ids | Get-BizConfMeeting -ThrottleLimit 10")
                $running = $powershell.BeginInvoke()
                for ($i = 0; $i -lt 600 -and (Get-EmulatorRequest $script:emulator -Endpoint getConf).Count -lt 10; $i++) { Start-Sleep -Milliseconds 50 }
                (Get-EmulatorRequest $script:emulator -Endpoint getConf).Count | Should -Be 10
                $stopping = $powershell.BeginStop($null, $null)
                # The held answers would come after two minutes; a stop that waited for them would not be done in 30 s.
                $stopping.AsyncWaitHandle.WaitOne(30000) | Should -BeTrue
                $powershell.InvocationStateInfo.State | Should -Be 'Stopped'
                $powershell.Streams.Error.Count | Should -Be 0
                { $powershell.EndInvoke($running) } | Should -Throw
            }
            finally {
                $powershell.Dispose()
                Invoke-RestMethod -Method Delete -Uri "$($script:emulator.Uri)/_emulator/faults" | Out-Null
            }
        }

        It 'holds a bounded window over 10,000 rows at ThrottleLimit 5: it stops reading input while the oldest waits' {
            # The first read is held back; everything after it is quick. An engine without a window would read all
            # 10,000 rows before the first one is written.
            Add-EmulatorFault $script:emulator -Endpoint getConf -Kind delay -DelayMs 4000
            $script:produced = 0
            $script:producedAtFirstOutput = $null
            $ids = $script:meetings.Id
            $read = 0..9999 | ForEach-Object { $script:produced++; $ids[$_ % 4] } |
                Get-BizConfMeeting -ThrottleLimit 5 -Debug:$false |
                ForEach-Object { if ($null -eq $script:producedAtFirstOutput) { $script:producedAtFirstOutput = $script:produced }; $_.Id }
            $read.Count | Should -Be 10000
            $read[0..7] | Should -Be @($ids + $ids)
            $read[9996..9999] | Should -Be $ids
            # ThrottleLimit 5 in flight plus a window of 20 waiting: 25 pending at most, and the row being read.
            $script:producedAtFirstOutput | Should -BeLessOrEqual 26
            $script:producedAtFirstOutput | Should -BeGreaterOrEqual 5
        }
    }
}
