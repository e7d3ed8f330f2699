BeforeAll {
    . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null
    function Write-TestProfile {
        # A profile file (UTF-8 without BOM, as rasctl reads it) in a fresh folder.
        param([string]$Json)
        $dir = Join-Path ([System.IO.Path]::GetTempPath()) ('rasctl-profile-' + [guid]::NewGuid().ToString('n'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $file = Join-Path $dir 'corp.json'
        [System.IO.File]::WriteAllText($file, $Json, (New-Object System.Text.UTF8Encoding($false)))
        $file
    }
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
