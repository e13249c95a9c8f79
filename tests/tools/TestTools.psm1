# Starts the misbehaving network peers of BizConf.TestTools as real processes, reads what they logged, and runs child
# pwsh processes for tests that signal or kill them. README.md in this folder describes the tools and their logs.
#
# Every process started here has its stdin on a pipe this pwsh holds: a test tool stops when that pipe closes, so a
# test run that crashes leaves no tool behind. Output goes to files through copies that run without PowerShell, so
# nothing has to keep reading for a process to go on.

$script:RepoRoot = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)

function Get-TestToolPath {
    # The built program: BIZCONF_TEST_TOOLS (the DLL, or the folder holding it), else out/testtools under the repo.
    $path = if ($env:BIZCONF_TEST_TOOLS) { $env:BIZCONF_TEST_TOOLS } else { Join-Path $script:RepoRoot 'out/testtools/BizConf.TestTools.dll' }
    if (Test-Path -LiteralPath $path -PathType Container) { $path = Join-Path $path 'BizConf.TestTools.dll' }
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
        throw "The test tools are not built: '$path' is missing. Run ./build.ps1 Test (it builds them into out/testtools), or set BIZCONF_TEST_TOOLS to BizConf.TestTools.dll."
    }
    [IO.Path]::GetFullPath($path)
}

