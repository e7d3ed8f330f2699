function Resolve-ProfilePath {
    # The profile file a *-RasProfile cmdlet reads: PowerShell's path (relative to its current
    # folder, any provider path) as a file-system path; an error record (through -Cmdlet) and
    # $null when there is no such file.
    param([System.Management.Automation.PSCmdlet]$Cmdlet, [string]$Path)
    $full = $Cmdlet.GetUnresolvedProviderPathFromPSPath($Path)
    if (-not (Test-Path -LiteralPath $full -PathType Leaf)) {
        $exception = New-Object System.IO.FileNotFoundException -ArgumentList ("Profile '{0}' does not exist." -f $full), $full
        Write-RasError -Cmdlet $Cmdlet -ErrorRecord (New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'ProfileNotFound', 'ObjectNotFound', $full)
        return $null
    }
    $full
}
