function Get-RasConnectionStatistics {
    <#
    .SYNOPSIS
    Gets traffic and error counters of a connection.
    .DESCRIPTION
    Returns bytes and frames sent and received, error counters, compression ratios, speed and
    duration of the connection of an entry (rasctl stats).
    .PARAMETER Name
    Entry whose connection to read; accepts Get-RasConnection output.
    .EXAMPLE
    Get-RasConnectionStatistics -Name Corp
    .EXAMPLE
    Get-RasConnection | Get-RasConnectionStatistics | Format-Table Entry, BytesReceived, BytesTransmitted
    .OUTPUTS
    RasCtl.Statistics
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Statistics')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name
    )
    process {
        foreach ($n in $Name) {
            Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('stats', $n) -TargetObject $n -TypeName 'RasCtl.Statistics'
        }
    }
}
