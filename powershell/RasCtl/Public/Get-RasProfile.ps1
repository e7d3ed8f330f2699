function Get-RasProfile {
    <#
    .SYNOPSIS
    Gets the actual state of the entries a VPN profile names.
    .DESCRIPTION
    Runs rasctl profile get on the profile (a JSON or YAML file, see rasctl profile schema) and
    outputs one RasCtl.ProfileEntry per entry it names: its settings as they are on this machine
    (Ensure is absent for a missing entry) and, when the profile names credentials, which are
    saved (passwords and keys only as "set" or nothing).
    .PARAMETER Path
    The profile file.
    .EXAMPLE
    Get-RasProfile -Path .\corp.json | Format-Table Name, Ensure, Server
    .OUTPUTS
    RasCtl.ProfileEntry
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.ProfileEntry')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName')]
        [ValidateNotNullOrEmpty()]
        [string]$Path
    )
    process {
        $file = Resolve-ProfilePath -Cmdlet $PSCmdlet -Path $Path
        if (-not $file) { return }
        $state = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('profile', 'get', $file) -TargetObject $file
        foreach ($entry in @($state | ForEach-Object { $_.Entries })) {
            if ($null -eq $entry) { continue }
            $entry.PSObject.TypeNames.Insert(0, 'RasCtl.ProfileEntry')
            $entry
        }
    }
}
