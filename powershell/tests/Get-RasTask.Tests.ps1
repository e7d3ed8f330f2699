BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }
# Registrations need Task Scheduler: those tests are tagged 'Windows' and skipped elsewhere
# ($env:OS, since $IsWindows is $null in Windows PowerShell 5.1; -Skip is evaluated at discovery).

Describe 'Get-RasTask' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null }
    AfterEach { Unregister-RasTask -Name 'Corp' -Confirm:$false -ErrorAction SilentlyContinue }

    It 'shows a registered task' -Tag 'Windows' -Skip:($env:OS -ne 'Windows_NT') {
        Register-RasTask -Name 'Corp' -AtLogon -UserTask -Confirm:$false | Out-Null
        $t = Get-RasTask -Name 'Corp'
        $t.PSObject.TypeNames[0] | Should -Be 'RasCtl.Task'
        ($t | ConvertTo-Json -Depth 5) | Should -Match 'Corp'
        @(Get-LowerCaseProperty -InputObject $t) | Should -BeNullOrEmpty
    }

    It 'writes an error when there is no task' {
        $t = Get-RasTask -Name 'Corp' -ErrorAction SilentlyContinue -ErrorVariable failures
        $t | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'Corp'
    }
}
