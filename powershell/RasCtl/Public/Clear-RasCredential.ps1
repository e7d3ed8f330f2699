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
    .PARAMETER AllUsers
    The entry is in the all-users phone book.
    .PARAMETER Default
    Delete the entry's default (all-user) credentials instead of the current user's.
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
        [switch]$AllUsers,
        [switch]$Default,
        [switch]$PreSharedKey
    )
    process {
        foreach ($n in $Name) {
            $arguments = @('creds', 'clear', $n)
            $arguments += Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
            if ($Default) { $arguments += '--default' }
            if ($PreSharedKey) { $arguments += '--psk' }
            $what = if ($PreSharedKey) { 'Delete saved pre-shared key' } else { 'Delete saved credentials' }
            if (-not $PSCmdlet.ShouldProcess($n, $what)) { continue }
            $null = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -TargetObject $n
        }
    }
}
