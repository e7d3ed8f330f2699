BeforeAll {
    . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null
}

Describe 'Export-RasProfile' {
    BeforeEach { Reset-RasSimulator }

    It 'exports what Set-RasProfile reads: export, then set into a fresh machine, gives the same entry' {
        New-RasEntry -Name 'Corp VPN' -Type vpn -Server 'vpn.example.com' -Strategy 'ikev2-only' -SplitTunnel -DnsSuffix 'corp.example.com' -Confirm:$false -ErrorAction Stop | Out-Null
        $before = Get-RasEntry -Name 'Corp VPN'
        $dir = Join-Path ([System.IO.Path]::GetTempPath()) ('rasctl-export-' + [guid]::NewGuid().ToString('n'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $file = Join-Path $dir 'machine.json'
        $written = Export-RasProfile -Path $file
        $written | Should -BeOfType [System.IO.FileInfo]
        $written.FullName | Should -Be $file
        $text = Get-Content -LiteralPath $file -Raw
        ($text | ConvertFrom-Json).entries[0].name | Should -Be 'Corp VPN'
        (Export-RasProfile -Path $file -ErrorAction SilentlyContinue -ErrorVariable exists) | Should -BeNullOrEmpty
        $exists[0].CategoryInfo.Category | Should -Be 'ResourceExists'

        Reset-RasSimulator
        Get-RasEntry -Name 'Corp VPN' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Test-RasProfile -Path $file) | Should -BeFalse
        (Set-RasProfile -Path $file -Confirm:$false).Changed | Should -BeTrue
        (Test-RasProfile -Path $file) | Should -BeTrue
        $after = Get-RasEntry -Name 'Corp VPN'
        $after.Server | Should -Be $before.Server
        $after.Strategy | Should -Be $before.Strategy
        $after.SplitTunnel | Should -Be $before.SplitTunnel
        $after.DnsSuffix | Should -Be 'corp.example.com'
        (Set-RasProfile -Path $file -Confirm:$false).Changed | Should -BeFalse
    }

    It 'outputs the profile text without -Path, one entry with -Name, YAML with -Yaml' {
        New-TestVpnEntry -Name 'Corp VPN' | Out-Null
        New-TestVpnEntry -Name 'Other VPN' | Out-Null
        $all = (Export-RasProfile) | ConvertFrom-Json
        @($all.entries | ForEach-Object { $_.name }) | Sort-Object | Should -Be @('Corp VPN', 'Other VPN')
        $one = (Export-RasProfile -Name 'Other VPN') | ConvertFrom-Json
        @($one.entries).Count | Should -Be 1
        $one.entries[0].name | Should -Be 'Other VPN'
        (Export-RasProfile -Name 'Other VPN' -Yaml) | Should -Match '(?m)^entries:'
    }

    It 'exports several entries, named or piped, as one profile in one rasctl run' {
        New-TestVpnEntry -Name 'Corp VPN' | Out-Null
        New-TestVpnEntry -Name 'Other VPN' | Out-Null
        New-TestVpnEntry -Name 'Third VPN' | Out-Null
        $two = (Export-RasProfile -Name 'Corp VPN', 'Third VPN') | ConvertFrom-Json
        @($two.entries | ForEach-Object { $_.name }) | Sort-Object | Should -Be @('Corp VPN', 'Third VPN')
        $runs = @(Get-RasCtlRun { Get-RasEntry -Name 'Other VPN', 'Third VPN' | Export-RasProfile -Verbose | Out-Null })
        @($runs | Where-Object { $_ -like 'rasctl profile export*' }).Count | Should -Be 1
        $piped = (Get-RasEntry -Name 'Other VPN', 'Third VPN' | Export-RasProfile) | ConvertFrom-Json
        @($piped.entries | ForEach-Object { $_.name }) | Sort-Object | Should -Be @('Other VPN', 'Third VPN')
    }
}
