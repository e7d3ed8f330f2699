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
    .PARAMETER AllUsers
    The entry is in the all-users phone book.
    .PARAMETER Default
    Save them as the entry's default credentials, for every user (RASCM_DefaultCreds: what a
    machine task running as SYSTEM dials with); needs administrator rights.
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
        [switch]$AllUsers,
        [switch]$Default,
        [switch]$PassThru
    )
    process {
        $scope = Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
        $hasCredential = $Credential -ne [System.Management.Automation.PSCredential]::Empty
        if (-not $hasCredential -and -not $PreSharedKey) {
            $exception = New-Object System.ArgumentException -ArgumentList 'Give -Credential, -PreSharedKey or both.'
            $PSCmdlet.ThrowTerminatingError((New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'NothingToSet', 'InvalidArgument', $Name))
        }
        $what = @()
        if ($hasCredential) { $what += "credentials of $($Credential.UserName)" }
        if ($PreSharedKey) { $what += 'pre-shared key' }
        if (-not $PSCmdlet.ShouldProcess($Name, "Save $($what -join ' and ')")) { return }
        # One run: rasctl reads the password's line, then the pre-shared key's line.
        $arguments = @('creds', 'set', $Name) + $scope
        if ($Default) { $arguments += '--default' }
        $secrets = @()
        $secretNames = @()
        if ($hasCredential) {
            $user, $domain = Split-RasUserName $Credential.UserName
            $arguments += @('--user', $user)
            if ($domain) { $arguments += @('--domain', $domain) }
            $arguments += '--password-stdin'
            $secrets += $Credential.Password
            $secretNames += 'Credential'
        }
        if ($PreSharedKey) {
            $arguments += '--psk-stdin'
            $secrets += $PreSharedKey
            $secretNames += 'PreSharedKey'
        }
        $failure = $null
        # creds set prints what is saved afterwards: -PassThru needs no second run.
        $saved = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -Secret $secrets -SecretName $secretNames -TargetObject $Name -TypeName 'RasCtl.Credential' -Failure ([ref]$failure)
        if ($failure) { Write-RasError -Cmdlet $PSCmdlet -ErrorRecord $failure; return }
        if ($PassThru) { $saved }
    }
}