function Get-DotnetPath {
    # The dotnet host running this pwsh when there is one ('dotnet pwsh'), so that the tools run on the same runtime.
    $processPath = [Environment]::ProcessPath
    if ((Split-Path -Leaf $processPath) -match '^dotnet(\.exe)?$') { return $processPath }
    (Get-Command -Name dotnet -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
}

function Get-PwshCommand {
    # The pwsh running this module, as a command line for a child process ('dotnet pwsh' runs pwsh.dll); as build.ps1.
    $processPath = [Environment]::ProcessPath
    if ((Split-Path -Leaf $processPath) -match '^dotnet(\.exe)?$') {
        return @($processPath, (Join-Path $PSHOME 'pwsh.dll'))
    }
    @($processPath)
}

function New-TestFolder {
    param([Parameter(Mandatory)] [string] $Prefix)
    $folder = Join-Path ([IO.Path]::GetTempPath()) ($Prefix + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $folder
    $folder
}

function Read-SharedText {
    # A file another process may still be writing; an absent file reads as nothing.
    param([Parameter(Mandatory)] [string] $Path)
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) { return '' }
    $stream = [IO.File]::Open($Path, [IO.FileMode]::Open, [IO.FileAccess]::Read, [IO.FileShare]::ReadWrite -bor [IO.FileShare]::Delete)
    try { [IO.StreamReader]::new($stream).ReadToEnd() } finally { $stream.Dispose() }
}

function Start-CapturedProcess {
    # Starts a program with stdin on a pipe held here and stdout and stderr copied, unbuffered, to files in $Folder.
    param([Parameter(Mandatory)] [string] $FilePath, [Parameter(Mandatory)] [string[]] $ArgumentList,
        [Parameter(Mandatory)] [string] $Folder, [hashtable] $Environment)
    $start = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($argument in $ArgumentList) { $start.ArgumentList.Add($argument) }
    if ($Environment) { foreach ($name in $Environment.Keys) { $start.Environment[$name] = [string]$Environment[$name] } }
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $stdoutPath = Join-Path $Folder 'stdout.txt'
    $stderrPath = Join-Path $Folder 'stderr.txt'
    $share = [IO.FileShare]::ReadWrite -bor [IO.FileShare]::Delete
    # A buffer size of 1 turns the file's own buffering off: what the program wrote is in the file at once.
    $stdoutFile = [IO.FileStream]::new($stdoutPath, [IO.FileMode]::Create, [IO.FileAccess]::Write, $share, 1)
    $stderrFile = [IO.FileStream]::new($stderrPath, [IO.FileMode]::Create, [IO.FileAccess]::Write, $share, 1)
    try { $process = [System.Diagnostics.Process]::Start($start) }
    catch { $stdoutFile.Dispose(); $stderrFile.Dispose(); throw }
    [pscustomobject]@{
        Process    = $process
        StdoutPath = $stdoutPath
        StderrPath = $stderrPath
        Files      = @($stdoutFile, $stderrFile)
        Copies     = @($process.StandardOutput.BaseStream.CopyToAsync($stdoutFile), $process.StandardError.BaseStream.CopyToAsync($stderrFile))
    }
}

function Complete-CapturedProcess {
    # After the process exited: lets the copies finish (a grandchild that kept the pipes open is not waited for
    # long) and closes the files.
    param([Parameter(Mandatory)] $Capture)
    try { $null = [System.Threading.Tasks.Task]::WaitAll([System.Threading.Tasks.Task[]]$Capture.Copies, 5000) } catch { $null = $_ }
    foreach ($file in $Capture.Files) { $file.Dispose() }
}

function Stop-CapturedProcess {
    # Closes stdin (a test tool stops on that), sends SIGTERM if it is still running after a grace period, kills the
    # process tree when it outlives the deadline; then completes the capture. True when it ended by itself.
    param([Parameter(Mandatory)] $Capture, [int] $TimeoutSec)
    $process = $Capture.Process
    try { $process.StandardInput.Close() } catch { $null = $_ }
    $clean = $process.WaitForExit([Math]::Min(5000, $TimeoutSec * 1000))
    if (-not $clean -and -not $IsWindows) {
        $kill = Get-Command -Name kill -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($kill) { & $kill.Source -s TERM $process.Id 2>$null }
        $clean = $process.WaitForExit([Math]::Max(0, $TimeoutSec * 1000 - 5000))
    }
    if (-not $clean) {
        $process.Kill($true)
        $null = $process.WaitForExit(10000)
    }
    $process.WaitForExit()
    Complete-CapturedProcess $Capture
    $clean
}

function Wait-OutputLine {
    # Waits for a line of the process's stdout matching $Pattern; throws, naming $What and quoting stderr, when the
    # process exits first or the deadline passes (then it is stopped). Gives back the match.
    param([Parameter(Mandatory)] $Capture, [Parameter(Mandatory)] [string] $Pattern, [Parameter(Mandatory)] [string] $What,
        [Parameter(Mandatory)] [int] $TimeoutSec)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ($true) {
        $match = [regex]::Match((Read-SharedText $Capture.StdoutPath), $Pattern, [Text.RegularExpressions.RegexOptions]::Multiline)
        if ($match.Success) { return $match }
        if ($Capture.Process.HasExited) {
            $Capture.Process.WaitForExit()
            Complete-CapturedProcess $Capture
            throw "$What exited with code $($Capture.Process.ExitCode) before it was ready. Its stderr: $((Read-SharedText $Capture.StderrPath).Trim())"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            $null = Stop-CapturedProcess $Capture -TimeoutSec 10
            throw "$What printed no ready line within $TimeoutSec s. Its stderr: $((Read-SharedText $Capture.StderrPath).Trim())"
        }
        Start-Sleep -Milliseconds 50
    }
}

function Start-TestTool {
    <#
    .SYNOPSIS
        Starts one tool of BizConf.TestTools on 127.0.0.1 and waits for its ready line.
    .OUTPUTS
        Name, Uri (http://127.0.0.1:<port>, https for tls), Port, Process, LogPath; after Stop-TestTool also ExitCode.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [ValidateSet('proxy', 'gateway', 'redirect', 'sink', 'tls')] [string] $Name,
        # The tool's own switches, such as @('--status', '307', '--location', $uri). --port and --log are set here.
        [Parameter(Position = 1)] [string[]] $Arguments = @(),
        [ValidateRange(0, 65535)] [int] $Port = 0,
        # Where the JSON lines go; by default a file in a temporary folder that Stop-TestTool removes.
        [string] $LogPath,
        [ValidateRange(1, 600)] [int] $TimeoutSec = 60
    )
    $program = Get-TestToolPath
    $folder = New-TestFolder "bizconf-testtool-$Name-"
    $log = if ($LogPath) { [IO.Path]::GetFullPath($LogPath) } else { Join-Path $folder 'log.jsonl' }
    $argumentList = @($program, $Name, '--port', [string]$Port, '--log', $log) + @($Arguments | Where-Object { $null -ne $_ })
    try {
        $capture = Start-CapturedProcess -FilePath (Get-DotnetPath) -ArgumentList $argumentList -Folder $folder
        $ready = Wait-OutputLine $capture -Pattern "^BizConf test tool $Name listening on (\S+)" -What "The test tool '$Name'" -TimeoutSec $TimeoutSec
    }
    catch {
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
        throw
    }
    $uri = $ready.Groups[1].Value
    [pscustomobject]@{
        PSTypeName = 'BizConf.TestTool'
        Name       = $Name
        Uri        = $uri
        Port       = ([uri]$uri).Port
        Process    = $capture.Process
        LogPath    = $log
        ExitCode   = $null
        Folder     = $folder
        OwnsLog    = -not $LogPath
        Capture    = $capture
        SavedLog   = $null
    }
}

function Stop-TestTool {
    <#
    .SYNOPSIS
        Stops a tool (closes its stdin, which it exits on with code 0) and waits until it has exited; a tool that
        outlives -TimeoutSec is killed, with a warning. The log stays readable with Get-TestToolLog.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)] [AllowNull()] $Tool,
        [ValidateRange(1, 600)] [int] $TimeoutSec = 15
    )
    process {
        if (-not $Tool -or $null -ne $Tool.ExitCode) { return }
        $clean = Stop-CapturedProcess $Tool.Capture -TimeoutSec $TimeoutSec
        if (-not $clean) { Write-Warning "The test tool '$($Tool.Name)' did not stop within $TimeoutSec s and was killed." }
        $Tool.ExitCode = $Tool.Process.ExitCode
        # The default log lives in the temporary folder: kept in the object, so it can still be read after the stop.
        $Tool.SavedLog = Read-SharedText $Tool.LogPath
        Remove-Item -LiteralPath $Tool.Folder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function ConvertFrom-ToolLog {
    # Whole lines only: a line the tool is writing this very moment is left for the next read.
    param([AllowEmptyString()] [string] $Text)
    $lines = $Text -split "`n"
    for ($i = 0; $i -lt $lines.Count - 1; $i++) {
        if ($lines[$i].Trim()) { $lines[$i] | ConvertFrom-Json -DateKind Offset }
    }
}

function Get-TestToolLog {
    <#
    .SYNOPSIS
        The entries a tool logged, one object a line, in the order written; times are DateTimeOffset values. With
        -Filter, only the entries it is true for ($_ is the entry). With -Wait, waits (polling) until there are at
        least -Count of those, and throws after -TimeoutSec.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)] $Tool,
        [scriptblock] $Filter,
        [switch] $Wait,
        [ValidateRange(1, [int]::MaxValue)] [int] $Count = 1,
        [Alias('Timeout')] [ValidateRange(1, 600)] [int] $TimeoutSec = 30
    )
    process {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while ($true) {
            $stopped = $null -ne $Tool.ExitCode
            $text = if ($stopped -and $Tool.OwnsLog) { $Tool.SavedLog } else { Read-SharedText $Tool.LogPath }
            $entries = @(ConvertFrom-ToolLog $text)
            if ($Filter) { $entries = @($entries | Where-Object -FilterScript $Filter) }
            if (-not $Wait -or $entries.Count -ge $Count) { return $entries }
            if ($stopped -or $Tool.Process.HasExited) {
                throw "The test tool '$($Tool.Name)' has exited with $($entries.Count) of the $Count entries waited for."
            }
            if ([DateTime]::UtcNow -gt $deadline) {
                throw "The test tool '$($Tool.Name)' logged $($entries.Count) of the $Count entries waited for within $TimeoutSec s."
            }
            Start-Sleep -Milliseconds 50
        }
    }
}

