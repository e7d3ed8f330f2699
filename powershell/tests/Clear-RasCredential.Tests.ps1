BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Clear-RasCredential' {
    BeforeEach {
        Reset-RasSimulator
        New-RasEntry -Name 'L2tp' -Type vpn -Server 'l2tp.example.com' -Strategy 'l2tp-only' -Confirm:$false | Out-Null
        Set-RasCredential -Name 'L2tp' -Credential (New-TestCredential 'bob' 'Bob-Pa55') -PreSharedKey (New-TestCredential 'x' 'psk-123').Password -Confirm:$false
    }

    It 'forgets the saved password and keeps the key' {
        Clear-RasCredential -Name 'L2tp' -Confirm:$false | Should -BeNullOrEmpty
        $c = Get-RasCredential -Name 'L2tp'
        $c.PasswordSaved | Should -BeFalse
        $c.PskSaved | Should -BeTrue
    }

    It 'forgets only the pre-shared key with -PreSharedKey' {
        Clear-RasCredential -Name 'L2tp' -PreSharedKey -Confirm:$false
        $c = Get-RasCredential -Name 'L2tp'
        $c.PskSaved | Should -BeFalse
        $c.PasswordSaved | Should -BeTrue
    }

    It 'keeps everything with -WhatIf' {
        Clear-RasCredential -Name 'L2tp' -WhatIf
        (Get-RasCredential -Name 'L2tp').PasswordSaved | Should -BeTrue
    }
}

Describe 'Clear-RasCredential -Default' {
    BeforeEach {
        Reset-RasSimulator
        # Default credentials belong to an all-users entry (RasSetCredentials RASCM_DefaultCreds).
        New-TestVpnEntry -Name 'Corp' -AllUsers | Out-Null
        Set-RasCredential -Name 'Corp' -Default -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false
        Set-RasCredential -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\ann' 'Ann-Pa55') -Confirm:$false
    }
    AfterEach { $env:RASSIM_USER = 'alice'; $env:RASSIM_ELEVATED = '1' }

    It 'forgets the default credentials from an elevated prompt and keeps the caller''s own' {
        Clear-RasCredential -Name 'Corp' -Default -Confirm:$false | Should -BeNullOrEmpty
        $c = Get-RasCredential -Name 'Corp'
        $c.Default.PasswordSaved | Should -BeFalse
        $c.Default.User | Should -BeNullOrEmpty
        $c.PasswordSaved | Should -BeTrue
        $c.User | Should -Be 'ann'
    }

    It 'is refused for a standard user as PermissionDenied, keeping them' {
        $env:RASSIM_ELEVATED = '0'
        Clear-RasCredential -Name 'Corp' -Default -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].Exception.NativeErrorCode | Should -Be 5
        $failures[0].FullyQualifiedErrorId | Should -Be 'ERROR_ACCESS_DENIED,Clear-RasCredential'
        $env:RASSIM_ELEVATED = '1'
        (Get-RasCredential -Name 'Corp').Default.PasswordSaved | Should -BeTrue
    }
}
