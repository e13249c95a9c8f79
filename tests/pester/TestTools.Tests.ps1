# The test tools of tests/tools, proved with real processes: what other tests will rely on when they point the module
# at a proxy, a slow gateway, a redirecting server, a sink or a server with a bad certificate.
#
# Requests go out through [System.Net.Http.HttpClient]: Invoke-WebRequest -Proxy sends loopback addresses directly,
# past the proxy.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) 'tests/tools/TestTools.psm1') -Force
    $script:emulator = Start-TestEmulator

    function New-TestHttpClient {
        # An HttpClient that uses -Proxy (with -ProxyUser/-ProxyPassword when given), or none.
        param([string] $Proxy, [string] $ProxyUser, [string] $ProxyPassword, [switch] $NoRedirect, [switch] $AcceptAnyCertificate,
            [int] $TimeoutSec = 60)
        $handler = [System.Net.Http.HttpClientHandler]::new()
        $handler.UseProxy = [bool]$Proxy
        if ($Proxy) {
            $webProxy = [System.Net.WebProxy]::new($Proxy)
            if ($ProxyUser) { $webProxy.Credentials = [System.Net.NetworkCredential]::new($ProxyUser, $ProxyPassword) }
            $handler.Proxy = $webProxy
        }
        $handler.AllowAutoRedirect = -not $NoRedirect
        if ($AcceptAnyCertificate) { $handler.ServerCertificateCustomValidationCallback = [System.Net.Http.HttpClientHandler]::DangerousAcceptAnyServerCertificateValidator }
        $client = [System.Net.Http.HttpClient]::new($handler)
        $client.Timeout = [TimeSpan]::FromSeconds($TimeoutSec)
        $client
    }

    function Send-TestRequest {
        # Sends one request and gives back its status, headers and body text. -Form is sent urlencoded.
        param([Parameter(Mandatory)] $Client, [string] $Method = 'POST', [Parameter(Mandatory)] [string] $Uri, [hashtable] $Form,
            [hashtable] $Headers = @{})
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), $Uri)
        foreach ($name in $Headers.Keys) { $null = $request.Headers.TryAddWithoutValidation($name, [string]$Headers[$name]) }
        if ($Form) {
            $pairs = [System.Collections.Generic.Dictionary[string, string]]::new()
            foreach ($name in $Form.Keys) { $pairs[$name] = [string]$Form[$name] }
            $request.Content = [System.Net.Http.FormUrlEncodedContent]::new($pairs)
        }
        $response = $Client.SendAsync($request).GetAwaiter().GetResult()
        [pscustomobject]@{
            Status   = [int]$response.StatusCode
            Response = $response
            Body     = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        }
    }

    function Get-EmulatorRequestFor {
        # The emulator's log entries of one endpoint whose loginName field is $LoginName.
        param([Parameter(Mandatory)] [string] $Endpoint, [Parameter(Mandatory)] [string] $LoginName)
        # Get-EmulatorRequest gives its entries as one array: held in a variable first, they are filtered one by one.
        $sent = Get-EmulatorRequest $script:emulator -Endpoint $Endpoint
        @($sent | Where-Object { $_.fields.loginName -eq $LoginName })
    }

    function Wait-EmulatorRequestFor {
        param([Parameter(Mandatory)] [string] $Endpoint, [Parameter(Mandatory)] [string] $LoginName)
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (Get-EmulatorRequestFor $Endpoint $LoginName) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        Get-EmulatorRequestFor $Endpoint $LoginName
    }

    function Get-ProcessWithArgument {
        # Ids of running processes whose command line contains $Text: a check that needs no process id of our own.
        param([Parameter(Mandatory)] [string] $Text)
        # Processes come and go while /proc is read: one that is gone by the time it is read is passed over.
        foreach ($folder in [IO.Directory]::EnumerateDirectories('/proc')) {
            $id = Split-Path -Leaf $folder
            if ($id -notmatch '^\d+$') { continue }
            $line = try { [IO.File]::ReadAllText("$folder/cmdline") } catch { '' }
            if ($line.Contains($Text)) { [int]$id }
        }
    }
}

