BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Get-RasEntry' {
    BeforeEach {
        Reset-RasSimulator
        New-TestVpnEntry -Name 'Corp' | Out-Null
        New-TestVpnEntry -Name 'Corp Backup' -Server 'vpn2.example.com' | Out-Null
        New-TestVpnEntry -Name 'Home' -Server 'home.example.com' | Out-Null
    }

    It 'returns every entry as a RasCtl.Entry with PascalCase properties' {
        $entries = @(Get-RasEntry)
        $entries.Count | Should -Be 3
        ($entries.Name | Sort-Object) -join '|' | Should -Be 'Corp|Corp Backup|Home'
        $entries | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'RasCtl.Entry' }
        $corp = $entries | Where-Object Name -EQ 'Corp'
        $corp.Server | Should -Be 'vpn.example.com'
        $corp.Type | Should -Be 'vpn'
        $corp.Strategy | Should -Be 'ikev2-only'
        @(Get-LowerCaseProperty -InputObject $corp) | Should -BeNullOrEmpty
    }

    It 'enumerates entries into the pipeline one by one' {
        (Get-RasEntry | Measure-Object).Count | Should -Be 3
        $names = Get-RasEntry | ForEach-Object { $_.Name }
        $names.Count | Should -Be 3
    }

    It 'filters with wildcards' {
        $names = @(Get-RasEntry -Name 'Corp*' | ForEach-Object Name) | Sort-Object
        $names -join '|' | Should -Be 'Corp|Corp Backup'
        @(Get-RasEntry -Name 'Nothing*').Count | Should -Be 0
    }

    It 'returns a single entry as an object, not an array' {
        $one = Get-RasEntry -Name 'Home'
        $one | Should -Not -BeOfType [array]
        $one.Server | Should -Be 'home.example.com'
    }

    It 'writes a non-terminating ObjectNotFound error for a missing literal name and goes on' {
        $found = Get-RasEntry -Name 'Missing', 'Home' -ErrorAction SilentlyContinue -ErrorVariable failures
        @($found).Count | Should -Be 1
        $found.Name | Should -Be 'Home'
        $failures.Count | Should -Be 1
        $failures[0].Exception.NativeErrorCode | Should -Be 623
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'Missing'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,Get-RasEntry'
    }

    It 'throws with -ErrorAction Stop' {
        { Get-RasEntry -Name 'Missing' -ErrorAction Stop } | Should -Throw -ErrorId 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,Get-RasEntry'
    }

    It 'reads a phone-book file given with -Phonebook' {
        $pbk = Join-Path $TestDrive 'other.pbk'
        New-RasEntry -Name 'FileVpn' -Phonebook $pbk -Type vpn -Server 'vpn.example.com' -Confirm:$false | Out-Null
        $entries = @(Get-RasEntry -Phonebook $pbk)
        $entries.Count | Should -Be 1
        $entries[0].Name | Should -Be 'FileVpn'
        @(Get-RasEntry -Name 'FileVpn' -ErrorAction SilentlyContinue).Count | Should -Be 0
    }
}
