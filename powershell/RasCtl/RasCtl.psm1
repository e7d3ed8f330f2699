# RasCtl: PowerShell cmdlets over rasctl (Windows VPN and dial-up connections).
#
# Public/ holds one cmdlet a file (exported: the manifest's FunctionsToExport, which a test checks
# against Public/), Private/ one helper a file. Every cmdlet runs rasctl through Private/Invoke-RasCtl
# and emits typed objects (PSTypeName RasCtl.*, PascalCase properties) or error records. Secrets
# reach rasctl only through its stdin, as UTF-8, never on a command line. See about_RasCtl.
#
# Works in Windows PowerShell 5.1 (Desktop) and PowerShell 7 (Core).

$script:StdinUtf8 = New-Object System.Text.UTF8Encoding($false)

foreach ($folder in 'Private', 'Public') {
    foreach ($file in @(Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot $folder) -Filter '*.ps1' | Sort-Object Name)) {
        . $file.FullName
    }
}

$entryCommands = @(
    'Get-RasEntry', 'Set-RasEntry', 'Remove-RasEntry', 'Rename-RasEntry', 'Connect-RasEntry',
    'Get-RasCredential', 'Set-RasCredential', 'Clear-RasCredential', 'Wait-RasConnection',
    'Get-RasConnectionStatistics', 'Register-RasTask', 'Unregister-RasTask', 'Get-RasTask', 'Export-RasEntry',
    'Get-RasEvent', 'Export-RasProfile'
)
Register-ArgumentCompleter -CommandName $entryCommands -ParameterName Name -ScriptBlock ${function:Get-EntryCompletion}
Register-ArgumentCompleter -CommandName 'Connect-RasEntry', 'Register-RasTask' -ParameterName Via -ScriptBlock ${function:Get-EntryCompletion}
Register-ArgumentCompleter -CommandName 'Disconnect-RasConnection' -ParameterName EntryName -ScriptBlock ${function:Get-EntryCompletion}
Register-ArgumentCompleter -CommandName 'New-RasEntry', 'Set-RasEntry' -ParameterName Prerequisite -ScriptBlock ${function:Get-EntryCompletion}

Export-ModuleMember -Function @(Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'Public') -Filter '*.ps1' | ForEach-Object { $_.BaseName }) -Alias 'Watch-RasConnection'
