# The network's edges as a user meets them, with the real test tools as peers: redirects that are never followed, a
# request that never left (a refused port, a name that does not resolve, a certificate that fails), and proxies, given
# with -Proxy or taken from the environment of a child pwsh. Assertions are on what the emulator holds, on what each
# tool logged, and on the errors; never on time.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/tools/TestTools.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
    $script:key = ConvertTo-TestSecret 'demo-api-key'

    function Get-ThrownError {
        # The error record a terminating error (Connect-BizConf's) carried, or $null when nothing was thrown.
        param([Parameter(Mandatory)] [scriptblock] $Script)
        try { $null = & $Script; $null } catch { $_ }
    }

    function Get-RefusedPort {
        # A port nothing listens on: one a tool listened on until it was stopped a moment ago.
        $tool = Start-TestTool sink
        Stop-TestTool $tool
        $tool.Port
    }

    function Invoke-NotSentCreate {
        # Connects to -BaseUri with -MaxRetry and schedules one meeting with -Verbose; gives back its error and verbose lines.
        param([Parameter(Mandatory)] [string] $BaseUri, [int] $MaxRetry = 2)
        Connect-BizConf -LoginName demo -ApiKey $script:key -BaseUri $BaseUri -MaxRetry $MaxRetry
        $stream = @(New-BizConfMeeting -Name 'Never sent' -StartTime (Get-FutureTime -Days 3) -Duration 30 -Verbose -ErrorVariable failed -ErrorAction SilentlyContinue 4>&1)
        [pscustomobject]@{
            Errors   = @($failed)
            Verbose  = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            Meetings = @($stream | Where-Object { $_ -is [BizConf.Meeting] })
        }
    }

    function Assert-NotSent {
        # The create failed as one that never left: said so with its cause, tried 1 + MaxRetry times, never looked for.
        param([Parameter(Mandatory)] $Run, [Parameter(Mandatory)] [string] $Cause, [int] $MaxRetry = 2)
        $Run.Meetings | Should -BeNullOrEmpty
        $Run.Errors.Count | Should -Be 1
        $failure = $Run.Errors[0]
        $failure.FullyQualifiedErrorId | Should -BeLike 'RequestNotSent,*'
        $attempts = if ($MaxRetry -eq 0) { '1 attempt' } else { "$($MaxRetry + 1) attempts" }
        $failure.Exception.Message | Should -BeLike "The request to confReservation was not sent: $Cause Gave up after $attempts."
        $failure.ErrorDetails.Message | Should -BeLike "#1 Meeting 'Never sent' at * on account demo: The request to confReservation was not sent: *"
        # Nothing was done, so nothing needs looking for: no meeting "may" exist.
        $failure.Exception.Message | Should -Not -Match 'may (have been|exist)|carried out|looked'
        @($Run.Verbose | Where-Object { $_ -like 'POST confReservation (attempt *' }).Count | Should -Be ($MaxRetry + 1)
        @($Run.Verbose | Where-Object { $_ -like '*listConf*' }) | Should -BeNullOrEmpty
        foreach ($retry in 1..$MaxRetry) {
            if ($MaxRetry -eq 0) { break }
            @($Run.Verbose | Where-Object { $_ -like "The request to confReservation was not sent: $Cause Trying again in * s (retry $retry of $MaxRetry)." }).Count | Should -Be 1
        }
    }
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'A redirect is never followed' {
    BeforeAll {
        $script:sink = Start-TestTool sink
    }

    AfterAll {
        Stop-TestTool $script:sink
    }

    BeforeEach {
        Reset-Emulator $script:emulator
        $script:redirect = $null
    }

    AfterEach {
        Stop-TestTool $script:redirect
    }

    It 'fails Connect-BizConf on HTTP <_>, naming the status and the Location, and sends nothing to the other host' -ForEach 301, 302, 307, 308 {
        $location = "$($script:sink.Uri)/openapi/account/check"
        $script:redirect = Start-TestTool redirect -Arguments '--status', "$_", '--location', $location

        $failure = Get-ThrownError { Connect-BizConf -LoginName demo -ApiKey $script:key -SiteSign demo-site -BaseUri $script:redirect.Uri -MaxRetry 3 }

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'RedirectNotFollowed,*'
        $failure.Exception.Message | Should -BeLike "account/check answered HTTP $_ (*) with Location $location. The module follows no redirect*"
        $failure.ErrorDetails.Message | Should -BeLike "Connect-BizConf could not use the account 'demo' on site 'demo-site': account/check answered HTTP $_ *"
        # Asked once (a redirect is not retried), and nothing reached the host it pointed at.
        @(Get-TestToolLog $script:redirect).Count | Should -Be 1
        @(Get-TestToolLog $script:sink).Count | Should -Be 0
        { Get-BizConfMeeting -ErrorAction Stop } | Should -Throw -ExpectedMessage '*the last Connect-BizConf failed*'
    }

    It 'does not send a create on to the Location of an HTTP <_>, where it would have made the meeting' -ForEach 301, 302, 307, 308 {
        # The Location is the emulator itself: a client that re-sent the signed form there would make the meeting.
        $location = "$($script:emulator.Uri)/openapi/confReservation"
        $script:redirect = Start-TestTool redirect -Arguments '--status', "$_", '--location', $location
        Connect-BizConf -LoginName demo -ApiKey $script:key -BaseUri $script:redirect.Uri -MaxRetry 3

        New-BizConfMeeting -Name "Redirected $_" -StartTime (Get-FutureTime -Days 2) -Duration 30 -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'RedirectNotFollowed,*'
        $failed[0].Exception.Message | Should -BeLike "confReservation answered HTTP $_ (*) with Location $location.*nothing was sent there.*-BaseUri."
        $asked = @(Get-TestToolLog $script:redirect)
        $asked.Count | Should -Be 1
        $asked[0].method | Should -Be 'POST'
        $asked[0].bodySent | Should -BeTrue
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
        @(Get-EmulatorMeeting $script:emulator).Count | Should -Be 0
    }
}

