# RasCtl: PowerShell cmdlets over rasctl.exe (Windows VPN and dial-up connections).
#
# Every cmdlet runs rasctl.exe with an argument array, reads the one JSON document it prints on
# stdout and emits typed objects (PSTypeName RasCtl.*, PascalCase properties). Secrets reach
# rasctl.exe only through its stdin, as UTF-8, never on a command line.
#
# Works in Windows PowerShell 5.1 (Desktop) and PowerShell 7 (Core).

#region Private helpers

$script:StdinUtf8 = New-Object System.Text.UTF8Encoding($false)

function Resolve-RasCtlPath {
    # $env:RASCTL_EXE (any executable, e.g. bin/rasctl off Windows), else on Windows rasctl.exe
    # beside this module, else rasctl(.exe) on PATH. Never a .cmd/.bat: cmd.exe would re-parse
    # '&' or '%' in an entry name.
    if ($env:RASCTL_EXE) {
        if (Test-Path -LiteralPath $env:RASCTL_EXE -PathType Leaf) {
            return (Resolve-Path -LiteralPath $env:RASCTL_EXE).ProviderPath
        }
        throw "RASCTL_EXE is set to '$($env:RASCTL_EXE)', but no such file exists."
    }
    $onWindows = $env:OS -eq 'Windows_NT'
    if ($onWindows) {
        $beside = Join-Path $PSScriptRoot 'rasctl.exe'
        if (Test-Path -LiteralPath $beside -PathType Leaf) { return $beside }
    }
    $name = if ($onWindows) { 'rasctl.exe' } else { 'rasctl' }
    $onPath = Get-Command -Name $name -CommandType Application -ErrorAction SilentlyContinue |
        Where-Object { $_.Path -notmatch '\.(cmd|bat)$' } |
        Select-Object -First 1
    if ($onPath) { return $onPath.Path }
    throw ("rasctl.exe was not found. Set `$env:RASCTL_EXE to its full path, put it beside " +
        "the RasCtl module ($PSScriptRoot), or add its folder to PATH.")
}

