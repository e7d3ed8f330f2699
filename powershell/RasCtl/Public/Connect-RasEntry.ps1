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
    .PARAMETER AllUsers
    The entry is in the all-users phone book (rasctl dial --all-users).
    .PARAMETER Credential
    User name (DOMAIN\user or user@domain) and password for the entry.
    .PARAMETER Via
    Entry to dial first (two-stage dial), e.g. a dial-up link that carries the VPN.
    .PARAMETER ViaPhonebook
    Phone-book file that holds the -Via entry.
    .PARAMETER ViaCredential
    User name and password for the -Via entry.
    .PARAMETER NoPrerequisite
    Do not dial the prerequisite entry the entry names itself (its own -Via setting).
    .PARAMETER Timeout
    Seconds to wait for each connection.
    .PARAMETER Retries
    How many times to redial after a transient failure (never after 691, a refused password).
    .PARAMETER RetryDelayMilliseconds
    The first pause between retries, doubled each time.
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
        [Alias('AllUserConnection')]
        [switch]$AllUsers,
        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $Credential = [System.Management.Automation.PSCredential]::Empty,
        [string]$Via,
        [string]$ViaPhonebook,
        [System.Management.Automation.PSCredential]
        [System.Management.Automation.Credential()]
        $ViaCredential = [System.Management.Automation.PSCredential]::Empty,
        [switch]$NoPrerequisite,
        [ValidateRange(1, 86400)]
        [int]$Timeout,
        [ValidateRange(0, 100)]
        [int]$Retries,
        [ValidateRange(1, 600000)]
        [int]$RetryDelayMilliseconds
    )
    process {
        $arguments = @('dial', $Name)
        $arguments += Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
        $secrets = @()
        $secretNames = @()
        if ($Credential -ne [System.Management.Automation.PSCredential]::Empty) {
            $user, $domain = Split-RasUserName $Credential.UserName
            $arguments += @('--user', $user)
            if ($domain) { $arguments += @('--domain', $domain) }
            $arguments += '--password-stdin'
            $secrets += $Credential.Password
            $secretNames += 'Credential'
        }
        if ($Via) { $arguments += @('--via', $Via) }
        if ($ViaPhonebook) { $arguments += @('--via-phonebook', $ViaPhonebook) }
        if ($NoPrerequisite) { $arguments += '--no-prerequisite' }
        if ($ViaCredential -ne [System.Management.Automation.PSCredential]::Empty) {
            $user, $domain = Split-RasUserName $ViaCredential.UserName
            $arguments += @('--via-user', $user)
            if ($domain) { $arguments += @('--via-domain', $domain) }
            $arguments += '--via-password-stdin'
            $secrets += $ViaCredential.Password # the line after the entry's password, if any
            $secretNames += 'ViaCredential'
        }
        if ($PSBoundParameters.ContainsKey('Timeout')) { $arguments += @('--timeout', [string]$Timeout) }
        if ($PSBoundParameters.ContainsKey('Retries')) { $arguments += @('--retries', [string]$Retries) }
        if ($PSBoundParameters.ContainsKey('RetryDelayMilliseconds')) { $arguments += @('--retry-delay', [string]$RetryDelayMilliseconds) }
        $target = if ($Via) { "$Name (via $Via)" } else { $Name }
        if (-not $PSCmdlet.ShouldProcess($target, 'Connect')) { return }
        Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -Secret $secrets -SecretName $secretNames -ProgressActivity "Connecting $target" -TargetObject $Name -TypeName 'RasCtl.Connection'
    }
}
