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
