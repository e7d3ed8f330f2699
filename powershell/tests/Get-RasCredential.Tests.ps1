BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Get-RasCredential' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null }

    It 'shows that nothing is saved for a new entry' {
        $c = Get-RasCredential -Name 'Corp'
        $c.PSObject.TypeNames[0] | Should -Be 'RasCtl.Credential'
        $c.Entry | Should -Be 'Corp'
        $c.PasswordSaved | Should -BeFalse
        $c.PskSaved | Should -BeFalse
    }

    It 'shows the saved user and domain, never the password' {
        Set-RasCredential -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false
        $c = Get-RasCredential -Name 'Corp'
        $c.User | Should -Be 'alice'
        $c.Domain | Should -Be 'CONTOSO'
        $c.PasswordSaved | Should -BeTrue
        ($c | ConvertTo-Json -Depth 5) | Should -Not -Match 'Alice-Pa55'
    }

    It 'takes entries from the pipeline and reports missing ones' {
        $out = 'Corp', 'Missing' | Get-RasCredential -ErrorAction SilentlyContinue -ErrorVariable failures
        @($out).Count | Should -Be 1
        $failures[0].Exception.NativeErrorCode | Should -Be 623
    }
}

Describe 'Get-RasCredential without a name' {
    BeforeEach {
        Reset-RasSimulator
        $script:UserBook = Join-Path $env:APPDATA 'Microsoft/Network/Connections/Pbk/rasphone.pbk'
        New-Item -ItemType Directory -Force -Path (Split-Path $script:UserBook) | Out-Null
        New-RasEntry -Name 'Shared' -Type vpn -Server 'vpn.example.com' -AllUsers -Confirm:$false | Out-Null
        New-RasEntry -Name 'Mine' -Type vpn -Server 'vpn.example.com' -Phonebook $script:UserBook -Confirm:$false | Out-Null
        Set-RasCredential -Name 'Mine' -Phonebook $script:UserBook -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false
        Set-RasCredential -Name 'Shared' -AllUsers -Default -Credential (New-TestCredential 'CONTOSO\ann' 'Ann-Pa55') -Confirm:$false
    }

    It 'lists every entry of both phone books (all users first) in one rasctl run' {
        $runs = @(Get-RasCtlRun { Get-RasCredential -Verbose | Out-Null })
        $runs.Count | Should -Be 1
        $runs[0] | Should -Match '^rasctl creds list'
        $all = @(Get-RasCredential)
        $all.Entry | Should -Be @('Shared', 'Mine')
        $all[0].PSObject.TypeNames[0] | Should -Be 'RasCtl.Credential'
        $all[0].Default.User | Should -Be 'ann'
        $all[0].PasswordSaved | Should -BeFalse
        $all[1].User | Should -Be 'alice'
        $all[1].PasswordSaved | Should -BeTrue
        $all[1].Phonebook | Should -Be $script:UserBook
        ($all | Out-String) | Should -Not -Match 'Pa55'
    }

    It 'lists one book with -AllUsers or -Phonebook' {
        @(Get-RasCredential -AllUsers).Entry | Should -Be @('Shared')
        @(Get-RasCredential -Phonebook $script:UserBook).Entry | Should -Be @('Mine')
    }

    It 'pipes the listing on by entry name' {
        Get-RasCredential | Where-Object { -not $_.PasswordSaved } | Remove-RasEntry -Confirm:$false
        @(Get-RasEntry).Name | Should -Be @('Mine')
    }
}