Describe 'A request that never left this machine' {
    BeforeEach {
        Reset-Emulator $script:emulator
        $script:tls = $null
    }

    AfterEach {
        Stop-TestTool $script:tls
    }

    It 'tries a create again while -MaxRetry lasts when the port refuses, and says where it was refused' {
        $port = Get-RefusedPort
        $run = Invoke-NotSentCreate -BaseUri "http://127.0.0.1:$port"
        Assert-NotSent $run -Cause "the connection to 127.0.0.1:$port was refused (nothing listens there)."
    }

    It 'says "Gave up after 1 attempt" with -MaxRetry 0' {
        $port = Get-RefusedPort
        $run = Invoke-NotSentCreate -BaseUri "http://127.0.0.1:$port" -MaxRetry 0
        Assert-NotSent $run -Cause "the connection to 127.0.0.1:$port was refused (nothing listens there)." -MaxRetry 0
        @($run.Verbose | Where-Object { $_ -like '*Trying again*' }) | Should -BeNullOrEmpty
    }

    It 'tries a create again when the name does not resolve, naming the host' {
        $run = Invoke-NotSentCreate -BaseUri 'https://bizconf-edges.invalid'
        Assert-NotSent $run -Cause 'the name bizconf-edges.invalid could not be resolved (DNS).'
    }

    It 'tries a create again when the certificate is for another name and untrusted, saying both, and no request gets through' {
        $script:tls = Start-TestTool tls
        $run = Invoke-NotSentCreate -BaseUri $script:tls.Uri
        Assert-NotSent $run -Cause "the TLS handshake with 127.0.0.1:$($script:tls.Port) failed: the certificate is for wrong.example, not 127.0.0.1 and its chain is not trusted (*)."
        @(Get-TestToolLog $script:tls).Count | Should -Be 0
    }

    It 'names only the chain when the certificate is for the right name' {
        $script:tls = Start-TestTool tls -Arguments '--name', '127.0.0.1'
        $run = Invoke-NotSentCreate -BaseUri $script:tls.Uri -MaxRetry 1
        Assert-NotSent $run -Cause "the TLS handshake with 127.0.0.1:$($script:tls.Port) failed: its chain is not trusted (*)." -MaxRetry 1
        $run.Errors[0].Exception.Message | Should -Not -BeLike '*certificate is for*'
        @(Get-TestToolLog $script:tls).Count | Should -Be 0
    }
}

