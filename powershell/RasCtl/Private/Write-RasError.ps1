function Write-RasError {
    # Writes a non-terminating error as the caller asked: a module function does not see its
    # caller's $ErrorActionPreference (a module has its own scope chain), so unless -ErrorAction
    # was given it is read from the caller's session state ($PSCmdlet.SessionState).
    param(
        [Parameter(Mandatory)][System.Management.Automation.PSCmdlet]$Cmdlet,
        [Parameter(Mandatory)][System.Management.Automation.ErrorRecord]$ErrorRecord
    )
    $preference = $null
    if (-not $Cmdlet.MyInvocation.BoundParameters.ContainsKey('ErrorAction')) {
        $preference = $Cmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference')
    }
    switch ([string]$preference) {
        'Stop' { $Cmdlet.ThrowTerminatingError($ErrorRecord) }
        'Ignore' { }
        'SilentlyContinue' {
            # Recorded in $Error, as -ErrorAction SilentlyContinue does, but not shown.
            $global:Error.Insert(0, $ErrorRecord)
        }
        default { $Cmdlet.WriteError($ErrorRecord) }
    }
}
