function Get-ScopeArgument {
    param([string]$Phonebook, [switch]$AllUsers)
    if ($Phonebook) { return @('--phonebook', $Phonebook) }
    if ($AllUsers) { return @('--all-users') }
    @()
}