Describe 'A forward proxy' {
    BeforeEach {
        Reset-Emulator $script:emulator
        $script:proxy = $null
        $script:child = $null
    }

    AfterEach {
        Stop-ChildPwsh $script:child
        Stop-TestTool $script:proxy
    }

    It 'carries every call of a session connected with -Proxy' {
        $script:proxy = Start-TestTool proxy
        Connect-BizConf -LoginName demo -ApiKey $script:key -SiteSign demo-site -BaseUri $script:emulator.Uri -Proxy $script:proxy.Uri -MaxRetry 0
        $meeting = New-BizConfMeeting -Name 'Through the proxy' -StartTime (Get-FutureTime -Days 2) -Duration 30
        (Get-BizConfMeeting -Id $meeting.Id).Name | Should -Be 'Through the proxy'

        $held = @(Get-EmulatorMeeting $script:emulator)
        $held.Count | Should -Be 1
        $held[0].id | Should -Be $meeting.Id
        # One call at a time, so both logs are in the same order: every request the emulator saw came through the proxy.
        $relayed = @(Get-TestToolLog $script:proxy)
        $relayed.target | ForEach-Object { ([uri]$_).AbsolutePath -replace '^/openapi/', '' } | Should -Be @('account/check', 'confReservation', 'getConf')
        $relayed.target | ForEach-Object { $_ | Should -BeLike "$($script:emulator.Uri)/openapi/*" }
        $relayed.status | Should -Be @(200, 200, 200)
        (Get-EmulatorRequest $script:emulator).endpoint | Should -Be @('account/check', 'confReservation', 'getConf')
    }

    It 'answers a proxy that asks for credentials with -ProxyCredential' {
        $script:proxy = Start-TestTool proxy -Arguments '--user', 'relay', '--password', 'relay-secret'
        $credential = [pscredential]::new('relay', (ConvertTo-TestSecret 'relay-secret'))
        Connect-BizConf -LoginName demo -ApiKey $script:key -SiteSign demo-site -BaseUri $script:emulator.Uri -Proxy $script:proxy.Uri -ProxyCredential $credential -MaxRetry 0
        $meeting = New-BizConfMeeting -Name 'Past the proxy login' -StartTime (Get-FutureTime -Days 2) -Duration 30

        (Get-EmulatorMeeting $script:emulator).id | Should -Be @($meeting.Id)
        $relayed = @(Get-TestToolLog $script:proxy -Filter { $_.status -eq 200 })
        $relayed.Count | Should -Be 2
        $relayed.credentialsAccepted | Should -Be @($true, $true)
        # Whatever the proxy refused (a first try without the header) it passed on to nobody.
        @(Get-TestToolLog $script:proxy -Filter { $_.credentialsGiven -and -not $_.credentialsAccepted }) | Should -BeNullOrEmpty
        (Get-EmulatorRequest $script:emulator).endpoint | Should -Be @('account/check', 'confReservation')
    }

    It 'says the proxy refused with 407, not BizConf, when -ProxyCredential is missing' {
        $script:proxy = Start-TestTool proxy -Arguments '--user', 'relay', '--password', 'relay-secret'

        $failure = Get-ThrownError { Connect-BizConf -LoginName demo -ApiKey $script:key -SiteSign demo-site -BaseUri $script:emulator.Uri -Proxy $script:proxy.Uri -MaxRetry 3 }

        $failure.FullyQualifiedErrorId | Should -BeLike 'ProxyAuthenticationRequired,*'
        $failure.Exception.Message | Should -Be ('The proxy refused the request to account/check (HTTP 407 Proxy Authentication Required), so it did not reach BizConf: ' +
            "give the proxy's credentials with Connect-BizConf -ProxyCredential, or -ProxyUseDefaultCredentials.")
        $failure.Exception.Message | Should -Not -BeLike '*BizConf status*'
        # Refused once, not retried: the same credentials would be refused again.
        $refused = @(Get-TestToolLog $script:proxy)
        $refused.Count | Should -Be 1
        $refused[0].status | Should -Be 407
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    It 'refuses a -Proxy with user:password@ in it, naming Proxy, with the password in no error text' {
        $script:proxy = Start-TestTool proxy -Arguments '--user', 'relay', '--password', 'relay-secret'
        $address = "http://relay:relay-secret@127.0.0.1:$($script:proxy.Port)"

        $failure = Get-ThrownError { Connect-BizConf -LoginName demo -ApiKey $script:key -SiteSign demo-site -BaseUri $script:emulator.Uri -Proxy $address }

        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidConnectArgument,*'
        $failure.Exception.Message | Should -BeLike 'Proxy must not carry a user name or password (user:password@host): give them with -ProxyCredential*'
        ($failure | Out-String) + $failure.Exception.ToString() + "$($failure.TargetObject)" | Should -Not -BeLike '*relay-secret*'
        @(Get-TestToolLog $script:proxy).Count | Should -Be 0
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }

    Context 'from the environment, in a child pwsh (.NET reads the variables once)' {
        BeforeAll {
            $script:childScript = {
                param($module, $uri, $name)
                $PSStyle.OutputRendering = 'PlainText'
                Import-Module $module
                Connect-BizConf -LoginName demo -ApiKey (ConvertTo-SecureString demo-api-key -AsPlainText -Force) -SiteSign demo-site -BaseUri $uri -MaxRetry 0 -ErrorAction Stop
                $start = [DateTimeOffset]::UtcNow.Date.AddDays(3)
                'MADE ' + (New-BizConfMeeting -Name $name -StartTime $start -Duration 30 -ErrorAction Stop).Id
            }

            function New-ProxyEnvironment {
                # Both spellings of each variable, so that one inherited from this machine cannot win.
                param([Parameter(Mandatory)] [string] $Proxy, [AllowEmptyString()] [string] $NoProxy)
                $environment = [hashtable]::new([StringComparer]::Ordinal)
                foreach ($name in 'HTTP_PROXY', 'http_proxy') { $environment[$name] = $Proxy }
                foreach ($name in 'NO_PROXY', 'no_proxy') { $environment[$name] = $NoProxy }
                $environment
            }

            function Invoke-ProxiedChild {
                param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [hashtable] $Environment)
                $script:child = Start-ChildPwsh -Script $script:childScript -Arguments (Get-BizConfModulePath), $script:emulator.Uri, $Name -Environment $Environment
                $result = Wait-ChildPwsh $script:child -TimeoutSec 60
                $result.ExitCode | Should -Be 0 -Because $result.Errors
                $made = @($result.Output -split "`r?`n" | Where-Object { $_ -like 'MADE *' })
                $made.Count | Should -Be 1
                [long]($made[0] -replace '^MADE ', '')
            }
        }

        It 'goes through HTTP_PROXY when no -Proxy is given' {
            $script:proxy = Start-TestTool proxy
            $id = Invoke-ProxiedChild -Name 'Environment proxy' -Environment (New-ProxyEnvironment -Proxy $script:proxy.Uri -NoProxy '')

            (Get-EmulatorMeeting $script:emulator | Where-Object meetingName -EQ 'Environment proxy').id | Should -Be @($id)
            $relayed = @(Get-TestToolLog $script:proxy)
            $relayed.target | ForEach-Object { ([uri]$_).AbsolutePath } | Should -Be @('/openapi/account/check', '/openapi/confReservation')
            $relayed.Count | Should -Be (Get-EmulatorRequest $script:emulator).Count
        }

        It 'goes past HTTP_PROXY to 127.0.0.1 when NO_PROXY names it' {
            $script:proxy = Start-TestTool proxy
            $id = Invoke-ProxiedChild -Name 'Bypassed proxy' -Environment (New-ProxyEnvironment -Proxy $script:proxy.Uri -NoProxy '127.0.0.1')

            (Get-EmulatorMeeting $script:emulator | Where-Object meetingName -EQ 'Bypassed proxy').id | Should -Be @($id)
            (Get-EmulatorRequest $script:emulator).endpoint | Should -Be @('account/check', 'confReservation')
            @(Get-TestToolLog $script:proxy).Count | Should -Be 0
        }
    }
}
