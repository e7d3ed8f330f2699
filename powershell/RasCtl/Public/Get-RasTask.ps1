function Get-RasTask {
    <#
    .SYNOPSIS
    Gets the scheduled task that keeps an entry connected.
    .DESCRIPTION
    Shows the Task Scheduler task \RasCtl\<Name> (rasctl task show).
    .PARAMETER Name
    Entries whose tasks to show.
    .EXAMPLE
    Get-RasTask -Name Corp
    .OUTPUTS
    RasCtl.Task
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Task')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name
    )
    process {
        foreach ($n in $Name) {
            Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('task', 'show', $n) -TargetObject $n -TypeName 'RasCtl.Task'
        }
    }
}
