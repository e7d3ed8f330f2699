BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Set-RasEntry' {
    BeforeEach {
        Reset-RasSimulator
        New-TestVpnEntry -Name 'Corp' | Out-Null
        New-TestVpnEntry -Name 'Corp Backup' | Out-Null
    }

    It 'changes only the given settings and outputs nothing without -PassThru' {
        Set-RasEntry -Name 'Corp' -Server 'vpn9.example.com' -Confirm:$false | Should -BeNullOrEmpty
        $e = Get-RasEntry -Name 'Corp'
        $e.Server | Should -Be 'vpn9.example.com'
        $e.Strategy | Should -Be 'ikev2-only'
    }

    It 'outputs the changed entry with -PassThru' {
        $e = Set-RasEntry -Name 'Corp' -DnsSuffix 'corp.example.com' -PassThru -Confirm:$false
        $e.PSObject.TypeNames[0] | Should -Be 'RasCtl.Entry'
        $e.DnsSuffix | Should -Be 'corp.example.com'
    }

    It 'changes every entry piped from Get-RasEntry' {
        Get-RasEntry -Name 'Corp*' | Set-RasEntry -Server 'piped.example.com' -Confirm:$false
        @(Get-RasEntry | Where-Object Server -EQ 'piped.example.com').Count | Should -Be 2
    }

    It 'changes nothing with -WhatIf' {
        Set-RasEntry -Name 'Corp' -Server 'whatif.example.com' -WhatIf
        (Get-RasEntry -Name 'Corp').Server | Should -Be 'vpn.example.com'
    }

    It 'turns split tunnelling on and off again' {
        (Set-RasEntry -Name 'Corp' -SplitTunnel -PassThru -Confirm:$false).SplitTunnel | Should -BeTrue
        (Set-RasEntry -Name 'Corp' -SplitTunnel:$false -PassThru -Confirm:$false).SplitTunnel | Should -BeFalse
    }

    It 'reports a missing entry with its RAS code' {
        Set-RasEntry -Name 'Missing' -Server 'x.example.com' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].Exception.NativeErrorCode | Should -Be 623
    }
}
