function Wait-RasConnection {
    <#
    .SYNOPSIS
    Waits until a connection is connected or disconnected.
    .DESCRIPTION
    Polls the entry's status (rasctl status NAME) until its state is the one asked for, then outputs
    the status. Writes a timeout error (OperationTimeout) when -Timeout passes first.
    .PARAMETER Name
    Entry to watch.
    .PARAMETER State
    The state to wait for: Connected (default) or Disconnected.
    .PARAMETER Timeout
    Seconds to wait at most (default 60).
    .PARAMETER PollIntervalMilliseconds
    Time between two status checks (default 500).
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
        while ($true) {
            $failure = $null
            $status = @(Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('status', $Name) -TargetObject $Name -TypeName 'RasCtl.Connection' -Failure ([ref]$failure))
            $current = $null
            if ($failure) {
                # No connection for the entry (ERROR_NO_CONNECTION) is "disconnected", but only for
                # an entry that exists: status alone cannot tell an unknown name from an idle one.
                if ($failure.CategoryInfo.Category -ne 'ObjectNotFound') { $PSCmdlet.WriteError($failure); return }
                if (-not $entryChecked) {
                    $missing = $null
                    $null = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('entry', 'show', $Name) -TargetObject $Name -Failure ([ref]$missing)
                    if ($missing) { $PSCmdlet.WriteError($missing); return }
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
            if ([DateTime]::UtcNow -ge $deadline) {
                $exception = New-Object System.TimeoutException -ArgumentList ("'{0}' was still {1} after {2} s, not {3}." -f $Name, $current, $Timeout, $wanted)
                $PSCmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'WaitTimeout', 'OperationTimeout', $Name))
                return
            }
            Start-Sleep -Milliseconds $PollIntervalMilliseconds
        }
    }
}
