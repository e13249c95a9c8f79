BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator

    function Invoke-EmulatorSimulation {
        # The emulator's admin endpoint: the meeting takes place in its duration up to now (or up to -EndTime), then ends.
        param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [long] $MeetingId, [int] $Guests = 3, [int] $Seed = 1, [int] $Polls = 2,
            [Nullable[DateTimeOffset]] $EndTime)
        $body = @{ guests = $Guests; seed = $Seed; polls = $Polls }
        if ($EndTime) { $body.endTime = $EndTime.ToString('o') }
        Invoke-RestMethod -Method Post -Uri "$($Emulator.Uri)/_emulator/meetings/$MeetingId/simulate" -Body ($body | ConvertTo-Json) -ContentType 'application/json'
    }

    [long] $script:rawStamp = 0
    function Invoke-RawApi {
        # A signed call straight to the API, to set up registrants (docs/API.md, "Registration") and read the reports as sent (5.3)
        # without depending on other cmdlets. -SiteToken signs as the report endpoints want (docs/API.md, "Signing"). Each stamp is
        # taken from the clock at the call, two minutes back (the server takes five either way), so it stays clear of
        # the module's own, which are never behind the clock. Only a module request made two minutes before, in that
        # very millisecond, could have spent it: the server then says so, and the call takes the next stamp.
        param([Parameter(Mandatory)] [string] $Endpoint, [Parameter(Mandatory)] [hashtable] $Fields, [string] $Method = 'Post', [switch] $SiteToken)
        for ($try = 1; ; $try++) {
            $script:rawStamp = [Math]::Max($script:rawStamp + 1, [DateTimeOffset]::UtcNow.AddMinutes(-2).ToUnixTimeMilliseconds())
            $signed = if ($SiteToken) { "demo-api-key|$script:rawStamp" } else { "demo|demo-api-key|$script:rawStamp" }
            $md5 = [System.Security.Cryptography.MD5]::Create()
            $bytes = $md5.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($signed))
            $all = @{ timeStamp = "$script:rawStamp"; token = -join ($bytes | ForEach-Object { $_.ToString('x2') }) } + $Fields
            if ($SiteToken) { $all.siteSign = 'demo-site' } else { $all.loginName = 'demo' }
            $answer = Invoke-RestMethod -Method $Method -Uri "$($script:emulator.Uri)/openapi/$Endpoint" -Body $all
            if ("$($answer.status)" -ne '102' -or $answer.message -notlike '*already used*' -or $try -ge 3) { return $answer }
        }
    }

    function Invoke-EmulatorError {
        # Calls the admin API expecting a failure; gives back the HTTP status and the {"error":...} text.
        param([Parameter(Mandatory)] [string] $Uri, [string] $Body, [string] $ContentType = 'application/json')
        try {
            $null = Invoke-RestMethod -Method Post -Uri $Uri -Body $Body -ContentType $ContentType
            throw "Expected $Uri to fail."
        }
        catch [Microsoft.PowerShell.Commands.HttpResponseException] {
            [pscustomobject]@{ Status = [int]$_.Exception.Response.StatusCode; Error = ($_.ErrorDetails.Message | ConvertFrom-Json).error }
        }
    }

    function ConvertFrom-Gmt {
        # A GMT time of the wire (docs/API.md, "Times") as an instant.
        param([Parameter(Mandatory)] [string] $Text)
        [DateTimeOffset]::ParseExact($Text, 'yyyy-MM-dd HH:mm:ss', [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AssumeUniversal)
    }

    Reset-Emulator $script:emulator
    Connect-TestSession $script:emulator

    $script:open = New-BizConfMeeting -Name 'Open review' -StartTime (Get-FutureTime -Days 2) -Duration 30
    $script:openRun = Invoke-EmulatorSimulation $script:emulator -MeetingId $script:open.Id -Guests 4 -Seed 7 -Polls 2

    $script:registered = New-BizConfMeeting -Name '发布会 Launch' -StartTime (Get-FutureTime -Days 3) -Duration 60 -RequireRegistration
    $regId = "$($script:registered.Id)"
    $null = Invoke-RawApi updateRegistrationQuestions @{ confId = $regId; custom_questions = '[{"title":"Team","type":"short","required":false}]' }
    $null = Invoke-RawApi addRegistrant @{ confId = $regId; first_name = 'Jill'; last_name = 'Chill'; email = 'jchill@example.com'
        org = 'Cooking Org'; job_title = 'Chef'; country = 'US'; city = 'Mountain View'; custom_questions = '[{"title":"Team","value":"Kitchen"}]' }
    $null = Invoke-RawApi addRegistrant @{ confId = $regId; first_name = '芳'; last_name = '王'; email = 'wang@example.com' }
    $null = Invoke-RawApi addRegistrant @{ confId = $regId; first_name = 'Pat'; email = 'pending@example.com'; auto_approve = 'false' }
    $script:registrantsBefore = Invoke-RawApi getRegistrants @{ confId = $regId } -Method Get
    $script:regRun = Invoke-EmulatorSimulation $script:emulator -MeetingId $script:registered.Id -Guests 1 -Seed 3 -Polls 3
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'Simulated meetings' {
    It 'ends the meeting in the minutes up to now' {
        $meeting = Get-BizConfMeeting -Id $script:open.Id
        $meeting.Status | Should -Be 'Ended'
        ($meeting.EndTime - [DateTimeOffset]::Now).Duration().TotalMinutes | Should -BeLessThan 2
        $meeting.Duration | Should -Be 30
        $script:openRun.people | Should -Be 4
        $script:openRun.rows | Should -Be 6
    }

    It 'takes no body at all, as Invoke-RestMethod and curl -d "" post it, as all defaults' {
        $bare = New-BizConfMeeting -Name 'Bare' -StartTime (Get-FutureTime -Days 5) -Duration 10
        $plain = New-BizConfMeeting -Name 'Empty form' -StartTime (Get-FutureTime -Days 5 -Hours 2) -Duration 10
        $noBody = Invoke-RestMethod -Method Post -Uri "$($script:emulator.Uri)/_emulator/meetings/$($bare.Id)/simulate"
        $emptyForm = Invoke-RestMethod -Method Post -Uri "$($script:emulator.Uri)/_emulator/meetings/$($plain.Id)/simulate" -Body '' -ContentType 'application/x-www-form-urlencoded'
        foreach ($answer in $noBody, $emptyForm) {
            $answer.people | Should -Be 3
            $answer.polls | Should -Be 2
        }
        @(Get-BizConfPoll -MeetingNumber $bare.MeetingNumber).Count | Should -Be (3 * 2)
    }

    It 'refuses a malformed body with 400 and an error' {
        $meeting = New-BizConfMeeting -Name 'Malformed' -StartTime (Get-FutureTime -Days 5 -Hours 4) -Duration 10
        $uri = "$($script:emulator.Uri)/_emulator/meetings/$($meeting.Id)/simulate"
        foreach ($body in '{"guests":2.5}', 'nope') {
            $failure = Invoke-EmulatorError -Uri $uri -Body $body
            $failure.Status | Should -Be 400
            $failure.Error | Should -Match "'guests'|JSON object"
        }
        (Get-BizConfMeeting -Id $meeting.Id).Status | Should -Be 'Scheduled'
    }

    It 'gives every session its own id, even for the same seed at the same moment' {
        $one = New-BizConfMeeting -Name 'Same seed one' -StartTime (Get-FutureTime -Days 6) -Duration 15
        $two = New-BizConfMeeting -Name 'Same seed two' -StartTime (Get-FutureTime -Days 6 -Hours 2) -Duration 15
        $first = Invoke-EmulatorSimulation $script:emulator -MeetingId $one.Id -Seed 9
        $second = Invoke-EmulatorSimulation $script:emulator -MeetingId $two.Id -Seed 9
        $overlap = Invoke-EmulatorError -Uri "$($script:emulator.Uri)/_emulator/meetings/$($one.Id)/simulate" -Body '{"seed":9}'
        $reports = @(Get-BizConfReport -MeetingNumber $one.MeetingNumber, $two.MeetingNumber)

        $first.sessionId | Should -Not -Be $second.sessionId
        $reports.SessionId | Should -Be @($first.sessionId, $second.sessionId)
        ($reports[0].Participants | ForEach-Object { "$($_.CustomId) $($_.Device) $($_.IPAddress)" }) |
            Should -Be ($reports[1].Participants | ForEach-Object { "$($_.CustomId) $($_.Device) $($_.IPAddress)" })
        $overlap.Status | Should -Be 409
        $overlap.Error | Should -Match 'already held'
    }
}

Describe 'Get-BizConfAttendee' {
    It 'lists every stay with times in local time and durations as TimeSpan' {
        $rows = @(Get-BizConfAttendee -MeetingId $script:open.Id)
        $meeting = Get-BizConfMeeting -Id $script:open.Id
        $rows.Count | Should -Be 6
        $rows[0] | Should -BeOfType BizConf.Attendee
        foreach ($row in $rows) {
            $row.MeetingId | Should -Be $script:open.Id
            $row.MeetingNumber | Should -Be $script:open.MeetingNumber
            $row.Topic | Should -Be 'Open review'
            $row.Name | Should -Not -BeNullOrEmpty
            $row.CustomId | Should -Match '^guest-\d$'
            $row.IPAddress | Should -Match '^10\.\d+\.\d+\.\d+$'
            $row.Duration | Should -BeOfType TimeSpan
            $row.Duration | Should -Be ($row.LeaveTime - $row.JoinTime)
            $row.Duration.TotalSeconds | Should -BeGreaterThan 0
            $row.JoinTime | Should -BeOfType DateTimeOffset
            $row.JoinTime.Offset | Should -Be ([TimeZoneInfo]::Local.GetUtcOffset($row.JoinTime))
            $row.JoinTime | Should -BeGreaterOrEqual $meeting.StartTime
            $row.LeaveTime | Should -BeLessOrEqual $meeting.EndTime
        }
    }

    It 'shows people who left and came back as several rows' {
        $twice = @(Get-BizConfAttendee -MeetingId $script:open.Id | Group-Object CustomId | Where-Object Count -EQ 2)
        ($twice.Name | Sort-Object) | Should -Be @('guest-1', 'guest-4')
    }

    It 'takes meetings from the pipeline' {
        $piped = @(Get-BizConfMeeting -Id $script:open.Id, $script:registered.Id | Get-BizConfAttendee)
        $piped.Count | Should -Be (6 + $script:regRun.rows)
        ($piped.MeetingId | Sort-Object -Unique) | Should -Be @($script:open.Id, $script:registered.Id)
    }

    It 'reads and shows times in the local zone of the machine running PowerShell, whatever it is' {
        $rawLog = (Invoke-RawApi confAttendeeLog @{ confId = "$($script:open.Id)" } -Method Get -SiteToken).data
        $rawReport = @((Invoke-RawApi getConfLogListByConfNumber @{ confNumber = $script:open.MeetingNumber } -Method Get -SiteToken).data)
        $script = "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -SiteSign demo-site -BaseUri '$($script:emulator.Uri)'; " +
            "(Get-BizConfAttendee -MeetingId $($script:open.Id))[0].JoinTime.ToString('o'); " +
            "(Get-BizConfReport -MeetingNumber $($script:open.MeetingNumber))[0].StartTime.ToString('o')"
        $lines = @(Invoke-PwshInTimeZone -TimeZone 'Asia/Tokyo' -Script $script) -split "`n" | Where-Object { $_.Trim() }
        $tokyo = [TimeSpan]::FromHours(9)
        $lines[0].Trim() | Should -Be (ConvertFrom-Gmt $rawLog.'Details Log'[0].joinTime).ToOffset($tokyo).ToString('o')
        $lines[1].Trim() | Should -Be (ConvertFrom-Gmt $rawReport[0].startTime).ToOffset($tokyo).ToString('o')
        $lines | ForEach-Object { $_.Trim() | Should -Match '\+09:00$' }
    }

    It 'shows join times in full, leave times on a later day with +Nd, and durations of a day or more with the days' {
        $stay = [BizConf.Attendee]@{ MeetingNumber = '1234567890'; Name = 'Night shift'; Duration = [TimeSpan]::FromHours(25)
            JoinTime = [DateTimeOffset]::new(2031, 3, 10, 8, 0, 0, [TimeSpan]::FromHours(9)); LeaveTime = [DateTimeOffset]::new(2031, 3, 11, 9, 0, 0, [TimeSpan]::FromHours(9)) }
        $person = [BizConf.Participant]@{ Name = 'Night shift'; Duration = [TimeSpan]::FromHours(25); JoinTime = $stay.JoinTime; LeaveTime = $stay.LeaveTime }
        foreach ($table in ($stay | Out-String -Width 250), ($person | Out-String -Width 250)) {
            $table | Should -Match '2031-03-10 08:00:00 +09:00:00\+1d +1\.01:00:00'
        }
    }

    It 'sums attendance per person to the minutes of the raw log' {
        $stays = (Invoke-RawApi confAttendeeLog @{ confId = "$($script:open.Id)" } -Method Get -SiteToken).data.'Details Log'
        $expected = $stays | Group-Object cuid | Sort-Object Name | ForEach-Object {
            $minutes = ($_.Group | ForEach-Object { ((ConvertFrom-Gmt $_.leaveTime) - (ConvertFrom-Gmt $_.joinTime)).TotalMinutes } | Measure-Object -Sum).Sum
            '{0} {1:0.###}' -f $_.Name, $minutes
        }
        $summary = Get-BizConfAttendee -MeetingId $script:open.Id | Group-Object CustomId | Sort-Object Name | ForEach-Object {
            '{0} {1:0.###}' -f $_.Name, ($_.Group.Duration | Measure-Object TotalMinutes -Sum).Sum
        }
        @($expected).Count | Should -Be 4
        $summary | Should -Be $expected
    }

    It 'signs with the site token' {
        Clear-EmulatorRequest $script:emulator
        $null = Get-BizConfAttendee -MeetingId $script:open.Id
        $sent = (Get-EmulatorRequest $script:emulator -Endpoint confAttendeeLog)[0]
        $sent.method | Should -Be 'GET'
        $sent.fields.siteSign | Should -Be 'demo-site'
        $sent.fields.confId | Should -Be "$($script:open.Id)"
        $sent.fields.PSObject.Properties.Name | Should -Not -Contain 'loginName'
        $sent.status | Should -Be 100
    }
}

Describe 'Get-BizConfReport' {
    It 'reports a session by meeting number, with its participants' {
        $report = @(Get-BizConfReport -MeetingNumber $script:open.MeetingNumber)
        $report.Count | Should -Be 1
        $report[0] | Should -BeOfType BizConf.MeetingReport
        $report[0].MeetingId | Should -Be $script:open.Id
        $report[0].MeetingNumber | Should -Be $script:open.MeetingNumber
        $report[0].Name | Should -Be 'Open review'
        $report[0].HostName | Should -Be 'demo'
        $report[0].SessionId | Should -Be $script:openRun.sessionId
        $report[0].Duration | Should -Be 30
        $report[0].ParticipantCount | Should -Be 6
        $report[0].EndTime - $report[0].StartTime | Should -Be ([TimeSpan]::FromMinutes(30))
        $first = $report[0].Participants[0]
        $first | Should -BeOfType BizConf.Participant
        $first.Device | Should -BeIn @('windows', 'mac', 'ios', 'android', 'web')
        $first.Duration | Should -BeOfType TimeSpan
        $first.RegistrantId | Should -BeNullOrEmpty
        $first.SessionId | Should -Be $script:openRun.sessionId
    }

    It 'reports by join link' {
        $report = @(Get-BizConfReport -JoinUrl $script:open.JoinUrl)
        $report.Count | Should -Be 1
        $report[0].SessionId | Should -Be $script:openRun.sessionId
        $report[0].ParticipantCount | Should -Be 6
        (Get-EmulatorRequest $script:emulator -Endpoint getConfLogListByJoinUrl)[-1].method | Should -Be 'POST'
    }

    It 'takes a meeting from the pipeline and carries the registration of registrants' {
        $report = @(Get-BizConfMeeting -Id $script:registered.Id | Get-BizConfReport)
        $report.Count | Should -Be 1
        $report[0].Name | Should -Be '发布会 Launch'
        $people = $report[0].Participants
        $people.Email | Should -Not -Contain 'pending@example.com'
        $jill = @($people | Where-Object Email -EQ 'jchill@example.com')
        $jill.Count | Should -BeGreaterThan 0
        $jill[0].Name | Should -Be 'Jill Chill'
        $jill[0].FirstName | Should -Be 'Jill'
        $jill[0].LastName | Should -Be 'Chill'
        $jill[0].Organization | Should -Be 'Cooking Org'
        $jill[0].JobTitle | Should -Be 'Chef'
        $jill[0].Country | Should -Be 'US'
        $jill[0].City | Should -Be 'Mountain View'
        $jill[0].CustomAnswers | Should -Be 'Team=Kitchen'
        $jill[0].RegistrationStatus | Should -Be 'approved'
        $jill[0].RegistrantId | Should -Not -BeNullOrEmpty
        $jill[0].JoinUrl | Should -Not -BeNullOrEmpty
        @($people | Where-Object Name -EQ '芳 王').Count | Should -BeGreaterThan 0
        @($people | Where-Object { -not $_.RegistrantId }).Name | Should -Not -BeNullOrEmpty
    }

    It 'exports participants to a flat CSV file' {
        $path = Join-Path $TestDrive 'participants.csv'
        Get-BizConfReport -MeetingNumber $script:registered.MeetingNumber | Select-Object -ExpandProperty Participants |
            Export-Csv -Path $path -Encoding utf8
        $text = Get-Content $path -Raw
        $text | Should -Not -Match 'System\.'
        $text | Should -Not -Match 'BizConf\.'
        $rows = @(Import-Csv $path)
        $rows.Count | Should -Be $script:regRun.rows
        $columns = $rows[0].PSObject.Properties.Name
        foreach ($column in 'MeetingNumber', 'SessionId', 'Name', 'Email', 'JoinTime', 'LeaveTime', 'Duration', 'Device', 'IPAddress',
            'RegistrantId', 'Organization', 'JobTitle', 'Country', 'City', 'CustomAnswers') {
            $columns | Should -Contain $column
        }
        $jill = @($rows | Where-Object Email -EQ 'jchill@example.com')[0]
        $jill.CustomAnswers | Should -Be 'Team=Kitchen'
        $jill.Organization | Should -Be 'Cooking Org'
        [TimeSpan]::Parse($jill.Duration).TotalSeconds | Should -BeGreaterThan 0
        $rows.Name | Should -Contain '芳 王'
    }

    It 'gives one report per session when a meeting is held again' {
        $weekly = New-BizConfMeeting -Name 'Held twice' -StartTime (Get-FutureTime -Days 4) -Duration 20
        $first = Invoke-EmulatorSimulation $script:emulator -MeetingId $weekly.Id -Guests 2 -Seed 1 -EndTime ([DateTimeOffset]::Now.AddDays(-7))
        $second = Invoke-EmulatorSimulation $script:emulator -MeetingId $weekly.Id -Guests 3 -Seed 2
        $reports = @(Get-BizConfReport -MeetingNumber $weekly.MeetingNumber)
        $reports.Count | Should -Be 2
        $reports.SessionId | Should -Be @($first.sessionId, $second.sessionId)
        $reports.ParticipantCount | Should -Be @($first.rows, $second.rows)
        (@(Get-BizConfPoll -MeetingNumber $weekly.MeetingNumber).SessionId | Sort-Object -Unique).Count | Should -Be 2
    }

    It 'shows a table with the session columns by default' {
        $table = Get-BizConfReport -MeetingNumber $script:open.MeetingNumber | Out-String -Width 250
        $table | Should -Match 'Name +StartTime +Duration +Stays +HostName'
        $table | Should -Match 'Open review'
        $table | Should -Not -Match 'BizConf.Participant'
    }

    It 'writes a non-terminating MeetingNotFound error for an unknown number and goes on' {
        $reports = @('1111111111', $script:open.MeetingNumber | Get-BizConfReport -ErrorVariable failed -ErrorAction SilentlyContinue)
        $reports.Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MeetingNotFound,*'
        $failed[0].Exception.Status | Should -Be 401
        $failed[0].TargetObject | Should -Be '1111111111'
    }

    It 'refuses a meeting number that is not digits before sending anything' {
        Clear-EmulatorRequest $script:emulator
        Get-BizConfReport -MeetingNumber 'abc' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgumentMeetingNumber,*'
        $failed[0].Exception.Message | Should -Match 'digits'
        Get-EmulatorRequest $script:emulator | Should -BeNullOrEmpty
    }

    It 'needs a session with a site sign and says so' {
        $noSite = Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -MaxRetry 0 -PassThru
        try {
            Get-BizConfReport -MeetingNumber $script:open.MeetingNumber -Session $noSite -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed[0].Exception.Message | Should -Match '-SiteSign'
            $failed[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        }
        finally {
            Connect-TestSession $script:emulator
        }
    }

    It 'never shows the API key in verbose output' {
        $verbose = Get-BizConfReport -MeetingNumber $script:open.MeetingNumber -Verbose 4>&1 | Out-String
        $verbose | Should -Match 'getConfLogListByConfNumber'
        $verbose | Should -Not -Match 'demo-api-key'
    }
}

Describe 'Get-BizConfPoll' {
    It 'writes one row per person per question' {
        $rows = @(Get-BizConfPoll -MeetingNumber $script:registered.MeetingNumber)
        $rows.Count | Should -Be (3 * 3)
        $rows[0] | Should -BeOfType BizConf.PollAnswer
        $rows | ForEach-Object {
            $_.MeetingNumber | Should -Be $script:registered.MeetingNumber
            $_.SessionId | Should -Be $script:regRun.sessionId
            $_.StartTime | Should -BeOfType DateTimeOffset
            $_.Answer | Should -Not -BeNullOrEmpty
        }
        ($rows.Question | Sort-Object -Unique) | Should -Be (@('Which day suits the follow-up?', 'How useful was this meeting?', '谁当班长') | Sort-Object)
        @($rows | Where-Object Email -EQ 'jchill@example.com').Count | Should -Be 3
        @($rows | Where-Object { -not $_.Email }).Count | Should -Be 3
    }

    It 'tallies with Group-Object Question, Answer exactly as the votes the service sent' {
        $raw = (Invoke-RawApi getConfPolls @{ confNo = $script:registered.MeetingNumber } -Method Get -SiteToken).data
        $expected = @{}
        foreach ($detail in $raw.records.question_details) { $expected["$($detail.question), $($detail.answer)"] += 1 }

        $tally = Get-BizConfMeeting -Id $script:registered.Id | Get-BizConfPoll | Group-Object Question, Answer

        ($expected.Values | Measure-Object -Sum).Sum | Should -Be (3 * 3)
        ($tally | ForEach-Object { "$($_.Name)=$($_.Count)" } | Sort-Object) |
            Should -Be ($expected.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" } | Sort-Object)
    }

    It 'shows the session of each answer in its table' {
        $table = Get-BizConfPoll -MeetingNumber $script:registered.MeetingNumber | Out-String -Width 300
        $table | Should -Match 'SessionId'
        $table | Should -Match ([regex]::Escape($script:regRun.sessionId))
    }
}

Describe 'Registration after the meeting' {
    It 'lists registrants before the end and refuses with 104 after it' {
        $script:registrantsBefore.status | Should -Be 100
        @($script:registrantsBefore.data).Count | Should -Be 2
        Get-BizConfRegistrant -MeetingId $script:registered.Id -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].Exception.Status | Should -Be 104
        (Get-EmulatorRequest $script:emulator -Endpoint getRegistrants)[-1].status | Should -Be 104
    }
}
