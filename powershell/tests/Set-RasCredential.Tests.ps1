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