AfterAll {
    Stop-TestEmulator $script:emulator
}

Describe 'The proxy tool' {
    BeforeAll {
        $script:password = 'proxy-pass-' + [guid]::NewGuid().ToString('n')
        $script:proxy = Start-TestTool proxy
        $script:lockedProxy = Start-TestTool proxy -Arguments '--user', 'alice', '--password', $script:password
        $script:tls = Start-TestTool tls
    }

    AfterAll {
        $script:proxy, $script:lockedProxy, $script:tls | Stop-TestTool
    }

    It 'relays a plain-http request to the emulator and logs method, target and status, never the body' {
        $login = 'via-proxy-' + [guid]::NewGuid().ToString('n')
        $client = New-TestHttpClient -Proxy $script:proxy.Uri
        $answer = Send-TestRequest $client -Uri "$($script:emulator.Uri)/openapi/listConf" -Form @{ loginName = $login }

        $answer.Status | Should -Be 200
        ($answer.Body | ConvertFrom-Json).status | Should -BeOfType [long]
        (Get-EmulatorRequestFor listConf $login).Count | Should -Be 1
        $entry = @(Get-TestToolLog $script:proxy | Where-Object target -EQ "$($script:emulator.Uri)/openapi/listConf")
        $entry.Count | Should -Be 1
        $entry[0].method | Should -Be 'POST'
        $entry[0].status | Should -Be 200
        $entry[0].credentialsGiven | Should -BeFalse
        $entry[0].credentialsAccepted | Should -BeNullOrEmpty
        Get-Content -LiteralPath $script:proxy.LogPath -Raw | Should -Not -Match $login
    }

    It 'answers 407 with a Basic challenge to missing or wrong credentials, and passes nothing on' {
        $login = 'refused-' + [guid]::NewGuid().ToString('n')
        $uri = "$($script:emulator.Uri)/openapi/listConf"
        $missing = Send-TestRequest (New-TestHttpClient -Proxy $script:lockedProxy.Uri) -Uri $uri -Form @{ loginName = $login }
        $wrong = Send-TestRequest (New-TestHttpClient -Proxy $script:lockedProxy.Uri -ProxyUser alice -ProxyPassword 'not-it') -Uri $uri -Form @{ loginName = $login }

        foreach ($answer in $missing, $wrong) {
            $answer.Status | Should -Be 407
            $answer.Response.Headers.ProxyAuthenticate.ToString() | Should -Be 'Basic realm="bizconf-test"'
        }
        Get-EmulatorRequestFor listConf $login | Should -BeNullOrEmpty
        $refused = @(Get-TestToolLog $script:lockedProxy | Where-Object status -EQ 407)
        @($refused | Where-Object { -not $_.credentialsGiven }).Count | Should -BeGreaterOrEqual 1
        @($refused | Where-Object { $_.credentialsGiven -and $_.credentialsAccepted -eq $false }).Count | Should -BeGreaterOrEqual 1
        $refused.credentialsAccepted | Should -Not -Contain $true
    }

    It 'relays with the right credentials and never writes them to its log' {
        $login = 'allowed-' + [guid]::NewGuid().ToString('n')
        $client = New-TestHttpClient -Proxy $script:lockedProxy.Uri -ProxyUser alice -ProxyPassword $script:password
        $answer = Send-TestRequest $client -Uri "$($script:emulator.Uri)/openapi/listConf" -Form @{ loginName = $login }

        $answer.Status | Should -Be 200
        (Get-EmulatorRequestFor listConf $login).Count | Should -Be 1
        $accepted = @(Get-TestToolLog $script:lockedProxy | Where-Object { $_.credentialsAccepted -eq $true })
        $accepted.Count | Should -Be 1
        $accepted[0].status | Should -Be 200
        $text = Get-Content -LiteralPath $script:lockedProxy.LogPath -Raw
        $text | Should -Not -Match $script:password
        $text | Should -Not -Match ([regex]::Escape([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("alice:$($script:password)"))))
    }

    It 'tunnels CONNECT to the TLS tool, bytes both ways' {
        $client = New-TestHttpClient -Proxy $script:proxy.Uri -AcceptAnyCertificate
        $answer = Send-TestRequest $client -Method GET -Uri "$($script:tls.Uri)/through-the-tunnel"

        $answer.Status | Should -Be 200
        $answer.Body | Should -Be 'BizConf test tool tls'
        $connect = @(Get-TestToolLog $script:proxy | Where-Object method -EQ 'CONNECT')
        $connect.Count | Should -Be 1
        $connect[0].target | Should -Be "127.0.0.1:$($script:tls.Port)"
        $connect[0].status | Should -Be 200
        (Get-TestToolLog $script:tls).path | Should -Contain '/through-the-tunnel'
    }

    It 'refuses a CONNECT without credentials with 407 and opens no tunnel' {
        $client = New-TestHttpClient -Proxy $script:lockedProxy.Uri -AcceptAnyCertificate
        { Send-TestRequest $client -Method GET -Uri "$($script:tls.Uri)/never-reached" } | Should -Throw '*407*'

        $connect = @(Get-TestToolLog $script:lockedProxy | Where-Object method -EQ 'CONNECT')
        $connect.Count | Should -Be 1
        $connect[0].status | Should -Be 407
        (Get-TestToolLog $script:tls).path | Should -Not -Contain '/never-reached'
    }
}

