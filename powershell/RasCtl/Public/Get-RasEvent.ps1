function Get-RasEvent {
    <#
    .SYNOPSIS
    Streams connection events (connected, disconnected, dialing, bandwidth changes) as they happen.
    .DESCRIPTION
    Runs rasctl watch and outputs one RasCtl.Event object per event as soon as rasctl reports it
    (Event, Entry, Phonebook, Handle, Error, Links, Timestamp, Source, Inferred), until -Once has its first
    event, -TimeoutSeconds passes, or the pipeline stops (Ctrl+C, Select-Object -First): rasctl is
    then stopped as every cmdlet stops it (about_RasCtl, STOPPING). Each event is confirmed by
    rasctl with RasEnumConnections/RasGetConnectStatus; Source says whether Windows'
    RasConnectionNotification or rasctl's fallback poll found it. A connection that came and went
    before rasctl could look is a Connected/Disconnected pair with Inferred set and no Entry
    (Windows names none once it has released a connection). Watch-RasConnection is an alias.
    .PARAMETER Name
    Only events of these entries (default: every connection).
    .PARAMETER Event
    Only these kinds of event: Dialing, Connected, Disconnected, BandwidthAdded, BandwidthRemoved.
    .PARAMETER Once
    Return after the first matching event. With -TimeoutSeconds, no event in time is an
    OperationTimeout error.
    .PARAMETER TimeoutSeconds
    Stop after this many seconds (without -Once: quietly, with the events seen so far).
    .EXAMPLE
    Get-RasEvent -Name Corp -Event Disconnected | Where-Object { -not $_.Inferred } | ForEach-Object { Connect-RasEntry $_.Entry }
    .EXAMPLE
    Watch-RasConnection -Once -Event Connected -TimeoutSeconds 60
    .OUTPUTS
    RasCtl.Event
    #>
    [CmdletBinding()]
    [Alias('Watch-RasConnection')]
    [OutputType('RasCtl.Event')]
    param(
        [Parameter(Position = 0, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name = @(),
        [ValidateSet('Dialing', 'Connected', 'Disconnected', 'BandwidthAdded', 'BandwidthRemoved')]
        [string[]]$Event = @(),
        [switch]$Once,
        [ValidateRange(1, 86400)]
        [int]$TimeoutSeconds
    )
    begin { $names = New-Object System.Collections.Generic.List[string] }
    process { foreach ($n in $Name) { if ($n) { $names.Add($n) } } }
    end {
        $arguments = New-Object System.Collections.Generic.List[string]
        $arguments.Add('watch')
        $arguments.AddRange([string[]]$names.ToArray())
        if ($Event.Count -gt 0) {
            $kinds = @($Event | ForEach-Object { ($_ -creplace '([a-z])([A-Z])', '$1-$2').ToLowerInvariant() } | Select-Object -Unique)
            $arguments.AddRange([string[]]@('--event', ($kinds -join ',')))
        }
        if ($Once) { $arguments.Add('--once') }
        if ($PSBoundParameters.ContainsKey('TimeoutSeconds')) { $arguments.AddRange([string[]]@('--timeout', [string]$TimeoutSeconds)) }
        $target = $null
        if ($names.Count -gt 0) { $target = $names.ToArray() -join ', ' }
        Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments.ToArray() -TypeName 'RasCtl.Event' -TargetObject $target -Stream |
            ForEach-Object {
                if ($_.Event -eq 'stopped') { Write-Verbose ("rasctl watch stopped: {0}" -f $_.Reason); return }
                # PowerShell 7's ConvertFrom-Json makes ISO 8601 strings DateTime, 5.1's does not.
                if ($_.Timestamp -is [string]) {
                    $_.Timestamp = [DateTime]::Parse($_.Timestamp, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind)
                }
                $_
            }
    }
}