function ConvertTo-WindowsArgument {
    # Quotes one argument so that CommandLineToArgvW (and rasctl.exe's runtime) give it back
    # unchanged: wrap in quotes when needed, escape quotes, double the backslashes before a quote.
    param([AllowEmptyString()][string]$Argument)
    if ($Argument.Length -gt 0 -and $Argument -notmatch '[\s"]') { return $Argument }
    $sb = New-Object System.Text.StringBuilder
    [void]$sb.Append('"')
    $backslashes = 0
    foreach ($ch in $Argument.ToCharArray()) {
        if ($ch -eq [char]'\') { $backslashes++; continue }
        if ($ch -eq [char]'"') {
            [void]$sb.Append([char]'\', 2 * $backslashes + 1)
        }
        elseif ($backslashes -gt 0) {
            [void]$sb.Append([char]'\', $backslashes)
        }
        [void]$sb.Append($ch)
        $backslashes = 0
    }
    if ($backslashes -gt 0) { [void]$sb.Append([char]'\', 2 * $backslashes) }
    [void]$sb.Append('"')
    $sb.ToString()
}

function Join-WindowsCommandLine {
    param([string[]]$ArgumentList)
    (@($ArgumentList) | ForEach-Object { ConvertTo-WindowsArgument -Argument $_ }) -join ' '
}

function ConvertTo-PascalCase {
    param([string]$Name)
    if ($Name.Length -eq 0) { return $Name }
    $Name.Substring(0, 1).ToUpperInvariant() + $Name.Substring(1)
}

function ConvertTo-RasObject {
    # Copies what ConvertFrom-Json made, renaming every key from camelCase to PascalCase, at every
    # depth. The top-level object gets the PSTypeName; arrays stay arrays.
    param($InputObject, [string]$TypeName)
    if ($null -eq $InputObject) { return $null }
    if ($InputObject -is [System.Management.Automation.PSCustomObject]) {
        $copy = [ordered]@{}
        foreach ($property in $InputObject.PSObject.Properties) {
            $copy[(ConvertTo-PascalCase $property.Name)] = ConvertTo-RasObject -InputObject $property.Value
        }
        $result = [pscustomobject]$copy
        if ($TypeName) { $result.PSObject.TypeNames.Insert(0, $TypeName) }
        return $result
    }
    if ($InputObject -is [System.Collections.IList]) {
        $items = New-Object System.Collections.Generic.List[object]
        foreach ($item in $InputObject) { $items.Add((ConvertTo-RasObject -InputObject $item)) }
        return , $items.ToArray()
    }
    $InputObject
}

function Get-RasErrorCategory {
    param([int]$Code, [string]$Name, [int]$ExitCode)
    if ($ExitCode -eq 2) { return [System.Management.Automation.ErrorCategory]::InvalidArgument }
    switch -Regex ($Name) {
        'AUTH|PASSWORD|ACCESS_DENIED|LOGON' { return [System.Management.Automation.ErrorCategory]::AuthenticationError }
        'CANNOT_FIND|NOT_FOUND|NO_CONNECTION|INVALID_HANDLE|NOT_CONNECTED' { return [System.Management.Automation.ErrorCategory]::ObjectNotFound }
        'ALREADY_EXISTS|ALREADY_IN_PROGRESS|FILE_EXISTS' { return [System.Management.Automation.ErrorCategory]::ResourceExists }
        'TIMEOUT' { return [System.Management.Automation.ErrorCategory]::OperationTimeout }
        'INVALID|BAD_' { return [System.Management.Automation.ErrorCategory]::InvalidArgument }
    }
    if ($Code -ge 600 -and $Code -le 999) { return [System.Management.Automation.ErrorCategory]::ConnectionError }
    [System.Management.Automation.ErrorCategory]::NotSpecified
}

function New-RasErrorRecord {
    # An ErrorRecord for a failed rasctl.exe run: the exception is a Win32Exception whose
    # NativeErrorCode is the RAS code; name, hint, operation and entry are in Exception.Data;
    # ErrorDetails carries the message and the hint (RecommendedAction).
    param($ErrorInfo, [int]$ExitCode, [string]$Stderr, $TargetObject)
    $code = $ExitCode
    $name = 'RASCTL_FAILED'
    $message = $null
    $hint = $null
    $operation = $null
    $entry = $null
    if ($ErrorInfo) {
        if ($null -ne $ErrorInfo.code) { $code = [int]$ErrorInfo.code }
        if ($ErrorInfo.name) { $name = [string]$ErrorInfo.name }
        $message = $ErrorInfo.message
        $hint = $ErrorInfo.hint
        $operation = $ErrorInfo.operation
        $entry = $ErrorInfo.entry
    }
    if (-not $message) {
        $message = if ($Stderr) { $Stderr.Trim() } else { "rasctl.exe failed with exit code $ExitCode." }
    }
    if ($ExitCode -eq 2 -and -not $ErrorInfo) { $name = 'USAGE' }
    $exception = New-Object System.ComponentModel.Win32Exception -ArgumentList $code, $message
    $exception.Data['RasErrorCode'] = $code
    $exception.Data['RasErrorName'] = $name
    $exception.Data['Hint'] = $hint
    $exception.Data['Operation'] = $operation
    $exception.Data['Entry'] = $entry
    $exception.Data['ExitCode'] = $ExitCode
    if ($null -eq $TargetObject) { $TargetObject = $entry }
    $category = Get-RasErrorCategory -Code $code -Name $name -ExitCode $ExitCode
    $record = New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, $name, $category, $TargetObject
    $record.ErrorDetails = New-Object System.Management.Automation.ErrorDetails -ArgumentList $message
    if ($hint) { $record.ErrorDetails.RecommendedAction = [string]$hint }
    if ($operation) { $record.CategoryInfo.Activity = [string]$operation }
    $record
}

function Get-SecureStringBytes {
    # UTF-8 bytes of a SecureString followed by a newline, without ever making a [string] of it.
    # The caller zeroes the returned array.
    param([System.Security.SecureString]$SecureString)
    $pointer = [System.Runtime.InteropServices.Marshal]::SecureStringToGlobalAllocUnicode($SecureString)
    $chars = New-Object char[] ($SecureString.Length + 1)
    try {
        for ($i = 0; $i -lt $SecureString.Length; $i++) {
            $chars[$i] = [char][System.Runtime.InteropServices.Marshal]::ReadInt16($pointer, 2 * $i)
            if ($chars[$i] -eq "`r" -or $chars[$i] -eq "`n") {
                throw (New-Object System.ArgumentException -ArgumentList 'A password or key cannot contain a line break.')
            }
        }
        $chars[$SecureString.Length] = "`n"
        , $script:StdinUtf8.GetBytes($chars)
    }
    finally {
        [Array]::Clear($chars, 0, $chars.Length)
        [System.Runtime.InteropServices.Marshal]::ZeroFreeGlobalAllocUnicode($pointer)
    }
}

function Start-RasCtlProcess {
    # Starts the process without a byte-order mark on its redirected stdin. .NET Framework (Windows
    # PowerShell 5.1) writes the preamble of [Console]::InputEncoding there, i.e. a UTF-8 BOM when
    # the console code page is 65001; PowerShell 7's .NET has StartInfo.StandardInputEncoding.
    param([System.Diagnostics.Process]$Process)
    if ($Process.StartInfo.PSObject.Properties['StandardInputEncoding']) {
        $Process.StartInfo.StandardInputEncoding = $script:StdinUtf8
        return $Process.Start()
    }
    $saved = $null
    try {
        if ([Console]::InputEncoding.GetPreamble().Length -gt 0) {
            $saved = [Console]::InputEncoding
            [Console]::InputEncoding = $script:StdinUtf8
        }
    }
    catch { $saved = $null } # no console: nothing to swap
    try { $Process.Start() }
    finally {
        if ($saved) { try { [Console]::InputEncoding = $saved } catch { Write-Verbose "Console input encoding not restored: $_" } }
    }
}

function Invoke-RasCtl {
    # Runs rasctl.exe with -ArgumentList (plus --format json --quiet or --progress-json) through
    # System.Diagnostics.Process, so PowerShell's native-argument quoting (which differs between
    # 5.1 and 7.x) never applies. -Secret SecureStrings are written to stdin, one line each, as
    # UTF-8. Returns @{ Data; Raw; ErrorRecord; ExitCode }; ErrorRecord is set when it failed.
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string[]]$ArgumentList,
        [System.Security.SecureString[]]$Secret = @(),
        [string]$ProgressActivity,
        $TargetObject,
        [switch]$Raw
    )
    $exe = Resolve-RasCtlPath
    $all = New-Object System.Collections.Generic.List[string]
    $all.AddRange([string[]]$ArgumentList)
    if (-not $Raw) { $all.AddRange([string[]]@('--format', 'json')) }
    if ($ProgressActivity) { $all.Add('--progress-json') } else { $all.Add('--quiet') }

    $startInfo = New-Object System.Diagnostics.ProcessStartInfo
    $startInfo.FileName = $exe
    $startInfo.Arguments = Join-WindowsCommandLine -ArgumentList $all.ToArray()
    $startInfo.UseShellExecute = $false
    $startInfo.CreateNoWindow = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.StandardOutputEncoding = $script:StdinUtf8
    $startInfo.StandardErrorEncoding = $script:StdinUtf8
    # Relative paths (-Phonebook .\vpn.pbk) mean PowerShell's current folder, not the process's.
    $here = Get-Location -PSProvider FileSystem -ErrorAction SilentlyContinue
    if ($here) { $startInfo.WorkingDirectory = $here.ProviderPath }
    Write-Verbose ("rasctl " + $startInfo.Arguments)

    $process = New-Object System.Diagnostics.Process
    $process.StartInfo = $startInfo
    $errorInfo = $null
    $stderrText = New-Object System.Text.StringBuilder
    $started = $false
    try {
        [void](Start-RasCtlProcess -Process $process)
        $started = $true
        $stdoutTask = $process.StandardOutput.ReadToEndAsync()

        # Secrets: UTF-8 bytes straight onto stdin, then EOF. Nothing on the command line.
        $stdin = $process.StandardInput.BaseStream
        try {
            foreach ($secure in $Secret) {
                $bytes = Get-SecureStringBytes -SecureString $secure
                try { $stdin.Write($bytes, 0, $bytes.Length) }
                finally { [Array]::Clear($bytes, 0, $bytes.Length) }
            }
            $stdin.Flush()
        }
        finally { $process.StandardInput.Close() }

        # stderr line by line on this thread (Write-Progress must run here); stdout drains in
        # the background, so neither pipe can fill up and block rasctl.exe.
        $lineTask = $process.StandardError.ReadLineAsync()
        while ($true) {
            if (-not $lineTask.Wait(200)) { continue }
            $line = $lineTask.Result
            if ($null -eq $line) { break }
            $lineTask = $process.StandardError.ReadLineAsync()
            [void]$stderrText.AppendLine($line)
            $parsed = $null
            if ($line.StartsWith('{')) {
                try { $parsed = $line | ConvertFrom-Json -ErrorAction Stop } catch { $parsed = $null }
            }
            if ($parsed -and $parsed.PSObject.Properties['progress']) {
                $p = $parsed.progress
                if ($ProgressActivity) {
                    $percent = [Math]::Min(95, [Math]::Max(0, [int]$p.stateCode * 5))
                    Write-Progress -Activity $ProgressActivity -Status ("{0}: {1}" -f $p.entry, $p.state) -PercentComplete $percent
                }
            }
            elseif ($parsed -and $parsed.PSObject.Properties['error']) {
                $errorInfo = $parsed.error
            }
            elseif ($line.Trim()) {
                Write-Verbose $line
            }
        }
        $process.WaitForExit()
        $stdout = $stdoutTask.Result
        $exitCode = $process.ExitCode
    }
    finally {
        if ($ProgressActivity) { Write-Progress -Activity $ProgressActivity -Completed }
        if ($started -and -not $process.HasExited) {
            try { $process.Kill() } catch { Write-Verbose "Could not stop rasctl.exe: $_" }
        }
        $process.Dispose()
    }

    $result = @{ Data = $null; Raw = $stdout; ErrorRecord = $null; ExitCode = $exitCode }
    if ($exitCode -ne 0) {
        $result.ErrorRecord = New-RasErrorRecord -ErrorInfo $errorInfo -ExitCode $exitCode -Stderr $stderrText.ToString() -TargetObject $TargetObject
        return $result
    }
    if (-not $Raw -and $stdout -and $stdout.Trim()) {
        # Windows PowerShell 5.1's ConvertFrom-Json emits a JSON array as ONE object (the array);
        # PowerShell 7 enumerates it. Collect the output in both cases, then let the caller
        # enumerate $result.Data.
        $trimmed = $stdout.Trim()
        $parsed = @($trimmed | ConvertFrom-Json)
        if ($trimmed.StartsWith('[')) {
            $items = New-Object System.Collections.Generic.List[object]
            foreach ($chunk in $parsed) {
                foreach ($item in @($chunk)) { if ($null -ne $item) { $items.Add($item) } }
            }
            $result.Data = $items.ToArray()
        }
        else {
            $result.Data = $parsed[0]
        }
    }
    $result
}

function Write-RasOutput {
    # Emits rasctl's JSON as typed objects, one per array element.
    param($Data, [string]$TypeName)
    foreach ($item in @($Data)) {
        if ($null -ne $item) { ConvertTo-RasObject -InputObject $item -TypeName $TypeName }
    }
}

function Get-ScopeArgument {
    param([string]$Phonebook, [switch]$AllUsers)
    if ($Phonebook) { return @('--phonebook', $Phonebook) }
    if ($AllUsers) { return @('--all-users') }
    @()
}

function Split-RasUserName {
    # 'DOMAIN\user' -> user, DOMAIN; 'user@domain' and 'user' stay whole (RAS takes UPNs as is).
    param([string]$UserName)
    $i = $UserName.IndexOf('\')
    if ($i -gt 0) { return @($UserName.Substring($i + 1), $UserName.Substring(0, $i)) }
    @($UserName, $null)
}

function Get-EntryCompletion {
    param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
    $arguments = @('entry', 'list')
    if ($fakeBoundParameters.ContainsKey('Phonebook')) { $arguments += @('--phonebook', $fakeBoundParameters['Phonebook']) }
    elseif ($fakeBoundParameters.ContainsKey('AllUsers')) { $arguments += '--all-users' }
    try { $r = Invoke-RasCtl -ArgumentList $arguments } catch { return }
    if ($r.ErrorRecord) { return }
    $typed = ($wordToComplete -replace "^['""]|['""]$", '')
    foreach ($entry in @($r.Data)) {
        if ($null -eq $entry -or -not ($entry.name -like "$typed*")) { continue }
        $text = if ($entry.name -match "[\s'""`$;,(){}&|<>@#]") { "'" + ($entry.name -replace "'", "''") + "'" } else { $entry.name }
        New-Object System.Management.Automation.CompletionResult -ArgumentList $text, $entry.name, 'ParameterValue', ("{0} ({1})" -f $entry.name, $entry.phonebook)
    }
}

#endregion

#region Entries

function Get-RasEntry {
    <#
    .SYNOPSIS
    Gets phone-book entries (VPN, dial-up, broadband connections).
    .DESCRIPTION
    Lists the entries of the current user's phone book, the all-users phone book or a given phone-book
    file, and returns each as a RasCtl.Entry object with its full settings (rasctl entry list and
    rasctl entry show). -Name accepts wildcards; a name without wildcards that does not exist is an error.
    .PARAMETER Name
    Entry names; wildcards are allowed. All entries when omitted.
    .PARAMETER Phonebook
    Path of a phone-book (.pbk) file to read instead of the user's phone book.
    .PARAMETER AllUsers
    Read the all-users phone book.
    .EXAMPLE
    Get-RasEntry -Name Corp*
    Gets every entry whose name starts with Corp.
    .EXAMPLE
    Get-RasEntry -Phonebook C:\Config\vpn.pbk | Format-List *
    .OUTPUTS
    RasCtl.Entry
    #>
    [CmdletBinding(DefaultParameterSetName = 'User')]
    [OutputType('RasCtl.Entry')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [SupportsWildcards()]
        [string[]]$Name,
        [Parameter(ParameterSetName = 'File', ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [Parameter(ParameterSetName = 'AllUsers')]
        [switch]$AllUsers
    )
    process {
        $scope = Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
        $targets = New-Object System.Collections.Generic.List[object]
        $literal = @($Name | Where-Object { $_ -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($_) })
        $patterns = @($Name | Where-Object { $_ -and [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($_) })
        foreach ($n in $literal) { $targets.Add(@{ Name = $n; Scope = $scope }) }
        if (-not $Name -or $patterns.Count -gt 0) {
            $r = Invoke-RasCtl -ArgumentList (@('entry', 'list') + $scope)
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
            foreach ($summary in @($r.Data)) {
                $matched = (-not $Name) -or @($patterns | Where-Object { $summary.name -like $_ }).Count -gt 0
                if ($matched) { $targets.Add(@{ Name = $summary.name; Scope = @('--phonebook', $summary.phonebook) }) }
            }
        }
        foreach ($t in $targets) {
            $r = Invoke-RasCtl -ArgumentList (@('entry', 'show', $t.Name) + $t.Scope) -TargetObject $t.Name
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); continue }
            Write-RasOutput -Data $r.Data -TypeName 'RasCtl.Entry'
        }
    }
}

function Get-EntrySettingArgument {
    param([System.Collections.IDictionary]$Bound)
    $a = @()
    if ($Bound.ContainsKey('FromFile')) {
        $a += @('--from', (Resolve-Path -LiteralPath $Bound['FromFile'] -ErrorAction Stop).ProviderPath)
    }
    if ($Bound.ContainsKey('Server')) { $a += @('--server', $Bound['Server']) }
    if ($Bound.ContainsKey('Type')) { $a += @('--type', $Bound['Type']) }
    if ($Bound.ContainsKey('Strategy')) { $a += @('--strategy', $Bound['Strategy']) }
    if ($Bound.ContainsKey('SplitTunnel')) {
        if ($Bound['SplitTunnel']) { $a += '--split-tunnel' } else { $a += '--no-split-tunnel' }
    }
    if ($Bound.ContainsKey('DnsServer')) { $a += @('--dns', (@($Bound['DnsServer']) -join ',')) }
    if ($Bound.ContainsKey('DnsSuffix')) { $a += @('--dns-suffix', $Bound['DnsSuffix']) }
    if ($Bound.ContainsKey('Prerequisite')) { $a += @('--prerequisite', $Bound['Prerequisite']) }
    $a
}

function New-RasEntry {
    <#
    .SYNOPSIS
    Creates a phone-book entry.
    .DESCRIPTION
    Creates a VPN, phone, broadband or direct entry (rasctl entry new) and returns it.
    .PARAMETER Name
    Name of the new entry.
    .PARAMETER Phonebook
    Phone-book file to create the entry in.
    .PARAMETER AllUsers
    Create the entry in the all-users phone book (needs administrator rights).
    .PARAMETER FromFile
    JSON file with the entry's settings (as printed by Get-RasEntry | ConvertTo-Json, camelCase keys).
    .PARAMETER Server
    VPN server or phone number.
    .PARAMETER Type
    Entry type: vpn, phone, broadband or direct.
    .PARAMETER Strategy
    VPN strategy, e.g. automatic, ikev2-only, sstp-first.
    .PARAMETER SplitTunnel
    Use the remote network only for its own addresses (do not use the default gateway on the remote network).
    .PARAMETER DnsServer
    One or two DNS server addresses.
    .PARAMETER DnsSuffix
    Connection-specific DNS suffix.
    .PARAMETER Prerequisite
    Entry to dial before this one.
    .EXAMPLE
    New-RasEntry -Name Corp -Server vpn.example.com -Type vpn -Strategy ikev2-only -SplitTunnel
    .OUTPUTS
    RasCtl.Entry
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'User')]
    [OutputType('RasCtl.Entry')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ParameterSetName = 'File')]
        [string]$Phonebook,
        [Parameter(ParameterSetName = 'AllUsers')]
        [switch]$AllUsers,
        [string]$FromFile,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Server,
        [Parameter(ValueFromPipelineByPropertyName)]
        [ValidateSet('vpn', 'phone', 'broadband', 'direct')]
        [string]$Type,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Strategy,
        [switch]$SplitTunnel,
        [ValidateCount(1, 2)]
        [string[]]$DnsServer,
        [string]$DnsSuffix,
        [string]$Prerequisite
    )
    process {
        $arguments = @('entry', 'new', $Name) + (Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers) +
            (Get-EntrySettingArgument -Bound $PSBoundParameters)
        if (-not $PSCmdlet.ShouldProcess($Name, 'Create phone-book entry')) { return }
        $r = Invoke-RasCtl -ArgumentList $arguments -TargetObject $Name
        if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
        Write-RasOutput -Data $r.Data -TypeName 'RasCtl.Entry'
    }
}

function Set-RasEntry {
    <#
    .SYNOPSIS
    Changes settings of a phone-book entry.
    .DESCRIPTION
    Changes only the settings given (rasctl entry set). Pipe entries from Get-RasEntry to change many.
    .PARAMETER Name
    Name of the entry to change.
    .PARAMETER Phonebook
    Phone-book file that holds the entry.
    .PARAMETER AllUsers
    The entry is in the all-users phone book.
    .PARAMETER FromFile
    JSON file with settings to apply.
    .PARAMETER Server
    New VPN server or phone number.
    .PARAMETER Type
    New entry type: vpn, phone, broadband or direct.
    .PARAMETER Strategy
    New VPN strategy, e.g. automatic, ikev2-only, sstp-first.
    .PARAMETER SplitTunnel
    Turn split tunnelling on (-SplitTunnel) or off (-SplitTunnel:$false: all traffic through the VPN).
    .PARAMETER DnsServer
    One or two DNS server addresses.
    .PARAMETER DnsSuffix
    Connection-specific DNS suffix.
    .PARAMETER Prerequisite
    Entry to dial before this one.
    .PARAMETER PassThru
    Output the changed entry.
    .EXAMPLE
    Set-RasEntry -Name Corp -Server vpn2.example.com -PassThru
    .EXAMPLE
    Get-RasEntry Corp* | Set-RasEntry -DnsSuffix corp.example.com
    .OUTPUTS
    RasCtl.Entry (with -PassThru)
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'User')]
    [OutputType('RasCtl.Entry')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ParameterSetName = 'File', ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [Parameter(ParameterSetName = 'AllUsers')]
        [switch]$AllUsers,
        [string]$FromFile,
        [string]$Server,
        [ValidateSet('vpn', 'phone', 'broadband', 'direct')]
        [string]$Type,
        [string]$Strategy,
        [switch]$SplitTunnel,
        [ValidateCount(1, 2)]
        [string[]]$DnsServer,
        [string]$DnsSuffix,
        [string]$Prerequisite,
        [switch]$PassThru
    )
    process {
        $arguments = @('entry', 'set', $Name) + (Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers) +
            (Get-EntrySettingArgument -Bound $PSBoundParameters)
        if (-not $PSCmdlet.ShouldProcess($Name, 'Change phone-book entry')) { return }
        $r = Invoke-RasCtl -ArgumentList $arguments -TargetObject $Name
        if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
        if ($PassThru) { Write-RasOutput -Data $r.Data -TypeName 'RasCtl.Entry' }
    }
}