Describe 'The gateway tool' {
    BeforeAll {
        $script:holdMs = 1500
        $script:gateway = Start-TestTool gateway -Arguments '--target', $script:emulator.Uri, '--hold-ms', $script:holdMs, '--match', 'listConf'
    }

    AfterAll {
        Stop-TestTool $script:gateway
    }

    It 'holds a request whose path matches for at least --hold-ms, then forwards it and relays the answer' {
        $login = 'held-' + [guid]::NewGuid().ToString('n')
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $answer = Send-TestRequest (New-TestHttpClient) -Uri "$($script:gateway.Uri)/openapi/listConf" -Form @{ loginName = $login }
        $clock.Stop()

        $answer.Status | Should -Be 200
        $clock.ElapsedMilliseconds | Should -BeGreaterOrEqual $script:holdMs
        (Get-EmulatorRequestFor listConf $login).Count | Should -Be 1
        $entry = @(Get-TestToolLog $script:gateway | Where-Object { $_.held -and $_.clientPresent })
        $entry.Count | Should -Be 1
        $entry[0].path | Should -Be '/openapi/listConf'
        $entry[0].heldMs | Should -BeGreaterOrEqual $script:holdMs
        $entry[0].forwarded | Should -BeGreaterThan $entry[0].arrived
        $entry[0].status | Should -Be 200
    }

    It 'forwards a request whose path does not match without holding it' {
        $login = 'not-held-' + [guid]::NewGuid().ToString('n')
        $answer = Send-TestRequest (New-TestHttpClient) -Uri "$($script:gateway.Uri)/openapi/getConf" -Form @{ loginName = $login }

        $answer.Status | Should -Be 200
        (Get-EmulatorRequestFor getConf $login).Count | Should -Be 1
        $entry = @(Get-TestToolLog $script:gateway | Where-Object path -EQ '/openapi/getConf')
        $entry.Count | Should -Be 1
        $entry[0].held | Should -BeFalse
    }

    It 'still forwards a request whose client gave up during the hold, and says the client had gone' {
        $login = 'gave-up-' + [guid]::NewGuid().ToString('n')
        $body = "loginName=$login"
        $request = "POST /openapi/listConf HTTP/1.1`r`nHost: 127.0.0.1:$($script:gateway.Port)`r`n" +
            "Content-Type: application/x-www-form-urlencoded`r`nContent-Length: $($body.Length)`r`n`r`n$body"
        # The whole request, then the connection closed: the client is gone before the hold can end.
        $tcp = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $script:gateway.Port)
        $bytes = [Text.Encoding]::ASCII.GetBytes($request)
        $tcp.GetStream().Write($bytes, 0, $bytes.Length)
        $tcp.Close()

        $sent = Wait-EmulatorRequestFor listConf $login
        @($sent).Count | Should -Be 1
        $sent[0].httpStatus | Should -Be 200
        $entry = @(Get-TestToolLog $script:gateway -Filter { $_.held -and -not $_.clientPresent } -Wait -TimeoutSec 30)
        $entry.Count | Should -Be 1
        $entry[0].clientLeft | Should -BeLessThan $entry[0].forwarded
        $entry[0].heldMs | Should -BeGreaterOrEqual $script:holdMs
        $entry[0].status | Should -Be 200
    }
}

