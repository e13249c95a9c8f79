# The .NET Framework part of the module (Windows PowerShell 5.1) must leave PowerShell 7 as it was. Its decisions are
# unit-tested in tests/BizConf.PowerShell.Tests, with the metadata proof of the shipped DLLs; no Windows runner here.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
}

Describe 'The module initializer on PowerShell 7' {
    It 'is declared for import and removal, and changes no network setting of the process' {
        $path = (Get-BizConfModulePath) -replace "'", "''"
        $script = '$before = "$([Net.ServicePointManager]::SecurityProtocol)/$([Net.ServicePointManager]::DefaultConnectionLimit)"; ' +
            "Import-Module '$path'; " +
            '$after = "$([Net.ServicePointManager]::SecurityProtocol)/$([Net.ServicePointManager]::DefaultConnectionLimit)"; ' +
            '$type = [BizConf.PowerShell.ModuleInitializer]; ' +
            '"$before|$after|$([Management.Automation.IModuleAssemblyInitializer].IsAssignableFrom($type))|$([Management.Automation.IModuleAssemblyCleanup].IsAssignableFrom($type))"'
        $processPath = [Environment]::ProcessPath
        $arguments = @()
        if ((Split-Path -Leaf $processPath) -match '^dotnet(\.exe)?$') { $arguments += Join-Path $PSHOME 'pwsh.dll' }
        $output = & $processPath @arguments -NoProfile -NonInteractive -Command $script
        $LASTEXITCODE | Should -Be 0
        $before, $after, $initializer, $cleanup = (@($output)[-1]) -split '\|'
        $after | Should -Be $before
        $initializer | Should -Be 'True'
        $cleanup | Should -Be 'True'
    }
}
