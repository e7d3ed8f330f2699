BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }
# Registrations need Task Scheduler: tagged 'Windows' and skipped elsewhere ($env:OS, since
# $IsWindows is $null in Windows PowerShell 5.1; -Skip is evaluated at discovery).

Describe 'Unregister-RasTask' -Tag 'Windows' -Skip:($env:OS -ne 'Windows_NT') {
    BeforeEach {
        Reset-RasSimulator
        New-TestVpnEntry -Name 'Corp' | Out-Null
        Register-RasTask -Name 'Corp' -AtLogon -UserTask -Confirm:$false | Out-Null
    }
    AfterEach { Unregister-RasTask -Name 'Corp' -Confirm:$false -ErrorAction SilentlyContinue }

    It 'keeps the task with -WhatIf' {
        Unregister-RasTask -Name 'Corp' -WhatIf
        Get-ScheduledTask -TaskPath '\RasCtl\' -TaskName 'Corp' | Should -Not -BeNullOrEmpty
    }

    It 'removes the task' {
        Unregister-RasTask -Name 'Corp' -Confirm:$false | Should -BeNullOrEmpty
        Get-ScheduledTask -TaskPath '\RasCtl\' -TaskName 'Corp' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'writes an error for a task that does not exist' {
        Unregister-RasTask -Name 'Corp' -Confirm:$false
        Unregister-RasTask -Name 'Corp' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'Corp'
    }
}
