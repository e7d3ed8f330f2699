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
        [Alias('Entry')]
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
            $null = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList (@('entry', 'remove', $n) + (Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers)) -TargetObject $n
        }
    }
}