function Remove-RasEntry {
    <#
    .SYNOPSIS
    Deletes phone-book entries.
    .DESCRIPTION
    Deletes each named entry (rasctl entry remove). Names are literal; use Get-RasEntry with wildcards
    and pipe the result to delete several. Asks for confirmation unless -Force or -Confirm:$false.
    .PARAMETER Name
    Names of the entries to delete.
    .PARAMETER Phonebook
    Phone-book file that holds the entries.
    .PARAMETER AllUsers
    The entries are in the all-users phone book.
    .PARAMETER Force
    Do not ask for confirmation.
    .EXAMPLE
    Get-RasEntry -Name Corp* | Remove-RasEntry -WhatIf
    Shows which entries would be deleted.
    .EXAMPLE
    Remove-RasEntry -Name 'Old VPN' -Force
    .OUTPUTS
    None
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High', DefaultParameterSetName = 'User')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name,
        [Parameter(ParameterSetName = 'File', ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [Parameter(ParameterSetName = 'AllUsers')]
        [switch]$AllUsers,
        [switch]$Force
    )
    begin {
        if ($Force -and -not $PSBoundParameters.ContainsKey('Confirm')) { $ConfirmPreference = 'None' }
    }
    process {
        foreach ($n in $Name) {
            $where = if ($Phonebook) { $Phonebook } elseif ($AllUsers) { 'all-users phone book' } else { 'user phone book' }
            if (-not $PSCmdlet.ShouldProcess("$n ($where)", 'Delete phone-book entry')) { continue }
            $r = Invoke-RasCtl -ArgumentList (@('entry', 'remove', $n) + (Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers)) -TargetObject $n
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord) }
        }
    }
}

