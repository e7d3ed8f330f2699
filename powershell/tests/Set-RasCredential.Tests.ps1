BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Set-RasCredential' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null }
    AfterEach { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'saves credentials that Connect-RasEntry then dials with' {
        Set-RasCredential -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false | Should -BeNullOrEmpty
        (Connect-RasEntry -Name 'Corp' -Confirm:$false).State | Should -Be 'connected'
    }

    It 'saves a pre-shared key and reports it with -PassThru' {
        New-RasEntry -Name 'L2tp' -Type vpn -Server 'l2tp.example.com' -Strategy 'l2tp-only' -Confirm:$false | Out-Null
        $psk = (New-TestCredential 'x' 'psk-123').Password
        $c = Set-RasCredential -Name 'L2tp' -Credential (New-TestCredential 'bob' 'Bob-Pa55') -PreSharedKey $psk -PassThru -Confirm:$false
        $c.PSObject.TypeNames[0] | Should -Be 'RasCtl.Credential'
        $c.User | Should -Be 'bob'
        $c.PasswordSaved | Should -BeTrue
        $c.PskSaved | Should -BeTrue
    }

    It 'runs rasctl once with -PassThru (creds set prints what is saved)' {
        $runs = @(Get-RasCtlRun { Set-RasCredential -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -PassThru -Confirm:$false -Verbose | Out-Null })
        $runs.Count | Should -Be 1
        $runs[0] | Should -Match '^rasctl creds set Corp'
    }

    It 'saves nothing with -WhatIf' {
        Set-RasCredential -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -WhatIf
        (Get-RasCredential -Name 'Corp').PasswordSaved | Should -BeFalse
    }

    It 'needs -Credential or -PreSharedKey' {
        { Set-RasCredential -Name 'Corp' -Confirm:$false } | Should -Throw -ErrorId 'NothingToSet,Set-RasCredential'
    }

    It 'refuses a password with a line break (stdin is line-based)' {
        { Set-RasCredential -Name 'Corp' -Credential (New-TestCredential 'alice' "two`nlines") -Confirm:$false } | Should -Throw
        (Get-RasCredential -Name 'Corp').PasswordSaved | Should -BeFalse
    }
}

# Default (all-user) credentials, RASCM_DefaultCreds: an elevated administrator saves them for an
# all-users entry; a standard user is refused with ERROR_ACCESS_DENIED (RasSetCredentials return
# values; the simulator's caller is RASSIM_USER / RASSIM_ELEVATED, tests/sim/README.md).
Describe 'Set-RasCredential -Default' {
    # Default credentials belong to an all-users entry (RasSetCredentials RASCM_DefaultCreds).
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' -AllUsers | Out-Null }
    AfterEach {
        $env:RASSIM_USER = 'alice'; $env:RASSIM_ELEVATED = '1'
        Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'saves default credentials (not the caller''s own) from an elevated prompt, and LocalSystem dials with them' {
        $c = Set-RasCredential -Name 'Corp' -AllUsers -Default -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -PassThru -Confirm:$false
        $c.Default.User | Should -Be 'alice'
        $c.Default.Domain | Should -Be 'CONTOSO'
        $c.Default.PasswordSaved | Should -BeTrue
        $c.PasswordSaved | Should -BeFalse
        $env:RASSIM_USER = 'SYSTEM'
        (Connect-RasEntry -Name 'Corp' -AllUsers -Confirm:$false).State | Should -Be 'connected'
    }

    It 'is refused for a standard user as a PermissionDenied error with code 5, saving nothing' {
        $env:RASSIM_ELEVATED = '0'
        $out = Set-RasCredential -Name 'Corp' -Default -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $out | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].Exception.NativeErrorCode | Should -Be 5
        $failures[0].FullyQualifiedErrorId | Should -Be 'ERROR_ACCESS_DENIED,Set-RasCredential'
        $failures[0].TargetObject | Should -Be 'Corp'
        ($failures[0] | Out-String) | Should -Not -Match 'Alice-Pa55'
        $env:RASSIM_ELEVATED = '1'
        (Get-RasCredential -Name 'Corp').Default.PasswordSaved | Should -BeFalse
    }

    It 'is refused for an entry of a per-user phone book, even elevated' {
        $book = Join-Path $env:APPDATA 'Microsoft/Network/Connections/Pbk/rasphone.pbk'
        New-Item -ItemType Directory -Force -Path (Split-Path $book) | Out-Null
        New-RasEntry -Name 'Mine' -Type vpn -Server 'vpn.example.com' -Phonebook $book -Confirm:$false | Out-Null
        Set-RasCredential -Name 'Mine' -Phonebook $book -Default -Credential (New-TestCredential 'alice' 'Alice-Pa55') -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].Exception.NativeErrorCode | Should -Be 5
        (Get-RasCredential -Name 'Mine' -Phonebook $book).Default | Should -BeNullOrEmpty
    }
}
