BeforeAll {
    . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null
    $script:CorpProfile = '{"entries":[{"name":"Corp VPN","server":"vpn.example.com","strategy":"ikev2-only","splitTunnel":true}]}'
}

Describe 'Test-RasProfile' {
    BeforeEach { Reset-RasSimulator; $script:file = Write-TestProfile $script:CorpProfile }

    It 'tests false on drift, with -Detailed naming what differs, then true after Set' {
        Set-RasProfile -Path $script:file -Confirm:$false | Out-Null
        Set-RasEntry -Name 'Corp VPN' -Server 'other.example.com' -Confirm:$false
        (Test-RasProfile -Path $script:file) | Should -BeFalse
        $detail = Test-RasProfile -Path $script:file -Detailed
        $detail.PSObject.TypeNames[0] | Should -Be 'RasCtl.ProfileTest'
        $detail.InDesiredState | Should -BeFalse
        $detail.Entries[0].Differing | Should -Contain 'server'
        $change = @($detail.Entries[0].Diff | Where-Object { $_.Path -eq 'server' })
        $change[0].Before | Should -Be 'other.example.com'
        $change[0].After | Should -Be 'vpn.example.com'
        $repair = Set-RasProfile -Path $script:file -Confirm:$false
        $repair.Changed | Should -BeTrue
        @($repair.Diff | ForEach-Object { $_.Path }) | Should -Be @('server')
        (Test-RasProfile -Path $script:file) | Should -BeTrue
        (Get-RasEntry -Name 'Corp VPN').Server | Should -Be 'vpn.example.com'
    }
}