function Rename-RasEntry {
    <#
    .SYNOPSIS
    Renames a phone-book entry.
    .DESCRIPTION
    Renames an entry (rasctl entry rename). Connections that are up keep running under the old name.
    .PARAMETER Name
    Current name of the entry.
    .PARAMETER NewName
    New name of the entry.
    .PARAMETER Phonebook
    Phone-book file that holds the entry.
    .PARAMETER AllUsers
    The entry is in the all-users phone book.
    .PARAMETER PassThru
    Output the renamed entry.
    .EXAMPLE
    Rename-RasEntry -Name Corp -NewName 'Corp (old)'
    .OUTPUTS
    RasCtl.Entry (with -PassThru)
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'User')]
    [OutputType('RasCtl.Entry')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(Mandatory, Position = 1)]
        [ValidateNotNullOrEmpty()]
        [string]$NewName,
        [Parameter(ParameterSetName = 'File', ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [Parameter(ParameterSetName = 'AllUsers')]
        [switch]$AllUsers,
        [switch]$PassThru
    )
    process {
        $scope = Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
        if (-not $PSCmdlet.ShouldProcess($Name, "Rename phone-book entry to '$NewName'")) { return }
        $r = Invoke-RasCtl -ArgumentList (@('entry', 'rename', $Name, $NewName) + $scope) -TargetObject $Name
        if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
        if ($PassThru) {
            $shown = Invoke-RasCtl -ArgumentList (@('entry', 'show', $NewName) + $scope) -TargetObject $NewName
            if ($shown.ErrorRecord) { $PSCmdlet.WriteError($shown.ErrorRecord); return }
            Write-RasOutput -Data $shown.Data -TypeName 'RasCtl.Entry'
        }
    }
}

