BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $all = (Get-Command -Module BizConf).Name
    # Filtered here rather than skipped in the tests: a skipped test would only look green.
    $script:withOutput = $all | Where-Object { $_ -notin 'Disconnect-BizConf', 'Remove-BizConfMeeting', 'Remove-BizConfWebinar', 'Set-BizConfRegistrationQuestion' } |
        ForEach-Object { @{ Name = $_ } }
    $script:withSession = $all | Where-Object { $_ -notmatch '-BizConf$|-BizConfSession$|-BizConfMeetingLink$' } | ForEach-Object { @{ Name = $_ } }
    $script:changing = $all | Where-Object { $_ -match '^(New|Set|Remove|Add)-' } | ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:manifest = Import-PowerShellDataFile (Get-BizConfModulePath)
}

Describe 'The module' {
    It 'exports exactly the cmdlets its assembly defines' {
        $assembly = (Get-Command Connect-BizConf).ImplementingType.Assembly
        $defined = $assembly.GetTypes() |
            Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" }
        ($script:manifest.CmdletsToExport | Sort-Object) | Should -Be ($defined | Sort-Object)
        ((Get-Command -Module BizConf).Name | Sort-Object) | Should -Be ($defined | Sort-Object)
    }

    It 'carries the version the build stamped from Directory.Build.props' {
        $props = [xml](Get-Content (Join-Path (Get-RepoRoot) 'Directory.Build.props') -Raw)
        (Get-Module BizConf).Version.ToString() | Should -Be $props.Project.PropertyGroup.Version
    }

    It 'ships no PowerShell reference assembly' {
        $folder = Split-Path (Get-BizConfModulePath)
        Get-ChildItem $folder -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
        Get-ChildItem $folder -Filter 'BizConf.PowerShell.dll' | Should -Not -BeNullOrEmpty
    }

    It 'makes no request and needs no session to import, even with the BIZCONF_* variables set' {
        $emulator = Start-TestEmulator
        try {
            $script = "`$env:BIZCONF_LOGIN_NAME = 'demo'; `$env:BIZCONF_API_KEY = 'demo-api-key'; `$env:BIZCONF_SITE_SIGN = 'demo-site'; " +
                "`$env:BIZCONF_BASE_URI = '$($emulator.Uri)'; (Get-Command -Module BizConf).Count; Get-BizConfSession"
            $result = @(Invoke-PwshInTimeZone -TimeZone 'UTC' -Script $script) -split "`n" | Where-Object { $_.Trim() }
            $result | Should -Be "$($script:manifest.CmdletsToExport.Count)"
            (Get-EmulatorRequest $emulator).Count | Should -Be 0
        }
        finally { Stop-TestEmulator $emulator }
    }
}

Describe '<Name> declares its output type' -ForEach $script:withOutput {
    It 'has [OutputType]' {
        (Get-Command $Name).OutputType.Count | Should -BeGreaterThan 0
    }
}

Describe '<Name> takes -Session' -ForEach $script:withSession {
    It 'has a -Session parameter of type BizConf.BizConfSession' {
        (Get-Command $Name).Parameters['Session'].ParameterType.FullName | Should -Be 'BizConf.BizConfSession'
    }
}

Describe '<Name> supports -WhatIf and -Confirm' -ForEach $script:changing {
    It 'has both parameters' {
        (Get-Command $Name).Parameters.Keys | Should -Contain 'WhatIf'
        (Get-Command $Name).Parameters.Keys | Should -Contain 'Confirm'
    }
}

# A field added to a resource's schema is sent by New- and Set- as soon as the cmdlet has a parameter of that name;
# this names the cmdlet that still lacks it. SendEmail is the one field given another way (-NoEmail).
Describe '<Cmdlet> has a parameter for every field its schema lets it send' -ForEach @(
    @{ Cmdlet = 'New-BizConfMeeting'; Fields = 'CreatableFields'; Type = 'BizConf.MeetingRequest' }
    @{ Cmdlet = 'Set-BizConfMeeting'; Fields = 'ChangeableFields'; Type = 'BizConf.MeetingRequest' }
    @{ Cmdlet = 'New-BizConfWebinar'; Fields = 'CreatableFields'; Type = 'BizConf.WebinarRequest' }
    @{ Cmdlet = 'Set-BizConfWebinar'; Fields = 'ChangeableFields'; Type = 'BizConf.WebinarRequest' }
) {
    It 'binds each field by its own name' {
        $fields = @(($Type -as [type])::$Fields | Where-Object { $_ -ne 'SendEmail' })
        $fields.Count | Should -BeGreaterThan 5
        $missing = @($fields | Where-Object { $_ -notin (Get-Command $Cmdlet).Parameters.Keys })
        $missing | Should -BeNullOrEmpty -Because "$Cmdlet must take every field of its schema"
    }
}
