# What importing the module costs beyond PowerShell's own work: nothing of ours runs. Speed is measured, never asserted
# (tools/Measure-BizConfImport.ps1); this pins the causes: of the module's folder only its two own DLLs load (the
# client's, because cmdlet fields have its enum types; no JSON library, which PowerShell 7 brings itself anyway), and
# no cmdlet's parameter metadata is built (which would create its attributes, completers and transformations).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
}

Describe 'Importing the module' {
    It 'loads only the module own two DLLs from its folder and builds no parameter metadata of its cmdlets' {
        $path = (Get-BizConfModulePath) -replace "'", "''"
        # PowerShell caches each cmdlet type's parameter metadata the first time it needs it; the cache is internal, so
        # it is read by reflection and its keys are type names.
        $script = '$field = [Management.Automation.CommandMetadata].GetField(''s_commandMetadataCache'', [Reflection.BindingFlags]''NonPublic,Static''); ' +
            "Import-Module '$path'; " +
            '$folder = Split-Path (Get-Module BizConf).Path; ' +
            '$loaded = ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.Location -and (Split-Path $_.Location) -eq $folder } | ForEach-Object { $_.GetName().Name } | Sort-Object) -join '',''; ' +
            '$cached = @($field.GetValue($null).Keys | ForEach-Object { "$_" } | Where-Object { $_ -like ''BizConf.*'' }); ' +
            '"loaded=$loaded|metadata=$($cached.Count)|field=$($null -ne $field)"; ' +
            '$null = Get-Command New-BizConfMeeting -Syntax; ' +
            '$cached = @($field.GetValue($null).Keys | ForEach-Object { "$_" } | Where-Object { $_ -like ''BizConf.*'' }); ' +
            '"after=$($cached.Count)"'
        $processPath = [Environment]::ProcessPath
        $arguments = @()
        if ((Split-Path -Leaf $processPath) -match '^dotnet(\.exe)?$') { $arguments += Join-Path $PSHOME 'pwsh.dll' }
        $output = @(& $processPath @arguments -NoProfile -NonInteractive -Command $script)
        $LASTEXITCODE | Should -Be 0
        $output[-2] | Should -Be 'loaded=BizConf.Client,BizConf.PowerShell|metadata=0|field=True'
        # The probe itself sees metadata once a cmdlet is looked at closely, so the 0 above means something.
        $output[-1] | Should -Be 'after=1'
    }
}

Describe 'Table views, loaded on first use' {
    It 'are not loaded by Import-Module, and are in place once a cmdlet of the module has run' {
        $path = (Get-BizConfModulePath) -replace "'", "''"
        $script = "Import-Module '$path'; " +
            '"manifest=$(@((Import-PowerShellDataFile ''' + $path + ''').Keys) -contains ''FormatsToProcess'')"; ' +
            '"before=$(@(Get-FormatData -TypeName BizConf.Meeting).Count)"; ' +
            '$link = Get-BizConfMeetingLink -MeetingNumber 1234567890 -DisplayName Ann; ' +
            '"after=$(@(Get-FormatData -TypeName BizConf.Meeting).Count),$(@(Get-FormatData -TypeName BizConf.MeetingLink).Count)"; ' +
            '$null = Get-BizConfMeetingLink -MeetingNumber 1234567890; ' +
            '"again=$(@(Get-FormatData -TypeName BizConf.Meeting).Count)"; ' +
            '($link | Out-String -Width 200).Trim().Split([char]10)[0].Trim()'
        $processPath = [Environment]::ProcessPath
        $arguments = @()
        if ((Split-Path -Leaf $processPath) -match '^dotnet(\.exe)?$') { $arguments += Join-Path $PSHOME 'pwsh.dll' }
        $output = @(& $processPath @arguments -NoProfile -NonInteractive -Command $script)
        $LASTEXITCODE | Should -Be 0
        $output[0] | Should -Be 'manifest=False'
        $output[1] | Should -Be 'before=0'
        $output[2] | Should -Be 'after=1,1'
        $output[3] | Should -Be 'again=1'
        # The MeetingLink table view's header (PowerShell's default for four properties would start with MeetingNumber).
        $output[4] | Should -Match '^DisplayName\s+Role\s+Uri$'
    }
}
