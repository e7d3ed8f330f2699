function Register-RasTask {
    <#
    .SYNOPSIS
    Registers a scheduled task that keeps an entry connected.
    .DESCRIPTION
    Registers the Task Scheduler task \RasCtl\<Name>, which runs rasctlw.exe ensure <Name> at logon,
    at startup, when a connection drops and/or every few minutes (rasctl task install). The task dials
    with the credentials saved for the entry (Set-RasCredential, -Default for a machine task); it never
    contains a password. A machine task runs as SYSTEM, so its rasctlw.exe must be in a folder only
    administrators can change (Program Files or the system folder): otherwise any user could replace
    it and run code as SYSTEM, and Register-RasTask refuses (install rasctl there, or name such a copy
    with -ExePath). With -Xml nothing is registered: the task's XML definition is returned as a string;
    with -XmlPath it is written to a file, in the encoding its XML declaration names.
    .PARAMETER Name
    Entry to keep connected.
    .PARAMETER Phonebook
    Phone-book file that holds the entry.
    .PARAMETER AtLogon
    Run when the user logs on.
    .PARAMETER AtStartup
    Run when the computer starts (machine tasks only).
    .PARAMETER OnDisconnect
    Run when RasClient logs that a connection was terminated (event 20226).
    .PARAMETER EveryMinutes
    Run every so many minutes.
    .PARAMETER Credential
    The user name the task dials with (DOMAIN\user or user@domain). Only the name is used: the
    password always comes from the credentials saved for the entry, never from the task.
    .PARAMETER Via
    Entry to dial first (two-stage dial).
    .PARAMETER ViaCredential
    The user name the task dials the -Via entry with; as with -Credential, only the name is used.
    .PARAMETER Timeout
    Seconds each dial may take.
    .PARAMETER Retries
    Retries of transient dial failures.
    .PARAMETER Keep
    Stay running and redial when the connection drops (ensure --keep).
    .PARAMETER CheckInterval
    With -Keep: seconds between checks without a notification.
    .PARAMETER LogPath
    File the task's runs append JSON lines to (its --log-file).
    .PARAMETER ExePath
    The rasctlw.exe the task runs (default: beside rasctl.exe). For a machine task it must be under
    Program Files or the system folder.
    .PARAMETER UserTask
    Register a task of the current user (user phone book, runs only while logged on) instead of a
    machine task that runs as SYSTEM with the all-users phone book.
    .PARAMETER UserId
    The account of a user task (default: the current user, DOMAIN\user).
    .PARAMETER Force
    Replace a task of the same name (with -XmlPath: overwrite the file).
    .PARAMETER Xml
    Return the task definition instead of registering it. The string declares UTF-8 (rasctl task
    install --xml prints it as UTF-8 text): a file written from it must be UTF-8 (or use -XmlPath,
    which writes what the declaration says).
    .PARAMETER XmlPath
    Write the task definition to this file instead of registering it (what schtasks /Create /XML and
    Register-ScheduledTask -Xml read), in the encoding its declaration names: see -XmlEncoding.
    .PARAMETER XmlEncoding
    Unicode (default): UTF-16LE with a byte-order mark, declared UTF-16, what rasctl gives
    schtasks. UTF8: UTF-8 without a byte-order mark, declared UTF-8.
    .EXAMPLE
    Register-RasTask -Name Corp -AtLogon -OnDisconnect -UserTask
    .EXAMPLE
    Register-RasTask -Name Corp -AtStartup -Keep -ExePath 'C:\Program Files\rasctl\rasctlw.exe'
    .EXAMPLE
    Register-RasTask -Name Corp -AtLogon -UserTask -XmlPath corp-task.xml
    Writes the definition to corp-task.xml as UTF-16, the encoding its XML declaration names
    (schtasks /Create /TN RasCtl\Corp /XML corp-task.xml reads it).
    .EXAMPLE
    $xml = Register-RasTask -Name Corp -AtLogon -UserTask -Xml; [System.IO.File]::WriteAllText((Join-Path $PWD 'corp-task.xml'), $xml)
    Writes the string as UTF-8 (WriteAllText's encoding in Windows PowerShell 5.1 and PowerShell 7),
    the encoding its declaration names. [System.Text.Encoding]::Unicode, or Out-File in Windows
    PowerShell 5.1 (UTF-16), would write another encoding than the declared one.
    .OUTPUTS
    RasCtl.Task; System.String with -Xml; System.IO.FileInfo with -XmlPath
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    [OutputType('RasCtl.Task', [string], [System.IO.FileInfo])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [switch]$AtLogon,
        [switch]$AtStartup,
        [switch]$OnDisconnect,
        [ValidateRange(1, 44640)]
        [int]$EveryMinutes,
        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $Credential = [System.Management.Automation.PSCredential]::Empty,
        [string]$Via,
        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $ViaCredential = [System.Management.Automation.PSCredential]::Empty,
        [ValidateRange(1, 86400)]
        [int]$Timeout,
        [ValidateRange(0, 100)]
        [int]$Retries,
        [switch]$Keep,
        [ValidateRange(1, 86400)]
        [int]$CheckInterval,
        [string]$LogPath,
        [string]$ExePath,
        [switch]$UserTask,
        [string]$UserId,
        [switch]$Force,
        [switch]$Xml,
        [ValidateNotNullOrEmpty()]
        [string]$XmlPath,
        [ValidateSet('Unicode', 'UTF8')]
        [string]$XmlEncoding = 'Unicode'
    )
    process {
        $arguments = @('task', 'install', $Name)
        if ($Phonebook) { $arguments += @('--phonebook', $Phonebook) }
        if ($AtLogon) { $arguments += '--at-logon' }
        if ($AtStartup) { $arguments += '--at-startup' }
        if ($OnDisconnect) { $arguments += '--on-disconnect' }
        if ($PSBoundParameters.ContainsKey('EveryMinutes')) { $arguments += @('--every', [string]$EveryMinutes) }
        if ($Credential -ne [System.Management.Automation.PSCredential]::Empty) {
            $user, $domain = Split-RasUserName $Credential.UserName
            $arguments += @('--user', $user)
            if ($domain) { $arguments += @('--domain', $domain) }
        }
        if ($Via) { $arguments += @('--via', $Via) }
        if ($ViaCredential -ne [System.Management.Automation.PSCredential]::Empty) {
            $user, $domain = Split-RasUserName $ViaCredential.UserName
            $arguments += @('--via-user', $user)
            if ($domain) { $arguments += @('--via-domain', $domain) }
        }
        if ($PSBoundParameters.ContainsKey('Timeout')) { $arguments += @('--timeout', [string]$Timeout) }
        if ($PSBoundParameters.ContainsKey('Retries')) { $arguments += @('--retries', [string]$Retries) }
        if ($Keep) { $arguments += '--keep' }
        if ($PSBoundParameters.ContainsKey('CheckInterval')) { $arguments += @('--check-interval', [string]$CheckInterval) }
        if ($LogPath) { $arguments += @('--task-log-file', $LogPath) }
        if ($UserTask) {
            if (-not $UserId) { $UserId = '{0}\{1}' -f [Environment]::UserDomainName, [Environment]::UserName }
            $arguments += @('--user-task', '--user-id', $UserId)
        }
        $exe = $ExePath
        if (-not $exe) {
            # rasctl's default: the rasctlw.exe beside rasctl.exe.
            $exe = Join-Path (Split-Path -Parent (Resolve-RasCtlPath)) 'rasctlw.exe'
        }
        if (-not $UserTask -and -not (Test-AdminOnlyPath -Path $exe)) {
            $exception = New-Object System.UnauthorizedAccessException -ArgumentList ((
                    "A machine task runs as SYSTEM, so its rasctlw.exe must be in a folder only administrators can " +
                    "change (Program Files or the system folder), not '{0}': install rasctl under Program Files and " +
                    "name its rasctlw.exe with -ExePath, or register a -UserTask.") -f $exe)
            $record = New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'UnsafeTaskExecutable', 'PermissionDenied', $exe
            $record.ErrorDetails = New-Object System.Management.Automation.ErrorDetails -ArgumentList $exception.Message
            $record.ErrorDetails.RecommendedAction = "Register-RasTask -Name '$Name' -ExePath 'C:\Program Files\rasctl\rasctlw.exe' ..."
            $PSCmdlet.ThrowTerminatingError($record)
        }
        $arguments += @('--exe', $exe)
        if ($XmlPath) {
            $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($XmlPath)
            if ((Test-Path -LiteralPath $target) -and -not $Force) {
                $exception = New-Object System.IO.IOException -ArgumentList "'$target' exists; use -Force to overwrite it"
                Write-RasError -Cmdlet $PSCmdlet -ErrorRecord (New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'FileExists', 'ResourceExists', $target)
                return
            }
            if (-not $PSCmdlet.ShouldProcess($target, "Write the task definition of '$Name'")) { return }
            $definition = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList ($arguments + '--xml') -Raw -TargetObject $Name
            if (-not $definition) { return }
            Save-TaskXml -Xml $definition -Path $target -Encoding $XmlEncoding
            return (Get-Item -LiteralPath $target)
        }
        if ($Xml) {
            return (Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList ($arguments + '--xml') -Raw -TargetObject $Name)
        }
        if (-not $PSCmdlet.ShouldProcess("\RasCtl\$Name", 'Register scheduled task')) { return }
        if ($Force) {
            $null = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('task', 'remove', $Name) -TargetObject $Name -Failure ([ref]$null)
        }
        Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -TargetObject $Name -TypeName 'RasCtl.Task'
    }
}
