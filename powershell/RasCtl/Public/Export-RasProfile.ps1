function Export-RasProfile {
    <#
    .SYNOPSIS
    Exports the entries on this machine as a VPN profile that Set-RasProfile reads.
    .DESCRIPTION
    Runs rasctl profile export: a profile of every entry of the phone book (or of those named),
    with every setting, which Set-RasProfile (and rasctl profile set) accepts unchanged. Credentials
    are never exported. With -Path it writes the file (UTF-8 without a byte-order mark) and outputs
    it; without, it outputs the profile text.
    .PARAMETER Name
    Only these entries (several names, or entries piped in, give one profile).
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
    .EXAMPLE
    Get-RasEntry -AllUsers | Where-Object Type -eq vpn | Export-RasProfile -AllUsers -Path .\vpns.json
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
        [string[]]$Name,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [switch]$AllUsers,
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty()]
        [string]$Path,
        [switch]$Yaml,
        [switch]$Force
    )
    begin {
        $names = New-Object System.Collections.Generic.List[string]
    }
    process {
        foreach ($one in $Name) { if ($one) { $names.Add($one) } }
    }
    end {
        $target = $null
        if ($Path) {
            $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
            if ((Test-Path -LiteralPath $target) -and -not $Force) {
                $exception = New-Object System.IO.IOException -ArgumentList "'$target' exists; use -Force to overwrite it"
                Write-RasError -Cmdlet $PSCmdlet -ErrorRecord (New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'FileExists', 'ResourceExists', $target)
                return
            }
            $what = 'Export the phone book as a profile'
            if ($names.Count -eq 1) { $what = "Export entry '$($names[0])' as a profile" }
            elseif ($names.Count -gt 1) { $what = "Export entries '$($names -join "', '")' as a profile" }
            if (-not $PSCmdlet.ShouldProcess($target, $what)) { return }
        }
        $arguments = @('profile', 'export')
        foreach ($one in $names) { $arguments += $one }
        $arguments += @(Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers)
        if ($Yaml) { $arguments += '--yaml' }
        $text = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -Raw -TargetObject ($names -join ', ')
        if (-not $text) { return }
        if (-not $target) { return $text }
        [System.IO.File]::WriteAllText($target, $text, $script:StdinUtf8)
        Get-Item -LiteralPath $target
    }
}
