# The bad-input catalogue: one row per case, over every cmdlet that takes text, a time or a number the API reads.
# Each case must be refused before any request, by an error that names the parameter and states the rule.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
    Connect-TestSession $script:emulator

    function Invoke-RefusedCase {
        # Runs one case and returns its first error, terminating (a binding error, a refused listing, Connect) or not.
        param([string] $Command, [hashtable] $Splat)
        $arguments = $Splat.Clone()
        if ($Command -eq 'Connect-BizConf') { $arguments.BaseUri = $script:emulator.Uri }
        try {
            $null = & $Command @arguments -ErrorAction Stop
        }
        catch {
            return $_
        }
        throw "$Command was not refused."
    }

    function Get-NamedParameter {
        # The parameter an error names: ParamName for the module's own checks, ParameterName for a binding check.
        param([System.Management.Automation.ErrorRecord] $Record)
        $exception = $Record.Exception
        if ($exception -is [BizConf.BizConfArgumentException]) { return $exception.ParamName }
        if ($exception -is [System.Management.Automation.ParameterBindingException]) { return $exception.ParameterName }
        throw "Unexpected error: $($exception.GetType().FullName): $($exception.Message)"
    }
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

BeforeDiscovery {
    $lf = "`n"; $cr = "`r"; $nul = [string][char]0; $esc = [string][char]0x1B; $soh = [string][char]1
    $control = 'control characters'
    $future = [DateTimeOffset]::Now.AddDays(3)
    $meeting = @{ StartTime = $future; Duration = 30 }
    $stream = @{ Id = 1; StreamUrl = 'rtmp://push.example/live'; StreamKey = 'k-1'; LiveUrl = 'https://watch.example/1' }
    $person = @{ MeetingId = 1; Email = 'ann@example.com'; FirstName = 'Ann' }
    $webinar = @{ StartTime = $future; Duration = 30 }
    $key = ConvertTo-SecureString -String 'demo-api-key' -AsPlainText -Force
    $range = 'must be between 1970-01-01 and 9998-12-31'
    function Case([string] $Name, [string] $Command, [hashtable] $Splat, [string] $Parameter, [string] $Rule) {
        @{ Name = $Name; Command = $Command; Splat = $Splat; Parameter = $Parameter; Rule = $Rule }
    }
    function With([hashtable] $Base, [hashtable] $Extra) { $all = $Base.Clone(); foreach ($k in $Extra.Keys) { $all[$k] = $Extra[$k] }; $all }

    $script:cases = @(
        # New-BizConfMeeting
        Case 'meeting name with a line feed' New-BizConfMeeting (With $meeting @{ Name = "Weekly${lf}sync" }) Name $control
        Case 'meeting name with NUL' New-BizConfMeeting (With $meeting @{ Name = "Weekly${nul}" }) Name $control
        Case 'meeting name of 129 characters' New-BizConfMeeting (With $meeting @{ Name = 'n' * 129 }) Name '128'
        Case 'meeting password with a carriage return' New-BizConfMeeting (With $meeting @{ Name = 'm'; Password = "12${cr}34" }) Password $control
        Case 'meeting password of 256 characters' New-BizConfMeeting (With $meeting @{ Name = 'm'; Password = 'p' * 256 }) Password 'at most 255 characters'
        Case 'meeting start at DateTimeOffset.MaxValue' New-BizConfMeeting @{ Name = 'm'; StartTime = [DateTimeOffset]::MaxValue; Duration = 30 } StartTime $range
        Case 'meeting start at DateTimeOffset.MinValue' New-BizConfMeeting @{ Name = 'm'; StartTime = [DateTimeOffset]::MinValue; Duration = 30 } StartTime $range
        # Set-BizConfMeeting: refused before the meeting is read
        Case 'new meeting name with ESC' Set-BizConfMeeting @{ Id = 1; Name = "Sync${esc}[31m" } Name $control
        Case 'new meeting name of 129 characters' Set-BizConfMeeting @{ Id = 1; Name = 'n' * 129 } Name 'at most 128 characters'
        Case 'new meeting password with SOH' Set-BizConfMeeting @{ Id = 1; Password = "pw${soh}" } Password $control
        Case 'meeting moved to DateTimeOffset.MaxValue' Set-BizConfMeeting @{ Id = 1; StartTime = [DateTimeOffset]::MaxValue } StartTime $range
        Case 'meeting moved to DateTimeOffset.MinValue' Set-BizConfMeeting @{ Id = 1; StartTime = [DateTimeOffset]::MinValue } StartTime $range
        # Get-BizConfMeeting
        Case 'keyword with a line feed' Get-BizConfMeeting @{ Keyword = "a${lf}b" } Keyword $control
        Case 'keyword longer than any name' Get-BizConfMeeting @{ Keyword = 'k' * 129 } Keyword 'at most 128 characters'
        Case 'list from DateTimeOffset.MinValue' Get-BizConfMeeting @{ From = [DateTimeOffset]::MinValue } From $range
        Case 'list to DateTimeOffset.MaxValue' Get-BizConfMeeting @{ To = [DateTimeOffset]::MaxValue } To $range
        # Set-BizConfLiveStream
        Case 'stream link javascript:' Set-BizConfLiveStream (With $stream @{ StreamUrl = 'javascript:alert(1)' }) StreamUrl 'rtmp:// or rtmps://'
        Case 'stream link file:' Set-BizConfLiveStream (With $stream @{ StreamUrl = 'file:///etc/passwd' }) StreamUrl 'rtmp:// or rtmps://'
        Case 'stream link https:' Set-BizConfLiveStream (With $stream @{ StreamUrl = 'https://push.example/live' }) StreamUrl 'rtmp:// or rtmps://'
        Case 'watch link javascript:' Set-BizConfLiveStream (With $stream @{ LiveUrl = 'javascript:alert(1)' }) LiveUrl 'http:// or https://'
        Case 'watch link file:' Set-BizConfLiveStream (With $stream @{ LiveUrl = 'file:///C:/page.html' }) LiveUrl 'http:// or https://'
        Case 'stream key with a line feed' Set-BizConfLiveStream (With $stream @{ StreamKey = "k${lf}1" }) StreamKey $control
        # New-BizConfWebinar
        Case 'webinar name with a line feed' New-BizConfWebinar (With $webinar @{ Name = "Launch${lf}day" }) Name $control
        Case 'webinar password with NUL' New-BizConfWebinar (With $webinar @{ Name = 'w'; Password = "pw${nul}" }) Password $control
        Case 'webinar stream link javascript:' New-BizConfWebinar (With $webinar @{ Name = 'w'; StreamUrl = 'javascript:alert(1)'; StreamKey = 'k'; LiveUrl = 'https://w.example/1' }) StreamUrl 'rtmp:// or rtmps://'
        Case 'webinar watch link file:' New-BizConfWebinar (With $webinar @{ Name = 'w'; StreamUrl = 'rtmp://p.example/a'; StreamKey = 'k'; LiveUrl = 'file:///x' }) LiveUrl 'http:// or https://'
        Case 'webinar stream key of 256 characters' New-BizConfWebinar (With $webinar @{ Name = 'w'; StreamUrl = 'rtmp://p.example/a'; StreamKey = 'k' * 256; LiveUrl = 'https://w.example/1' }) StreamKey 'at most 255 characters'
        Case 'webinar start at DateTimeOffset.MaxValue' New-BizConfWebinar @{ Name = 'w'; StartTime = [DateTimeOffset]::MaxValue; Duration = 30 } StartTime $range
        # Set-BizConfWebinar: refused before the webinar is read
        Case 'webinar number with a space (change)' Set-BizConfWebinar @{ WebinarNumber = '12 34'; Duration = 60 } WebinarNumber 'digits only'
        Case 'new webinar name with a carriage return' Set-BizConfWebinar @{ WebinarNumber = '48432493631'; Name = "A${cr}B" } Name $control
        Case 'webinar moved to DateTimeOffset.MinValue' Set-BizConfWebinar @{ WebinarNumber = '48432493631'; StartTime = [DateTimeOffset]::MinValue } StartTime $range
        Case 'new webinar stream link http:' Set-BizConfWebinar @{ WebinarNumber = '48432493631'; StreamUrl = 'http://p.example/a'; StreamKey = 'k'; LiveUrl = 'https://w.example/1' } StreamUrl 'rtmp:// or rtmps://'
        # Get- and Remove-BizConfWebinar
        Case 'webinar number with a space (read)' Get-BizConfWebinar @{ WebinarNumber = '12 34' } WebinarNumber 'digits only'
        Case 'webinar number with a space (delete)' Remove-BizConfWebinar @{ WebinarNumber = '12 34'; Force = $true } WebinarNumber 'digits only'
        Case 'webinar number with letters (delete -WhatIf)' Remove-BizConfWebinar @{ WebinarNumber = 'abc'; WhatIf = $true } WebinarNumber 'digits only'
        # Add-BizConfRegistrant: every registrant field
        Case 'first name with a line feed' Add-BizConfRegistrant (With $person @{ FirstName = "Ann${lf}Lee" }) FirstName $control
        Case 'last name with NUL' Add-BizConfRegistrant (With $person @{ LastName = "Lee${nul}x" }) LastName $control
        Case 'e-mail with a carriage return inside' Add-BizConfRegistrant (With $person @{ Email = "ann${cr}@example.com" }) Email $control
        Case 'e-mail of 255 characters' Add-BizConfRegistrant (With $person @{ Email = ('a' * 243) + '@example.com' }) Email 'at most 254 characters'
        Case 'address of 256 characters' Add-BizConfRegistrant (With $person @{ Address = 'a' * 256 }) Address 'at most 255 characters'
        Case 'city with ESC' Add-BizConfRegistrant (With $person @{ City = "Hang${esc}zhou" }) City $control
        Case 'state with a line feed' Add-BizConfRegistrant (With $person @{ State = "Zhe${lf}jiang" }) State $control
        Case 'zip with a line feed' Add-BizConfRegistrant (With $person @{ Zip = "310${lf}000" }) Zip $control
        Case 'phone with a line feed' Add-BizConfRegistrant (With $person @{ Phone = "+86${lf}571" }) Phone $control
        Case 'comments with NUL' Add-BizConfRegistrant (With $person @{ Comments = "see${nul}you" }) Comments $control
        Case 'comments of 2001 characters' Add-BizConfRegistrant (With $person @{ Comments = 'c' * 2001 }) Comments 'at most 2000 characters'
        Case 'industry with a line feed' Add-BizConfRegistrant (With $person @{ Industry = "Lo${lf}gistics" }) Industry $control
        Case 'job title with a line feed' Add-BizConfRegistrant (With $person @{ JobTitle = "Head${lf}of ops" }) JobTitle $control
        Case 'organization with a line feed' Add-BizConfRegistrant (With $person @{ Organization = "Acme${lf}Ltd" }) Organization $control
        Case 'custom answer value with a line feed' Add-BizConfRegistrant (With $person @{ CustomAnswer = @{ Diet = "none${lf}thanks" } }) CustomAnswer $control
        Case 'custom answer title with NUL' Add-BizConfRegistrant (With $person @{ CustomAnswer = @{ "Di${nul}et" = 'none' } }) CustomAnswer $control
        Case 'custom answer of 129 characters' Add-BizConfRegistrant (With $person @{ CustomAnswer = @{ Diet = 'x' * 129 } }) CustomAnswer 'at most 128 characters'
        # Set-BizConfRegistrationQuestion
        Case 'custom question title with a line feed' Set-BizConfRegistrationQuestion @{ MeetingId = 1; CustomQuestion = @{ Title = "Di${lf}et" } } CustomQuestion $control
        Case 'custom question choice with a line feed' Set-BizConfRegistrationQuestion @{ MeetingId = 1; CustomQuestion = @{ Title = 'Diet'; Type = 'Single'; Answers = "a${lf}b" } } CustomQuestion $control
        Case 'custom question title of 256 characters' Set-BizConfRegistrationQuestion @{ MeetingId = 1; CustomQuestion = @{ Title = 't' * 256 } } CustomQuestion 'at most 255 characters'
        Case 'custom question choice of 129 characters' Set-BizConfRegistrationQuestion @{ MeetingId = 1; CustomQuestion = @{ Title = 'Diet'; Type = 'Single'; Answers = 'a' * 129 } } CustomQuestion 'at most 128 characters'
        # Reports
        Case 'report meeting number with a space' Get-BizConfReport @{ MeetingNumber = '12 34' } MeetingNumber 'digits only'
        Case 'report join link javascript:' Get-BizConfReport @{ JoinUrl = 'javascript:alert(1)' } JoinUrl 'http:// or https://'
        Case 'report join link with a line feed' Get-BizConfReport @{ JoinUrl = "https://j.example/1${lf}x" } JoinUrl $control
        Case 'poll meeting number with letters' Get-BizConfPoll @{ MeetingNumber = '12a' } MeetingNumber 'digits only'
        # Accounts and sessions
        Case 'account login name with a line feed' Test-BizConfAccount @{ LoginName = "demo${lf}x" } LoginName $control
        Case 'connect login name with NUL' Connect-BizConf @{ LoginName = "demo${nul}"; ApiKey = $key; SiteSign = 'demo-site' } LoginName $control
        Case 'connect site sign with a line feed' Connect-BizConf @{ LoginName = 'demo'; ApiKey = $key; SiteSign = "demo${lf}site" } SiteSign $control
        # Links (nothing is sent in any case; the rule still holds)
        Case 'link display name with a line feed' Get-BizConfMeetingLink @{ MeetingNumber = '123'; DisplayName = "Ann${lf}Lee" } DisplayName $control
    )
}

