BeforeAll {
    . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null
    $script:CorpProfile = '{"entries":[{"name":"Corp VPN","server":"vpn.example.com","strategy":"ikev2-only","splitTunnel":true}]}'
}

Describe 'Set-RasProfile' {
    BeforeEach { Reset-RasSimulator; $script:file = Write-TestProfile $script:CorpProfile }

    It 'creates the entry from nothing, and a second Set reports no change' {
        (Test-RasProfile -Path $script:file) | Should -BeFalse
        $first = Set-RasProfile -Path $script:file -Confirm:$false
        $first.PSObject.TypeNames[0] | Should -Be 'RasCtl.ProfileResult'
        $first.Changed | Should -BeTrue
        $first.WhatIf | Should -BeFalse
        $first.Entries[0].Action | Should -Be 'create'
        $entry = Get-RasEntry -Name 'Corp VPN'
        $entry.Server | Should -Be 'vpn.example.com'
        $entry.SplitTunnel | Should -BeTrue
        $second = Set-RasProfile -Path $script:file -Confirm:$false
        $second.Changed | Should -BeFalse
        $second.Entries[0].Action | Should -Be 'none'
        @($second.Diff).Count | Should -Be 0
        (Test-RasProfile -Path $script:file) | Should -BeTrue
    }

    It '-WhatIf maps to --what-if and changes nothing' {
        $runs = @(Get-RasCtlRun { Set-RasProfile -Path $script:file -WhatIf -Verbose })
        @($runs | Where-Object { $_ -like 'rasctl profile set * --what-if *' }).Count | Should -Be 1
        @($runs | Where-Object { $_ -like 'rasctl profile set *' -and $_ -notlike '* --what-if *' }).Count | Should -Be 0
        $out = Set-RasProfile -Path $script:file -WhatIf
        $out | Should -BeNullOrEmpty
        Get-RasEntry -Name 'Corp VPN' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Test-RasProfile -Path $script:file) | Should -BeFalse
    }

    It 'removes an absent entry' {
        New-TestVpnEntry -Name 'Old VPN' | Out-Null
        $gone = Write-TestProfile '{"entries":[{"name":"Old VPN","scope":"user","ensure":"absent"}]}'
        (Set-RasProfile -Path $gone -Confirm:$false).Entries[0].Action | Should -Be 'remove'
        Get-RasEntry -Name 'Old VPN' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a malformed profile before anything changes, naming the JSON path' {
        $bad = Write-TestProfile '{"entries":[{"name":"Corp VPN","server":"vpn.example.com","splitTunel":true}]}'
        $r = Set-RasProfile -Path $bad -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $r | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -Match 'entries\.0'
        Get-RasEntry -Name 'Corp VPN' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $t = Test-RasProfile -Path $bad -ErrorAction SilentlyContinue -ErrorVariable testFailures
        $t | Should -BeNullOrEmpty
        $testFailures.Count | Should -Be 1
    }
}
