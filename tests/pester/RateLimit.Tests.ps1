# A service that rations requests (the emulator's token bucket per site): the session finds the pace the service
# allows, says why it changed it, spends no retry on a 429 it answers by slowing down, and does every row once.
# Assertions are on what the emulator holds, its request log and the output, never on time.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator

    function Set-EmulatorRateLimit {
        param([double] $PerSecond)
        $body = @{ perSecond = $PerSecond } | ConvertTo-Json
        $null = Invoke-RestMethod -Method Put -Uri "$($script:emulator.Uri)/_emulator/rate-limit" -Body $body -ContentType 'application/json'
    }
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'A service that rations requests' {
    BeforeEach {
        Reset-Emulator $script:emulator
        foreach ($i in 1..10) { Add-EmulatorAccount $script:emulator -LoginName "paced-$i" }
        $start = Get-FutureTime -Days 6
        $script:rows = foreach ($i in 0..119) {
            [pscustomobject]@{ LoginName = "paced-$(1 + $i % 10)"; Name = "Paced $i"; StartTime = $start.AddHours(2 * [Math]::Floor($i / 10)); Duration = 60 }
        }
    }

    AfterEach {
        $null = Invoke-RestMethod -Method Delete -Uri "$($script:emulator.Uri)/_emulator/rate-limit"
    }

    It 'makes every row once at ThrottleLimit 32 against 20 requests a second, with -MaxRetry 0, and says why it slowed down' {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -MaxRetry 0
        Set-EmulatorRateLimit 20

        $stream = @($script:rows | New-BizConfMeeting -ThrottleLimit 32 -ErrorVariable failed -ErrorAction SilentlyContinue -Verbose 4>&1)

        $failed.Count | Should -Be 0
        $made = @($stream | Where-Object { $_ -is [BizConf.Meeting] })
        $made.Name | Should -Be $script:rows.Name
        $held = @(Get-EmulatorMeeting $script:emulator | Where-Object { $_.confStatus -ne 9 -and $_.meetingName -like 'Paced *' })
        $held.Count | Should -Be 120
        @($held | Group-Object meetingName | Where-Object Count -GT 1) | Should -BeNullOrEmpty
        $log = Get-EmulatorRequest $script:emulator -Endpoint confReservation
        $refused = @($log | Where-Object httpStatus -EQ 429)
        # The bucket starts with one second's worth: 32 at once must meet refusals, or the test proves nothing.
        $refused.Count | Should -BeGreaterThan 0
        # Each refused create was sent again and made once: one answered create per row.
        @($log | Where-Object httpStatus -EQ 200).Count | Should -Be 120
        $verbose = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $verbose | Where-Object { $_ -like 'The service is rationing requests (HTTP 429)*' } | Should -Not -BeNullOrEmpty
        $verbose | Where-Object { $_ -like '*at the session''s pace; this spends no retry.' } | Should -Not -BeNullOrEmpty
    }

    It 'with -NoRateAdaptation spends a retry on each 429 and keeps no pace' {
        Connect-BizConf -LoginName demo -ApiKey (ConvertTo-TestSecret 'demo-api-key') -BaseUri $script:emulator.Uri -MaxRetry 0 -NoRateAdaptation
        Set-EmulatorRateLimit 20

        $stream = @($script:rows | New-BizConfMeeting -ThrottleLimit 32 -ErrorVariable failed -ErrorAction SilentlyContinue -Verbose 4>&1)

        $verbose = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $verbose | Where-Object { $_ -like 'The service is rationing requests (HTTP 429)*' } | Should -BeNullOrEmpty
        $log = Get-EmulatorRequest $script:emulator -Endpoint confReservation
        $refused = @($log | Where-Object httpStatus -EQ 429)
        # With no retry to spend, every refused create is a row that failed, with the HTTP status, and nothing else.
        $failed.Count | Should -Be $refused.Count
        $failed.Count | Should -BeGreaterThan 0
        foreach ($e in $failed) { $e.Exception.Message | Should -BeLike '*429*' }
        $made = @($stream | Where-Object { $_ -is [BizConf.Meeting] })
        ($made.Count + $failed.Count) | Should -Be 120
        @(Get-EmulatorMeeting $script:emulator | Where-Object { $_.confStatus -ne 9 -and $_.meetingName -like 'Paced *' }).Count | Should -Be $made.Count
    }
}
