BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Remove-RasEntry' {
    BeforeEach {
        Reset-RasSimulator
        'Corp', 'Corp Backup', 'Home' | ForEach-Object { New-TestVpnEntry -Name $_ | Out-Null }
    }

    It 'declares ConfirmImpact High' {
        $binding = (Get-Command Remove-RasEntry).ScriptBlock.Attributes | Where-Object { $_ -is [System.Management.Automation.CmdletBindingAttribute] }
        $binding.ConfirmImpact | Should -Be 'High'
        $binding.SupportsShouldProcess | Should -BeTrue
    }

    It 'deletes nothing with -WhatIf, even from a wildcard pipeline' {
        Get-RasEntry -Name 'Corp*' | Remove-RasEntry -WhatIf
        @(Get-RasEntry).Count | Should -Be 3
    }

    It 'deletes the entries piped from Get-RasEntry -Name Corp*' {
        Get-RasEntry -Name 'Corp*' | Remove-RasEntry -Confirm:$false
        @(Get-RasEntry | ForEach-Object Name) | Should -Be @('Home')
    }

    It 'deletes with -Force and continues after a missing name' {
        Remove-RasEntry -Name 'Missing', 'Home' -Force -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'Missing'
        $failures[0].Exception.NativeErrorCode | Should -Be 623
        @(Get-RasEntry | ForEach-Object Name | Sort-Object) -join '|' | Should -Be 'Corp|Corp Backup'
    }

    It 'treats names literally' {
        Remove-RasEntry -Name 'Corp*' -Force -ErrorAction SilentlyContinue
        @(Get-RasEntry).Count | Should -Be 3
    }
}
