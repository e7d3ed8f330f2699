BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'New-RasEntry' {
    BeforeEach { Reset-RasSimulator }

    It 'creates a VPN entry and returns it' {
        $e = New-RasEntry -Name 'Corp' -Type vpn -Server 'vpn.example.com' -Strategy 'ikev2-only' -SplitTunnel -DnsServer '10.0.0.53' -DnsSuffix 'corp.example.com' -Confirm:$false
        $e.PSObject.TypeNames[0] | Should -Be 'RasCtl.Entry'
        $e.Name | Should -Be 'Corp'
        $e.Server | Should -Be 'vpn.example.com'
        $e.SplitTunnel | Should -BeTrue
        $e.Ipv4.Dns | Should -Be @('10.0.0.53')
        $e.DnsSuffix | Should -Be 'corp.example.com'
        (Get-RasEntry -Name 'Corp').Server | Should -Be 'vpn.example.com'
    }

    It 'passes names with quotes, spaces and non-ASCII through unchanged' {
        foreach ($name in @('Say "hi"', 'Two  spaces ', ('B{0}ro VPN {1}' -f (ConvertFrom-CodePoint 0xFC), (ConvertFrom-CodePoint 0x2713)), "O'Brien & Co")) {
            $e = New-RasEntry -Name $name -Type vpn -Server 'vpn.example.com' -Confirm:$false
            $e.Name | Should -BeExactly $name
            (Get-RasEntry -Name $name).Name | Should -BeExactly $name
        }
    }

    It 'creates nothing with -WhatIf' {
        New-RasEntry -Name 'Corp' -Type vpn -Server 'vpn.example.com' -WhatIf | Should -BeNullOrEmpty
        @(Get-RasEntry).Count | Should -Be 0
    }

    It 'reports a duplicate as a non-terminating error' {
        New-TestVpnEntry -Name 'Corp' | Out-Null
        $out = New-RasEntry -Name 'Corp' -Type vpn -Server 'other.example.com' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $out | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'Corp'
        (Get-RasEntry -Name 'Corp').Server | Should -Be 'vpn.example.com'
    }

    It 'creates the entry in a -Phonebook file' {
        $pbk = Join-Path $TestDrive 'new.pbk'
        New-RasEntry -Name 'InFile' -Phonebook $pbk -Type vpn -Server 'vpn.example.com' -Confirm:$false | Out-Null
        Test-Path -LiteralPath $pbk | Should -BeTrue
        (Get-Content -LiteralPath $pbk -Raw) | Should -Match '\[InFile\]'
    }

    It 'rejects an unknown -Type before running rasctl' {
        { New-RasEntry -Name 'X' -Type 'satellite' -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError,New-RasEntry'
    }
}