#endregion

#region Connections

function Connect-RasEntry {
    <#
    .SYNOPSIS
    Dials a phone-book entry (connects a VPN or dial-up connection).
    .DESCRIPTION
    Dials the entry (rasctl dial), optionally after a prerequisite entry (-Via), and returns the
    connections made, prerequisite first. Passwords are taken from the PSCredential at the last moment
    and handed to rasctl.exe through its standard input as UTF-8; they never appear on a command line.
    Without -Credential the credentials saved for the entry (Set-RasCredential) are used. Progress is
    shown with Write-Progress.
    .PARAMETER Name
    Entry to dial.
    .PARAMETER Phonebook
    Phone-book file that holds the entry.
    .PARAMETER Credential
    User name (DOMAIN\user or user@domain) and password for the entry.
    .PARAMETER Via
    Entry to dial first (two-stage dial), e.g. a dial-up link that carries the VPN.
    .PARAMETER ViaCredential
    User name and password for the -Via entry.
    .PARAMETER Timeout
    Seconds to wait for each connection.
    .PARAMETER Retries
    How many times to redial after a failure.
    .EXAMPLE
    Connect-RasEntry -Name Corp -Credential (Get-Credential CONTOSO\ann)
    .EXAMPLE
    Connect-RasEntry Corp -Via Dialup -ViaCredential $isp -Timeout 60
    .OUTPUTS
    RasCtl.Connection
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Low')]
    [OutputType('RasCtl.Connection')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $Credential = [System.Management.Automation.PSCredential]::Empty,
        [string]$Via,
        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $ViaCredential = [System.Management.Automation.PSCredential]::Empty,
        [ValidateRange(1, 86400)]
        [int]$Timeout,
        [ValidateRange(0, 1000)]
        [int]$Retries
    )
    process {
        $arguments = @('dial', $Name)
        if ($Phonebook) { $arguments += @('--phonebook', $Phonebook) }
        $secrets = @()
        if ($Credential -ne [System.Management.Automation.PSCredential]::Empty) {
            $user, $domain = Split-RasUserName $Credential.UserName
            $arguments += @('--user', $user)
            if ($domain) { $arguments += @('--domain', $domain) }
            $arguments += '--password-stdin'
            $secrets += $Credential.Password
        }
        if ($Via) { $arguments += @('--via', $Via) }
        if ($ViaCredential -ne [System.Management.Automation.PSCredential]::Empty) {
            $user, $domain = Split-RasUserName $ViaCredential.UserName
            $arguments += @('--via-user', $user)
            if ($domain) { $arguments += @('--via-domain', $domain) }
            $arguments += '--via-password-stdin'
            $secrets += $ViaCredential.Password # the line after the entry's password, if any
        }
        if ($PSBoundParameters.ContainsKey('Timeout')) { $arguments += @('--timeout', [string]$Timeout) }
        if ($PSBoundParameters.ContainsKey('Retries')) { $arguments += @('--retries', [string]$Retries) }
        $target = if ($Via) { "$Name (via $Via)" } else { $Name }
        if (-not $PSCmdlet.ShouldProcess($target, 'Connect')) { return }
        $r = Invoke-RasCtl -ArgumentList $arguments -Secret $secrets -ProgressActivity "Connecting $target" -TargetObject $Name
        if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
        Write-RasOutput -Data $r.Data -TypeName 'RasCtl.Connection'
    }
}

