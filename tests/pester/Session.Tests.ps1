BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'Connect-BizConf' {
    BeforeEach {
        Reset-Emulator $script:emulator
        Disconnect-BizConf
    }

    It 'connects with -LoginName and -ApiKey and makes the session the default' {
        $session = Connect-TestSession $script:emulator -PassThru
        $session.LoginName | Should -Be 'demo'
        $session.SiteSign | Should -Be 'demo-site'
        $session.BaseUri.AbsoluteUri | Should -Be "$($script:emulator.Uri)/openapi/"
        $session.TimeZone | Should -Be 'China Standard Time'
        (Get-BizConfSession).LoginName | Should -Be 'demo'
    }

    It 'checks the account with account/check when a site sign is given' {
        Clear-EmulatorRequest $script:emulator
        Connect-TestSession $script:emulator
        $checks = Get-EmulatorRequest $script:emulator -Endpoint 'account/check'
        $checks.Count | Should -Be 1
        $checks[0].fields.siteSign | Should -Be 'demo-site'
        $checks[0].status | Should -Be 100
    }

    It 'connects with -Credential (user name = login name, password = API key)' {
        $credential = [pscredential]::new('demo', (ConvertTo-TestSecret 'demo-api-key'))
        $session = Connect-BizConf -Credential $credential -SiteSign demo-site -BaseUri $script:emulator.Uri -PassThru
        $session.LoginName | Should -Be 'demo'
        Get-BizConfMeeting | Should -BeNullOrEmpty
        (Get-EmulatorRequest $script:emulator -Endpoint listConf)[-1].status | Should -Be 100
    }

    It 'connects from the BIZCONF_* environment variables when no credential is given' {
        $saved = @{}
        foreach ($name in 'BIZCONF_LOGIN_NAME', 'BIZCONF_API_KEY', 'BIZCONF_SITE_SIGN', 'BIZCONF_BASE_URI') {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        }
        try {
            $env:BIZCONF_LOGIN_NAME = 'demo'
            $env:BIZCONF_API_KEY = 'demo-api-key'
            $env:BIZCONF_SITE_SIGN = 'demo-site'
            $env:BIZCONF_BASE_URI = $script:emulator.Uri
            $session = Connect-BizConf -PassThru
            $session.SiteSign | Should -Be 'demo-site'
            $session.BaseUri.AbsoluteUri | Should -Be "$($script:emulator.Uri)/openapi/"
            Test-BizConfAccount | Should -BeTrue
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }

    It 'refuses to connect with no credential and no environment variables, naming the options' {
        $saved = $env:BIZCONF_API_KEY
        try {
            $env:BIZCONF_API_KEY = $null
            { Connect-BizConf -BaseUri $script:emulator.Uri } |
                Should -Throw -ExpectedMessage '*-LoginName and -ApiKey*-Credential*BIZCONF_LOGIN_NAME*BIZCONF_API_KEY*'
        }
        finally { $env:BIZCONF_API_KEY = $saved }
    }

    It 'fails clearly on a wrong API key (102) and keeps no session' {
        $thrown = { Connect-TestSession $script:emulator -ApiKey 'wrong-key' } | Should -Throw -PassThru
        $thrown.Exception.Status | Should -Be 102
        $thrown.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed*'
        $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $thrown.ToString() | Should -BeLike "*Connect-BizConf could not use the account 'demo'*Authentication failed*"
        Get-BizConfSession | Should -BeNullOrEmpty
    }

    It 'fails clearly on an unknown login (101)' {
        $thrown = { Connect-TestSession $script:emulator -LoginName 'nobody' } | Should -Throw -PassThru
        $thrown.Exception.Status | Should -Be 101
        $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'fails clearly on a locked account (108)' {
        Add-EmulatorAccount $script:emulator -LoginName 'frozen' -Locked
        $thrown = { Connect-TestSession $script:emulator -LoginName 'frozen' } | Should -Throw -PassThru
        $thrown.Exception.Status | Should -Be 108
        $thrown.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $thrown.ToString() | Should -BeLike '*The account is locked.*'
    }

    It 'fails clearly on a wrong site sign (106)' {
        $thrown = { Connect-TestSession $script:emulator -SiteSign 'no-such-site' } | Should -Throw -PassThru
        $thrown.Exception.Status | Should -Be 106
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'stops at Ctrl+C while checking the account, and keeps no session' {
        Add-EmulatorFault $script:emulator -Endpoint 'account/check' -Kind delay -DelayMs 60000
        $powershell = [powershell]::Create()
        try {
            $script = "Import-Module '$(Get-BizConfModulePath)'; " +
                "Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -SiteSign demo-site -BaseUri '$($script:emulator.Uri)'"
            $running = $powershell.AddScript($script).BeginInvoke()
            # Stop once the request has reached the server, so the stop meets a request in flight.
            while (@(Get-EmulatorRequest $script:emulator -Endpoint 'account/check').Count -eq 0 -and -not $running.IsCompleted) {
                Start-Sleep -Milliseconds 50
            }
            $powershell.Stop()
            $powershell.InvocationStateInfo.State | Should -Be 'Stopped'
            $null = $powershell.Commands.Clear()
            @($powershell.AddScript('Get-BizConfSession').Invoke()).Count | Should -Be 0
        }
        finally { $powershell.Dispose() }
    }

    It 'takes IANA and Windows time zone ids and refuses an unknown one naming -TimeZone' {
        $key = ConvertTo-TestSecret 'demo-api-key'
        (Connect-BizConf -LoginName demo -ApiKey $key -BaseUri $script:emulator.Uri -TimeZone 'Asia/Shanghai' -PassThru).TimeZone |
            Should -Be 'Asia/Shanghai'
        (Connect-BizConf -LoginName demo -ApiKey $key -BaseUri $script:emulator.Uri -TimeZone 'Tokyo Standard Time' -PassThru).TimeZone |
            Should -Be 'Tokyo Standard Time'
        { Connect-BizConf -LoginName demo -ApiKey $key -BaseUri $script:emulator.Uri -TimeZone 'Mars/Olympus' } |
            Should -Throw -ExpectedMessage "*TimeZone 'Mars/Olympus'*"
    }

    It 'completes -TimeZone from the zones this machine knows, the BizConf default first' {
        $first = (TabExpansion2 -inputScript 'Connect-BizConf -TimeZone ' -cursorColumn 26).CompletionMatches
        $first[0].CompletionText | Should -Be "'China Standard Time'"
        $shanghai = (TabExpansion2 -inputScript 'Connect-BizConf -TimeZone Asia/Sha' -cursorColumn 34).CompletionMatches
        $shanghai.CompletionText | Should -Be "'Asia/Shanghai'"
    }

    It 'keeps the documented defaults: a 100 s timeout per attempt and 3 retries' {
        $session = Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -PassThru
        $session.TimeoutSec | Should -Be 100
        $session.MaxRetry | Should -Be 3
    }

    It 'refuses -TimeoutSec and -MaxRetry out of range' {
        $key = ConvertTo-TestSecret 'demo-api-key'
        { Connect-BizConf -LoginName demo -ApiKey $key -TimeoutSec 0 } | Should -Throw -ExpectedMessage "*TimeoutSec*"
        { Connect-BizConf -LoginName demo -ApiKey $key -MaxRetry 11 } | Should -Throw -ExpectedMessage "*MaxRetry*"
    }
}

Describe 'Disconnect-BizConf and Get-BizConfSession' {
    BeforeEach { Reset-Emulator $script:emulator }

    It 'forgets the default session; later calls say to connect' {
        Connect-TestSession $script:emulator
        Disconnect-BizConf
        Get-BizConfSession | Should -BeNullOrEmpty
        { Get-BizConfMeeting -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Run Connect-BizConf first*'
    }

    It 'closes a session given with -Session, which then refuses to be used' {
        $other = Connect-TestSession $script:emulator -PassThru
        Disconnect-BizConf -Session $other
        { Get-BizConfMeeting -Session $other -ErrorAction Stop } | Should -Throw -ExpectedMessage '*closed by Disconnect-BizConf*'
    }

    It 'lets every API cmdlet use another session through -Session' {
        Add-EmulatorAccount $script:emulator -LoginName 'second'
        $second = Connect-TestSession $script:emulator -LoginName 'second' -PassThru
        Connect-TestSession $script:emulator
        $meeting = New-BizConfMeeting -Session $second -Name 'On the second account' -StartTime (Get-FutureTime -Days 2) -Duration 30
        (Get-BizConfMeeting -Session $second).Name | Should -Be 'On the second account'
        Get-BizConfMeeting | Should -BeNullOrEmpty
        (Get-EmulatorRequest $script:emulator -Endpoint confReservation)[-1].fields.loginName | Should -Be 'second'
        $meeting.Id | Should -BeGreaterThan 0
    }

    It 'serves several runspaces at once from one session, each request with its own time stamp' {
        $session = Connect-TestSession $script:emulator -PassThru
        Clear-EmulatorRequest $script:emulator
        $module = Get-BizConfModulePath
        $base = Get-FutureTime -Days 2
        # All eight set off together once each has imported the module, so their requests meet in the session.
        $start = [System.Threading.Barrier]::new(8)
        # The demo account hosts one meeting at a time, so each runspace takes its own hour.
        $made = 1..8 | ForEach-Object -ThrottleLimit 8 -ErrorVariable parallelErrors -Parallel {
            Import-Module $using:module
            $null = ($using:start).SignalAndWait([TimeSpan]::FromSeconds(60))
            $meeting = New-BizConfMeeting -Session $using:session -Name "Parallel $_" -StartTime ($using:base).AddHours($_) -Duration 30
            Get-BizConfMeeting -Session $using:session -Id $meeting.Id
        }
        $parallelErrors | Should -BeNullOrEmpty
        ($made.Name | Sort-Object) | Should -Be (1..8 | ForEach-Object { "Parallel $_" } | Sort-Object)
        $sent = Get-EmulatorRequest $script:emulator
        $sent.Count | Should -Be 16
        @($sent | Where-Object endpoint -EQ confReservation).Count | Should -Be 8
        @($sent | Where-Object endpoint -EQ getConf).Count | Should -Be 8
        ($sent.status | Sort-Object -Unique) | Should -Be 100
        @($sent.fields.timeStamp | Sort-Object -Unique).Count | Should -Be 16
        @($sent.fields.loginName | Sort-Object -Unique) | Should -Be 'demo'
    }

    It 'keeps one default session per runspace' {
        Connect-TestSession $script:emulator
        $powershell = [powershell]::Create()
        try {
            $null = $powershell.AddScript("Import-Module '$(Get-BizConfModulePath)'; Get-BizConfSession")
            $inOtherRunspace = $powershell.Invoke()
            $inOtherRunspace.Count | Should -Be 0
        }
        finally { $powershell.Dispose() }
        (Get-BizConfSession).LoginName | Should -Be 'demo'
    }
}

Describe 'Test-BizConfAccount' {
    BeforeEach {
        Reset-Emulator $script:emulator
        Connect-TestSession $script:emulator
    }

    It 'is true for the session account' {
        Test-BizConfAccount | Should -BeExactly $true
        (Get-EmulatorRequest $script:emulator -Endpoint 'account/check')[-1].fields.loginName | Should -Be 'demo'
    }

    It 'checks another login given by name or from the pipeline' {
        Add-EmulatorAccount $script:emulator -LoginName 'colleague'
        Test-BizConfAccount -LoginName colleague | Should -BeExactly $true
        $results = 'colleague', 'nobody' | Test-BizConfAccount
        $results | Should -Be @($true, $false)
    }

    It 'is false for a locked account and says why in verbose output' {
        Add-EmulatorAccount $script:emulator -LoginName 'frozen' -Locked
        $verbose = Test-BizConfAccount -LoginName frozen -Verbose 4>&1
        $verbose | Where-Object { $_ -is [bool] } | Should -BeExactly $false
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" |
            Should -BeLike '*account is locked*'
    }

    It 'needs a site sign in the session' {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri
        Test-BizConfAccount -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure[0].Exception.Message | Should -BeLike '*needs the site sign*-SiteSign*'
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'SiteSignRequired,*'
    }
}
