function Get-RasDevice {
    <#
    .SYNOPSIS
    Gets the RAS-capable devices (modems, VPN miniports, PPPoE).
    .DESCRIPTION
    Lists the devices RAS can dial with (rasctl devices).
    .PARAMETER Name
    Device names to filter on; wildcards are allowed.
    .PARAMETER Type
    Device types to filter on, e.g. vpn, modem, pppoe.
    .EXAMPLE
    Get-RasDevice -Type vpn
    .OUTPUTS
    RasCtl.Device
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Device')]
    param(
        [Parameter(Position = 0)]
        [SupportsWildcards()]
        [string[]]$Name,
        [string[]]$Type
    )
    foreach ($d in @(Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('devices') -TypeName 'RasCtl.Device')) {
        if ($Name -and @($Name | Where-Object { $d.Name -like $_ }).Count -eq 0) { continue }
        if ($Type -and $Type -notcontains $d.Type) { continue }
        $d
    }
}
