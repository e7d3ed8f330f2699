# Runs the RasCtl module's Pester suite with the pinned Pester (5.7.1, restored from NuGet by
# `dotnet restore powershell/tools/restore.csproj` into .tools/packages/) and writes an NUnit
# report to pester-results.xml at the repository root (.ci/run counts it).
#
# Off Windows rasctl is bin/rasctl (deno run on the simulated rasapi32); on Windows it is
# dist\rasctl.exe unless $env:RASCTL_EXE says otherwise. Tests tagged 'Windows' (Task Scheduler)
# run only on Windows. Exit status: the number of failed tests (0 = all passed).
# Works in Windows PowerShell 5.1 and PowerShell 7.
[CmdletBinding()]
param(
    # Test files or folders; default: every *.Tests.ps1 beside this script.
    [string[]]$Path = @($PSScriptRoot),
    [string]$OutputPath = (Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'pester-results.xml')
)
$ErrorActionPreference = 'Stop'
# pwsh -File passes "a,b" as one string.
$Path = @($Path | ForEach-Object { $_ -split "," } | Where-Object { $_ })
$repoRoot = Split-Path (Split-Path $PSScriptRoot)
$onWindows = $env:OS -eq 'Windows_NT'   # $IsWindows does not exist in Windows PowerShell 5.1

$pester = Join-Path $repoRoot '.tools/packages/pester/5.7.1/tools/Pester.psd1'
if (-not (Test-Path -LiteralPath $pester)) {
    throw "Pester 5.7.1 is not restored: run 'dotnet restore powershell/tools/restore.csproj' in $repoRoot"
}
Import-Module $pester -Force

if (-not $env:RASCTL_EXE) {
    $env:RASCTL_EXE = if ($onWindows) { Join-Path $repoRoot 'dist\rasctl.exe' } else { Join-Path $repoRoot 'bin/rasctl' }
}

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $OutputPath
$result = Invoke-Pester -Configuration $config
"pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped"
exit ($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount)
