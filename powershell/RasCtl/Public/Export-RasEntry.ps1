function Export-RasEntry {
    <#
    .SYNOPSIS
    Saves an entry's settings to a JSON file that New-RasEntry -FromFile reads.
    .DESCRIPTION
    Writes the entry's settings exactly as rasctl entry show prints them (camelCase keys, every
    RASENTRYW field, UTF-8 without a byte-order mark) to -Path. New-RasEntry -FromFile and
    Set-RasEntry -FromFile read that file back: the new entry is identical. (Get-RasEntry's objects
    have PascalCase properties; ConvertTo-Json of them is not the settings schema.)
    .PARAMETER Name
    The entry to export.
    .PARAMETER Phonebook
    Phone-book file that holds the entry.
    .PARAMETER AllUsers
    The entry is in the all-users phone book.
    .PARAMETER Path
    The JSON file to write.
    .PARAMETER Force
    Overwrite an existing file.
    .EXAMPLE
    Export-RasEntry -Name Corp -Path .\corp.json; New-RasEntry -Name 'Corp 2' -FromFile .\corp.json
    .EXAMPLE
    Get-RasEntry Corp | Export-RasEntry -Path C:\Backup\corp.json
    .OUTPUTS
    System.IO.FileInfo
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Low')]
    [OutputType([System.IO.FileInfo])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [switch]$AllUsers,
        [Parameter(Mandatory, Position = 1)]
        [ValidateNotNullOrEmpty()]
        [string]$Path,
        [switch]$Force
    )
    process {
        $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
        if ((Test-Path -LiteralPath $target) -and -not $Force) {
            $exception = New-Object System.IO.IOException -ArgumentList "'$target' exists; use -Force to overwrite it"
            Write-RasError -Cmdlet $PSCmdlet -ErrorRecord (New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'FileExists', 'ResourceExists', $target)
            return
        }
        if (-not $PSCmdlet.ShouldProcess($target, "Export phone-book entry '$Name'")) { return }
        $scope = Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
        $json = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList (@('entry', 'show', $Name, '--format', 'json') + $scope) -Raw -TargetObject $Name
        if (-not $json) { return }
        [System.IO.File]::WriteAllText($target, $json, $script:StdinUtf8)
        Get-Item -LiteralPath $target
    }
}
