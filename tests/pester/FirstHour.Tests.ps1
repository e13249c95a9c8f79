# The first hour with the module, tried as a new user tries it: CSV files with a misspelled column or the wrong
# delimiter, bulk errors that say which row, messages that say what to do, times the module cannot read one way,
# the emulator on a busy port, and the README's Quick start pasted as it stands. Views and pipelines are in
# FirstHour.Views.Tests.ps1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/tools/TestTools.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
    $script:year = Get-FutureYear

    function Write-TestCsv([string] $Name, [string[]] $Lines) {
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value $Lines -Encoding utf8
        $path
    }

    # The last Sunday of a month of the coming year, where Europe/Berlin changes its clocks at 02:00 (March) or 03:00 (October).
    function Get-LastSunday([int] $Month) {
        $day = [datetime]::new($script:year, $Month, [datetime]::DaysInMonth($script:year, $Month))
        while ($day.DayOfWeek -ne 'Sunday') { $day = $day.AddDays(-1) }
        $day.ToString('yyyy-MM-dd')
    }
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'The first hour' {
    BeforeEach {
        Reset-Emulator $script:emulator
        Connect-TestSession $script:emulator
        Clear-EmulatorRequest $script:emulator
    }

    Context 'A column that no parameter reads' {
        It 'warns once per run, naming each misspelled column and the parameter it meant, and sends no value of them' {
            $path = Write-TestCsv 'misspelled.csv' @(
                'Name,StartTime,Duration,Pasword,RequireRegistraton'
                "Review,$($script:year)-02-01 10:00,30,4821,yes"
                "Planning,$($script:year)-02-02 10:00,30,7731,yes"
                "Retro,$($script:year)-02-03 10:00,30,1234,yes")
            $meetings = Import-Csv $path | New-BizConfMeeting -WarningVariable warnings 3>$null
            $meetings.Count | Should -Be 3
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -BeLike "New-BizConfMeeting does not use the input properties 'Pasword' (did you mean Password?), 'RequireRegistraton' (did you mean RequireRegistration?): their values were not sent.*"
            @($meetings.Password | Where-Object { $_ }) | Should -BeNullOrEmpty
            # The meetings show that they take no registration, so the mistake can be seen in the result too.
            $meetings.RequireRegistration | Should -Be @($false, $false, $false)
            (Get-BizConfMeeting -Id $meetings[0].Id).RequireRegistration | Should -BeFalse
            $requests = Get-EmulatorRequest $script:emulator -Endpoint confReservation
            $requests.Count | Should -Be 3
            foreach ($request in $requests) { $request.fields.PSObject.Properties.Name | Should -Not -Contain 'hostKey' }
            foreach ($request in $requests) { $request.fields.PSObject.Properties.Name | Should -Not -Contain 'registrationType' }

            # Once per run, not once per session: the next run warns again.
            $null = Import-Csv $path | New-BizConfMeeting -SkipExisting -WarningVariable again 3>$null
            @($again | Where-Object Message -Like '*does not use the input properties*').Count | Should -Be 1
        }

        It 'says when a column names a parameter that is given on the command line only' {
            $path = Write-TestCsv 'skip.csv' @('Name,StartTime,Duration,SkipExisting', "Review,$($script:year)-02-01 10:00,30,yes")
            $null = Import-Csv $path | New-BizConfMeeting -WarningVariable warnings 3>$null
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -BeLike "*input property 'SkipExisting' (a parameter given on the command line only)*"
        }

        It 'stays quiet for the properties of the module''s own objects, piped or exported and read back' {
            $null = New-BizConfMeeting -Name 'Review' -StartTime (Get-FutureTime -Days 2) -Duration 30 -RequireRegistration
            $changed = Get-BizConfMeeting | Set-BizConfMeeting -Duration 45 -PassThru -WarningVariable setWarnings 3>$null
            $changed.Duration | Should -Be 45
            $setWarnings.Count | Should -Be 0
            $exported = Join-Path $TestDrive 'exported.csv'
            Get-BizConfMeeting | Export-Csv -LiteralPath $exported -NoTypeInformation
            (Import-Csv $exported | Set-BizConfMeeting -Duration 50 -PassThru -WarningVariable csvWarnings 3>$null).Duration | Should -Be 50
            $csvWarnings.Count | Should -Be 0
            Get-BizConfMeeting | Remove-BizConfMeeting -Force -WarningVariable removeWarnings 3>$null
            $removeWarnings.Count | Should -Be 0
            Get-BizConfMeeting | Should -BeNullOrEmpty
        }
    }

    Context 'A CSV file read with the wrong delimiter' {
        It 'refuses a file saved with semicolons once, says how to read it, and sends nothing' {
            $path = Write-TestCsv 'semicolons.csv' @('Name;StartTime;Duration', "Review;$($script:year)-02-01 10:00;30", "Planning;$($script:year)-02-02 10:00;30")
            $rows = @(Import-Csv $path)
            $caught = $null
            try { $rows | New-BizConfMeeting -ErrorVariable errors -WarningVariable warnings 3>$null } catch { $caught = $_ }
            $caught.FullyQualifiedErrorId | Should -BeLike 'CsvDelimiterMismatch,*'
            "$caught" | Should -BeLike "*single column named 'Name;StartTime;Duration'*Import-Csv -Delimiter ';'*Import-Csv -UseCulture*Nothing was sent."
            $errors.Count | Should -Be 1
            $warnings.Count | Should -Be 0
            (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
            # The rows are given back as they came: the properties read from the header while binding are gone again.
            $rows[0].PSObject.Properties.Name | Should -Be @('Name;StartTime;Duration')
        }

        It 'names tabs for a file saved with tabs' {
            $path = Write-TestCsv 'tabs.csv' @("Name`tStartTime`tDuration", "Review`t$($script:year)-02-01 10:00`t30")
            $thrown = { Import-Csv $path | New-BizConfMeeting } | Should -Throw -PassThru
            "$thrown" | Should -BeExactly ("The input has a single column named 'Name``tStartTime``tDuration': its file separates columns with tabs. " +
                'Read it with Import-Csv -Delimiter "`t". Nothing was sent.')
            (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        }
    }

    Context 'A bulk error names its row' {
        It 'names the meeting, its start and its position in the input, and keeps the row as TargetObject' {
            $path = Write-TestCsv 'overlap.csv' @(
                'Name,StartTime,Duration'
                "Review,$($script:year)-02-01 10:00,60"
                "Planning,$($script:year)-02-02 10:00,30"
                "Clash,$($script:year)-02-01 10:30,30")
            $rows = @(Import-Csv $path)
            $made = $rows | New-BizConfMeeting -ErrorVariable failed -ErrorAction SilentlyContinue
            $made.Name | Sort-Object | Should -Be @('Planning', 'Review')
            $failed.Count | Should -Be 1
            $start = ([datetimeoffset][datetime]::new($script:year, 2, 1, 10, 30, 0)).ToString('yyyy-MM-dd HH:mm zzz')
            "$($failed[0])" | Should -BeLike "#3 Meeting 'Clash' at $start for 30 minutes on account demo: BizConf status 202 *overlaps another meeting*"
            [object]::ReferenceEquals($failed[0].TargetObject, $rows[2]) | Should -BeTrue
        }

        It 'names a meeting given by id with its id and position' {
            Remove-BizConfMeeting -Id 998, 999 -Force -ErrorVariable failed -ErrorAction SilentlyContinue
            $messages = @($failed | ForEach-Object { "$_" } | Sort-Object)
            $messages.Count | Should -Be 2
            $messages[0] | Should -BeLike '#1 Meeting 998 on account demo: BizConf status 401 *'
            $messages[1] | Should -BeLike '#2 Meeting 999 on account demo: BizConf status 401 *'
            @($failed.TargetObject | Sort-Object) | Should -Be @(998, 999)
        }
    }

    Context 'Messages that point to the fix' {
        It 'suggests -LoginName or the piped meeting for a meeting of another account, and only where that could help' {
            Add-EmulatorAccount $script:emulator -LoginName 'other'
            $theirs = New-BizConfMeeting -LoginName other -Name 'Theirs' -StartTime (Get-FutureTime -Days 2) -Duration 30
            Get-BizConfMeeting -Id $theirs.Id -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed.Count | Should -Be 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'MeetingNotFound,*'
            $failed[0].ErrorDetails.RecommendedAction | Should -BeLike 'If the meeting belongs to another account of the site, give that account with -LoginName, or pipe the meeting object*'
            # What it suggests works.
            (Get-BizConfMeeting -Id $theirs.Id -LoginName other).Name | Should -Be 'Theirs'
            ($theirs | Set-BizConfMeeting -Duration 40 -PassThru).Duration | Should -Be 40
            # A piped meeting already names its account: when it is gone, there is nothing to suggest.
            $theirs | Remove-BizConfMeeting -Force
            $theirs | Set-BizConfMeeting -Duration 50 -ErrorVariable gone -ErrorAction SilentlyContinue
            $gone.Count | Should -Be 1
            $gone[0].ErrorDetails.RecommendedAction | Should -BeNullOrEmpty
        }

        It 'names the missing environment variable when only one of the two is set' -ForEach @(
            @{ Set = 'BIZCONF_LOGIN_NAME'; Value = 'demo'; Missing = 'BIZCONF_API_KEY' }
            @{ Set = 'BIZCONF_API_KEY'; Value = 'demo-api-key'; Missing = 'BIZCONF_LOGIN_NAME' }
        ) {
            $saved = @{}
            foreach ($name in 'BIZCONF_LOGIN_NAME', 'BIZCONF_API_KEY') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
            try {
                [Environment]::SetEnvironmentVariable($Missing, $null)
                [Environment]::SetEnvironmentVariable($Set, $Value)
                $thrown = { Connect-BizConf -BaseUri $script:emulator.Uri } | Should -Throw -PassThru
                "$thrown" | Should -Be "The environment variable $Set is set but $Missing is not: set $Missing too, or connect with -LoginName and -ApiKey."
                $thrown.FullyQualifiedErrorId | Should -BeLike 'NoBizConfCredentials,*'
            }
            finally {
                foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            }
        }

        It 'says how to make a SecureString when -ApiKey is given plain text, without echoing the key' {
            $thrown = { Connect-BizConf -LoginName demo -ApiKey 'plain-key-4711' -BaseUri $script:emulator.Uri } | Should -Throw -PassThru
            "$thrown" | Should -BeLike "*ApiKey takes a SecureString, not plain text*-ApiKey (Read-Host -AsSecureString -Prompt 'API key')*-ApiKey (ConvertTo-SecureString `$key -AsPlainText -Force)*"
            "$thrown" | Should -Not -BeLike '*plain-key-4711*'
            (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        }

        It 'tells a non-interactive pwsh which switch Remove-BizConfMeeting needs, and cancels nothing' {
            $meeting = New-BizConfMeeting -Name 'Keep me' -StartTime (Get-FutureTime -Days 2) -Duration 30
            Clear-EmulatorRequest $script:emulator
            $child = Start-ChildPwsh -Script {
                param($ModulePath, $Uri, $Id)
                Import-Module $ModulePath
                Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri $Uri -MaxRetry 0
                try { Remove-BizConfMeeting -Id $Id -ErrorAction Stop; 'NO ERROR' } catch { "ERROR $($_.FullyQualifiedErrorId) :: $_" }
            } -Arguments (Get-BizConfModulePath), $script:emulator.Uri, $meeting.Id
            $result = Wait-ChildPwsh $child -TimeoutSec 120
            $result.ExitCode | Should -Be 0
            $result.Output | Should -BeLike "*ERROR *Remove-BizConfMeeting would ask before it cancels each one, and this session cannot answer (it is not interactive). Add -Force, or -Confirm:`$false, to go ahead without asking; nothing was sent.*"
            (Get-EmulatorRequest $script:emulator -Endpoint cancelConf).Count | Should -Be 0
            (Get-BizConfMeeting -Id $meeting.Id).Status | Should -Be 'Scheduled'
        }

        It 'warns that a meeting never held has no report, attendance or poll answers yet' {
            $meeting = New-BizConfMeeting -Name 'Not yet' -StartTime (Get-FutureTime -Days 2) -Duration 30
            $meeting | Get-BizConfReport -WarningVariable report 3>$null | Should -BeNullOrEmpty
            $meeting | Get-BizConfAttendee -WarningVariable attendees 3>$null | Should -BeNullOrEmpty
            $meeting | Get-BizConfPoll -WarningVariable polls 3>$null | Should -BeNullOrEmpty
            "$report" | Should -Be "Meeting number $($meeting.MeetingNumber) has no report yet: it has not been held, or its report is not ready yet."
            "$attendees" | Should -Be "Meeting $($meeting.Id) has no attendance yet: it has not been held, or its attendance is not ready yet."
            "$polls" | Should -Be "Meeting number $($meeting.MeetingNumber) has no poll answers: it has not been held yet, or nobody answered a poll in it."
        }

        It 'says after a lost webinar create what about_BizConf says: not repeated, look in the portal' {
            Add-EmulatorFault $script:emulator -Endpoint createDiyWebinar -Kind lost
            New-BizConfWebinar -Name 'Launch' -StartTime (Get-FutureTime -Days 3) -Duration 60 -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed.Count | Should -Be 1
            "$($failed[0])" | Should -BeLike "#1 Webinar 'Launch' at * on account demo: *It was not tried again, because the request may have been carried out: the API has no webinar list to look in, so look for 'Launch' among the webinars of account demo in the BizConf portal before creating it again."
            # It was carried out, and sent only once.
            (Get-EmulatorRequest $script:emulator -Endpoint createDiyWebinar).Count | Should -Be 1
            $about = (Get-Help about_BizConf -Category HelpFile | Out-String) -replace '\s+', ' '
            $about | Should -BeLike '*A webinar create has no list to look in, so it is never repeated after such a failure: its error says so, and asks you to look for the webinar by its name among the account''s webinars in the BizConf portal before creating it again.*'
        }
    }

    Context 'Times the module cannot read one way' {
        It 'refuses a time without a date, and sends nothing' {
            $thrown = { New-BizConfMeeting -Name 'Late' -StartTime '23:59' -Duration 30 } | Should -Throw -PassThru
            "$thrown" | Should -BeLike "*'23:59' is a time without a date, which would mean a different day depending on when the command runs. Write the date too, like *-*-* 23:59."
            (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        }

        It 'warns, naming both instants, for a wall time that <Case> in Europe/Berlin' -ForEach @(
            @{ Case = 'is skipped'; Month = 3; Said = 'does not exist in the time zone Europe/Berlin'; Taken = '03:30 +02:00'; Other = '01:30 +01:00'; Utc = '01:30' }
            @{ Case = 'happens twice'; Month = 10; Said = 'happens twice in the time zone Europe/Berlin'; Taken = '02:30 +02:00'; Other = '02:30 +01:00'; Utc = '00:30' }
        ) {
            $day = Get-LastSunday $Month
            $output = Invoke-PwshInTimeZone -TimeZone 'Europe/Berlin' -Script @"
Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)' -MaxRetry 0
`$m = New-BizConfMeeting -Name 'Clock change' -StartTime '$day 02:30' -Duration 30 -WarningVariable w 3>`$null
'WARNING ' + (`$w -join ' | ')
'UTC ' + `$m.StartTime.UtcDateTime.ToString('yyyy-MM-dd HH:mm')
"@
            $text = @($output -split '\r?\n')
            $warning = @($text | Where-Object { $_ -like 'WARNING *' })[0]
            $warning | Should -BeLike "WARNING StartTime $day 02:30 $Said*"
            $warning | Should -BeLike "*$day $Taken*"
            $warning | Should -BeLike "*$day $Other*"
            $text | Should -Contain "UTC $day $Utc"
        }
    }

    Context 'The emulator on a busy port' {
        It 'says so in one line naming the address and --urls, and exits non-zero without a stack trace' {
            $emulatorPath = if ($env:BIZCONF_EMULATOR_PATH) { $env:BIZCONF_EMULATOR_PATH } else { Join-Path (Get-RepoRoot) 'out/emulator/BizConf.Emulator.dll' }
            $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
            foreach ($argument in $emulatorPath, '--urls', $script:emulator.Uri) { $start.ArgumentList.Add($argument) }
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            $second = [System.Diagnostics.Process]::Start($start)
            try {
                $stdout = $second.StandardOutput.ReadToEndAsync()
                $stderr = $second.StandardError.ReadToEndAsync()
                $second.WaitForExit(60000) | Should -BeTrue -Because 'the second emulator must give up, not wait'
                $second.WaitForExit()
                $second.ExitCode | Should -Be 2
                $lines = @($stderr.Result -split '\r?\n' | Where-Object { $_.Trim() })
                $lines | Should -Be @("Cannot listen on $($script:emulator.Uri): the address is already in use. Choose another with --urls (for example --urls http://127.0.0.1:0 for any free port).")
                $stdout.Result | Should -BeNullOrEmpty
            }
            finally {
                if (-not $second.HasExited) { $second.Kill($true) }
                $second.Dispose()
            }
            # The first one still answers.
            (Test-BizConfAccount) | Should -BeTrue
        }
    }
}
