function Unregister-RasTask {
    <#
    .SYNOPSIS
    Removes the scheduled task of an entry.
    .DESCRIPTION
    Deletes the Task Scheduler task \RasCtl\<Name> (rasctl task remove).
    .PARAMETER Name
    Entries whose tasks to remove.
    .EXAMPLE
    Unregister-RasTask -Name Corp -Confirm:$false
    .OUTPUTS
    None
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    [OutputType([void])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name
    )
    process {
        foreach ($n in $Name) {
            if (-not $PSCmdlet.ShouldProcess("\RasCtl\$n", 'Remove scheduled task')) { continue }
            $null = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('task', 'remove', $n) -TargetObject $n
        }
    }
}
