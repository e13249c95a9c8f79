#Requires -Version 7.2

<#
.SYNOPSIS
    Generates the BizConf help files (MAML cmdlet help and about_ text) from docs/*.md.

.DESCRIPTION
    Imports the built BizConf module into the current process and, for every cmdlet it
    exports, combines two sources:

      * facts (syntax, parameter sets, types, mandatory/position, pipeline input, aliases,
        ValidateSet values, default parameter set, OutputType) come from the cmdlet metadata;
      * prose (synopsis, description, examples, parameter descriptions, inputs, outputs,
        notes, related links) comes from docs/<Cmdlet-Name>.md (see docs/_template.md).

    The result is written as <OutputPath>/<assembly>.dll-Help.xml, the file Get-Help looks
    for next to a binary module's DLL. Every docs/about_*.md is converted to
    <OutputPath>/about_*.help.txt.

    The docs are checked first. If anything is missing or wrong, every problem is listed in
    one terminating error and nothing is written, so the build stops.

    The output is deterministic: the same module and docs always give the same bytes
    (UTF-8, LF line endings, fixed ordering).

.PARAMETER ModuleManifest
    Path to the built module manifest, e.g. out/BizConf/BizConf.psd1.

.PARAMETER DocsPath
    Folder holding the markdown pages, e.g. docs.

.PARAMETER OutputPath
    Folder to write the help files into, e.g. out/BizConf/en-US. Created if missing.

.EXAMPLE
    pwsh -NoProfile -File tools/New-BizConfHelp.ps1 -ModuleManifest out/BizConf/BizConf.psd1 -DocsPath docs -OutputPath out/BizConf/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$MamlNs    = 'http://schemas.microsoft.com/maml/2004/10'
$CommandNs = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$DevNs     = 'http://schemas.microsoft.com/maml/dev/2004/10'
$MshNs     = 'http://msh'

# Get-Help shows these for every cmdlet as <CommonParameters>; they are never documented per page.
# UseTransaction is an "optional common" parameter like WhatIf/Confirm but is obsolete; treat it as common.
$CommonParameterNames = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($n in [System.Management.Automation.PSCmdlet]::CommonParameters) { [void]$CommonParameterNames.Add($n) }
[void]$CommonParameterNames.Add('UseTransaction')

# WhatIf/Confirm come from SupportsShouldProcess. Pages may describe them, but need not:
# these standard texts are used otherwise.
$ShouldProcessText = [ordered]@{
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
}

$KnownSections = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')

#region Markdown reading ---------------------------------------------------------------

function ConvertFrom-InlineMarkdown {
    # Turns inline markdown into plain text: code spans, links, emphasis and escapes.
    param([string] $Text)

    # Code spans first, parked behind placeholders, so that * and _ inside them (Get-*, $my_var)
    # are not mistaken for emphasis. U+E000 is a private-use character that never occurs in docs.
    $spans = [System.Collections.Generic.List[string]]::new()
    $Text = [regex]::Replace($Text, '(`+)(.+?)\1', {
            param($m)
            $spans.Add($m.Groups[2].Value.Trim())
            "`u{E000}$($spans.Count - 1)`u{E000}"
        })

    # Images and links: keep the text; keep web addresses visible when they differ from the text,
    # because plain-text help has no way to follow a hidden link.
    $Text = [regex]::Replace($Text, '!?\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)', {
            param($m)
            $label = $m.Groups[1].Value; $url = $m.Groups[2].Value
            if ($url -match '^https?://' -and $url -ne $label) { "$label ($url)" } else { $label }
        })
    $Text = [regex]::Replace($Text, '<(https?://[^>\s]+)>', '$1')

    # Emphasis. Underscores only count at word edges, so about_BizConf stays intact.
    $Text = [regex]::Replace($Text, '\*\*(?=\S)(.+?)(?<=\S)\*\*', '$1')
    $Text = [regex]::Replace($Text, '(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)', '$1')
    $Text = [regex]::Replace($Text, '(?<![\w*\\])\*(?=\S)(.+?)(?<=[^\s\\])\*(?![\w*])', '$1')
    $Text = [regex]::Replace($Text, '(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)', '$1')

    # Backslash escapes (\* \_ \[ ...) become the bare character.
    $Text = [regex]::Replace($Text, '\\([\\`*_{}\[\]()#+\-.!<>|])', '$1')

    [regex]::Replace($Text, "`u{E000}(\d+)`u{E000}", { param($m) $spans[[int]$m.Groups[1].Value] })
}

function Read-MarkdownBlock {
    <#
    Splits markdown text into a flat list of blocks:
      Heading (Level, Text) | Para (Text) | List (Items) | Code (Lang, Text)
    Only the subset of markdown the docs use is understood. HTML comments are dropped, which
    lets the template carry notes for authors that never reach the help.
    #>
    param([string] $Path)

    $lines = [System.IO.File]::ReadAllText($Path, [System.Text.Encoding]::UTF8) -split '\r?\n'
    $blocks = [System.Collections.Generic.List[object]]::new()
    $para = [System.Collections.Generic.List[string]]::new()
    $items = [System.Collections.Generic.List[string]]::new()
    $code = $null          # List[string] while inside a fenced code block
    $fence = $null; $fenceIndent = 0; $lang = ''
    $inComment = $false

    # Dot-sourced (". $flush") so that it works on this function's variables.
    $flush = {
        if ($para.Count) {
            $blocks.Add([pscustomobject]@{ Kind = 'Para'; Text = (ConvertFrom-InlineMarkdown (($para | ForEach-Object Trim) -join ' ')) })
            $para.Clear()
        }
        if ($items.Count) {
            $blocks.Add([pscustomobject]@{ Kind = 'List'; Items = @($items | ForEach-Object { ConvertFrom-InlineMarkdown $_ }) })
            $items.Clear()
        }
    }

    foreach ($raw in $lines) {
        $line = $raw.TrimEnd()

        if ($null -ne $code) {
            if ($line -match '^\s*(`{3,}|~{3,})\s*$' -and $Matches[1][0] -eq $fence[0] -and $Matches[1].Length -ge $fence.Length) {
                $blocks.Add([pscustomobject]@{ Kind = 'Code'; Lang = $lang; Text = ($code -join "`n").Trim("`n") })
                $code = $null
            }
            else {
                # Remove the fence's own indentation (fences nested in list items are indented).
                $strip = [Math]::Min($fenceIndent, $line.Length - $line.TrimStart().Length)
                $code.Add($line.Substring($strip))
            }
            continue
        }

        # Drop HTML comments, including ones spanning several lines.
        if ($inComment) {
            $end = $line.IndexOf('-->')
            if ($end -lt 0) { continue }
            $line = $line.Substring($end + 3); $inComment = $false
        }
        $line = [regex]::Replace($line, '<!--.*?-->', '')
        $start = $line.IndexOf('<!--')
        if ($start -ge 0) { $line = $line.Substring(0, $start); $inComment = $true }
        if ($inComment -and -not $line.Trim()) { continue }

        if ($line -match '^(\s*)(`{3,}|~{3,})\s*([\w+#.-]*)') {
            . $flush
            $fenceIndent = $Matches[1].Length; $fence = $Matches[2]; $lang = $Matches[3]
            $code = [System.Collections.Generic.List[string]]::new()
        }
        elseif ($line -match '^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$') {
            . $flush
            $blocks.Add([pscustomobject]@{ Kind = 'Heading'; Level = $Matches[1].Length; Text = $Matches[2].Trim() })
        }
        elseif (-not $line.Trim()) {
            . $flush
        }
        elseif ($line -match '^\s*(?:[-*+]|\d+[.)])\s+(.*)$') {
            if ($para.Count) { . $flush }
            $items.Add($Matches[1])
        }
        elseif ($items.Count) {
            # Continuation line of the current list item.
            $items[$items.Count - 1] += ' ' + $line.Trim()
        }
        else {
            $para.Add($line)
        }
    }
    if ($null -ne $code) {
        # An unclosed fence: keep what there is rather than silently losing it.
        $blocks.Add([pscustomobject]@{ Kind = 'Code'; Lang = $lang; Text = ($code -join "`n").Trim("`n") })
    }
    . $flush
    $blocks
}

function ConvertTo-Paragraph {
    # A block of prose as a MAML paragraph. Get-Help keeps line breaks inside a <maml:para>,
    # so a list becomes one paragraph with one "- item" line per item (no blank lines between
    # items), and a code block is kept verbatim.
    param($Block)
    switch ($Block.Kind) {
        'Para' { $Block.Text }
        'List' { ($Block.Items | ForEach-Object { "- $_" }) -join "`n" }
        'Code' { $Block.Text }
    }
}

function Read-CmdletPage {
    # Reads one docs/<Cmdlet-Name>.md into a structured object (no validation here).
    param([string] $Path)

    $page = [pscustomobject]@{
        Path          = $Path
        Title         = $null
        Synopsis      = [System.Collections.Generic.List[string]]::new()
        Description   = [System.Collections.Generic.List[string]]::new()
        Examples      = [System.Collections.Generic.List[object]]::new()
        Parameters    = [System.Collections.Generic.List[object]]::new()
        Inputs        = [System.Collections.Generic.List[object]]::new()
        Outputs       = [System.Collections.Generic.List[object]]::new()
        Notes         = [System.Collections.Generic.List[string]]::new()
        Links         = [System.Collections.Generic.List[object]]::new()
        Sections      = [System.Collections.Generic.List[string]]::new()
        ExtraHeadings = [System.Collections.Generic.List[string]]::new()
    }

    $section = $null   # current H2, upper-cased
    $current = $null   # current H3 item inside EXAMPLES / PARAMETERS / INPUTS / OUTPUTS

    foreach ($b in Read-MarkdownBlock $Path) {
        if ($b.Kind -eq 'Heading' -and $b.Level -eq 1) {
            if ($null -eq $page.Title) { $page.Title = $b.Text } else { $page.ExtraHeadings.Add("# $($b.Text)") }
            $section = $null; $current = $null
            continue
        }
        if ($b.Kind -eq 'Heading' -and $b.Level -eq 2) {
            $section = $b.Text.ToUpperInvariant(); $current = $null
            $page.Sections.Add($section)
            continue
        }
        if ($b.Kind -eq 'Heading' -and $b.Level -eq 3 -and $section -in 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS') {
            $text = ConvertFrom-InlineMarkdown $b.Text
            switch ($section) {
                'EXAMPLES' {
                    $current = [pscustomobject]@{ Title = $text; Code = $null; Remarks = [System.Collections.Generic.List[string]]::new() }
                    $page.Examples.Add($current)
                }
                'PARAMETERS' {
                    # "### CommonParameters" (platyPS habit) is accepted and ignored.
                    $name = $text.TrimStart('-').Trim()
                    if ($name -eq 'CommonParameters') { $current = $null }
                    else {
                        $current = [pscustomobject]@{ Name = $name; Paras = [System.Collections.Generic.List[string]]::new() }
                        $page.Parameters.Add($current)
                    }
                }
                default {
                    $current = [pscustomobject]@{ Name = $text; Paras = [System.Collections.Generic.List[string]]::new() }
                    if ($section -eq 'INPUTS') { $page.Inputs.Add($current) } else { $page.Outputs.Add($current) }
                }
            }
            continue
        }

        # Deeper headings inside prose sections are kept as a line of text.
        $block = if ($b.Kind -eq 'Heading') { [pscustomobject]@{ Kind = 'Para'; Text = (ConvertFrom-InlineMarkdown $b.Text) } } else { $b }

        switch ($section) {
            'SYNOPSIS' { ConvertTo-Paragraph $block | ForEach-Object { $page.Synopsis.Add($_) } }
            'DESCRIPTION' { ConvertTo-Paragraph $block | ForEach-Object { $page.Description.Add($_) } }
            'NOTES' { ConvertTo-Paragraph $block | ForEach-Object { $page.Notes.Add($_) } }
            'EXAMPLES' {
                if ($null -eq $current) { break }
                # The first code block is the example itself; everything else (including
                # further code blocks, e.g. sample output) belongs to the remarks.
                if ($block.Kind -eq 'Code' -and $null -eq $current.Code) { $current.Code = $block.Text }
                else { ConvertTo-Paragraph $block | ForEach-Object { $current.Remarks.Add($_) } }
            }
            'PARAMETERS' {
                # platyPS-style ```yaml fact blocks are ignored: facts come from the metadata.
                if ($null -eq $current -or ($block.Kind -eq 'Code' -and $block.Lang -eq 'yaml')) { break }
                ConvertTo-Paragraph $block | ForEach-Object { $current.Paras.Add($_) }
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                if ($null -ne $current) { ConvertTo-Paragraph $block | ForEach-Object { $current.Paras.Add($_) } }
            }
            'RELATED LINKS' {
                $entries = if ($block.Kind -eq 'List') { $block.Items } elseif ($block.Kind -eq 'Para') { , $block.Text } else { @() }
                foreach ($entry in $entries) {
                    # The inline conversion already turned "[text](url)" into "text" or "text (url)".
                    if ($entry -match '^(.*?)\s*\((https?://\S+)\)$') { $page.Links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] }) }
                    elseif ($entry -match '^https?://\S+$') { $page.Links.Add([pscustomobject]@{ Text = $entry; Uri = $entry }) }
                    else { $page.Links.Add([pscustomobject]@{ Text = $entry; Uri = '' }) }
                }
            }
        }
    }
    $page
}

#endregion

#region Cmdlet metadata ------------------------------------------------------------------

function Select-OrdinalSorted {
    # Sorts by a string key with ordinal comparison. Sort-Object compares with culture rules,
    # which could order names differently on another machine; the output must not change.
    param([Parameter(ValueFromPipeline)] $InputObject, [scriptblock] $Key = { $_ }, [switch] $IgnoreCase)
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { if ($null -ne $InputObject) { $items.Add($InputObject) } }
    end {
        $array = $items.ToArray()
        [string[]] $keys = @($array | ForEach-Object $Key)
        # The casts pick the non-generic overload: with the generic one, PowerShell converts
        # $array into a temporary copy, which gets sorted instead of $array.
        $comparer = $IgnoreCase ? [StringComparer]::OrdinalIgnoreCase : [StringComparer]::Ordinal
        [Array]::Sort([Array]$keys, [Array]$array, [System.Collections.IComparer]$comparer)
        $array
    }
}

function Get-FriendlyTypeName {
    # "String", "Int32", "String[]", "SwitchParameter", "BizConf.Meeting", "List[String]".
    # Types from System.* namespaces are well known and shown by short name; our own types keep
    # their namespace so readers can tell BizConf.Meeting from some other Meeting.
    # -Full always keeps the namespace (used for INPUTS/OUTPUTS, by convention).
    param([type] $Type, [switch] $Full)

    if ($Type.IsArray) {
        return (Get-FriendlyTypeName $Type.GetElementType() -Full:$Full) + '[' + (',' * ($Type.GetArrayRank() - 1)) + ']'
    }
    # int? is passed as an int; "Nullable`1[...]" would only confuse readers.
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-FriendlyTypeName $underlying -Full:$Full }

    $isSystem = $Type.Namespace -and ($Type.Namespace -eq 'System' -or $Type.Namespace.StartsWith('System.'))
    $name = if ($Full -or -not $isSystem) { ($Type.FullName ?? $Type.Name) -replace '\+', '.' } else { $Type.Name }
    if ($Type.IsGenericType) {
        $name = ($name -replace '`\d+.*$', '')
        $arguments = $Type.GetGenericArguments() | ForEach-Object { Get-FriendlyTypeName $_ -Full:$Full }
        $name = "$name[$($arguments -join ',')]"
    }
    $name
}

function Get-ParameterFact {
    <#
    Collects, per documented parameter (common ones excluded), what the metadata says:
    its type, aliases, wildcard support, allowed values and, per parameter set, whether it is
    mandatory, its position and how it takes pipeline input.
    #>
    param([System.Management.Automation.CommandInfo] $Command)

    $facts = [ordered]@{}
    foreach ($set in $Command.ParameterSets) {
        foreach ($p in $set.Parameters) {
            if ($CommonParameterNames.Contains($p.Name)) { continue }
            # [Parameter(DontShow)] hides a parameter from users (tab completion, Get-Help syntax),
            # e.g. a hidden pipeline InputObject; so it is neither documented nor required.
            if ($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) { continue }
            if (-not $facts.Contains($p.Name)) {
                $valueType = $p.ParameterType
                if ($valueType.IsArray) { $valueType = $valueType.GetElementType() }
                $valueType = [Nullable]::GetUnderlyingType($valueType) ?? $valueType

                $validateSet = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
                # (Assigned in branches: "$x = if ..." would unroll an empty array into $null.)
                [string[]] $values = @()
                if ($validateSet) { $values = $validateSet.ValidValues }
                elseif ($valueType.IsEnum) { $values = [enum]::GetNames($valueType) }

                $facts[$p.Name] = [pscustomobject]@{
                    Name        = $p.Name
                    Type        = $p.ParameterType
                    TypeName    = Get-FriendlyTypeName $p.ParameterType
                    IsSwitch    = $p.ParameterType -eq [System.Management.Automation.SwitchParameter]
                    Aliases     = @($p.Aliases | Select-OrdinalSorted -IgnoreCase)
                    Globbing    = [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                    ValidValues = $values
                    Sets        = [System.Collections.Generic.List[object]]::new()
                }
            }
            $facts[$p.Name].Sets.Add([pscustomobject]@{
                    SetName   = $set.Name
                    Mandatory = $p.IsMandatory
                    Position  = $p.Position     # Int32.MinValue when named
                    ByValue   = $p.ValueFromPipeline
                    ByName    = $p.ValueFromPipelineByPropertyName
                })
        }
    }
    $facts
}

function Format-PipelineInput {
    param([bool] $ByValue, [bool] $ByName)
    $kinds = @(if ($ByValue) { 'ByValue' }; if ($ByName) { 'ByPropertyName' })
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Format-Position {
    param([int] $Position)
    if ($Position -lt 0) { 'named' } else { [string]$Position }
}

function Get-DefaultValueText {
    <#
    Reads a parameter's real default from a fresh instance of the cmdlet class: binary cmdlets
    initialise their defaults in the property initialisers. Only simple values are shown;
    anything else (objects, unset value types such as a zero DateTimeOffset) reads "None".
    #>
    param($Instance, $Fact)

    if ($Fact.IsSwitch) { return 'False' }
    if ($null -eq $Instance -or @($Fact.Sets | Where-Object { -not $_.Mandatory }).Count -eq 0) { return 'None' }
    $property = $Instance.GetType().GetProperty($Fact.Name, [System.Reflection.BindingFlags]'Public, Instance, IgnoreCase')
    if (-not $property -or -not $property.CanRead) { return 'None' }
    try { $value = $property.GetValue($Instance) } catch { return 'None' }

    $inv = [System.Globalization.CultureInfo]::InvariantCulture
    if ($null -eq $value) { return 'None' }
    if ($value -is [string]) { return ($value ? $value : 'None') }
    if ($value -is [bool] -or $value -is [enum]) { return [string]$value }
    if ($value.GetType().IsPrimitive -or $value -is [decimal]) { return $value.ToString($inv) }
    if ($value -is [array] -and $value.Length -gt 0 -and @($value | Where-Object { $_ -is [string] -or $_ -is [enum] -or $_.GetType().IsPrimitive }).Count -eq $value.Length) {
        return (($value | ForEach-Object { [string]$_ }) -join ', ')
    }
    if ($value -is [timespan] -and $value -ne [timespan]::Zero) { return $value.ToString('c', $inv) }
    'None'
}

#endregion

#region Validation ---------------------------------------------------------------------

function Test-CmdletPage {
    # Returns one message per problem; an empty result means the page is good.
    param($Page, [System.Management.Automation.CommandInfo] $Command, $Facts)

    $file = Split-Path -Leaf $Page.Path
    $problems = [System.Collections.Generic.List[string]]::new()
    $add = { param($message) $problems.Add("${file}: $message") }

    if ($Page.Title -ne $Command.Name) { & $add "the first heading must be '# $($Command.Name)' (found '$($Page.Title)')" }
    foreach ($h in $Page.ExtraHeadings) { & $add "only one top-level heading is allowed (found '$h')" }
    foreach ($s in $Page.Sections) {
        if ($s -notin $KnownSections) { & $add "unknown section '## $s' (expected: $($KnownSections -join ', '))" }
    }
    foreach ($s in $Page.Sections | Group-Object | Where-Object Count -gt 1) { & $add "section '## $($s.Name)' appears $($s.Count) times" }

    if (-not ($Page.Synopsis -join '').Trim()) { & $add 'SYNOPSIS is missing or empty' }
    if (-not ($Page.Description -join '').Trim()) { & $add 'DESCRIPTION is missing or empty' }

    if ($Page.Examples.Count -lt 2) { & $add "at least two examples are required under '## EXAMPLES' (found $($Page.Examples.Count))" }
    $i = 0
    foreach ($e in $Page.Examples) {
        $i++
        if (-not "$($e.Code)".Trim()) { & $add "example $i ('$($e.Title)') has no code block" }
    }

    # Parameters: every metadata parameter described, nothing described that does not exist.
    $documented = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    foreach ($p in $Page.Parameters) {
        if (-not $documented.Add($p.Name)) { & $add "parameter -$($p.Name) is described more than once"; continue }
        if (-not $Facts.Contains($p.Name)) {
            $hint = ($Facts.Values | Where-Object { $_.Aliases -contains $p.Name } | Select-Object -First 1)
            $extra = if ($hint) { " ('$($p.Name)' is an alias of -$($hint.Name); document the parameter under its real name)" } else { '' }
            & $add "documents parameter -$($p.Name), which $($Command.Name) does not have$extra"
        }
        elseif (-not ($p.Paras -join '').Trim()) { & $add "parameter -$($p.Name) has an empty description" }
    }
    foreach ($name in $Facts.Keys) {
        if ($ShouldProcessText.Contains($name)) { continue }
        if (-not $documented.Contains($name)) { & $add "parameter -$name has no description (add '### -$name' under '## PARAMETERS')" }
    }

    # Placeholders left over from docs/_template.md ({{ ... }}) must not ship. Code is exempt.
    $prose = @($Page.Synopsis) + @($Page.Description) + @($Page.Notes) +
        @($Page.Examples | ForEach-Object { $_.Title; $_.Remarks }) +
        @($Page.Parameters | ForEach-Object { $_.Paras }) +
        @($Page.Inputs + $Page.Outputs | ForEach-Object { $_.Name; $_.Paras })
    if ($prose | Where-Object { $_ -match '\{\{.*?\}\}' }) { & $add 'still contains template placeholders ({{ ... }})' }

    $problems
}

#endregion

#region MAML writing ---------------------------------------------------------------------

function Write-Para {
    # <maml:description> (or other container) with one <maml:para> per paragraph.
    param([System.Xml.XmlWriter] $W, [string] $Prefix, [string] $LocalName, [string] $Ns, [string[]] $Paras)
    $W.WriteStartElement($Prefix, $LocalName, $Ns)
    $list = @($Paras | Where-Object { $null -ne $_ })
    if (-not $list) { $list = @('') }
    foreach ($para in $list) { $W.WriteElementString('maml', 'para', $MamlNs, $para) }
    $W.WriteEndElement()
}

function Write-MamlParameter {
    param(
        [System.Xml.XmlWriter] $W, $Fact, [string[]] $Description,
        [bool] $Required, [string] $Position, [string] $PipelineInput, [string] $DefaultValue,
        [switch] $InSyntax
    )
    $W.WriteStartElement('command', 'parameter', $CommandNs)
    $W.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', $Fact.Type.IsArray.ToString().ToLowerInvariant())
    $W.WriteAttributeString('globbing', $Fact.Globbing.ToString().ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', $PipelineInput)
    $W.WriteAttributeString('position', $Position)
    $W.WriteAttributeString('aliases', ($Fact.Aliases ? ($Fact.Aliases -join ', ') : 'none'))
    $W.WriteElementString('maml', 'name', $MamlNs, $Fact.Name)
    Write-Para $W 'maml' 'description' $MamlNs $Description

    if ($InSyntax) {
        # In syntax, Get-Help prints "-Kind {A | B}" from a value group, "-Name <String>" from a
        # parameterValue, and a bare "-Force" for switches (which therefore get no value element).
        if ($Fact.ValidValues.Count) {
            $W.WriteStartElement('command', 'parameterValueGroup', $CommandNs)
            foreach ($v in $Fact.ValidValues) {
                $W.WriteStartElement('command', 'parameterValue', $CommandNs)
                $W.WriteAttributeString('required', 'false')
                $W.WriteAttributeString('variableLength', 'false')
                $W.WriteString($v)
                $W.WriteEndElement()
            }
            $W.WriteEndElement()
        }
        elseif (-not $Fact.IsSwitch) {
            $W.WriteStartElement('command', 'parameterValue', $CommandNs)
            $W.WriteAttributeString('required', 'true')
            $W.WriteAttributeString('variableLength', $Fact.Type.IsArray.ToString().ToLowerInvariant())
            $W.WriteString($Fact.TypeName)
            $W.WriteEndElement()
        }
    }
    else {
        # In the PARAMETERS list a switch is shown as "-Force [<SwitchParameter>]" (value optional).
        $W.WriteStartElement('command', 'parameterValue', $CommandNs)
        $W.WriteAttributeString('required', (-not $Fact.IsSwitch).ToString().ToLowerInvariant())
        $W.WriteAttributeString('variableLength', $Fact.Type.IsArray.ToString().ToLowerInvariant())
        $W.WriteString($Fact.TypeName)
        $W.WriteEndElement()
    }

    $W.WriteStartElement('dev', 'type', $DevNs)
    $W.WriteElementString('maml', 'name', $MamlNs, $Fact.TypeName)
    $W.WriteElementString('maml', 'uri', $MamlNs, '')
    $W.WriteEndElement()
    $W.WriteElementString('dev', 'defaultValue', $DevNs, $DefaultValue)
    $W.WriteEndElement()
}

function Get-TypeEntry {
    <#
    INPUTS/OUTPUTS: the types come from the metadata (pipeline parameters' types, OutputType),
    their descriptions from the page's "### TypeName" entries. A page entry matches a metadata
    type by full or short name, with or without []. Page-only entries (e.g. "None" or a type the
    metadata cannot express) are kept after the metadata ones.
    #>
    param([string[]] $MetadataTypes, $PageEntries, [string] $What, [string] $File)

    $key = { param($n) ($n -replace '\[\]$', '' -replace '^System\.', '').ToLowerInvariant() }
    $used = [System.Collections.Generic.HashSet[object]]::new()
    $result = [System.Collections.Generic.List[object]]::new()
    foreach ($t in $MetadataTypes) {
        $k = & $key $t
        $match = $PageEntries | Where-Object { -not $used.Contains($_) -and ((& $key $_.Name) -eq $k -or (& $key $_.Name) -eq ($k -replace '^.*\.', '')) } | Select-Object -First 1
        if ($match) { [void]$used.Add($match) }
        $result.Add([pscustomobject]@{ Name = $t; Paras = @($match ? $match.Paras : @()) })
    }
    foreach ($e in $PageEntries) {
        if ($used.Contains($e)) { continue }
        if ($e.Name -eq 'None' -and $MetadataTypes) {
            Write-Warning "${File}: $What says 'None' but the cmdlet metadata lists $($MetadataTypes -join ', '); ignoring it."
            continue
        }
        if ($MetadataTypes) { Write-Warning "${File}: $What entry '$($e.Name)' does not match the cmdlet metadata ($($MetadataTypes -join ', '))." }
        $result.Add([pscustomobject]@{ Name = $e.Name; Paras = @($e.Paras) })
    }
    if (-not $result.Count) { $result.Add([pscustomobject]@{ Name = 'None'; Paras = @() }) }
    $result
}

function Write-MamlCommand {
    param([System.Xml.XmlWriter] $W, [System.Management.Automation.CmdletInfo] $Command, $Page, $Facts)

    $file = Split-Path -Leaf $Page.Path
    $descriptionOf = @{}
    foreach ($p in $Page.Parameters) { if ($Facts.Contains($p.Name)) { $descriptionOf[$Facts[$p.Name].Name] = @($p.Paras) } }
    foreach ($name in $ShouldProcessText.Keys) {
        if ($Facts.Contains($name) -and -not $descriptionOf.ContainsKey($name)) { $descriptionOf[$name] = @($ShouldProcessText[$name]) }
    }

    $instance = $null
    try { $instance = [Activator]::CreateInstance($Command.ImplementingType) } catch { Write-Verbose "No default values for $($Command.Name): $_" }

    $W.WriteStartElement('command', 'command', $CommandNs)
    $W.WriteAttributeString('xmlns', 'maml', $null, $MamlNs)
    $W.WriteAttributeString('xmlns', 'command', $null, $CommandNs)
    $W.WriteAttributeString('xmlns', 'dev', $null, $DevNs)

    $W.WriteStartElement('command', 'details', $CommandNs)
    $W.WriteElementString('command', 'name', $CommandNs, $Command.Name)
    $W.WriteElementString('command', 'verb', $CommandNs, $Command.Verb)
    $W.WriteElementString('command', 'noun', $CommandNs, $Command.Noun)
    Write-Para $W 'maml' 'description' $MamlNs (($Page.Synopsis -join ' ').Trim())
    $W.WriteEndElement()

    Write-Para $W 'maml' 'description' $MamlNs $Page.Description

    # SYNTAX: one item per parameter set, default set first (as Get-Command -Syntax does),
    # parameters ordered positional first, then mandatory, then optional; WhatIf/Confirm last.
    $W.WriteStartElement('command', 'syntax', $CommandNs)
    $sets = @($Command.ParameterSets | Where-Object IsDefault) + @($Command.ParameterSets | Where-Object { -not $_.IsDefault })
    foreach ($set in $sets) {
        $W.WriteStartElement('command', 'syntaxItem', $CommandNs)
        $W.WriteElementString('maml', 'name', $MamlNs, $Command.Name)
        $ordered = $set.Parameters |
            Where-Object { $Facts.Contains($_.Name) } |
            Sort-Object -Stable -Property @(
                @{ Expression = { if ($ShouldProcessText.Contains($_.Name)) { 3 } elseif ($_.Position -ge 0) { 0 } elseif ($_.IsMandatory) { 1 } else { 2 } } },
                @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { 0 } } })
        foreach ($p in $ordered) {
            Write-MamlParameter $W $Facts[$p.Name] $descriptionOf[$p.Name] -InSyntax `
                -Required $p.IsMandatory -Position (Format-Position $p.Position) `
                -PipelineInput (Format-PipelineInput $p.ValueFromPipeline $p.ValueFromPipelineByPropertyName) `
                -DefaultValue 'None'
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # PARAMETERS: alphabetical, WhatIf/Confirm at the end. A parameter can be mandatory or
    # positional in one set only; MAML has one entry per parameter, so it is "required" only
    # when mandatory everywhere, and its position is the one from the first set that has one.
    $W.WriteStartElement('command', 'parameters', $CommandNs)
    $names = @($Facts.Keys | Where-Object { -not $ShouldProcessText.Contains($_) } | Select-OrdinalSorted -IgnoreCase) +
        @($ShouldProcessText.Keys | Where-Object { $Facts.Contains($_) })
    foreach ($name in $names) {
        $fact = $Facts[$name]
        $positioned = $fact.Sets | Where-Object Position -ge 0 | Select-Object -First 1
        Write-MamlParameter $W $fact $descriptionOf[$name] `
            -Required (-not ($fact.Sets | Where-Object { -not $_.Mandatory })) `
            -Position (Format-Position ($positioned ? $positioned.Position : -1)) `
            -PipelineInput (Format-PipelineInput ([bool]($fact.Sets | Where-Object ByValue)) ([bool]($fact.Sets | Where-Object ByName))) `
            -DefaultValue (Get-DefaultValueText $instance $fact)
    }
    $W.WriteEndElement()

    # INPUTS: types of the parameters that take pipeline input by value - hidden ones included,
    # since they accept input all the same. By-property-name parameters are left to the page:
    # what is piped to them is some object with such properties, not their own types.
    $inputTypes = @($Command.ParameterSets | ForEach-Object { $_.Parameters } |
            Where-Object { $_.ValueFromPipeline -and -not $CommonParameterNames.Contains($_.Name) } |
            ForEach-Object { Get-FriendlyTypeName $_.ParameterType -Full } | Select-Object -Unique)
    $W.WriteStartElement('command', 'inputTypes', $CommandNs)
    foreach ($entry in Get-TypeEntry $inputTypes $Page.Inputs 'INPUTS' $file) {
        $W.WriteStartElement('command', 'inputType', $CommandNs)
        $W.WriteStartElement('dev', 'type', $DevNs); $W.WriteElementString('maml', 'name', $MamlNs, $entry.Name); $W.WriteEndElement()
        Write-Para $W 'maml' 'description' $MamlNs $entry.Paras
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # OUTPUTS: [OutputType] of the cmdlet.
    $outputTypes = @($Command.OutputType | ForEach-Object { if ($_.Type) { Get-FriendlyTypeName $_.Type -Full } else { $_.Name } } | Select-Object -Unique)
    $W.WriteStartElement('command', 'returnValues', $CommandNs)
    foreach ($entry in Get-TypeEntry $outputTypes $Page.Outputs 'OUTPUTS' $file) {
        $W.WriteStartElement('command', 'returnValue', $CommandNs)
        $W.WriteStartElement('dev', 'type', $DevNs); $W.WriteElementString('maml', 'name', $MamlNs, $entry.Name); $W.WriteEndElement()
        Write-Para $W 'maml' 'description' $MamlNs $entry.Paras
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # NOTES
    if ($Page.Notes.Count) {
        $W.WriteStartElement('maml', 'alertSet', $MamlNs)
        Write-Para $W 'maml' 'alert' $MamlNs $Page.Notes
        $W.WriteEndElement()
    }

    # EXAMPLES. Get-Help prints the title line as given, so it is framed with dashes the way
    # built-in help does. Get-Help (pwsh 7.6 checked) prints <maml:introduction> immediately
    # followed by <dev:code> and adds no prompt of its own, so the prompt goes into the
    # introduction: the code stays clean (copy-paste-able from $help.examples) and reads
    # "PS > New-BizConfMeeting ...". Code that already starts with a prompt gets none added.
    # An empty last remarks paragraph puts a blank line before the next example's title.
    $W.WriteStartElement('command', 'examples', $CommandNs)
    $n = 0
    foreach ($example in $Page.Examples) {
        $n++
        $title = $example.Title -match '^Example\s+\d+' ? $example.Title : "Example ${n}: $($example.Title)"
        $W.WriteStartElement('command', 'example', $CommandNs)
        $W.WriteElementString('maml', 'title', $MamlNs, "--------- $title ---------")
        $W.WriteStartElement('maml', 'introduction', $MamlNs)
        $W.WriteElementString('maml', 'para', $MamlNs, ($example.Code -match '^PS\b[^>\n]*>' ? '' : 'PS > '))
        $W.WriteEndElement()
        $W.WriteElementString('dev', 'code', $DevNs, $example.Code)
        Write-Para $W 'dev' 'remarks' $DevNs (@($example.Remarks) + '')
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # RELATED LINKS
    $W.WriteStartElement('command', 'relatedLinks', $CommandNs)
    foreach ($link in $Page.Links) {
        $W.WriteStartElement('maml', 'navigationLink', $MamlNs)
        $W.WriteElementString('maml', 'linkText', $MamlNs, $link.Text)
        $W.WriteElementString('maml', 'uri', $MamlNs, $link.Uri)
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement() # command:command
}

#endregion

#region about_ topics --------------------------------------------------------------------

function Format-Wrapped {
    # Word-wraps text to $Width columns with the given indentation (first line / the rest).
    param([string] $Text, [int] $Indent, [int] $HangingIndent = $Indent, [int] $Width = 80)
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ' ' * $Indent
    $empty = $true
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if (-not $empty -and $line.Length + 1 + $word.Length -gt $Width) {
            $lines.Add($line); $line = (' ' * $HangingIndent) + $word
        }
        else { $line += ($empty ? '' : ' ') + $word }
        $empty = $false
    }
    $lines.Add($line)
    $lines
}

function ConvertTo-AboutText {
    <#
    Renders an about_*.md page in the classic about_ help layout:
      TOPIC / headings in upper case at column 0, text indented by 4 and wrapped at 80 columns,
      list items with a hanging indent, code blocks indented by 8 and left unwrapped.
    #>
    param([string] $Path)

    $out = [System.Collections.Generic.List[string]]::new()
    $topic = [System.IO.Path]::GetFileNameWithoutExtension($Path)
    $sawTitle = $false
    foreach ($b in Read-MarkdownBlock $Path) {
        switch ($b.Kind) {
            'Heading' {
                if ($out.Count) { $out.Add('') }
                $text = ConvertFrom-InlineMarkdown $b.Text
                if (-not $sawTitle -and $b.Level -eq 1) {
                    # "# about_BizConf" becomes the customary TOPIC header.
                    $sawTitle = $true
                    $out.Add('TOPIC'); $out.Add("    $(if ($text -eq $topic) { $topic } else { $text })")
                }
                elseif ($b.Level -le 2) { $out.Add($text.ToUpperInvariant()) }
                else { $out.Add("  $text") }
            }
            'Para' {
                if ($out.Count -and $out[$out.Count - 1] -ne '' -and $out[$out.Count - 1] -notmatch '^\S') { $out.Add('') }
                Format-Wrapped $b.Text 4 | ForEach-Object { $out.Add($_) }
            }
            'List' {
                if ($out.Count -and $out[$out.Count - 1] -ne '' -and $out[$out.Count - 1] -notmatch '^\S') { $out.Add('') }
                foreach ($item in $b.Items) { Format-Wrapped "- $item" 4 6 | ForEach-Object { $out.Add($_) } }
            }
            'Code' {
                if ($out.Count -and $out[$out.Count - 1] -ne '' -and $out[$out.Count - 1] -notmatch '^\S') { $out.Add('') }
                foreach ($codeLine in $b.Text -split "`n") { $out.Add(($codeLine ? "        $codeLine" : '')) }
            }
        }
    }
    if (-not $sawTitle) { $out.Insert(0, ''); $out.Insert(0, "    $topic"); $out.Insert(0, 'TOPIC') }
    (($out | ForEach-Object TrimEnd) -join "`n").Trim("`n") + "`n"
}

#endregion

#region Main -----------------------------------------------------------------------------

foreach ($pathCheck in @(@{ Name = 'ModuleManifest'; Path = $ModuleManifest; Leaf = $true }, @{ Name = 'DocsPath'; Path = $DocsPath; Leaf = $false })) {
    $type = $pathCheck.Leaf ? 'Leaf' : 'Container'
    if (-not (Test-Path -LiteralPath $pathCheck.Path -PathType $type)) { throw "New-BizConfHelp: -$($pathCheck.Name) '$($pathCheck.Path)' does not exist." }
}
$DocsPath = (Resolve-Path -LiteralPath $DocsPath).ProviderPath
$OutputPath = [System.IO.Path]::GetFullPath($OutputPath, (Get-Location).ProviderPath)

# -Force so that a rebuilt module replaces any copy already loaded in this session.
$module = Import-Module -Name (Resolve-Path -LiteralPath $ModuleManifest).ProviderPath -Force -PassThru -ErrorAction Stop -Verbose:$false
$commands = @($module.ExportedCmdlets.Values | Select-OrdinalSorted -Key { $_.Name })
if (-not $commands) { throw "New-BizConfHelp: module '$($module.Name)' exports no cmdlets; nothing to document." }

$problems = [System.Collections.Generic.List[string]]::new()
$work = [System.Collections.Generic.List[object]]::new()

foreach ($command in $commands) {
    $pagePath = Join-Path $DocsPath "$($command.Name).md"
    if (-not (Test-Path -LiteralPath $pagePath -PathType Leaf)) {
        $problems.Add("$($command.Name).md: missing - every exported cmdlet needs a page (start from _template.md)")
        continue
    }
    $page = Read-CmdletPage $pagePath
    $facts = Get-ParameterFact $command
    $pageProblems = @(Test-CmdletPage $page $command $facts)
    foreach ($p in $pageProblems) { $problems.Add($p) }
    $work.Add([pscustomobject]@{ Command = $command; Page = $page; Facts = $facts })
}

# Pages for cmdlets that do not exist (typos, removed or renamed cmdlets).
$exported = [System.Collections.Generic.HashSet[string]]::new([string[]]$commands.Name, [StringComparer]::OrdinalIgnoreCase)
$mdFiles = @(Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File | Select-OrdinalSorted -Key { $_.Name })
foreach ($md in $mdFiles) {
    if ($md.Name -like 'about_*' -or $md.Name.StartsWith('_')) { continue }
    # A name in capitals is one of the project's own documents (API.md, ARCHITECTURE.md), not help.
    if ($md.BaseName -cmatch '^[A-Z]+$') { continue }
    if (-not $exported.Contains($md.BaseName)) {
        $problems.Add("$($md.Name): documents '$($md.BaseName)', but module '$($module.Name)' exports no such cmdlet (rename/remove the page, or prefix it with _ if it is not a cmdlet page)")
    }
}

$aboutFiles = @($mdFiles | Where-Object Name -like 'about_*.md')
if (-not ($aboutFiles | Where-Object BaseName -eq "about_$($module.Name)")) {
    $problems.Add("about_$($module.Name).md: missing - the module needs an about_ topic")
}

if ($problems.Count) {
    # One error record per problem, then one terminating error. pwsh's default (concise) error
    # view flattens line breaks, so a single multi-line message would be unreadable; separate
    # records print one readable line each, in the console and in the build log alike.
    # -ErrorAction Continue: report them all even when the caller's preference is Stop.
    foreach ($p in $problems) { Write-Error -Message $p -Category InvalidData -ErrorId 'BizConfHelpDocs' -ErrorAction Continue }
    throw "New-BizConfHelp: $($problems.Count) problem(s) in the help docs in '$DocsPath' (listed above); no help files were written."
}

$null = New-Item -ItemType Directory -Path $OutputPath -Force
$utf8NoBom = [System.Text.UTF8Encoding]::new($false)

# One MAML file per cmdlet assembly, named the way Get-Help looks for it (CmdletInfo.HelpFile,
# i.e. "<assembly file name>-Help.xml"; for BizConf that is BizConf.PowerShell.dll-Help.xml).
foreach ($group in $work | Group-Object { Split-Path -Leaf $_.Command.HelpFile } | Select-OrdinalSorted -Key { $_.Name }) {
    $settings = [System.Xml.XmlWriterSettings]@{
        Encoding         = $utf8NoBom
        Indent           = $true
        IndentChars      = '  '
        NewLineChars     = "`n"      # fixed, so Windows and Linux builds give identical bytes
        NewLineHandling  = 'Replace'
        CheckCharacters  = $true
    }
    $target = Join-Path $OutputPath $group.Name
    $stream = [System.IO.MemoryStream]::new()
    $w = [System.Xml.XmlWriter]::Create($stream, $settings)
    try {
        $w.WriteStartDocument()
        $w.WriteStartElement('helpItems', $MshNs)
        $w.WriteAttributeString('schema', 'maml')
        foreach ($item in $group.Group) { Write-MamlCommand $w $item.Command $item.Page $item.Facts }
        $w.WriteEndElement()
        $w.WriteEndDocument()
        $w.Flush()
        $bytes = $stream.ToArray() + [byte[]](10)   # final newline
        [System.IO.File]::WriteAllBytes($target, $bytes)
    }
    finally { $w.Dispose(); $stream.Dispose() }
    Write-Verbose "Wrote $target ($($group.Count) cmdlet(s))"
}

# about_ topics. Written with a BOM: Windows PowerShell 5.1 reads BOM-less text as ANSI.
foreach ($about in $aboutFiles) {
    $target = Join-Path $OutputPath "$($about.BaseName).help.txt"
    [System.IO.File]::WriteAllText($target, (ConvertTo-AboutText $about.FullName), [System.Text.UTF8Encoding]::new($true))
    Write-Verbose "Wrote $target"
}

#endregion
