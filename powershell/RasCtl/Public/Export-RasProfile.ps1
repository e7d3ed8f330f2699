function Export-RasProfile {
    <#
    .SYNOPSIS
    Exports the entries on this machine as a VPN profile that Set-RasProfile reads.
    .DESCRIPTION
    Runs rasctl profile export: a profile of every entry of the phone book (or the one named),
    with every setting, which Set-RasProfile (and rasctl profile set) accepts unchanged. Credentials
    are never exported. With -Path it writes the file (UTF-8 without a byte-order mark) and outputs
    it; without, it outputs the profile text.
    .PARAMETER Name
    Only this entry.
    .PARAMETER Phonebook
    Phone-book file whose entries to export.
    .PARAMETER AllUsers
    Export the all-users phone book.
    .PARAMETER Path
    The file to write.
    .PARAMETER Yaml
    Write YAML instead of JSON.
    .PARAMETER Force
    Overwrite an existing file.
    .EXAMPLE
    Export-RasProfile -Path .\machine.json
    .EXAMPLE
    Export-RasProfile -Name Corp -AllUsers -Path .\corp.yaml -Yaml; Set-RasProfile .\corp.yaml
    .OUTPUTS
    System.IO.FileInfo
    .OUTPUTS
    System.String
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Low')]
    [OutputType([System.IO.FileInfo], [string])]
    param(
        [Parameter(Position = 0, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [switch]$AllUsers,
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty()]
        [string]$Path,
        [switch]$Yaml,
        [switch]$Force
    )
    process {
        $target = $null
        if ($Path) {
            $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
            if ((Test-Path -LiteralPath $target) -and -not $Force) {
                $exception = New-Object System.IO.IOException -ArgumentList "'$target' exists; use -Force to overwrite it"
                Write-RasError -Cmdlet $PSCmdlet -ErrorRecord (New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'FileExists', 'ResourceExists', $target)
                return
            }
            $what = 'Export the phone book as a profile'
            if ($Name) { $what = "Export entry '$Name' as a profile" }
            if (-not $PSCmdlet.ShouldProcess($target, $what)) { return }
        }
        $arguments = @('profile', 'export')
        if ($Name) { $arguments += $Name }
        $arguments += @(Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers)
        if ($Yaml) { $arguments += '--yaml' }
        $text = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -Raw -TargetObject $Name
        if (-not $text) { return }
        if (-not $target) { return $text }
        [System.IO.File]::WriteAllText($target, $text, $script:StdinUtf8)
        Get-Item -LiteralPath $target
    }
}
