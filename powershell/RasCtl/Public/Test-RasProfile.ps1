function Test-RasProfile {
    <#
    .SYNOPSIS
    Tests whether this machine's entries are as a VPN profile says.
    .DESCRIPTION
    Runs rasctl profile test on the profile and returns $true when every entry is in the desired
    state, $false when not (as Test-Path, and DSC's Test method, answer). With -Detailed it returns
    the result object instead (RasCtl.ProfileTest: InDesiredState, and Entries with each entry's
    InDesiredState, Action, Differing and Diff), as Invoke-DscResource -Method Test does. Not
    being in the desired state is an answer, not an error; a malformed profile is an error.
    .PARAMETER Path
    The profile file.
    .PARAMETER Detailed
    Return the result object (what differs) instead of $true or $false.
    .EXAMPLE
    if (-not (Test-RasProfile -Path .\corp.json)) { Set-RasProfile -Path .\corp.json }
    .EXAMPLE
    (Test-RasProfile -Path .\corp.json -Detailed).Entries | Format-Table Name, InDesiredState, Differing
    .OUTPUTS
    System.Boolean
    .OUTPUTS
    RasCtl.ProfileTest
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    [OutputType('RasCtl.ProfileTest')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName')]
        [ValidateNotNullOrEmpty()]
        [string]$Path,
        [switch]$Detailed
    )
    process {
        $file = Resolve-ProfilePath -Cmdlet $PSCmdlet -Path $Path
        if (-not $file) { return }
        # Exit 4 is "not in the desired state" (README, profile test): a result, not a failure.
        $result = @(Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('profile', 'test', $file) -TargetObject $file -TypeName 'RasCtl.ProfileTest' -SuccessExitCode 0, 4)
        if ($result.Count -eq 0) { return }
        if ($Detailed) { return $result[0] }
        [bool]$result[0].InDesiredState
    }
}
