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
    .PARAMETER AllUsers
    The entry is in the all-users phone book.
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
        [string]$Phonebook,
        [switch]$AllUsers
    )
    process {
        foreach ($n in $Name) {
            $arguments = @('creds', 'show', $n)
            $arguments += Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
            Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -TargetObject $n -TypeName 'RasCtl.Credential'
        }
    }
}