Describe 'Bad input is refused before any request' {
    BeforeEach {
        Clear-EmulatorRequest $script:emulator
    }

    It '<Command>: <Name>' -ForEach $script:cases {
        $refused = Invoke-RefusedCase -Command $Command -Splat $Splat

        Get-NamedParameter $refused | Should -Be $Parameter
        $refused.Exception.Message | Should -BeLike "*$Parameter*"
        $refused.Exception.Message | Should -BeLike "*$Rule*"
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'has at least 40 cases over every cmdlet that takes such input' -ForEach @(@{ All = $script:cases }) {
        $All.Count | Should -BeGreaterOrEqual 40
        $covered = $All.Command | Sort-Object -Unique
        $covered | Should -Be @('Add-BizConfRegistrant', 'Connect-BizConf', 'Get-BizConfMeeting', 'Get-BizConfMeetingLink', 'Get-BizConfPoll',
            'Get-BizConfReport', 'Get-BizConfWebinar', 'New-BizConfMeeting', 'New-BizConfWebinar', 'Remove-BizConfWebinar',
            'Set-BizConfLiveStream', 'Set-BizConfMeeting', 'Set-BizConfRegistrationQuestion', 'Set-BizConfWebinar', 'Test-BizConfAccount')
    }

    It 'leaves no session after the last failed Connect-BizConf, and the next cmdlet says why' {
        # The catalogue ends with a Connect-BizConf refused for its input: a runbook going on must not act for the
        # site it was connected to before.
        Get-BizConfSession | Should -BeNullOrEmpty
        { Get-BizConfMeeting -Id 1 -ErrorAction Stop } | Should -Throw -ExpectedMessage '*the last Connect-BizConf failed*'
        Connect-TestSession $script:emulator
        (Get-BizConfSession).LoginName | Should -Be 'demo'
    }
}

Describe 'What the rules leave alone' {
    BeforeEach {
        Reset-Emulator $script:emulator
        Connect-TestSession $script:emulator
        Clear-EmulatorRequest $script:emulator
    }

    It 'keeps a tab in comments and drops line breaks around a name, as before' {
        $meeting = New-BizConfMeeting -Name "Partner day`r`n" -StartTime (Get-FutureTime -Days 2) -Duration 60 -RequireRegistration
        $meeting.Name | Should -Be 'Partner day'
        $null = Add-BizConfRegistrant -MeetingId $meeting.Id -Email 'ann@example.com' -FirstName 'Ann' -Comments "first`tsecond"
        (Get-EmulatorRequest $script:emulator -Endpoint addRegistrant)[0].fields.comments | Should -Be "first`tsecond"
    }

    It 'takes names of exactly the limit and rtmps stream links' {
        $meeting = New-BizConfMeeting -Name ('n' * 128) -StartTime (Get-FutureTime -Days 2) -Duration 60
        $meeting.Name.Length | Should -Be 128
        $meeting | Set-BizConfLiveStream -StreamUrl 'rtmps://push.example/live' -StreamKey 'k' -LiveUrl 'http://watch.example/1'
        (Get-EmulatorRequest $script:emulator -Endpoint settingLivestream)[0].fields.streamUrl | Should -Be 'rtmps://push.example/live'
    }

    It 'refuses one bad CSV row and registers the others, the bad row as the target of its error' {
        $meeting = New-BizConfMeeting -Name 'Rows' -StartTime (Get-FutureTime -Days 2) -Duration 60 -RequireRegistration
        Clear-EmulatorRequest $script:emulator
        $rows = @'
Email,FirstName,City
ann@example.com,Ann,Hangzhou
bob@example.com,Bob,"Hang
zhou"
cy@example.com,Cy,Ningbo
'@ | ConvertFrom-Csv
        $registered = $rows | Add-BizConfRegistrant -MeetingId $meeting.Id -ErrorVariable refused -ErrorAction SilentlyContinue
        $registered.Email | Should -Be @('ann@example.com', 'cy@example.com')
        $refused.Count | Should -Be 1
        $refused[0].Exception.ParamName | Should -Be 'City'
        $refused[0].TargetObject | Should -Be $rows[1]
        @((Get-EmulatorRequest $script:emulator -Endpoint addRegistrant).fields.email | Sort-Object) | Should -Be @('ann@example.com', 'cy@example.com')
    }
}

Describe 'The help states each rule at its parameter' {
    It '<Command> -<Parameter> says "<Text>"' -ForEach @(
        @{ Command = 'New-BizConfMeeting'; Parameter = 'Name'; Text = 'At most 128 characters, with no control characters' }
        @{ Command = 'New-BizConfMeeting'; Parameter = 'Password'; Text = 'At most 255 characters' }
        @{ Command = 'New-BizConfMeeting'; Parameter = 'StartTime'; Text = 'between 1970-01-01 and 9998-12-31 (UTC)' }
        @{ Command = 'Set-BizConfMeeting'; Parameter = 'Name'; Text = 'At most 128 characters' }
        @{ Command = 'Set-BizConfMeeting'; Parameter = 'StartTime'; Text = 'between 1970-01-01 and 9998-12-31 (UTC)' }
        @{ Command = 'Get-BizConfMeeting'; Parameter = 'Keyword'; Text = 'At most 128 characters' }
        @{ Command = 'Get-BizConfMeeting'; Parameter = 'From'; Text = 'between 1970-01-01 and 9998-12-31 (UTC)' }
        @{ Command = 'Get-BizConfMeeting'; Parameter = 'To'; Text = 'between 1970-01-01 and 9998-12-31 (UTC)' }
        @{ Command = 'Set-BizConfLiveStream'; Parameter = 'StreamUrl'; Text = 'rtmp:// or rtmps:// link of at most 2,000 characters' }
        @{ Command = 'Set-BizConfLiveStream'; Parameter = 'LiveUrl'; Text = 'http:// or https:// link of at most 2,000 characters' }
        @{ Command = 'Set-BizConfLiveStream'; Parameter = 'StreamKey'; Text = 'At most 255 characters' }
        @{ Command = 'New-BizConfWebinar'; Parameter = 'StreamUrl'; Text = 'rtmp:// or rtmps://' }
        @{ Command = 'New-BizConfWebinar'; Parameter = 'Name'; Text = 'At most 128 characters' }
        @{ Command = 'Set-BizConfWebinar'; Parameter = 'WebinarNumber'; Text = 'Digits only' }
        @{ Command = 'Get-BizConfWebinar'; Parameter = 'WebinarNumber'; Text = 'Digits only' }
        @{ Command = 'Remove-BizConfWebinar'; Parameter = 'WebinarNumber'; Text = 'Digits only' }
        @{ Command = 'Add-BizConfRegistrant'; Parameter = 'Email'; Text = 'At most 254 characters' }
        @{ Command = 'Add-BizConfRegistrant'; Parameter = 'FirstName'; Text = 'At most 255 characters' }
        @{ Command = 'Add-BizConfRegistrant'; Parameter = 'Address'; Text = 'At most 255 characters' }
        @{ Command = 'Add-BizConfRegistrant'; Parameter = 'Comments'; Text = 'At most 2,000 characters' }
        @{ Command = 'Add-BizConfRegistrant'; Parameter = 'Comments'; Text = 'a tab may stay' }
        @{ Command = 'Add-BizConfRegistrant'; Parameter = 'CustomAnswer'; Text = "an answer at most 128 (the API's limit)" }
        @{ Command = 'Set-BizConfRegistrationQuestion'; Parameter = 'CustomQuestion'; Text = 'A title has at most 255 characters' }
        @{ Command = 'Get-BizConfReport'; Parameter = 'JoinUrl'; Text = 'http:// or https:// link of at most 2,000 characters' }
        @{ Command = 'Test-BizConfAccount'; Parameter = 'LoginName'; Text = 'At most 255 characters' }
        @{ Command = 'Connect-BizConf'; Parameter = 'SiteSign'; Text = 'At most 255 characters' }
        @{ Command = 'Connect-BizConf'; Parameter = 'BaseUri'; Text = 'gives a warning' }
        @{ Command = 'Get-BizConfMeetingLink'; Parameter = 'DisplayName'; Text = 'At most 255 characters' }
    ) {
        $description = (Get-Help $Command -Parameter $Parameter).description.Text -join ' '
        # The help build drops markdown's backticks, so the texts above are written without them.
        ($description -replace '\s+', ' ') | Should -BeLike "*$Text*"
    }

    It 'has an Input rules section in about_BizConf' {
        $about = Get-Help about_BizConf | Out-String
        $about | Should -Match 'Input rules'
        $about | Should -Match 'rtmps://'
    }
}
