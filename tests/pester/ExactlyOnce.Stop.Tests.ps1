# A bulk job that is stopped accounts for what it made: Ctrl+C (SIGINT to a child pwsh), a downstream
# Select-Object -First, -ErrorAction Stop. Each run is a real child 'pwsh -NonInteractive -File' against the emulator,
# with every create held half a second so that several are in flight when the stop comes. What the child tells on its
# host (stdout) is compared with what the emulator holds: every meeting made is in the output or named in a warning.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/tools/TestTools.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
    $script:throttle = 10

    function New-BulkCsv {
        # 60 rows over five hosts, two hours apart on each, so that none waits for another and ten are in flight.
        param([int] $Count = 60, [scriptblock] $Change)
        $start = Get-FutureTime -Days 3
        $rows = foreach ($i in 0..($Count - 1)) {
            [pscustomobject]@{
                LoginName = "host-$(1 + $i % 5)"; Name = "Stop $i"; Duration = 60
                StartTime = $start.AddHours(2 * [Math]::Floor($i / 5)).ToString('yyyy-MM-dd HH:mm:ss zzz', [cultureinfo]::InvariantCulture)
            }
        }
        if ($Change) { & $Change $rows }
        $path = Join-Path ([IO.Path]::GetTempPath()) "bizconf-stop-$([guid]::NewGuid().ToString('n')).csv"
        $rows | Export-Csv -LiteralPath $path -NoTypeInformation
        $path
    }

    function Start-BulkChild {
        # The child writes 'MADE <id>' or 'REG <id>' per object that reaches the end of its pipeline.
        param([Parameter(Mandatory)] [string] $Pipeline, [Parameter(Mandatory)] [string] $CsvPath)
        $script = @"
param(`$module, `$uri, `$csv)
`$PSStyle.OutputRendering = 'PlainText'
Import-Module `$module
Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri `$uri -MaxRetry 0
'ready'
$Pipeline
'finished'
"@
        Start-ChildPwsh -Script $script -Arguments (Get-BizConfModulePath), $script:emulator.Uri, $CsvPath -ReadyPattern '^ready'
    }

    function Read-StopReport {
        # What a finished child told: the ids written, the items the stop told of, and the closing line.
        param([Parameter(Mandatory)] $Result)
        $text = ($Result.Output + "`n" + $Result.Errors) -replace '\x1b\[[0-9;]*m', ''
        $lines = @($text -split "`r?`n")
        $told = @($lines | Where-Object { $_ -match '^WARNING:\s+#\d+ ' })
        [pscustomobject]@{
            Text     = $text
            Written  = @($lines | Where-Object { $_ -match '^(MADE|REG) ' } | ForEach-Object { ($_ -split ' ')[1] })
            Told     = $told
            ToldIds  = @($told | ForEach-Object { if ($_ -match 'done: (meeting Id|registrant) (?<id>\S+)\.$') { $Matches.id } })
            NotSent  = if ($text -match '(?<n>\d+) more items? (was|were) not sent') { [int]$Matches.n } else { 0 }
            Finished = $lines -contains 'finished'
        }
    }

    function Assert-EveryMeetingAccountedFor {
        # Every live meeting of the run is written, or told by its Id, or (still in flight at the end of the grace)
        # told by its name as maybe made; no meeting is there twice.
        param([Parameter(Mandatory)] $Report)
        $held = @(Get-EmulatorMeeting $script:emulator | Where-Object { $_.meetingName -like 'Stop *' -and $_.confStatus -ne 9 })
        $held.Count | Should -BeGreaterThan 0
        @($held | Group-Object meetingName | Where-Object Count -GT 1) | Should -BeNullOrEmpty
        foreach ($meeting in $held) {
            $byId = "$($meeting.id)" -in $Report.Written -or "$($meeting.id)" -in $Report.ToldIds
            $byName = @($Report.Told | Where-Object { $_ -like "*Meeting '$($meeting.meetingName)' at *may have been carried out*" }).Count -gt 0
            ($byId -or $byName) | Should -BeTrue -Because "meeting '$($meeting.meetingName)' (Id $($meeting.id)) was made and must be accounted for"
        }
        $held
    }
}

AfterAll {
    Stop-TestEmulator $script:emulator
}