function Start-ChildPwsh {
    <#
    .SYNOPSIS
        Runs a script in a child 'pwsh -NoProfile -NonInteractive -File', with the same pwsh as this one, stdout and
        stderr captured to files. The script sees none of the caller's variables: pass values with -Arguments and
        take them with param(). With -ReadyPattern, returns once a stdout line matches it.
    .OUTPUTS
        Process, Id, ScriptPath, StdoutPath, StderrPath. End it with Wait-ChildPwsh or Stop-ChildPwsh.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [ValidateScript({ $_ -is [scriptblock] -or $_ -is [string] })] [object] $Script,
        [Parameter(Position = 1)] [string[]] $Arguments = @(),
        [string] $ReadyPattern,
        [hashtable] $Environment,
        [ValidateRange(1, 600)] [int] $TimeoutSec = 60
    )
    $folder = New-TestFolder 'bizconf-child-pwsh-'
    $scriptPath = Join-Path $folder 'script.ps1'
    Set-Content -LiteralPath $scriptPath -Value $Script.ToString() -Encoding utf8
    $pwsh = @(Get-PwshCommand)
    $argumentList = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $scriptPath) + @($Arguments)
    try {
        $capture = Start-CapturedProcess -FilePath $pwsh[0] -ArgumentList $argumentList -Folder $folder -Environment $Environment
        if ($ReadyPattern) { $null = Wait-OutputLine $capture -Pattern $ReadyPattern -What 'The child pwsh' -TimeoutSec $TimeoutSec }
    }
    catch {
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
        throw
    }
    [pscustomobject]@{
        PSTypeName = 'BizConf.ChildPwsh'
        Process    = $capture.Process
        Id         = $capture.Process.Id
        ScriptPath = $scriptPath
        StdoutPath = $capture.StdoutPath
        StderrPath = $capture.StderrPath
        Folder     = $folder
        Capture    = $capture
    }
}

