function Set-RasProfile {
    <#
    .SYNOPSIS
    Makes this machine's entries as a VPN profile says: creates, changes only what differs, removes.
    .DESCRIPTION
    Runs rasctl profile set on the profile: one entry at a time, it creates missing entries, changes
    only the settings that differ, removes entries marked absent (hanging up first) and saves the
    credentials the profile names. An entry whose change fails is put back as it was. A second run
    changes nothing and says so (Changed is $false). Outputs the result (RasCtl.ProfileResult:
    Changed, WhatIf, Entries with each entry's Action, Changed, Diff and Done, Diff, Failed).
    It asks rasctl first what would change (profile set --what-if) and asks ShouldProcess once per
    entry that would change: -WhatIf lists those changes and changes nothing; -Confirm lets you
    refuse (then nothing is changed).
    .PARAMETER Path
    The profile file.
    .PARAMETER Secret
    The secrets of the profile's credentials that say { stdin: true }, in document order (rasctl
    reads them from its standard input; they never reach a command line).
    .EXAMPLE
    Set-RasProfile -Path .\corp.json
    .EXAMPLE
    Set-RasProfile -Path .\corp.json -WhatIf
    .EXAMPLE
    Set-RasProfile -Path .\corp.yaml -Secret (Read-Host -AsSecureString 'VPN password')
    .OUTPUTS
    RasCtl.ProfileResult
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    [OutputType('RasCtl.ProfileResult')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName')]
        [ValidateNotNullOrEmpty()]
        [string]$Path,
        [System.Security.SecureString[]]$Secret = @()
    )
    process {
        $file = Resolve-ProfilePath -Cmdlet $PSCmdlet -Path $Path
        if (-not $file) { return }
        $names = @()
        for ($i = 0; $i -lt @($Secret).Count; $i++) { $names += ('Secret[{0}]' -f $i) }
        # The plan first: what set would change, changing nothing (rasctl profile set --what-if).
        $plan = @(Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('profile', 'set', $file, '--what-if') -Secret $Secret -SecretName $names -TargetObject $file -TypeName 'RasCtl.ProfileResult')
        if ($plan.Count -eq 0) { return }
        $approved = $true
        foreach ($entry in @($plan[0].Entries)) {
            if ($null -eq $entry -or -not $entry.Changed) { continue }
            $paths = @($entry.Diff | ForEach-Object { $_.Path }) -join ', '
            $action = "{0} ({1})" -f $entry.Action, $paths
            if (-not $PSCmdlet.ShouldProcess(("entry '{0}' in {1}" -f $entry.Name, $entry.Phonebook), $action)) { $approved = $false }
        }
        if (-not $approved) {
            if (-not $WhatIfPreference) { Write-Warning ("Nothing was changed: not every change of '{0}' was confirmed." -f $file) }
            return
        }
        # -WhatIf: the ShouldProcess lines above were the answer (none: nothing would change).
        if ($WhatIfPreference) { return }
        Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('profile', 'set', $file) -Secret $Secret -SecretName $names -TargetObject $file -TypeName 'RasCtl.ProfileResult'
    }
}