function Disconnect-RasConnection {
    <#
    .SYNOPSIS
    Hangs up connections.
    .DESCRIPTION
    Hangs up a connection by handle (as piped from Get-RasConnection), by entry name, or all
    connections (rasctl hangup). Outputs nothing unless -PassThru.
    .PARAMETER Handle
    Connection handle, e.g. 0x10001 (the Handle property of Get-RasConnection's output).
    .PARAMETER EntryName
    Entry whose connection to hang up.
    .PARAMETER All
    Hang up every connection.
    .PARAMETER WithPrerequisite
    Also hang up the prerequisite connection the entry was dialed through.
    .PARAMETER Timeout
    Seconds to wait until the connection is released.
    .PARAMETER PassThru
    Output what was released: objects with Entry, Handle and Released.
    .EXAMPLE
    Get-RasConnection | Disconnect-RasConnection
    Hangs up every connection, one by one.
    .EXAMPLE
    Disconnect-RasConnection -EntryName Corp -WithPrerequisite
    .OUTPUTS
    RasCtl.Hangup (with -PassThru)
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'Handle')]
    [OutputType('RasCtl.Hangup')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Handle', ValueFromPipelineByPropertyName)]
        [ValidatePattern('^(0x)?[0-9A-Fa-f]+$')]
        [string]$Handle,
        [Parameter(Mandatory, ParameterSetName = 'Name', Position = 0, ValueFromPipeline)]
        [Alias('Entry', 'Name')]
        [ValidateNotNullOrEmpty()]
        [string]$EntryName,
        [Parameter(Mandatory, ParameterSetName = 'All')]
        [switch]$All,
        [switch]$WithPrerequisite,
        [ValidateRange(1, 3600)]
        [int]$Timeout,
        [switch]$PassThru
    )
    process {
        switch ($PSCmdlet.ParameterSetName) {
            'Handle' { $arguments = @('hangup', '--handle', $Handle); $target = "handle $Handle" }
            'Name' { $arguments = @('hangup', $EntryName); $target = $EntryName }
            'All' { $arguments = @('hangup', '--all'); $target = 'all connections' }
        }
        if ($WithPrerequisite) { $arguments += '--with-prerequisite' }
        if ($PSBoundParameters.ContainsKey('Timeout')) { $arguments += @('--timeout', [string]$Timeout) }
        if (-not $PSCmdlet.ShouldProcess($target, 'Disconnect')) { return }
        $r = Invoke-RasCtl -ArgumentList $arguments -TargetObject $target
        if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
        if ($PassThru) { Write-RasOutput -Data $r.Data -TypeName 'RasCtl.Hangup' }
    }
}

function Get-RasConnection {
    <#
    .SYNOPSIS
    Gets the active RAS connections.
    .DESCRIPTION
    Lists the connections (rasctl connections) with their state, device and addresses.
    .PARAMETER Name
    Entry names to filter on; wildcards are allowed.
    .PARAMETER Handle
    Connection handles to filter on.
    .EXAMPLE
    Get-RasConnection
    .EXAMPLE
    Get-RasConnection -Name Corp* | Select-Object Entry, State, @{ n = 'Address'; e = { $_.Ipv4.Local } }
    .OUTPUTS
    RasCtl.Connection
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Connection')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [SupportsWildcards()]
        [string[]]$Name,
        [string[]]$Handle
    )
    process {
        $r = Invoke-RasCtl -ArgumentList @('connections')
        if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
        foreach ($c in @($r.Data)) {
            if ($null -eq $c) { continue }
            if ($Name -and @($Name | Where-Object { $c.entry -like $_ }).Count -eq 0) { continue }
            if ($Handle -and $Handle -notcontains $c.handle) { continue }
            Write-RasOutput -Data $c -TypeName 'RasCtl.Connection'
        }
    }
}

function Get-RasConnectionStatistics {
    <#
    .SYNOPSIS
    Gets traffic and error counters of a connection.
    .DESCRIPTION
    Returns bytes and frames sent and received, error counters, compression ratios, speed and
    duration of the connection of an entry (rasctl stats).
    .PARAMETER Name
    Entry whose connection to read; accepts Get-RasConnection output.
    .EXAMPLE
    Get-RasConnectionStatistics -Name Corp
    .EXAMPLE
    Get-RasConnection | Get-RasConnectionStatistics | Format-Table Entry, BytesReceived, BytesTransmitted
    .OUTPUTS
    RasCtl.Statistics
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Statistics')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name
    )
    process {
        foreach ($n in $Name) {
            $r = Invoke-RasCtl -ArgumentList @('stats', $n) -TargetObject $n
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); continue }
            Write-RasOutput -Data $r.Data -TypeName 'RasCtl.Statistics'
        }
    }
}

function Wait-RasConnection {
    <#
    .SYNOPSIS
    Waits until a connection is connected or disconnected.
    .DESCRIPTION
    Polls the entry's status (rasctl status NAME) until its state is the one asked for, then outputs
    the status. Writes a timeout error (OperationTimeout) when -Timeout passes first.
    .PARAMETER Name
    Entry to watch.
    .PARAMETER State
    The state to wait for: Connected (default) or Disconnected.
    .PARAMETER Timeout
    Seconds to wait at most (default 60).
    .PARAMETER PollIntervalMilliseconds
    Time between two status checks (default 500).
    .EXAMPLE
    Wait-RasConnection -Name Corp -Timeout 30
    .EXAMPLE
    Disconnect-RasConnection Corp; Wait-RasConnection Corp -State Disconnected
    .OUTPUTS
    RasCtl.Connection
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Connection')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [ValidateSet('Connected', 'Disconnected')]
        [string]$State = 'Connected',
        [ValidateRange(0, 86400)]
        [int]$Timeout = 60,
        [ValidateRange(50, 60000)]
        [int]$PollIntervalMilliseconds = 500
    )
    process {
        $deadline = [DateTime]::UtcNow.AddSeconds($Timeout)
        $wanted = $State.ToLowerInvariant()
        while ($true) {
            $r = Invoke-RasCtl -ArgumentList @('status', $Name) -TargetObject $Name
            $current = $null
            if ($r.ErrorRecord) {
                $exception = $r.ErrorRecord.Exception
                # No connection for the entry (e.g. ERROR_NO_CONNECTION): that is "disconnected".
                if ($r.ErrorRecord.CategoryInfo.Category -eq 'ObjectNotFound' -and $exception.Data['RasErrorName'] -ne 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY') {
                    $current = 'disconnected'
                }
                else { $PSCmdlet.WriteError($r.ErrorRecord); return }
            }
            else {
                $status = @($r.Data)[0]
                $current = [string]$status.state
                if ($current -eq $wanted) { Write-RasOutput -Data $status -TypeName 'RasCtl.Connection'; return }
            }
            if ($current -eq $wanted) {
                # Disconnected with nothing to report: output a minimal status object.
                $gone = New-Object PSObject -Property ([ordered]@{ Entry = $Name; State = 'disconnected'; Handle = $null })
                $gone.PSObject.TypeNames.Insert(0, 'RasCtl.Connection')
                $gone
                return
            }
            if ([DateTime]::UtcNow -ge $deadline) {
                $exception = New-Object System.TimeoutException -ArgumentList ("'{0}' was still {1} after {2} s, not {3}." -f $Name, $current, $Timeout, $wanted)
                $PSCmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'WaitTimeout', 'OperationTimeout', $Name))
                return
            }
            Start-Sleep -Milliseconds $PollIntervalMilliseconds
        }
    }
}

