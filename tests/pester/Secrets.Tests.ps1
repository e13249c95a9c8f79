BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
    # A key that could not appear in any output by chance.
    $script:secret = 'Zq7-SECRET-api-key-4f1e9b'
}

AfterAll {
    Disconnect-BizConf
    Stop-TestEmulator $script:emulator
}

Describe 'The API key never shows' {
    BeforeAll {
        Reset-Emulator $script:emulator
        Add-EmulatorSite $script:emulator -SiteSign 'secret-site' -ApiKey $script:secret
        Add-EmulatorAccount $script:emulator -LoginName 'keeper' -SiteSign 'secret-site'
    }

    It 'appears in no output, verbose, debug, warning or error text of a whole session' {
        $Error.Clear()
        $everything = & {
            $session = Connect-BizConf -LoginName keeper -ApiKey (ConvertTo-TestSecret $script:secret) -SiteSign secret-site `
                -BaseUri $script:emulator.Uri -PassThru -Verbose -Debug
            $session
            $session.ToString()
            $session | Format-List * | Out-String
            $session | Format-Table * | Out-String
            $session | ConvertTo-Json -Depth 6
            $session | Select-Object * | ConvertTo-Csv
            $meeting = New-BizConfMeeting -Name 'Secret keeping' -StartTime (Get-FutureTime -Days 2) -Duration 30 -Verbose -Debug
            $meeting | ConvertTo-Json -Depth 4
            Get-BizConfMeeting -Verbose -Debug
            New-BizConfMeeting -Name 'Clash' -StartTime $meeting.StartTime -Duration 30 -Verbose -ErrorAction Continue
            Get-BizConfMeeting -Id 999999 -Verbose -ErrorAction Continue
            Test-BizConfAccount -LoginName nobody -Verbose
            try {
                Connect-BizConf -LoginName keeper -ApiKey (ConvertTo-TestSecret ($script:secret + 'x')) -SiteSign secret-site -BaseUri $script:emulator.Uri
            }
            catch { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }
        } *>&1 | Out-String
        $errors = $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String }
        $everything | Should -Match 'keeper'
        $everything | Should -Match 'POST confReservation \(attempt 1\): confName=Secret keeping'
        $everything | Should -Not -Match ([regex]::Escape($script:secret))
        ($errors -join "`n") | Should -Match 'status 202'
        ($errors -join "`n") | Should -Not -Match ([regex]::Escape($script:secret))
    }

    It 'has no property of the session that holds it' {
        $session = Connect-BizConf -LoginName keeper -ApiKey (ConvertTo-TestSecret $script:secret) -SiteSign secret-site -BaseUri $script:emulator.Uri -PassThru
        foreach ($property in $session.PSObject.Properties) {
            "$($property.Value)" | Should -Not -Match ([regex]::Escape($script:secret)) -Because "property $($property.Name)"
        }
        $session.PSObject.Properties.Name | Should -Not -Contain 'ApiKey'
    }

    It 'is never sent: only its MD5 tokens travel' {
        Clear-EmulatorRequest $script:emulator
        Connect-BizConf -LoginName keeper -ApiKey (ConvertTo-TestSecret $script:secret) -SiteSign secret-site -BaseUri $script:emulator.Uri
        $null = Get-BizConfMeeting
        $log = Get-EmulatorRequest $script:emulator | ConvertTo-Json -Depth 5
        $log | Should -Match 'keeper'
        $log | Should -Not -Match ([regex]::Escape($script:secret))
    }
}
