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
        [Alias('Entry')]
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
        $failure = $null
        $null = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList (@('entry', 'rename', $Name, $NewName) + $scope) -TargetObject $Name -Failure ([ref]$failure)
        if ($failure) { Write-RasError -Cmdlet $PSCmdlet -ErrorRecord $failure; return }
        if ($PassThru) {
            Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList (@('entry', 'show', $NewName) + $scope) -TargetObject $NewName -TypeName 'RasCtl.Entry'
        }
    }
}