function Get-RasDevice {
    <#
    .SYNOPSIS
    Gets the RAS-capable devices (modems, VPN miniports, PPPoE).
    .DESCRIPTION
    Lists the devices RAS can dial with (rasctl devices).
    .PARAMETER Name
    Device names to filter on; wildcards are allowed.
    .PARAMETER Type
    Device types to filter on, e.g. vpn, modem, pppoe.
    .EXAMPLE
    Get-RasDevice -Type vpn
    .OUTPUTS
    RasCtl.Device
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Device')]
    param(
        [Parameter(Position = 0)]
        [SupportsWildcards()]
        [string[]]$Name,
        [string[]]$Type
    )
    $r = Invoke-RasCtl -ArgumentList @('devices')
    if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
    foreach ($d in @($r.Data)) {
        if ($null -eq $d) { continue }
        if ($Name -and @($Name | Where-Object { $d.name -like $_ }).Count -eq 0) { continue }
        if ($Type -and $Type -notcontains $d.type) { continue }
        Write-RasOutput -Data $d -TypeName 'RasCtl.Device'
    }
}

#endregion

#region Credentials

function Get-RasCredential {
    <#
    .SYNOPSIS
    Shows which credentials are saved for an entry.
    .DESCRIPTION
    Returns the saved user name and domain and whether a password and a pre-shared key are saved
    (rasctl creds show). Never returns the secrets themselves.
    .PARAMETER Name
    Entry names.
    .PARAMETER Phonebook
    Phone-book file that holds the entry.
    .EXAMPLE
    Get-RasCredential -Name Corp
    .OUTPUTS
    RasCtl.Credential
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Credential')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Phonebook
    )
    process {
        foreach ($n in $Name) {
            $arguments = @('creds', 'show', $n)
            if ($Phonebook) { $arguments += @('--phonebook', $Phonebook) }
            $r = Invoke-RasCtl -ArgumentList $arguments -TargetObject $n
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); continue }
            Write-RasOutput -Data $r.Data -TypeName 'RasCtl.Credential'
        }
    }
}

function Set-RasCredential {
    <#
    .SYNOPSIS
    Saves credentials (and a pre-shared key) for an entry.
    .DESCRIPTION
    Saves the user name, domain and password of -Credential, and/or an L2TP pre-shared key, for the
    entry (rasctl creds set). Secrets go to rasctl.exe through standard input as UTF-8, never on a
    command line. Scheduled tasks (Register-RasTask) dial with these saved credentials.
    .PARAMETER Name
    Entry to save credentials for.
    .PARAMETER Phonebook
    Phone-book file that holds the entry.
    .PARAMETER Credential
    User name (DOMAIN\user or user@domain) and password.
    .PARAMETER PreSharedKey
    Pre-shared key for L2TP/IPsec.
    .PARAMETER PassThru
    Output what is saved afterwards (as Get-RasCredential).
    .EXAMPLE
    Set-RasCredential -Name Corp -Credential (Get-Credential CONTOSO\ann)
    .EXAMPLE
    Set-RasCredential -Name L2tpVpn -PreSharedKey (Read-Host -AsSecureString 'PSK')
    .OUTPUTS
    RasCtl.Credential (with -PassThru)
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    [OutputType('RasCtl.Credential')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $Credential = [System.Management.Automation.PSCredential]::Empty,
        [System.Security.SecureString]$PreSharedKey,
        [switch]$PassThru
    )
    process {
        $scope = @()
        if ($Phonebook) { $scope = @('--phonebook', $Phonebook) }
        $hasCredential = $Credential -ne [System.Management.Automation.PSCredential]::Empty
        if (-not $hasCredential -and -not $PreSharedKey) {
            $exception = New-Object System.ArgumentException -ArgumentList 'Give -Credential, -PreSharedKey or both.'
            $PSCmdlet.ThrowTerminatingError((New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'NothingToSet', 'InvalidArgument', $Name))
        }
        $what = @()
        if ($hasCredential) { $what += "credentials of $($Credential.UserName)" }
        if ($PreSharedKey) { $what += 'pre-shared key' }
        if (-not $PSCmdlet.ShouldProcess($Name, "Save $($what -join ' and ')")) { return }
        # One secret per run: rasctl reads exactly one line of stdin for each.
        if ($hasCredential) {
            $user, $domain = Split-RasUserName $Credential.UserName
            $arguments = @('creds', 'set', $Name) + $scope + @('--user', $user)
            if ($domain) { $arguments += @('--domain', $domain) }
            $arguments += '--password-stdin'
            $r = Invoke-RasCtl -ArgumentList $arguments -Secret @($Credential.Password) -TargetObject $Name
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
        }
        if ($PreSharedKey) {
            $r = Invoke-RasCtl -ArgumentList (@('creds', 'set', $Name) + $scope + @('--psk-stdin')) -Secret @($PreSharedKey) -TargetObject $Name
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
        }
        if ($PassThru) { Get-RasCredential -Name $Name -Phonebook $Phonebook }
    }
}

function Clear-RasCredential {
    <#
    .SYNOPSIS
    Deletes the credentials saved for an entry.
    .DESCRIPTION
    Forgets the saved password (rasctl creds clear), or with -PreSharedKey the saved pre-shared key.
    .PARAMETER Name
    Entries whose credentials to delete.
    .PARAMETER Phonebook
    Phone-book file that holds the entry.
    .PARAMETER PreSharedKey
    Delete the pre-shared key instead of the user credentials.
    .EXAMPLE
    Clear-RasCredential -Name Corp
    .EXAMPLE
    Clear-RasCredential -Name L2tpVpn -PreSharedKey -Confirm:$false
    .OUTPUTS
    None
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [switch]$PreSharedKey
    )
    process {
        foreach ($n in $Name) {
            $arguments = @('creds', 'clear', $n)
            if ($Phonebook) { $arguments += @('--phonebook', $Phonebook) }
            if ($PreSharedKey) { $arguments += '--psk' }
            $what = if ($PreSharedKey) { 'Delete saved pre-shared key' } else { 'Delete saved credentials' }
            if (-not $PSCmdlet.ShouldProcess($n, $what)) { continue }
            $r = Invoke-RasCtl -ArgumentList $arguments -TargetObject $n
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord) }
        }
    }
}

#endregion

#region Errors and tasks

function Get-RasError {
    <#
    .SYNOPSIS
    Explains a RAS error code.
    .DESCRIPTION
    Returns the symbolic name, the message and a hint for a RAS or Win32 error code (rasctl error).
    .PARAMETER Code
    Error codes, e.g. 691.
    .EXAMPLE
    Get-RasError 691
    .EXAMPLE
    try { Connect-RasEntry Corp -ErrorAction Stop } catch { Get-RasError $_.Exception.NativeErrorCode }
    .OUTPUTS
    RasCtl.Error
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Error')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('NativeErrorCode')]
        [int[]]$Code
    )
    process {
        foreach ($c in $Code) {
            $r = Invoke-RasCtl -ArgumentList @('error', [string]$c) -TargetObject $c
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); continue }
            Write-RasOutput -Data $r.Data -TypeName 'RasCtl.Error'
        }
    }
}

