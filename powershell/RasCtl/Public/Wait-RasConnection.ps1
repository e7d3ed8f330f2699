function Wait-RasConnection {
    <#
    .SYNOPSIS
    Waits until a connection is connected or disconnected.
    .DESCRIPTION
    Looks at the entry's status (rasctl status NAME); when it is not yet the state asked for, waits
    for the event with rasctl watch NAME --once (Windows' RasConnectionNotification, with rasctl's
    poll as the fallback), then outputs the status. An unknown entry is an error. Writes a timeout
    error (OperationTimeout) when -Timeout passes first. The watch runs in slices of at most
    5 s, each followed by a status check, so a change between the first check and the watch's start
    is still seen.
    .PARAMETER Name
    Entry to watch.
    .PARAMETER Phonebook
    Phone-book file that holds the entry (where the entry is looked for when it is not connected).
    .PARAMETER AllUsers
    The entry is in the all-users phone book.
    .PARAMETER State
    The state to wait for: Connected (default) or Disconnected.
    .PARAMETER Timeout
    Seconds to wait at most (default 60).
    .PARAMETER PollIntervalMilliseconds
    How often rasctl watch looks without a notification, its fallback poll (default 500; at least
    100).
    .EXAMPLE
    Wait-RasConnection -Name Corp -Timeout 30
    .EXAMPLE
    Disconnect-RasConnection Corp; Wait-RasConnection Corp -State Disconnected
    .OUTPUTS
    RasCtl.Connection
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Connection')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [switch]$AllUsers,
        [ValidateSet('Connected', 'Disconnected')]
        [string]$State = 'Connected',
        [ValidateRange(0, 86400)]
        [int]$Timeout = 60,
        [ValidateRange(50, 60000)]
        [int]$PollIntervalMilliseconds = 500
    )
    process {
        $deadline = [DateTime]::UtcNow.AddSeconds($Timeout)
        $wanted = $State.ToLowerInvariant()
        $entryChecked = $false
        $pollSeconds = [Math]::Max(100, $PollIntervalMilliseconds) / 1000.0
        while ($true) {
            $failure = $null
            $status = @(Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('status', $Name) -TargetObject $Name -TypeName 'RasCtl.Connection' -Failure ([ref]$failure))
            $current = $null
            if ($failure) {
                # No connection for the entry (ERROR_NO_CONNECTION) is "disconnected", but only for
                # an entry that exists: status alone cannot tell an unknown name from an idle one.
                if ($failure.CategoryInfo.Category -ne 'ObjectNotFound') { Write-RasError -Cmdlet $PSCmdlet -ErrorRecord $failure; return }
                if (-not $entryChecked) {
                    $missing = $null
                    $null = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList (@('entry', 'show', $Name) + (Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers)) -TargetObject $Name -Failure ([ref]$missing)
                    if ($missing) { Write-RasError -Cmdlet $PSCmdlet -ErrorRecord $missing; return }
                    $entryChecked = $true
                }
                $current = 'disconnected'
            }
            else {
                $current = [string]$status[0].State
                if ($current -eq $wanted) { $status[0]; return }
            }
            if ($current -eq $wanted) {
                # Disconnected with nothing to report: output a minimal status object.
                $gone = New-Object PSObject -Property ([ordered]@{ Entry = $Name; State = 'disconnected'; Handle = $null })
                $gone.PSObject.TypeNames.Insert(0, 'RasCtl.Connection')
                $gone
                return
            }
            $left = ($deadline - [DateTime]::UtcNow).TotalSeconds
            if ($left -le 0) {
                $exception = New-Object System.TimeoutException -ArgumentList ("'{0}' was still {1} after {2} s, not {3}." -f $Name, $current, $Timeout, $wanted)
                Write-RasError -Cmdlet $PSCmdlet -ErrorRecord (New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'WaitTimeout', 'OperationTimeout', $Name)
                return
            }
            # Wait for the event (rasctl watch --once); its timeout (a TimeoutError) only ends the
            # slice: the status check above decides, and the deadline stays ours.
            $slice = [Math]::Max(0.1, [Math]::Min(5.0, $left))
            $watchArgs = @('watch', $Name, '--once', '--event', $wanted,
                '--timeout', $slice.ToString('0.###', [Globalization.CultureInfo]::InvariantCulture),
                '--poll-interval', $pollSeconds.ToString('0.###', [Globalization.CultureInfo]::InvariantCulture))
            $watchFailure = $null
            $null = @(Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $watchArgs -TargetObject $Name -TypeName 'RasCtl.Event' -Stream -Failure ([ref]$watchFailure))
            if ($watchFailure -and $watchFailure.CategoryInfo.Category -ne 'OperationTimeout') { Write-RasError -Cmdlet $PSCmdlet -ErrorRecord $watchFailure; return }
        }
    }
}
