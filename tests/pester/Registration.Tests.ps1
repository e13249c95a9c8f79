BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
    $script:csvPath = Join-Path (Get-RepoRoot) 'examples/registrants.csv'
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'Registration cmdlets' {
BeforeEach {
    Reset-Emulator $script:emulator
    Connect-TestSession $script:emulator
    $script:meeting = New-BizConfMeeting -Name 'Partner day' -StartTime (Get-FutureTime -Days 2) -Duration 120 -RequireRegistration
    Clear-EmulatorRequest $script:emulator
}

Describe 'Set-BizConfRegistrationQuestion' {
    It 'sends standard and custom questions from hashtables as the JSON of the API' {
        $script:meeting | Set-BizConfRegistrationQuestion -Question @{ FieldName = 'job_title'; Required = $true }, 'org' `
            -CustomQuestion @{ Title = '参会方式'; Type = 'Single'; Required = $true; Answers = '现场', '线上' }, @{ Title = 'Dietary needs' }
        $fields = (Get-EmulatorRequest $script:emulator -Endpoint updateRegistrationQuestions)[0].fields
        $fields.confId | Should -Be "$($script:meeting.Id)"
        $fields.questions | Should -Be '[{"field_name":"job_title","required":true},{"field_name":"org","required":false}]'
        $fields.custom_questions | Should -Be '[{"title":"参会方式","type":"single","required":true,"answers":["现场","线上"]},{"title":"Dietary needs","type":"short","required":false,"answers":[]}]'
        (Get-EmulatorRequest $script:emulator)[0].status | Should -Be 100
    }

    It 'takes field names without underscores and in any case' {
        Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id -Question @{ FieldName = 'NoOfEmployees' }, @{ FieldName = 'NO_OF_EMPLOYEES' } -ErrorVariable twice -ErrorAction SilentlyContinue
        $twice[0].Exception.Message | Should -BeLike "*'no_of_employees' twice*"
        Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id -Question @{ FieldName = 'JobTitle' }
        (Get-EmulatorRequest $script:emulator -Endpoint updateRegistrationQuestions)[0].fields.questions | Should -Be '[{"field_name":"job_title","required":false}]'
    }

    It 'makes required questions required for the people who register' {
        Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id -Question @{ FieldName = 'org'; Required = $true }
        Add-BizConfRegistrant -MeetingId $script:meeting.Id -Email 'no.org@example.com' -FirstName 'No' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.Status | Should -Be 109
        (Add-BizConfRegistrant -MeetingId $script:meeting.Id -Email 'org@example.com' -FirstName 'With' -Organization 'Contoso').Organization | Should -Be 'Contoso'
    }

    It 'refuses <Case> before sending anything' -ForEach @(
        @{ Case = 'an unknown field name'; Arguments = @{ Question = @{ FieldName = 'first_name' } }; Expected = '*FieldName must be one of*' }
        @{ Case = 'a single question without answers'; Arguments = @{ CustomQuestion = @{ Title = 'Pick'; Type = 'Single' } }; Expected = '*needs Answers*' }
        @{ Case = 'a question without a title'; Arguments = @{ CustomQuestion = @{ Type = 'Short' } }; Expected = '*needs a Title*' }
        @{ Case = 'nothing to set'; Arguments = @{}; Expected = '*Give Question, CustomQuestion or both*' }
    ) {
        Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id @Arguments -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].Exception.Message | Should -BeLike $Expected
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'reads Required in hashtables as true/false, 1/0, yes/no, y/n, on/off, not the PowerShell way' {
        $script:meeting | Set-BizConfRegistrationQuestion -Question @{ FieldName = 'org'; Required = 'false' }, @{ FieldName = 'city'; Required = 'yes' } `
            -CustomQuestion @{ Title = 'Track'; Required = 'off' }, @{ Title = 'Notes'; Required = '1' }
        $fields = (Get-EmulatorRequest $script:emulator -Endpoint updateRegistrationQuestions)[0].fields
        $fields.questions | Should -Be '[{"field_name":"org","required":false},{"field_name":"city","required":true}]'
        $fields.custom_questions | Should -Be '[{"title":"Track","type":"short","required":false,"answers":[]},{"title":"Notes","type":"short","required":true,"answers":[]}]'
        { Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id -Question @{ FieldName = 'org'; Required = 'maybe' } } |
            Should -Throw -ExpectedMessage "*parameter 'Question'*'maybe' is not a boolean*"
        { Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id -Question @{ Field = 'org' } } |
            Should -Throw -ExpectedMessage "*no key 'Field'; use FieldName, Required*"
    }

    It 'refuses an invalid question under -WhatIf with the rule, and shows no What if line' {
        $script = "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)'; " +
            "Set-BizConfRegistrationQuestion -MeetingId $($script:meeting.Id) -CustomQuestion @{ Title = 'Fine' } -WhatIf; " +
            "Set-BizConfRegistrationQuestion -MeetingId $($script:meeting.Id) -CustomQuestion @{ Title = 'Pick'; Type = 'Single' } -WhatIf -ErrorVariable refused -ErrorAction SilentlyContinue; " +
            "'Refused: ' + `$refused[0].Exception.Message"
        $lines = @(Invoke-PwshInTimeZone -TimeZone 'UTC' -Script $script) -split "`n" | Where-Object { $_.Trim() }
        # The valid request proves that "What if" lines do reach this output.
        @($lines | Where-Object { $_ -like 'What if:*' }).Count | Should -Be 1
        ($lines | Where-Object { $_ -like 'What if:*' }) | Should -BeLike '*Fine*'
        ($lines | Where-Object { $_ -like 'What if:*' }) | Should -Not -BeLike '*Pick*'
        ($lines | Where-Object { $_ -like 'Refused:*' }).Trim() | Should -Be "Refused: CustomQuestion 'Pick' is Single, so it needs Answers to choose from."
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'refuses a question type outside Short and Single before sending anything' {
        { Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id -CustomQuestion @{ Title = 'Essay'; Type = 'Long' } } |
            Should -Throw -ExpectedMessage "*parameter 'CustomQuestion'*Short, Single*"
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }
}

Describe 'Add-BizConfRegistrant' {
    It 'registers every row of examples/registrants.csv in one pipeline' {
        $rows = Import-Csv $script:csvPath
        $added = $rows | Add-BizConfRegistrant -MeetingId $script:meeting.Id
        $added.Count | Should -Be $rows.Count
        $added[0] | Should -BeOfType BizConf.Registrant
        $added.Email | Should -Be $rows.email
        $added[0].FirstName | Should -Be '伟'
        $added[0].LastName | Should -Be '李'
        $added[0].JobTitle | Should -Be '运营总监'
        $added[0].Organization | Should -Be '华东物流有限公司'
        $added[0].NumberOfEmployees | Should -Be '1,001-5,000'
        $added[0].MeetingId | Should -Be $script:meeting.Id
        $added[0].RegistrantId | Should -Match '^[\w-]{22}$'
        $added[0].JoinUrl | Should -BeLike "*/j/$($script:meeting.MeetingNumber)?tk=*"
        $added.Status | Should -Be @('Approved', 'Approved', 'Pending', 'Approved')
        # People run in parallel, so the requests may reach the service in another order: match them by e-mail.
        $log = Get-EmulatorRequest $script:emulator -Endpoint addRegistrant
        $log.Count | Should -Be $rows.Count
        $sent = foreach ($row in $rows) { $log | Where-Object { $_.fields.email -eq $row.email } }
        $sent[0].fields.first_name | Should -Be '伟'
        $sent[0].fields.no_of_employees | Should -Be '1,001-5,000'
        $sent[0].fields.language | Should -Be 'zh-CN'
        $sent[2].fields.auto_approve | Should -Be 'false'
        $sent[3].fields.PSObject.Properties.Name | Should -Not -Contain 'phone'
    }

    It 'counts the people of a long file in a progress bar, and completes it' {
        $powershell = [powershell]::Create()
        try {
            $script = "Import-Module '$(Get-BizConfModulePath)'; " +
                "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -BaseUri '$($script:emulator.Uri)'; " +
                "Import-Csv '$($script:csvPath)' | Add-BizConfRegistrant -MeetingId $($script:meeting.Id)"
            $registered = $powershell.AddScript($script).Invoke()
            $registered.Count | Should -Be @(Import-Csv $script:csvPath).Count
            $progress = @($powershell.Streams.Progress | Where-Object Activity -EQ 'Registering people')
            $progress[0].StatusDescription | Should -Match '^[2-4] done, \d in flight, 0 failed$'
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $powershell.Dispose() }
    }

    It 'reads an empty auto_approve cell as not given, so the person is approved' {
        $added = @"
email,first_name,auto_approve
empty@example.com,Empty,
no@example.com,No,no
"@ | ConvertFrom-Csv | Add-BizConfRegistrant -MeetingId $script:meeting.Id
        $added.Status | Should -Be @('Approved', 'Pending')
        # The two rows run side by side: each request is found by its e-mail, not by when it arrived.
        $sent = Get-EmulatorRequest $script:emulator -Endpoint addRegistrant
        ($sent | Where-Object { $_.fields.email -eq 'empty@example.com' }).fields.auto_approve | Should -Be 'true'
        ($sent | Where-Object { $_.fields.email -eq 'no@example.com' }).fields.auto_approve | Should -Be 'false'
    }

    It 'lists approved and pending registrants apart' {
        # One at a time, so the service holds them in file order (people run in parallel otherwise).
        Import-Csv $script:csvPath | Add-BizConfRegistrant -MeetingId $script:meeting.Id -ThrottleLimit 1 | Out-Null
        Clear-EmulatorRequest $script:emulator
        $approved = Get-BizConfRegistrant -MeetingId $script:meeting.Id
        $pending = $script:meeting | Get-BizConfRegistrant -Status Pending
        $both = Get-BizConfRegistrant -MeetingId $script:meeting.Id -Status Approved, Pending
        $approved.Email | Should -Be @('li.wei@huadong-logistics.cn', 'maria.schneider@kesselwerk.de', 'chen.jing@example-pharma.cn')
        $approved.Status | Should -Be @('Approved', 'Approved', 'Approved')
        $pending.Email | Should -Be 'james.okafor@northbridge.co.uk'
        $pending.Status | Should -Be 'Pending'
        $both.Count | Should -Be 4
        (Get-BizConfRegistrant -MeetingId $script:meeting.Id -Status Denied) | Should -BeNullOrEmpty
        $approved[0].CreatedTime | Should -BeOfType [DateTimeOffset]
        ([DateTimeOffset]::Now - $approved[0].CreatedTime).TotalMinutes | Should -BeLessThan 5
        $approved[0].Country | Should -Be 'CN'
        $approved[0].City | Should -Be '上海'
        $listed = Get-EmulatorRequest $script:emulator -Endpoint getRegistrants
        $listed[0].method | Should -Be 'GET'
        $listed[0].fields.PSObject.Properties.Name | Should -Not -Contain 'status'
        $listed[1].fields.status | Should -Be 'pending'
    }

    It 'sends custom answers and lists them in a form Export-Csv writes readably' {
        Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id -CustomQuestion @{ Title = 'Track'; Type = 'Single'; Answers = 'Dev', 'Ops' }, @{ Title = 'Dietary needs' }
        $added = Add-BizConfRegistrant -MeetingId $script:meeting.Id -Email 'ann@example.com' -FirstName 'Ann' -CustomAnswer ([ordered]@{ Track = 'Ops'; 'Dietary needs' = '素食 vegetarian' })
        $added.CustomAnswers | Should -Be 'Track=Ops; Dietary needs=素食 vegetarian'
        (Get-EmulatorRequest $script:emulator -Endpoint addRegistrant)[0].fields.custom_questions |
            Should -Be '[{"title":"Track","value":"Ops"},{"title":"Dietary needs","value":"素食 vegetarian"}]'
        $listed = Get-BizConfRegistrant -MeetingId $script:meeting.Id
        $listed.CustomAnswers | Should -Be 'Track=Ops; Dietary needs=素食 vegetarian'
        $listed.Answer('track') | Should -Be 'Ops'
        $csv = $listed | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $csv.CustomAnswers | Should -Be 'Track=Ops; Dietary needs=素食 vegetarian'
        $csv.CreatedTime | Should -Not -BeNullOrEmpty
        ($listed | ConvertTo-Csv -NoTypeInformation) -join "`n" | Should -Not -Match 'System\.'
    }

    It 'registers the people of one meeting for another from its Export-Csv file, custom answers included' {
        $questions = @{ Title = 'Track'; Type = 'Single'; Answers = 'Dev', 'Ops' }, @{ Title = 'Notes; remarks' }
        Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id -CustomQuestion $questions
        Add-BizConfRegistrant -MeetingId $script:meeting.Id -Email 'ann@example.com' -FirstName 'Ann' -LastName 'Lee' `
            -CustomAnswer ([ordered]@{ Track = 'Ops'; 'Notes; remarks' = 'a=b; c\d' }) | Out-Null
        Add-BizConfRegistrant -MeetingId $script:meeting.Id -Email 'bo@example.com' -FirstName 'Bo' -CustomAnswer @{ Track = 'Dev' } | Out-Null
        $other = New-BizConfMeeting -Name 'Partner day again' -StartTime (Get-FutureTime -Days 9) -Duration 60 -RequireRegistration
        Set-BizConfRegistrationQuestion -MeetingId $other.Id -CustomQuestion $questions
        $path = Join-Path $TestDrive 'registrants.csv'
        Get-BizConfRegistrant -MeetingId $script:meeting.Id | Export-Csv $path -NoTypeInformation
        Clear-EmulatorRequest $script:emulator

        $copied = Import-Csv $path | Add-BizConfRegistrant -MeetingId $other.Id

        $copied.Count | Should -Be 2
        $copied.MeetingId | Should -Be @($other.Id, $other.Id)
        $copied[0].Answer('Notes; remarks') | Should -Be 'a=b; c\d'
        $copied[0].Answer('Track') | Should -Be 'Ops'
        $copied[0].LastName | Should -Be 'Lee'
        $copied[1].CustomAnswers | Should -Be 'Track=Dev'
        # The two rows ran at once: each request is found by its e-mail, not by when it arrived.
        $sent = Get-EmulatorRequest $script:emulator -Endpoint addRegistrant
        ($sent | Where-Object { $_.fields.email -eq 'ann@example.com' }).fields.custom_questions |
            Should -Be '[{"title":"Track","value":"Ops"},{"title":"Notes; remarks","value":"a=b; c\\d"}]'
        ($sent | Where-Object { $_.fields.email -eq 'bo@example.com' }).fields.custom_questions | Should -Be '[{"title":"Track","value":"Dev"}]'
        (Get-EmulatorRequest $script:emulator -Endpoint addRegistrant).fields.confId | Should -Be @("$($other.Id)", "$($other.Id)")
    }

    It 'refuses a custom answer text that is not Title=Value, naming CustomAnswer, and registers the rest' {
        Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id -CustomQuestion @{ Title = 'Track' }
        Clear-EmulatorRequest $script:emulator
        $rows = @"
email,first_name,CustomAnswers
ann@example.com,Ann,Track
bo@example.com,Bo,Track=Ops
"@ | ConvertFrom-Csv
        $added = $rows | Add-BizConfRegistrant -MeetingId $script:meeting.Id -ErrorVariable failed -ErrorAction SilentlyContinue
        $added.Email | Should -Be 'bo@example.com'
        $failed.Count | Should -Be 1
        $failed[0].Exception.Message | Should -BeLike "*'CustomAnswer'*CustomAnswer entry 'Track' is not of the form Title=Value*"
        (Get-EmulatorRequest $script:emulator -Endpoint addRegistrant).Count | Should -Be 1
    }

    It 'warns when the same registrant comes back twice in one pipeline, and the service keeps the first registration' {
        $rows = @(
            [pscustomobject]@{ Email = 'same@example.com'; FirstName = 'First'; LastName = 'Kept' }
            [pscustomobject]@{ Email = 'other@example.com'; FirstName = 'Other' }
            [pscustomobject]@{ Email = 'SAME@example.com'; FirstName = 'Second'; AutoApprove = 'false' }
        )
        $added = $rows | Add-BizConfRegistrant -MeetingId $script:meeting.Id -ThrottleLimit 10 -WarningVariable warned
        $added.Count | Should -Be 3
        $added[2].RegistrantId | Should -Be $added[0].RegistrantId
        $added[1].RegistrantId | Should -Not -Be $added[0].RegistrantId
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -Be "SAME@example.com was already registered for meeting $($script:meeting.Id) (registrant $($added[0].RegistrantId)) by an earlier row (First Kept); the service keeps the first registration, so this row's details were not applied."
        $kept = @(Get-BizConfRegistrant -MeetingId $script:meeting.Id) | Where-Object RegistrantId -EQ $added[0].RegistrantId
        $kept.FirstName | Should -Be 'First'
        (Get-EmulatorRequest $script:emulator -Endpoint addRegistrant).Count | Should -Be 3
    }

    It 'does not warn for a person registered by an earlier command: that would cost a read per row' {
        $first = Add-BizConfRegistrant -MeetingId $script:meeting.Id -Email 'again@example.com' -FirstName 'First'
        $second = Add-BizConfRegistrant -MeetingId $script:meeting.Id -Email 'again@example.com' -FirstName 'First' -WarningVariable same
        $second.RegistrantId | Should -Be $first.RegistrantId
        $same.Count | Should -Be 0
        (Get-EmulatorRequest $script:emulator -Endpoint getRegistrants).Count | Should -Be 0
    }

    It 'writes a bad CSV row as a non-terminating error whose target is the row, and registers the rest' {
        $rows = @(Import-Csv $script:csvPath)
        $rows[1].email = 'maria.schneider(at)kesselwerk.de'
        $added = $rows | Add-BizConfRegistrant -MeetingId $script:meeting.Id -ErrorVariable failed -ErrorAction SilentlyContinue
        $added.Count | Should -Be 3
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be $rows[1]
        $failed[0].FullyQualifiedErrorId | Should -Be 'InvalidArgumentEmail,BizConf.PowerShell.Commands.AddBizConfRegistrantCommand'
        (Get-EmulatorRequest $script:emulator -Endpoint addRegistrant).Count | Should -Be 3
    }

    It 'refuses <Case> before sending anything' -ForEach @(
        @{ Case = 'a malformed e-mail'; Settings = @{ Email = 'ann.example.com' }; Parameter = 'Email' }
        @{ Case = 'an e-mail with a space'; Settings = @{ Email = 'ann @example.com' }; Parameter = 'Email' }
        @{ Case = 'a three-letter country'; Settings = @{ Country = 'CHN' }; Parameter = 'Country' }
        @{ Case = 'a country with a digit'; Settings = @{ Country = 'C1' }; Parameter = 'Country' }
        @{ Case = 'an employee count outside the list'; Settings = @{ NumberOfEmployees = '1-10' }; Parameter = 'NumberOfEmployees' }
        @{ Case = 'a language outside the list'; Settings = @{ Language = 'zh-HK' }; Parameter = 'Language' }
        @{ Case = 'a custom answer of 129 characters'; Settings = @{ CustomAnswer = @{ Notes = 'x' * 129 } }; Parameter = 'CustomAnswer' }
    ) {
        $arguments = @{ MeetingId = $script:meeting.Id; Email = 'ann@example.com'; FirstName = 'Ann' }
        foreach ($key in $Settings.Keys) { $arguments[$key] = $Settings[$key] }
        Add-BizConfRegistrant @arguments -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike "InvalidArgument$Parameter,*"
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'takes enumeration values in any case and sends the API spelling' {
        Set-BizConfRegistrationQuestion -MeetingId $script:meeting.Id -CustomQuestion @{ Title = 'Notes' }
        Clear-EmulatorRequest $script:emulator
        $added = Add-BizConfRegistrant -MeetingId $script:meeting.Id -Email 'ann@example.com' -FirstName 'Ann' -Country cn `
            -NumberOfEmployees 'more than 10,000' -Language 'tr-tr' -CustomAnswer @{ Notes = '字' * 128 }
        $added.Country | Should -Be 'CN'
        $fields = (Get-EmulatorRequest $script:emulator -Endpoint addRegistrant)[0].fields
        $fields.country | Should -Be 'CN'
        $fields.no_of_employees | Should -Be 'More than 10,000'
        $fields.language | Should -Be 'Tr-TR'
    }

    It 'is refused by the service (104) on a meeting without registration' {
        $open = New-BizConfMeeting -Name 'Open' -StartTime (Get-FutureTime -Days 5) -Duration 30
        $open | Add-BizConfRegistrant -Email 'ann@example.com' -FirstName 'Ann' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.Status | Should -Be 104
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'sends nothing with -WhatIf' {
        Import-Csv $script:csvPath | Add-BizConfRegistrant -MeetingId $script:meeting.Id -WhatIf | Should -BeNullOrEmpty
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }
}
}
