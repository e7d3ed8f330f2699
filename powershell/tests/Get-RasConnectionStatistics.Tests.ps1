BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Get-RasConnectionStatistics' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null }
    AfterEach { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'returns the counters of a connection' {
        Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false | Out-Null
        $s = Get-RasConnectionStatistics -Name 'Corp'
        $s.PSObject.TypeNames[0] | Should -Be 'RasCtl.Statistics'
        $s.Entry | Should -Be 'Corp'
        $s.Handle | Should -Be (Get-RasConnection -Name 'Corp').Handle
        foreach ($p in 'BytesTransmitted', 'BytesReceived', 'FramesTransmitted', 'FramesReceived', 'CrcErrors', 'Bps', 'ConnectDurationMs') {
            $s.PSObject.Properties[$p] | Should -Not -BeNullOrEmpty -Because "$p is part of the stats shape"
            [double]$s.$p | Should -BeGreaterOrEqual 0
        }
    }

    It 'takes connections from the pipeline (Entry property)' {
        Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false | Out-Null
        (Get-RasConnection | Get-RasConnectionStatistics).Entry | Should -Be 'Corp'
    }

    It 'writes an error for an entry that is not connected' {
        $s = Get-RasConnectionStatistics -Name 'Corp' -ErrorAction SilentlyContinue -ErrorVariable failures
        $s | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'Corp'
    }
}
