# Dot-sourced by every *.Tests.ps1 (in BeforeAll). Runs the module against the compiled rasctl.exe
# and the simulated rasapi32 (tests/sim): RASCTL_RASAPI32 = rasapi32sim.dll, RASSIM_HOME = a fresh
# folder with a world.ini (format: tests/sim/README.md).

$script:OnWindows = $env:OS -eq 'Windows_NT'   # $IsWindows is $null in Windows PowerShell 5.1
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath

# Non-ASCII test text is built from code points: Windows PowerShell 5.1 reads a .ps1 without a BOM
# in the ANSI code page, so these files stay ASCII (RasCtl.Compatibility.Tests.ps1 checks it).
function ConvertFrom-CodePoint {
    param([int[]]$CodePoint)
    -join @($CodePoint | ForEach-Object { [char]::ConvertFromUtf32($_) })
}
# 'Grusse' with u-umlaut and sharp s, the euro sign.
$script:IntlPassword = 'Gr{0}e {1}uro "q" \x' -f (ConvertFrom-CodePoint 0xFC, 0xDF), (ConvertFrom-CodePoint 0x20AC)
# Hangul (units >= 0x8000), CJK, two emoji (surrogate pairs, 4-byte UTF-8) and Latin-1.
$script:UnicodeParts = @(
    (ConvertFrom-CodePoint 0xBE44, 0xBC00, 0xBC88, 0xD638),
    (ConvertFrom-CodePoint 0x5BC6, 0x7801),
    (ConvertFrom-CodePoint 0x1F600, 0x1F511),
    ('Gr' + (ConvertFrom-CodePoint 0xFC, 0xDF) + 'e')
)
$script:UnicodePassword = $script:UnicodeParts -join '-'

$script:DefaultWorld = @'
[machine]
windows=win10
ipNetwork=1
dialStepMs=1
releaseDelayMs=0

[server vpn.example.com]
protocols=ikev2,sstp
user=alice
password=Alice-Pa55
domain=CONTOSO

[server l2tp.example.com]
protocols=l2tp
user=bob
password=Bob-Pa55
psk=psk-123

[server intl.example.com]
protocols=ikev2
user=jos
password={INTL}

[server unicode.example.com]
protocols=ikev2
user=minji
password={UNICODE}

[server slow.example.com]
protocols=ikev2
latencyMs=60000

[phone *]
user=isp
password=isp-pw
'@
$script:DefaultWorld = $script:DefaultWorld.Replace('{INTL}', $script:IntlPassword).Replace('{UNICODE}', $script:UnicodePassword)

function Initialize-RasSimulator {
    param([string]$World = $script:DefaultWorld)
    if (-not $env:RASCTL_EXE) {
        $env:RASCTL_EXE = if ($script:OnWindows) { Join-Path $script:RepoRoot 'dist\rasctl.exe' } else { Join-Path $script:RepoRoot 'bin/rasctl' }
    }
    # bin/rasctl finds the simulator itself; rasctl.exe needs to be told.
    if ($script:OnWindows -and -not $env:RASCTL_RASAPI32) {
        $env:RASCTL_RASAPI32 = Join-Path $script:RepoRoot 'tests\sim\build\rasapi32sim.dll'
    }
    $simHome = Join-Path ([System.IO.Path]::GetTempPath()) ('rasctl-pester-' + [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $simHome | Out-Null
    # UTF-8 without BOM: the simulator reads world.ini as bytes.
    [System.IO.File]::WriteAllText((Join-Path $simHome 'world.ini'), $World, (New-Object System.Text.UTF8Encoding($false)))
    $env:RASSIM_HOME = $simHome
    # The machine's folders and the caller, as tests/sim/harness.ts gives every test process: the
    # phone books live in the home, and the caller is an elevated administrator (alice).
    $env:APPDATA = Join-Path $simHome 'AppData/Roaming'
    $env:ProgramData = Join-Path $simHome 'ProgramData'
    $env:RASSIM_USER = 'alice'
    $env:RASSIM_ELEVATED = '1'
    # Who the simulated processes run as (tests/sim/README.md, "Who is calling"): an elevated
    # administrator, as the sim's own tests do, so New-RasEntry -AllUsers may write the all-users book.
    $env:RASSIM_USER = 'alice'
    $env:RASSIM_ELEVATED = '1'
    Import-Module (Join-Path $script:RepoRoot 'powershell/RasCtl/RasCtl.psd1') -Force -ErrorAction Stop
    $simHome
}

function Reset-RasSimulator {
    # A new machine for the next test: fresh home, same world.
    param([string]$World = $script:DefaultWorld)
    Get-RasConnection -ErrorAction SilentlyContinue | Disconnect-RasConnection -Confirm:$false -ErrorAction SilentlyContinue
    Initialize-RasSimulator -World $World | Out-Null
}

function Get-RasCtlRun {
    # The rasctl command lines a script block ran (Invoke-RasCtl writes each as a verbose record
    # 'rasctl ...'); the block must pass -Verbose to the cmdlet it calls.
    param([scriptblock]$ScriptBlock)
    & $ScriptBlock 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'rasctl *' } |
        ForEach-Object { $_.Message }
}

function New-TestSecureString {
    # A SecureString from UTF-16 code units (so a test can build broken surrogate pairs).
    param([int[]]$CodeUnit)
    $secure = New-Object System.Security.SecureString
    foreach ($u in $CodeUnit) { $secure.AppendChar([char]$u) }
    $secure.MakeReadOnly()
    $secure
}

function New-TestCredential {
    param([string]$UserName, [string]$Password)
    $secure = New-Object System.Security.SecureString
    foreach ($ch in $Password.ToCharArray()) { $secure.AppendChar($ch) }
    $secure.MakeReadOnly()
    New-Object System.Management.Automation.PSCredential -ArgumentList $UserName, $secure
}

function New-TestVpnEntry {
    # The user's own book, as New-RasEntry without -AllUsers writes; -AllUsers for the all-users one.
    param([string]$Name = 'Corp', [string]$Server = 'vpn.example.com', [string]$Strategy = 'ikev2-only', [switch]$AllUsers)
    New-RasEntry -Name $Name -Type vpn -Server $Server -Strategy $Strategy -AllUsers:$AllUsers -Confirm:$false -ErrorAction Stop
}

function Get-LowerCaseProperty {
    # Names of properties (at any depth) that do not start with an upper-case letter.
    param($InputObject, [string]$Path = '')
    if ($null -eq $InputObject) { return }
    if ($InputObject -is [System.Management.Automation.PSCustomObject]) {
        foreach ($p in $InputObject.PSObject.Properties) {
            if ($p.Name -cnotmatch '^[A-Z]') { "$Path$($p.Name)" }
            Get-LowerCaseProperty -InputObject $p.Value -Path "$Path$($p.Name)."
        }
    }
    elseif ($InputObject -is [System.Collections.IList]) {
        foreach ($item in $InputObject) { Get-LowerCaseProperty -InputObject $item -Path $Path }
    }
}

function Write-TestProfile {
    # A profile file (UTF-8 without BOM, as rasctl reads it) in a fresh folder.
    param([string]$Json)
    $dir = Join-Path ([System.IO.Path]::GetTempPath()) ('rasctl-profile-' + [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $dir | Out-Null
    $file = Join-Path $dir 'corp.json'
    [System.IO.File]::WriteAllText($file, $Json, (New-Object System.Text.UTF8Encoding($false)))
    $file
}