function Register-RasTask {
    <#
    .SYNOPSIS
    Registers a scheduled task that keeps an entry connected.
    .DESCRIPTION
    Registers the Task Scheduler task \RasCtl\<Name>, which runs rasctlw.exe ensure <Name> at logon,
    at startup, when a connection drops and/or every few minutes (rasctl task install). The task dials
    with the credentials saved for the entry (Set-RasCredential); it never contains a password.
    With -Xml nothing is registered: the task's XML definition is returned as a string.
    .PARAMETER Name
    Entry to keep connected.
    .PARAMETER AtLogon
    Run when the user logs on.
    .PARAMETER AtStartup
    Run when the computer starts (machine tasks only).
    .PARAMETER OnDisconnect
    Run when RasClient logs that a connection was terminated (event 20226).
    .PARAMETER EveryMinutes
    Run every so many minutes.
    .PARAMETER UserTask
    Register a task of the current user (user phone book, runs only while logged on) instead of a
    machine task that runs as SYSTEM with the all-users phone book.
    .PARAMETER ExePath
    The rasctlw.exe the task runs (default: beside rasctl.exe).
    .PARAMETER Xml
    Return the task definition instead of registering it.
    .EXAMPLE
    Register-RasTask -Name Corp -AtLogon -OnDisconnect -UserTask
    .EXAMPLE
    Register-RasTask -Name Corp -EveryMinutes 15 -Xml | Set-Content corp-task.xml
    .OUTPUTS
    RasCtl.Task, or System.String with -Xml
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    [OutputType('RasCtl.Task', [string])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [switch]$AtLogon,
        [switch]$AtStartup,
        [switch]$OnDisconnect,
        [ValidateRange(1, 44640)]
        [int]$EveryMinutes,
        [switch]$UserTask,
        [string]$ExePath,
        [switch]$Xml
    )
    process {
        $arguments = @('task', 'install', $Name)
        if ($AtLogon) { $arguments += '--at-logon' }
        if ($AtStartup) { $arguments += '--at-startup' }
        if ($OnDisconnect) { $arguments += '--on-disconnect' }
        if ($PSBoundParameters.ContainsKey('EveryMinutes')) { $arguments += @('--every', [string]$EveryMinutes) }
        if ($UserTask) {
            # The account of a user task: DOMAIN\user of whoever registers it.
            $arguments += @('--user-task', '--user-id', ('{0}\{1}' -f [Environment]::UserDomainName, [Environment]::UserName))
        }
        if ($ExePath) { $arguments += @('--exe', $ExePath) }
        if ($Xml) {
            $r = Invoke-RasCtl -ArgumentList ($arguments + '--xml') -Raw -TargetObject $Name
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
            return $r.Raw
        }
        if (-not $PSCmdlet.ShouldProcess("\RasCtl\$Name", 'Register scheduled task')) { return }
        $r = Invoke-RasCtl -ArgumentList $arguments -TargetObject $Name
        if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); return }
        Write-RasOutput -Data $r.Data -TypeName 'RasCtl.Task'
    }
}

function Unregister-RasTask {
    <#
    .SYNOPSIS
    Removes the scheduled task of an entry.
    .DESCRIPTION
    Deletes the Task Scheduler task \RasCtl\<Name> (rasctl task remove).
    .PARAMETER Name
    Entries whose tasks to remove.
    .EXAMPLE
    Unregister-RasTask -Name Corp -Confirm:$false
    .OUTPUTS
    None
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name
    )
    process {
        foreach ($n in $Name) {
            if (-not $PSCmdlet.ShouldProcess("\RasCtl\$n", 'Remove scheduled task')) { continue }
            $r = Invoke-RasCtl -ArgumentList @('task', 'remove', $n) -TargetObject $n
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord) }
        }
    }
}

function Get-RasTask {
    <#
    .SYNOPSIS
    Gets the scheduled task that keeps an entry connected.
    .DESCRIPTION
    Shows the Task Scheduler task \RasCtl\<Name> (rasctl task show).
    .PARAMETER Name
    Entries whose tasks to show.
    .EXAMPLE
    Get-RasTask -Name Corp
    .OUTPUTS
    RasCtl.Task
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Task')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name
    )
    process {
        foreach ($n in $Name) {
            $r = Invoke-RasCtl -ArgumentList @('task', 'show', $n) -TargetObject $n
            if ($r.ErrorRecord) { $PSCmdlet.WriteError($r.ErrorRecord); continue }
            Write-RasOutput -Data $r.Data -TypeName 'RasCtl.Task'
        }
    }
}

#endregion

$entryCommands = @(
    'Get-RasEntry', 'Set-RasEntry', 'Remove-RasEntry', 'Rename-RasEntry', 'Connect-RasEntry',
    'Get-RasCredential', 'Set-RasCredential', 'Clear-RasCredential', 'Wait-RasConnection',
    'Get-RasConnectionStatistics', 'Register-RasTask', 'Unregister-RasTask', 'Get-RasTask'
)
Register-ArgumentCompleter -CommandName $entryCommands -ParameterName Name -ScriptBlock ${function:Get-EntryCompletion}
Register-ArgumentCompleter -CommandName 'Connect-RasEntry' -ParameterName Via -ScriptBlock ${function:Get-EntryCompletion}
Register-ArgumentCompleter -CommandName 'Disconnect-RasConnection' -ParameterName EntryName -ScriptBlock ${function:Get-EntryCompletion}
Register-ArgumentCompleter -CommandName 'New-RasEntry', 'Set-RasEntry' -ParameterName Prerequisite -ScriptBlock ${function:Get-EntryCompletion}
Register-ArgumentCompleter -CommandName 'New-RasEntry', 'Set-RasEntry' -ParameterName Strategy -ScriptBlock {
    param($commandName, $parameterName, $wordToComplete)
    'automatic', 'ikev2-only', 'ikev2-first', 'sstp-only', 'sstp-first', 'l2tp-only', 'l2tp-first', 'pptp-only', 'pptp-first' |
        Where-Object { $_ -like "$wordToComplete*" } |
        ForEach-Object { New-Object System.Management.Automation.CompletionResult -ArgumentList $_, $_, 'ParameterValue', $_ }
}

Export-ModuleMember -Function @(
    'Get-RasEntry', 'New-RasEntry', 'Set-RasEntry', 'Remove-RasEntry', 'Rename-RasEntry',
    'Connect-RasEntry', 'Disconnect-RasConnection', 'Get-RasConnection', 'Get-RasConnectionStatistics',
    'Wait-RasConnection', 'Get-RasDevice', 'Get-RasCredential', 'Set-RasCredential',
    'Clear-RasCredential', 'Get-RasError', 'Register-RasTask', 'Unregister-RasTask', 'Get-RasTask'
)
