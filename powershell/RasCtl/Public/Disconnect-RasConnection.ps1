function Disconnect-RasConnection {
    <#
    .SYNOPSIS
    Hangs up connections.
    .DESCRIPTION
    Hangs up a connection by handle (as piped from Get-RasConnection), by entry name, or all
    connections (rasctl hangup). Outputs nothing unless -PassThru.
    .PARAMETER Handle
    Connection handle, e.g. 0x10001 (the Handle property of Get-RasConnection's output).
    .PARAMETER EntryName
    Entry whose connection to hang up.
    .PARAMETER All
    Hang up every connection.
    .PARAMETER WithPrerequisite
    Also hang up the prerequisite connection the entry was dialed through.
    .PARAMETER Timeout
    Seconds to wait until the connection is released.
    .PARAMETER PassThru
    Output what was released: objects with Entry, Handle and Released.
    .EXAMPLE
    Get-RasConnection | Disconnect-RasConnection
    Hangs up every connection, one by one.
    .EXAMPLE
    Disconnect-RasConnection -EntryName Corp -WithPrerequisite
    .OUTPUTS
    RasCtl.Hangup (with -PassThru)
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'Handle')]
    [OutputType('RasCtl.Hangup')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Handle', ValueFromPipelineByPropertyName)]
        [ValidatePattern('^(0x)?[0-9A-Fa-f]+$')]
        [string]$Handle,
        [Parameter(Mandatory, ParameterSetName = 'Name', Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry', 'Name')]
        [ValidateNotNullOrEmpty()]
        [string]$EntryName,
        [Parameter(Mandatory, ParameterSetName = 'All')]
        [switch]$All,
        [switch]$WithPrerequisite,
        [ValidateRange(1, 3600)]
        [int]$Timeout,
        [switch]$PassThru
    )
    process {
        switch ($PSCmdlet.ParameterSetName) {
            'Handle' { $arguments = @('hangup', '--handle', $Handle); $target = "handle $Handle" }
            'Name' { $arguments = @('hangup', $EntryName); $target = $EntryName }
            'All' {
                # -All:$false asks for nothing: it must never hang up everything.
                if (-not $All) { Write-Verbose 'Disconnect-RasConnection -All:$false: nothing to do'; return }
                $arguments = @('hangup', '--all'); $target = 'all connections'
            }
        }
        if ($WithPrerequisite) { $arguments += '--with-prerequisite' }
        if ($PSBoundParameters.ContainsKey('Timeout')) { $arguments += @('--timeout', [string]$Timeout) }
        if (-not $PSCmdlet.ShouldProcess($target, 'Disconnect')) { return }
        $released = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -TargetObject $target -TypeName 'RasCtl.Hangup'
        if ($PassThru) { $released }
    }
}