Describe 'A stopped bulk job accounts for what it made' {
    BeforeEach {
        Reset-Emulator $script:emulator
        foreach ($name in 'host-1', 'host-2', 'host-3', 'host-4', 'host-5') { Add-EmulatorAccount $script:emulator -LoginName $name }
        $script:csv = $null
        $script:child = $null
    }

    AfterEach {
        Stop-ChildPwsh $script:child
        if ($script:csv) { Remove-Item -LiteralPath $script:csv -ErrorAction SilentlyContinue }
    }

    It 'tells on its host, after SIGINT, every meeting it made and did not write, and sends nothing more' {
        # The fifteenth create to arrive is made at once but answered only after 8 s, past the 5 s a stop waits: it is
        # told as maybe made. Every other create is held 500 ms, so ten are in flight at any time.
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind late -DelayMs 8000 -Every 15
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind delay -DelayMs 500 -Count 1000
        $script:csv = New-BulkCsv
        $script:child = Start-BulkChild -CsvPath $script:csv -Pipeline (
            "Import-Csv `$csv | New-BizConfMeeting -ThrottleLimit $script:throttle | ForEach-Object { 'MADE ' + `$_.Id }")
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not ((@(Get-Content -LiteralPath $script:child.StdoutPath | Where-Object { $_ -like 'MADE *' }).Count -ge 5) -and
                (Get-EmulatorRequest $script:emulator -Endpoint confReservation).Count -ge 15)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw 'The child wrote no five meetings within a minute.' }
            Start-Sleep -Milliseconds 50
        }
        $signalled = [DateTimeOffset]::UtcNow
        Send-Signal -Process $script:child.Process -Signal INT
        $report = Read-StopReport (Wait-ChildPwsh $script:child -TimeoutSec 60)

        $report.Finished | Should -BeFalse
        $report.Text | Should -Match 'The command stopped before it wrote the outcome of \d+ items that were sent:'
        $report.Text | Should -Match 'Run the same command again with -SkipExisting to finish: it schedules only the meetings that are not there yet\.'
        $held = Assert-EveryMeetingAccountedFor $report
        # The late one: made on the emulator, its Id never seen by the client, named in the warning as maybe made.
        $maybe = @($report.Told | Where-Object { $_ -like '*: no answer came before the stop, so it may have been carried out.' })
        $maybe.Count | Should -Be 1
        $maybe[0] -match "Meeting '(?<name>Stop \d+)' at " | Should -BeTrue
        $late = @($held | Where-Object meetingName -EQ $Matches.name)
        $late.Count | Should -Be 1
        "$($late[0].id)" | Should -Not -BeIn ($report.Written + $report.ToldIds)

        # Every create the emulator received is one item written or told; the rest of the input was never sent.
        $creates = Get-EmulatorRequest $script:emulator -Endpoint confReservation
        $creates.Count | Should -Be ($report.Written.Count + $report.Told.Count)
        $held.Count | Should -Be $creates.Count
        # Items read from the input and held back are counted as not sent; rows never read are not counted.
        $report.NotSent | Should -BeGreaterThan 0
        $report.NotSent | Should -BeLessOrEqual (60 - $creates.Count)
        # Only what was on its way when the signal was sent may arrive after it.
        @($creates | Where-Object { [DateTimeOffset]$_.time -gt $signalled }).Count | Should -BeLessOrEqual $script:throttle
    }

    It 'tells what it made beyond the three that Select-Object -First 3 took' {
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind delay -DelayMs 500 -Count 1000
        $script:csv = New-BulkCsv
        $script:child = Start-BulkChild -CsvPath $script:csv -Pipeline (
            "Import-Csv `$csv | New-BizConfMeeting -ThrottleLimit $script:throttle | Select-Object -First 3 | ForEach-Object { 'MADE ' + `$_.Id }")
        $report = Read-StopReport (Wait-ChildPwsh $script:child -TimeoutSec 60)

        # Select-Object -First ends the pipeline quietly: the script goes on to its end.
        $report.Finished | Should -BeTrue
        $report.Written.Count | Should -Be 3
        $report.Told.Count | Should -BeGreaterThan 0
        $report.Text | Should -Match 'Run the same command again with -SkipExisting to finish'
        $held = Assert-EveryMeetingAccountedFor $report
        $creates = Get-EmulatorRequest $script:emulator -Endpoint confReservation
        $creates.Count | Should -Be (3 + $report.Told.Count)
        $held.Count | Should -Be $creates.Count
        $report.NotSent | Should -BeGreaterThan 0
        $report.NotSent | Should -BeLessOrEqual (60 - $creates.Count)
    }

    It 'tells what it made besides the rows written when -ErrorAction Stop meets a failing row' {
        Add-EmulatorFault $script:emulator -Endpoint confReservation -Kind delay -DelayMs 500 -Count 1000
        # The fifth row names an account the site does not have: status 101, which stops the job.
        $script:csv = New-BulkCsv -Change { param($rows) $rows[4].LoginName = 'nobody' }
        $script:child = Start-BulkChild -CsvPath $script:csv -Pipeline (
            "Import-Csv `$csv | New-BizConfMeeting -ThrottleLimit $script:throttle -ErrorAction Stop | ForEach-Object { 'MADE ' + `$_.Id }")
        $result = Wait-ChildPwsh $script:child -TimeoutSec 60
        $report = Read-StopReport $result

        $report.Finished | Should -BeFalse
        $result.ExitCode | Should -Not -Be 0
        # The console's error view wraps the message in a frame of '|': read it as one line.
        ($result.Errors -replace '\x1b\[[0-9;]*m', '' -replace '\s*\|\s*', ' ' -replace '\s+', ' ') | Should -Match "#5 Meeting 'Stop 4' at .* on account nobody: BizConf status 101"
        $report.Written.Count | Should -Be 4
        $report.Told.Count | Should -BeGreaterThan 0
        @($report.Told | Where-Object { $_ -like '*#5 *' }) | Should -BeNullOrEmpty
        $held = Assert-EveryMeetingAccountedFor $report
        # The failed row made nothing; every other create is written or told.
        $creates = Get-EmulatorRequest $script:emulator -Endpoint confReservation
        $creates.Count | Should -Be (4 + 1 + $report.Told.Count)
        $held.Count | Should -Be ($creates.Count - 1)
        $report.NotSent | Should -BeGreaterThan 0
        $report.NotSent | Should -BeLessOrEqual (60 - $creates.Count)
    }

    It 'tells the registrations it made beyond what Select-Object -First 2 took, and says a rerun is safe' {
        Connect-TestSession $script:emulator
        $meeting = New-BizConfMeeting -Name 'Registration stop' -StartTime (Get-FutureTime -Days 2) -Duration 60 -RequireRegistration
        Add-EmulatorFault $script:emulator -Endpoint addRegistrant -Kind delay -DelayMs 500 -Count 1000
        $script:csv = Join-Path ([IO.Path]::GetTempPath()) "bizconf-stop-$([guid]::NewGuid().ToString('n')).csv"
        1..40 | ForEach-Object { [pscustomobject]@{ MeetingId = $meeting.Id; Email = "person$_@example.com"; FirstName = "Person$_" } } |
            Export-Csv -LiteralPath $script:csv -NoTypeInformation
        $script:child = Start-BulkChild -CsvPath $script:csv -Pipeline (
            "Import-Csv `$csv | Add-BizConfRegistrant -ThrottleLimit $script:throttle | Select-Object -First 2 | ForEach-Object { 'REG ' + `$_.RegistrantId }")
        $report = Read-StopReport (Wait-ChildPwsh $script:child -TimeoutSec 60)

        $report.Written.Count | Should -Be 2
        $report.Text | Should -Match 'Running the same command again is safe: the service keeps a person''s first registration'
        $registered = @(Get-BizConfRegistrant -MeetingId $meeting.Id)
        $registered.Count | Should -Be (Get-EmulatorRequest $script:emulator -Endpoint addRegistrant).Count
        $registered.Count | Should -Be (2 + $report.Told.Count)
        foreach ($registrant in $registered) {
            ($registrant.RegistrantId -in $report.Written -or $registrant.RegistrantId -in $report.ToldIds) | Should -BeTrue -Because "$($registrant.Email) was registered"
        }
        $report.NotSent | Should -BeGreaterThan 0
        $report.NotSent | Should -BeLessOrEqual (40 - $registered.Count)
    }
}
