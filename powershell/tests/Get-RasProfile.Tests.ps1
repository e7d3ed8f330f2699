BeforeAll {
    . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null
    $script:CorpProfile = '{"entries":[{"name":"Corp VPN","server":"vpn.example.com","strategy":"ikev2-only","splitTunnel":true}]}'
}

Describe 'Get-RasProfile' {
    BeforeEach { Reset-RasSimulator; $script:file = Write-TestProfile $script:CorpProfile }

    It 'gets the actual state of the named entries, absent ones included' {
        $two = Write-TestProfile '{"entries":[{"name":"Corp VPN","scope":"user","server":"vpn.example.com"},{"name":"Old VPN","ensure":"absent"}]}'
        # New-RasEntry without -AllUsers writes the user's own book (README "Which phone book").
        New-TestVpnEntry -Name 'Corp VPN' -Server 'drifted.example.com' | Out-Null
        $state = @(Get-RasProfile -Path $two)
        $state.Count | Should -Be 2
        $state[0].PSObject.TypeNames[0] | Should -Be 'RasCtl.ProfileEntry'
        $state[0].Name | Should -Be 'Corp VPN'
        $state[0].Ensure | Should -Be 'present'
        $state[0].Server | Should -Be 'drifted.example.com'
        $state[1].Name | Should -Be 'Old VPN'
        $state[1].Ensure | Should -Be 'absent'
    }

    It 'writes an ObjectNotFound error for a missing profile file' {
        $r = Get-RasProfile -Path (Join-Path ([System.IO.Path]::GetTempPath()) 'no-such-profile.json') -ErrorAction SilentlyContinue -ErrorVariable failures
        $r | Should -BeNullOrEmpty
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
