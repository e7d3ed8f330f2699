@{
    RootModule           = 'RasCtl.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '4565ad81-74f5-4339-80f2-a46187593114'
    Author               = 'rasctl contributors'
    CompanyName          = 'rasctl'
    Copyright            = '(c) rasctl contributors. MIT license.'
    Description          = 'Manage Windows VPN and dial-up (RAS) connections: phone-book entries, dialing, credentials and keep-alive tasks, as objects. Wraps rasctl.exe.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    FunctionsToExport    = @(
        'Get-RasEntry'
        'New-RasEntry'
        'Set-RasEntry'
        'Remove-RasEntry'
        'Rename-RasEntry'
        'Connect-RasEntry'
        'Disconnect-RasConnection'
        'Get-RasConnection'
        'Get-RasConnectionStatistics'
        'Wait-RasConnection'
        'Get-RasEvent'
        'Get-RasDevice'
        'Get-RasCredential'
        'Set-RasCredential'
        'Clear-RasCredential'
        'Get-RasError'
        'Register-RasTask'
        'Unregister-RasTask'
        'Get-RasTask'
        'Export-RasEntry'
        'Get-RasProfile'
        'Test-RasProfile'
        'Set-RasProfile'
        'Export-RasProfile'
    )
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @('Watch-RasConnection')
    FormatsToProcess     = @('RasCtl.format.ps1xml')
    PrivateData          = @{
        PSData = @{
            Tags       = @('VPN', 'RAS', 'DialUp', 'Windows', 'rasapi32', 'PSEdition_Desktop', 'PSEdition_Core')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