Describe 'The redirect tool' {
    It 'answers <_> with the Location given and logs that a body came' -ForEach 301, 302, 307, 308 {
        $location = 'http://127.0.0.1:9/elsewhere?x=1'
        $redirect = Start-TestTool redirect -Arguments '--status', $_, '--location', $location
        try {
            $answer = Send-TestRequest (New-TestHttpClient -NoRedirect) -Uri "$($redirect.Uri)/openapi/confReservation" -Form @{ loginName = 'moved' }
            $entries = @(Get-TestToolLog $redirect)
        }
        finally {
            Stop-TestTool $redirect
        }

        $answer.Status | Should -Be $_
        $answer.Response.Headers.Location.OriginalString | Should -Be $location
        $answer.Body | Should -BeNullOrEmpty
        $entries.Count | Should -Be 1
        $entries[0].method | Should -Be 'POST'
        $entries[0].path | Should -Be '/openapi/confReservation'
        $entries[0].bodySent | Should -BeTrue
        $entries[0].bodyBytes | Should -Be 'loginName=moved'.Length
    }

    It 'sends a client that follows a 307 on to the sink, which gets the form again but logs only its field names' {
        $sink = Start-TestTool sink
        $redirect = $null
        try {
            $redirect = Start-TestTool redirect -Arguments '--status', '307', '--location', "$($sink.Uri)/openapi/confReservation"
            $secret = 'secret-' + [guid]::NewGuid().ToString('n')
            $answer = Send-TestRequest (New-TestHttpClient) -Uri "$($redirect.Uri)/openapi/confReservation" -Form @{ loginName = 'followed'; token = $secret }
            $received = @(Get-TestToolLog $sink)
            $sinkText = Get-Content -LiteralPath $sink.LogPath -Raw
        }
        finally {
            $redirect, $sink | Stop-TestTool
        }

        $answer.Body | Should -Be '{"status":100,"message":"","data":{"id":1}}'
        $received.Count | Should -Be 1
        $received[0].method | Should -Be 'POST'
        @($received[0].fieldNames | Sort-Object) | Should -Be @('loginName', 'token')
        $sinkText | Should -Not -Match $secret
        $sinkText | Should -Not -Match 'followed'
    }
}

