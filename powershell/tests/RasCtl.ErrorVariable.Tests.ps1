# -ErrorVariable (and $Error) get every error a cmdlet writes, under every way a caller can ask for
# SilentlyContinue, Continue or Stop: as -ErrorAction or as its own $ErrorActionPreference, which a
# module function does not see unless it reads it (Private/Write-RasError.ps1). One failing call
# per cmdlet family. about_CommonParameters: "-ErrorVariable ... stores error messages about the
# command in the specified variable"; -ErrorAction Ignore is the one value that keeps no record.
BeforeDiscovery {
    $calls = @(
        @{ Family = 'entry'; Command = 'Get-RasEntry'; Id = 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY'; Call = { param($c) Get-RasEntry -Name 'Missing' @c } }
        @{ Family = 'entry'; Command = 'New-RasEntry'; Id = 'ERROR_ALREADY_EXISTS'; Call = { param($c) New-RasEntry -Name 'Corp' -Type vpn -Server 'x.example.com' -Confirm:$false @c } }
        @{ Family = 'entry'; Command = 'Set-RasEntry'; Id = 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY'; Call = { param($c) Set-RasEntry -Name 'Missing' -Server 'x.example.com' -Confirm:$false @c } }
        @{ Family = 'entry'; Command = 'Rename-RasEntry'; Id = 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY'; Call = { param($c) Rename-RasEntry -Name 'Missing' -NewName 'Other' -Confirm:$false @c } }
        @{ Family = 'entry'; Command = 'Remove-RasEntry'; Id = 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY'; Call = { param($c) Remove-RasEntry -Name 'Missing' -Confirm:$false @c } }
        @{ Family = 'connection'; Command = 'Connect-RasEntry'; Id = 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY'; Call = { param($c) Connect-RasEntry -Name 'Missing' -Confirm:$false @c } }
        @{ Family = 'connection'; Command = 'Get-RasConnectionStatistics'; Id = 'ERROR_NO_CONNECTION'; Call = { param($c) Get-RasConnectionStatistics -Name 'Corp' @c } }
        @{ Family = 'connection'; Command = 'Wait-RasConnection'; Id = 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY'; Call = { param($c) Wait-RasConnection -Name 'Missing' -Timeout 1 @c } }
        @{ Family = 'credential'; Command = 'Get-RasCredential'; Id = 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY'; Call = { param($c) Get-RasCredential -Name 'Missing' @c } }
        @{ Family = 'credential'; Command = 'Set-RasCredential'; Id = 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY'; Call = { param($c) Set-RasCredential -Name 'Missing' -Credential (New-TestCredential 'alice' 'pw') -Confirm:$false @c } }
        @{ Family = 'credential'; Command = 'Clear-RasCredential'; Id = 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY'; Call = { param($c) Clear-RasCredential -Name 'Missing' -Confirm:$false @c } }
        @{ Family = 'profile'; Command = 'Get-RasProfile'; Id = 'ProfileNotFound'; Call = { param($c) Get-RasProfile -Path (Join-Path ([System.IO.Path]::GetTempPath()) 'rasctl-no-such-profile.json') @c } }
        @{ Family = 'profile'; Command = 'Test-RasProfile'; Id = 'ProfileNotFound'; Call = { param($c) Test-RasProfile -Path (Join-Path ([System.IO.Path]::GetTempPath()) 'rasctl-no-such-profile.json') @c } }
        @{ Family = 'task'; Command = 'Get-RasTask'; Id = $null; Call = { param($c) Get-RasTask -Name 'Corp' @c } }
    )
    $script:cases = foreach ($call in $calls) {
        foreach ($mode in 'SilentlyContinue', 'Continue', 'Stop') {
            foreach ($how in 'ErrorAction', 'Preference') {
                $case = $call.Clone()
                $case.Mode = $mode
                $case.How = $how
                $case
            }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null

    function Invoke-FailingCall {
        # Runs $Call with -ErrorVariable, asking for $Mode by -ErrorAction or by the caller's own
        # $ErrorActionPreference; returns what the variable got and whether the call stopped.
        param([scriptblock]$Call, [string]$Mode, [string]$How)
        $common = @{ ErrorVariable = 'caught' }
        if ($How -eq 'ErrorAction') { $common.ErrorAction = $Mode } else { $ErrorActionPreference = $Mode }
        $stopped = $false
        $caught = $null
        try { . $Call $common 2>$null | Out-Null } catch { $stopped = $true }
        # Under Stop the variable holds the exception that stopped the call; its ErrorRecord is the
        # cmdlet's record.
        $records = @($caught | ForEach-Object {
                if ($_ -is [System.Management.Automation.IContainsErrorRecord]) { $_.ErrorRecord } else { $_ }
            })
        [pscustomobject]@{ Errors = $records; Stopped = $stopped }
    }
}

Describe 'Every error reaches -ErrorVariable' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null }

    It '<Command> (<Family>) with <How> <Mode>' -ForEach $script:cases {
        $r = Invoke-FailingCall -Call $Call -Mode $Mode -How $How
        $r.Errors.Count | Should -Be 1
        $r.Errors[0] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        if ($Id) { $r.Errors[0].FullyQualifiedErrorId | Should -Be "$Id,$Command" }
        else { $r.Errors[0].FullyQualifiedErrorId | Should -BeLike "*,$Command" }
        $r.Stopped | Should -Be ($Mode -eq 'Stop')
    }

    It 'keeps every error of a multi-name call under a SilentlyContinue preference' {
        $r = Invoke-FailingCall -Call { param($c) Get-RasCredential -Name 'Missing', 'Corp', 'Gone' @c } -Mode SilentlyContinue -How Preference
        $r.Errors.Count | Should -Be 2
        @($r.Errors | ForEach-Object { $_.TargetObject }) | Should -Be @('Missing', 'Gone')
    }

    It 'keeps no record with -ErrorAction Ignore' {
        $before = $Error.Count
        $r = Invoke-FailingCall -Call { param($c) Get-RasCredential -Name 'Missing' @c } -Mode Ignore -How ErrorAction
        $r.Errors.Count | Should -Be 0
        $Error.Count | Should -Be $before
    }
}
