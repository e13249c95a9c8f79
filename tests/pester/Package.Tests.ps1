# The two packages of `build.ps1 Package`, installed as a user would, offline: the module from a local PSResourceGet
# repository into a throw-away user scope, the emulator as a .NET tool from a local folder; then the installed module,
# imported by name in a fresh pwsh, schedules a meeting on the installed emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Add-Type -AssemblyName System.IO.Compression.FileSystem

    $script:version = ([xml](Get-Content (Join-Path (Get-RepoRoot) 'Directory.Build.props') -Raw)).Project.PropertyGroup.Version
    # The packages sit beside the built module folder (out/BizConf -> out/).
    $script:out = Split-Path -Parent (Split-Path -Parent (Get-BizConfModulePath))
    $script:modulePackage = Join-Path $script:out "BizConf.$script:version.nupkg"
    $script:toolPackage = Join-Path $script:out "BizConf.Emulator.$script:version.nupkg"
    foreach ($package in $script:modulePackage, $script:toolPackage) {
        if (-not (Test-Path -LiteralPath $package)) { throw "'$package' is missing: run ./build.ps1 Package first." }
    }

    function Read-PackageEntry {
        param([Parameter(Mandatory)] [string] $Package, [Parameter(Mandatory)] [string] $Entry)
        $zip = [IO.Compression.ZipFile]::OpenRead($Package)
        try {
            $item = $zip.Entries | Where-Object FullName -EQ $Entry
            if (-not $item) { throw "$Package has no entry '$Entry'." }
            $reader = [IO.StreamReader]::new($item.Open())
            try { $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
    }

    function Get-LatestChangelogSection {
        $text = Get-Content (Join-Path (Get-RepoRoot) 'CHANGELOG.md') -Raw
        $match = [regex]::Match($text, '(?ms)^## \[(?!Unreleased\])(?<version>[^\]]+)\][^\n]*\n(?<notes>.*?)(?=^## |\z)')
        [pscustomobject]@{ Version = $match.Groups['version'].Value; Notes = $match.Groups['notes'].Value.Trim() }
    }

    function Invoke-Isolated {
        # Runs a program with this machine's environment less PSModulePath, and with HOME in the sandbox: on Linux and
        # macOS PSResourceGet's repository list, its CurrentUser scope and PowerShell's user module path all live under
        # HOME, so nothing reaches the real user's folders. The XDG_* variables go, since PSResourceGet installs under
        # HOME whatever they say while PowerShell would look where they point. Windows finds those folders without
        # HOME, so there the module is saved to a sandbox folder that PSModulePath names instead (see below).
        # Returns the output; throws on a non-zero exit.
        param([Parameter(Mandatory)] [string] $FilePath, [string[]] $Arguments = @(), [hashtable] $Environment = @{})
        $start = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
        foreach ($argument in $Arguments) { $start.ArgumentList.Add($argument) }
        foreach ($name in 'PSModulePath', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME') { $null = $start.Environment.Remove($name) }
        $start.Environment['HOME'] = Join-Path $script:sandbox 'home'
        if ($IsWindows) { $start.Environment['PSModulePath'] = $script:windowsModules }
        foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($start)
        $errorText = $process.StandardError.ReadToEndAsync()
        $output = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        if ($process.ExitCode -ne 0) { throw "'$FilePath $($Arguments -join ' ')' failed ($($process.ExitCode)): $output $($errorText.Result)" }
        $output -split "`r?`n" | Where-Object { $_ }
    }

    function Invoke-SandboxPwsh {
        param([Parameter(Mandatory)] [string] $Script)
        $processPath = [Environment]::ProcessPath
        $arguments = @()
        if ((Split-Path -Leaf $processPath) -match '^dotnet(\.exe)?$') { $arguments += Join-Path $PSHOME 'pwsh.dll' }
        $arguments += '-NoProfile', '-NonInteractive', '-Command', "`$ErrorActionPreference = 'Stop'; $Script"
        Invoke-Isolated -FilePath $processPath -Arguments $arguments
    }

    $script:sandbox = Join-Path ([IO.Path]::GetTempPath()) "bizconf-install-$([guid]::NewGuid().ToString('n'))"
    $script:repository = Join-Path $script:sandbox 'repository'
    $script:windowsModules = Join-Path $script:sandbox 'modules'
    foreach ($folder in 'home', 'repository', 'nuget', 'tools', 'modules') {
        $null = New-Item -ItemType Directory -Path (Join-Path $script:sandbox $folder)
    }
    Copy-Item -LiteralPath $script:modulePackage, $script:toolPackage -Destination $script:repository
}

AfterAll {
    if ($script:installedEmulator -and -not $script:installedEmulator.HasExited) {
        Stop-Process -Id $script:installedEmulator.Id -Force -ErrorAction SilentlyContinue
        $null = $script:installedEmulator.WaitForExit(10000)
    }
    if ($script:sandbox) { Remove-Item -LiteralPath $script:sandbox -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'One version' {
    It 'is the version of Directory.Build.props in the changelog, the manifest and both packages' {
        (Get-LatestChangelogSection).Version | Should -Be $script:version
        (Import-PowerShellDataFile (Get-BizConfModulePath)).ModuleVersion | Should -Be $script:version
        ([xml](Read-PackageEntry $script:modulePackage 'BizConf.nuspec')).package.metadata.version | Should -Be $script:version
        ([xml](Read-PackageEntry $script:toolPackage 'BizConf.Emulator.nuspec')).package.metadata.version | Should -Be $script:version
    }
}

Describe 'The gallery package' {
    BeforeAll {
        $script:nuspec = ([xml](Read-PackageEntry $script:modulePackage 'BizConf.nuspec')).package.metadata
        $manifestText = Read-PackageEntry $script:modulePackage 'BizConf.psd1'
        $script:packedManifest = [scriptblock]::Create($manifestText).InvokeReturnAsIs()
    }

    It 'carries the licence, the release notes of the changelog and the tags' {
        $script:nuspec.id | Should -Be 'BizConf'
        $script:nuspec.licenseUrl | Should -Be 'https://opensource.org/license/mit'
        $script:nuspec.releaseNotes.Trim() -replace "`r", '' | Should -Be ((Get-LatestChangelogSection).Notes -replace "`r", '')
        $script:nuspec.tags -split ' ' | Should -Contain 'PSModule'
        $script:nuspec.tags -split ' ' | Should -Contain 'BizConf'
        $script:nuspec.tags -split ' ' | Should -Contain 'PSEdition_Desktop'
        Read-PackageEntry $script:modulePackage 'LICENSE' | Should -Match '^MIT License'
    }

    It 'has no empty key in its manifest' {
        $empty = [Collections.Generic.List[string]]::new()
        $walk = {
            param($table, $prefix)
            foreach ($key in $table.Keys) {
                $value = $table[$key]
                if ($value -is [hashtable]) { & $walk $value "$prefix$key." }
                elseif ($value -is [string] -and [string]::IsNullOrWhiteSpace($value)) { $empty.Add("$prefix$key") }
            }
        }
        & $walk $script:packedManifest ''
        $empty | Should -BeNullOrEmpty
        $script:packedManifest.PrivateData.PSData.ReleaseNotes | Should -Match '### Added'
    }

    It 'holds the whole built module folder' {
        $zip = [IO.Compression.ZipFile]::OpenRead($script:modulePackage)
        try { $entries = $zip.Entries.FullName } finally { $zip.Dispose() }
        $folder = Split-Path -Parent (Get-BizConfModulePath)
        $built = Get-ChildItem -LiteralPath $folder -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($folder, $_.FullName) -replace '\\', '/' }
        foreach ($file in $built) { $entries | Should -Contain $file }
    }
}

Describe 'The emulator tool package' {
    It 'is a .NET tool with the command bizconf-emulator' {
        $nuspec = ([xml](Read-PackageEntry $script:toolPackage 'BizConf.Emulator.nuspec')).package.metadata
        $nuspec.id | Should -Be 'BizConf.Emulator'
        $nuspec.packageTypes.packageType.name | Should -Be 'DotnetTool'
        $settings = [xml](Read-PackageEntry $script:toolPackage 'tools/net10.0/any/DotnetToolSettings.xml')
        $settings.DotNetCliTool.Commands.Command.Name | Should -Be 'bizconf-emulator'
    }
}

Describe 'Installed as a user would, offline' {
    BeforeAll {
        $literalRepository = $script:repository -replace "'", "''"
        # The module: a local file repository, Install-PSResource into the sandbox's CurrentUser scope. On Windows,
        # where that scope is the real user's Documents folder, Save-PSResource into the sandbox's module folder, and
        # the repository is unregistered again.
        $script:installed = if ($IsWindows) {
            $literalModules = $script:windowsModules -replace "'", "''"
            Invoke-SandboxPwsh ("Register-PSResourceRepository -Name BizConfLocal -Uri '$literalRepository' -Trusted; " +
                "try { Save-PSResource -Name BizConf -Version '$script:version' -Repository BizConfLocal -Path '$literalModules' } " +
                "finally { Unregister-PSResourceRepository -Name BizConfLocal }; '$literalModules'")
        }
        else {
            Invoke-SandboxPwsh ("Register-PSResourceRepository -Name BizConfLocal -Uri '$literalRepository' -Trusted; " +
                "Install-PSResource -Name BizConf -Version '$script:version' -Repository BizConfLocal -Scope CurrentUser; " +
                "(Get-InstalledPSResource -Name BizConf -Scope CurrentUser).InstalledLocation")
        }

        # The emulator: dotnet tool install from the same folder, with a NuGet configuration that knows only it and a
        # packages folder of its own (a stale copy of the same version in the machine's cache would hide a new one).
        $config = Join-Path $script:sandbox 'nuget.config'
        Set-Content -LiteralPath $config -Encoding utf8 -Value (@(
                '<?xml version="1.0" encoding="utf-8"?>'
                '<configuration><packageSources><clear />'
                "<add key=`"local`" value=`"$([Security.SecurityElement]::Escape($script:repository))`" />"
                '</packageSources></configuration>') -join "`n")
        $toolPath = Join-Path $script:sandbox 'tools'
        $script:toolInstall = Invoke-Isolated -FilePath 'dotnet' -Environment @{ NUGET_PACKAGES = (Join-Path $script:sandbox 'nuget') } -Arguments @(
            'tool', 'install', 'BizConf.Emulator', '--version', $script:version, '--tool-path', $toolPath, '--configfile', $config)

        $command = Join-Path $toolPath ($IsWindows ? 'bizconf-emulator.exe' : 'bizconf-emulator')
        $stdout = Join-Path $script:sandbox 'emulator-stdout.txt'
        $script:installedEmulator = Start-Process -FilePath $command -ArgumentList '--urls', 'http://127.0.0.1:0' -PassThru -NoNewWindow `
            -RedirectStandardOutput $stdout -RedirectStandardError (Join-Path $script:sandbox 'emulator-stderr.txt')
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        $script:readyLine = $null
        while (-not $script:readyLine -and -not $script:installedEmulator.HasExited -and [DateTime]::UtcNow -lt $deadline) {
            $script:readyLine = Get-Content -LiteralPath $stdout -ErrorAction SilentlyContinue | Select-Object -First 1
            if (-not $script:readyLine) { Start-Sleep -Milliseconds 100 }
        }
        $script:emulatorUri = ($script:readyLine -replace '^BizConf emulator listening on ', '').TrimEnd('/')
    }

    It 'installs the module into the sandbox' {
        $location = @($script:installed)[-1]
        $location | Should -BeLike "$script:sandbox*"
        Test-Path -LiteralPath (Join-Path $location "BizConf/$script:version/BizConf.psd1") | Should -BeTrue
    }

    It 'installs the tool, which prints the ready line of the emulator' {
        ($script:toolInstall -join "`n") | Should -Match "bizconf-emulator"
        $script:readyLine | Should -Match '^BizConf emulator listening on http://127\.0\.0\.1:\d+$'
    }

    It 'imports by name in a fresh pwsh, has help, and schedules a meeting on the installed emulator' {
        $script = @"
Import-Module BizConf
`$module = Get-Module BizConf
"base=`$(`$module.ModuleBase)"
"version=`$(`$module.Version)"
`$help = Get-Help New-BizConfMeeting
"synopsis=`$(`$help.Synopsis)"
"examples=`$(@(`$help.examples.example).Count)"
`$key = ConvertTo-SecureString -String 'demo-api-key' -AsPlainText -Force
Connect-BizConf -LoginName demo -ApiKey `$key -SiteSign demo-site -BaseUri '$script:emulatorUri' -MaxRetry 0
`$meeting = New-BizConfMeeting -Name 'Installed from the gallery package' -StartTime ([DateTimeOffset]::Now.AddDays(2)) -Duration 30
"meeting=`$(`$meeting.MeetingNumber)"
"@
        $lines = Invoke-SandboxPwsh $script
        $values = @{}
        foreach ($line in $lines) { if ($line -match '^(\w+)=(.*)$') { $values[$Matches[1]] = $Matches[2] } }

        $values.base | Should -BeLike "$script:sandbox*"
        $values.version | Should -Be $script:version
        $values.synopsis | Should -Match '\w+ \w+'
        $values.synopsis | Should -Not -Match 'New-BizConfMeeting \['
        [int]$values.examples | Should -BeGreaterOrEqual 2
        $values.meeting | Should -Match '^\d+$'

        # The request really reached the installed emulator, and it made the meeting.
        $created = @(Invoke-RestMethod -Uri "$script:emulatorUri/_emulator/requests" | ForEach-Object { $_ } |
                Where-Object endpoint -EQ 'confReservation')
        $created.Count | Should -Be 1
        $created[0].status | Should -Be 100
    }
}