function Wait-ChildPwsh {
    <#
    .SYNOPSIS
        Waits until a child pwsh has exited and gives back ExitCode, Output (its stdout) and Errors (its stderr) as
        text, then removes its files. One that outlives -TimeoutSec is killed and this throws, quoting its stderr.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)] $Child,
        [ValidateRange(1, 600)] [int] $TimeoutSec = 60
    )
    process {
        $exited = $Child.Process.WaitForExit($TimeoutSec * 1000)
        if (-not $exited) {
            $Child.Process.Kill($true)
            $null = $Child.Process.WaitForExit(10000)
        }
        $Child.Process.WaitForExit()
        Complete-CapturedProcess $Child.Capture
        $result = [pscustomobject]@{
            ExitCode = $Child.Process.ExitCode
            Output   = Read-SharedText $Child.StdoutPath
            Errors   = Read-SharedText $Child.StderrPath
        }
        Remove-Item -LiteralPath $Child.Folder -Recurse -Force -ErrorAction SilentlyContinue
        if (-not $exited) { throw "The child pwsh did not exit within $TimeoutSec s and was killed. Its stderr: $($result.Errors.Trim())" }
        $result
    }
}

function Stop-ChildPwsh {
    <#
    .SYNOPSIS
        Kills a child pwsh (and what it started) if it still runs, and removes its files. For cleanup in finally or
        AfterEach; Wait-ChildPwsh is the way to read what it did.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [AllowNull()] $Child)
    process {
        if (-not $Child) { return }
        if (-not $Child.Process.HasExited) {
            $Child.Process.Kill($true)
            $null = $Child.Process.WaitForExit(10000)
        }
        Complete-CapturedProcess $Child.Capture
        Remove-Item -LiteralPath $Child.Folder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Send-Signal {
    <#
    .SYNOPSIS
        Sends SIGINT (what Ctrl+C sends), SIGTERM or SIGKILL to a process with POSIX kill. Takes a Process, or a
        test tool or child pwsh object from the pipeline (by its Process property). Returns at once; wait for the exit
        with $process.WaitForExit(ms).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)] [System.Diagnostics.Process] $Process,
        [Parameter(Mandatory, Position = 1)] [ValidateSet('INT', 'TERM', 'KILL')] [string] $Signal
    )
    process {
        if ($IsWindows) { throw 'Send-Signal sends POSIX signals with kill; it runs on Linux and macOS only.' }
        if ($Process.HasExited) { throw "Process $($Process.Id) has already exited (code $($Process.ExitCode)); no SIG$Signal was sent." }
        $kill = Get-Command -Name kill -CommandType Application -ErrorAction Stop | Select-Object -First 1
        $message = & $kill.Source -s $Signal $Process.Id 2>&1
        if ($LASTEXITCODE -ne 0) { throw "kill -s $Signal $($Process.Id) failed (exit code $LASTEXITCODE): $message" }
    }
}

Export-ModuleMember -Function Start-TestTool, Stop-TestTool, Get-TestToolLog, Start-ChildPwsh, Wait-ChildPwsh, Stop-ChildPwsh,
    Send-Signal, Get-PwshCommand, Get-TestToolPath