Describe 'The sink tool' {
    It 'records method, path and the names of headers, query fields and form fields, never their values' {
        $sink = Start-TestTool sink
        try {
            $values = 1..3 | ForEach-Object { "value-$_-" + [guid]::NewGuid().ToString('n') }
            $answer = Send-TestRequest (New-TestHttpClient) -Uri "$($sink.Uri)/openapi/confReservation?timeStamp=$($values[0])" `
                -Form @{ apiKey = $values[1]; confName = 'x' } -Headers @{ 'X-Trace' = $values[2] }
            $entries = @(Get-TestToolLog $sink)
            $text = Get-Content -LiteralPath $sink.LogPath -Raw
        }
        finally {
            Stop-TestTool $sink
        }

        $answer.Status | Should -Be 200
        $answer.Response.Content.Headers.ContentType.MediaType | Should -Be 'application/json'
        $answer.Body | Should -Be '{"status":100,"message":"","data":{"id":1}}'
        $entries.Count | Should -Be 1
        $entries[0].method | Should -Be 'POST'
        $entries[0].path | Should -Be '/openapi/confReservation'
        $entries[0].headerNames | Should -Contain 'X-Trace'
        $entries[0].headerNames | Should -Contain 'Content-Type'
        $entries[0].queryNames | Should -Be @('timeStamp')
        @($entries[0].fieldNames | Sort-Object) | Should -Be @('apiKey', 'confName')
        foreach ($value in $values) { $text | Should -Not -Match $value }
    }
}

Describe 'The tls tool' {
    BeforeAll {
        $script:tls = Start-TestTool tls
    }

    AfterAll {
        Stop-TestTool $script:tls
    }

    It 'fails certificate validation for 127.0.0.1: the name does not match and the chain is not trusted' {
        $failure = { Invoke-WebRequest -Uri "$($script:tls.Uri)/" } | Should -Throw -PassThru
        $inner = $failure.Exception
        while ($inner -and $inner -isnot [System.Security.Authentication.AuthenticationException]) { $inner = $inner.InnerException }
        $inner | Should -Not -BeNullOrEmpty
        $inner.Message | Should -Match 'RemoteCertificateNameMismatch'
        $inner.Message | Should -Match 'RemoteCertificateChainErrors'
    }

    It 'shows a certificate issued for wrong.example, and --name changes it' {
        $other = Start-TestTool tls -Arguments '--name', 'other.example'
        try {
            $seen = foreach ($tool in $script:tls, $other) {
                $found = @{}
                $tcp = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $tool.Port)
                # Called back on this thread while AuthenticateAsClient runs; it notes the certificate and refuses it.
                $check = [System.Net.Security.RemoteCertificateValidationCallback] {
                    param($sender, $certificate, $chain, $errors)
                    $found.Subject = $certificate.Subject
                    $found.Errors = $errors
                    $false
                }.GetNewClosure()
                $ssl = [System.Net.Security.SslStream]::new($tcp.GetStream(), $false, $check)
                try { $ssl.AuthenticateAsClient('127.0.0.1') } catch { $null = $_ } finally { $ssl.Dispose(); $tcp.Dispose() }
                [pscustomobject]$found
            }
        }
        finally {
            Stop-TestTool $other
        }

        $seen.Subject | Should -Be @('CN=wrong.example', 'CN=other.example')
        foreach ($one in $seen) {
            $one.Errors.HasFlag([System.Net.Security.SslPolicyErrors]::RemoteCertificateNameMismatch) | Should -BeTrue
            $one.Errors.HasFlag([System.Net.Security.SslPolicyErrors]::RemoteCertificateChainErrors) | Should -BeTrue
        }
    }

    It 'answers 200 to a client that skips the check, and logs the request' {
        $answer = Invoke-WebRequest -Uri "$($script:tls.Uri)/skipped-check" -SkipCertificateCheck
        $answer.StatusCode | Should -Be 200
        $answer.Content | Should -Be 'BizConf test tool tls'
        (Get-TestToolLog $script:tls).path | Should -Contain '/skipped-check'
    }
}

Describe 'Starting and stopping the tools' {
    It 'Stop-TestTool ends <_> with exit code 0 and leaves no process behind' -ForEach 'proxy', 'gateway', 'redirect', 'sink', 'tls' {
        $arguments = @()
        if ($_ -eq 'gateway') { $arguments = '--target', $script:emulator.Uri }
        if ($_ -eq 'redirect') { $arguments = '--status', '302', '--location', 'http://127.0.0.1:9/' }
        $tool = Start-TestTool $_ -Arguments $arguments
        try {
            $tool.Uri | Should -Match "^https?://127\.0\.0\.1:$($tool.Port)$"
            @(Get-ProcessWithArgument $tool.LogPath) | Should -Be @($tool.Process.Id)
        }
        finally {
            Stop-TestTool $tool
        }

        $tool.Process.HasExited | Should -BeTrue
        $tool.ExitCode | Should -Be 0
        Get-ProcessWithArgument $tool.LogPath | Should -BeNullOrEmpty
    }

    It 'a tool exits with code 0 on SIG<_>' -ForEach 'INT', 'TERM' {
        $tool = Start-TestTool sink
        try {
            $tool | Send-Signal -Signal $_
            $tool.Process.WaitForExit(30000) | Should -BeTrue
            $tool.Process.ExitCode | Should -Be 0
        }
        finally {
            Stop-TestTool $tool
        }
    }

    It 'a tool stops by itself when the test run that started it dies' {
        $modulePath = Join-Path (Get-RepoRoot) 'tests/tools/TestTools.psm1'
        $child = Start-ChildPwsh -Script {
            param($module)
            Import-Module $module
            $tool = Start-TestTool sink
            "tool $($tool.Process.Id) $($tool.LogPath)"
            Start-Sleep -Seconds 300
        } -Arguments $modulePath -ReadyPattern '^tool \d+ '
        $logPath = $null
        try {
            $line = [regex]::Match((Get-Content -LiteralPath $child.StdoutPath -Raw), '(?m)^tool (\d+) (\S+)')
            $logPath = $line.Groups[2].Value
            @(Get-ProcessWithArgument $logPath) | Should -Be @([int]$line.Groups[1].Value)

            $child | Send-Signal -Signal KILL
            $null = Wait-ChildPwsh $child

            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-ProcessWithArgument $logPath) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Get-ProcessWithArgument $logPath | Should -BeNullOrEmpty
        }
        finally {
            Stop-ChildPwsh $child
            # Nobody was left to call Stop-TestTool, so its temporary folder is this test's to remove.
            if ($logPath) { Remove-Item -LiteralPath (Split-Path -Parent $logPath) -Recurse -Force -ErrorAction SilentlyContinue }
        }
    }

    It 'a tool that cannot start is an error naming the tool and quoting its stderr' {
        { Start-TestTool redirect -Arguments '--status', '200', '--location', 'http://127.0.0.1:9/' } |
            Should -Throw "The test tool 'redirect' exited with code 2 before it was ready. Its stderr: redirect: --status must be 301, 302, 307 or 308, not 200.*"
    }

    It 'Get-TestToolLog -Wait gives up after its timeout when too few entries come' {
        $tool = Start-TestTool sink
        try {
            { Get-TestToolLog $tool -Wait -Count 1 -TimeoutSec 1 } |
                Should -Throw "The test tool 'sink' logged 0 of the 1 entries waited for within 1 s."
        }
        finally {
            Stop-TestTool $tool
        }
    }
}

Describe 'Child pwsh processes' {
    It 'Wait-ChildPwsh gives back the exit code, the output and the errors' {
        $child = Start-ChildPwsh -Script {
            param($word)
            "said $word"
            [Console]::Error.WriteLine('complained')
            exit 3
        } -Arguments 'hello'
        $result = Wait-ChildPwsh $child

        $result.ExitCode | Should -Be 3
        $result.Output.Trim() | Should -Be 'said hello'
        $result.Errors.Trim() | Should -Be 'complained'
        Test-Path -LiteralPath $child.Folder | Should -BeFalse
    }

    It 'SIGINT stops a child pwsh as Ctrl+C would: its finally blocks run' {
        $marker = Join-Path ([IO.Path]::GetTempPath()) ('bizconf-finally-' + [guid]::NewGuid().ToString('n'))
        $child = Start-ChildPwsh -Script {
            param($marker)
            'ready'
            try { Start-Sleep -Seconds 300 } finally { Set-Content -LiteralPath $marker -Value 'finally ran' }
        } -Arguments $marker -ReadyPattern '^ready'
        try {
            Send-Signal -Process $child.Process -Signal INT
            $null = Wait-ChildPwsh $child -TimeoutSec 60
            Get-Content -LiteralPath $marker | Should -Be 'finally ran'
        }
        finally {
            Stop-ChildPwsh $child
            Remove-Item -LiteralPath $marker -ErrorAction SilentlyContinue
        }
    }
}
