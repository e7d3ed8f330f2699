function Get-RasConnection {
    <#
    .SYNOPSIS
    Gets the active RAS connections.
    .DESCRIPTION
    Lists the connections (rasctl connections) with their state, device and addresses.
    .PARAMETER Name
    Entry names to filter on; wildcards are allowed.
    .PARAMETER Handle
    Connection handles to filter on.
    .EXAMPLE
    Get-RasConnection
    .EXAMPLE
    Get-RasConnection -Name Corp* | Select-Object Entry, State, @{ n = 'Address'; e = { $_.Projection.Ipv4.Address } }
    .OUTPUTS
    RasCtl.Connection
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Connection')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [SupportsWildcards()]
        [string[]]$Name,
        [string[]]$Handle
    )
    process {
        foreach ($c in @(Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('connections') -TypeName 'RasCtl.Connection')) {
            if ($Name -and @($Name | Where-Object { $c.Entry -like $_ }).Count -eq 0) { continue }
            if ($Handle -and $Handle -notcontains $c.Handle) { continue }
            $c
        }
    }
}
