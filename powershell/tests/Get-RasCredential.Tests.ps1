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
