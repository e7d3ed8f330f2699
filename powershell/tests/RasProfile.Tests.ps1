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

Describe 'Set-RasProfile, Test-RasProfile, Get-RasProfile' {
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

    It 'gets the actual state of the named entries, absent ones included' {
        $two = Write-TestProfile '{"entries":[{"name":"Corp VPN","scope":"allUsers","server":"vpn.example.com"},{"name":"Old VPN","ensure":"absent"}]}'
        # New-RasEntry, elevated, writes the all-users book (as Windows' default is).
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

    It 'removes an absent entry' {
        New-TestVpnEntry -Name 'Old VPN' | Out-Null
        $gone = Write-TestProfile '{"entries":[{"name":"Old VPN","scope":"allUsers","ensure":"absent"}]}'
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

    It 'writes an ObjectNotFound error for a missing profile file' {
        $r = Get-RasProfile -Path (Join-Path ([System.IO.Path]::GetTempPath()) 'no-such-profile.json') -ErrorAction SilentlyContinue -ErrorVariable failures
        $r | Should -BeNullOrEmpty
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
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
}
