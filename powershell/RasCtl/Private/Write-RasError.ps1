function Write-RasError {
    # Writes a non-terminating error as the caller asked, always through $Cmdlet.WriteError so that
    # -ErrorVariable and $Error get it under every preference but Ignore. A module function does
    # not see its caller's $ErrorActionPreference (a module has its own scope chain), so unless
    # -ErrorAction was given it is read from the caller's session state ($PSCmdlet.SessionState)
    # and set here, in the scope WriteError reads the preference from.
    # about_Preference_Variables; about_CommonParameters (-ErrorVariable); Cmdlet.WriteError:
    # https://learn.microsoft.com/dotnet/api/system.management.automation.cmdlet.writeerror
    param(
        [Parameter(Mandatory)][System.Management.Automation.PSCmdlet]$Cmdlet,
        [Parameter(Mandatory)][System.Management.Automation.ErrorRecord]$ErrorRecord
    )
    if ($Cmdlet.MyInvocation.BoundParameters.ContainsKey('ErrorAction')) {
        $Cmdlet.WriteError($ErrorRecord)
        return
    }
    $preference = [string]$Cmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference')
    switch ($preference) {
        # Terminating, as -ErrorAction Stop makes it; the caller's catch gets this record.
        'Stop' { $Cmdlet.ThrowTerminatingError($ErrorRecord) }
        # No trace, as -ErrorAction Ignore (and 5.1 does not take Ignore as a preference value).
        'Ignore' { }
        'SilentlyContinue' {
            $ErrorActionPreference = 'SilentlyContinue'
            $Cmdlet.WriteError($ErrorRecord)
        }
        default {
            $ErrorActionPreference = if ($preference -eq 'Inquire') { 'Inquire' } else { 'Continue' }
            $Cmdlet.WriteError($ErrorRecord)
        }
    }
}
