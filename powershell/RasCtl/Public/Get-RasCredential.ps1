function Get-RasCredential {
    <#
    .SYNOPSIS
    Shows which credentials are saved for an entry, or for every entry.
    .DESCRIPTION
    Returns the saved user name and domain and whether a password and a pre-shared key are saved
    (rasctl creds show), and for an all-users entry its default credentials (Default). Without
    -Name, one object per entry of both phone books, all users first (rasctl creds list, one run),
    or of the one -Phonebook or -AllUsers names. Never returns the secrets themselves.
    .PARAMETER Name
    Entry names (default: every entry).
    .PARAMETER Phonebook
    Phone-book file that holds the entry (without -Name: list only this book).
    .PARAMETER AllUsers
    The entry is in the all-users phone book (without -Name: list only that book).
    .EXAMPLE
    Get-RasCredential -Name Corp
    .EXAMPLE
    Get-RasCredential | Where-Object { -not $_.PasswordSaved }
    Every entry that has no saved password.
    .OUTPUTS
    RasCtl.Credential
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Credential')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [switch]$AllUsers
    )
    process {
        if (-not $PSBoundParameters.ContainsKey('Name')) {
            $arguments = @('creds', 'list')
            $arguments += Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
            Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -TypeName 'RasCtl.Credential'
            return
        }
        foreach ($n in $Name) {
            $arguments = @('creds', 'show', $n)
            $arguments += Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
            Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -TargetObject $n -TypeName 'RasCtl.Credential'
        }
    }
}
