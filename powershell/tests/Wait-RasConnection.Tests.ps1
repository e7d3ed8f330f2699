BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Wait-RasConnection' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null }
    AfterEach { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'returns the status once the entry is connected' {
        Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false | Out-Null
        $s = Wait-RasConnection -Name 'Corp' -Timeout 10
        $s.PSObject.TypeNames[0] | Should -Be 'RasCtl.Connection'
        $s.State | Should -Be 'connected'
    }

    It 'waits for Disconnected' {
        Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false | Out-Null
        Disconnect-RasConnection -EntryName 'Corp' -Confirm:$false
        (Wait-RasConnection -Name 'Corp' -State Disconnected -Timeout 10).State | Should -Be 'disconnected'
    }

    It 'writes an OperationTimeout error when the state does not come' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $s = Wait-RasConnection -Name 'Corp' -Timeout 1 -PollIntervalMilliseconds 100 -ErrorAction SilentlyContinue -ErrorVariable failures
        $watch.Stop()
        $s | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].Exception | Should -BeOfType [System.TimeoutException]
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1
    }
}
