BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Disconnect-RasConnection' {
    BeforeEach {
        Reset-RasSimulator
        New-TestVpnEntry -Name 'Corp' | Out-Null
        New-TestVpnEntry -Name 'Corp2' | Out-Null
        $cred = New-TestCredential 'CONTOSO\alice' 'Alice-Pa55'
        Connect-RasEntry -Name 'Corp' -Credential $cred -Confirm:$false | Out-Null
        Connect-RasEntry -Name 'Corp2' -Credential $cred -Confirm:$false | Out-Null
    }

    It 'hangs up every connection piped from Get-RasConnection (by Handle)' {
        @(Get-RasConnection).Count | Should -Be 2
        Get-RasConnection | Disconnect-RasConnection -Confirm:$false
        @(Get-RasConnection).Count | Should -Be 0
    }

    It 'hangs up by entry name and reports what was released with -PassThru' {
        $released = Disconnect-RasConnection -EntryName 'Corp' -PassThru -Confirm:$false
        $released.PSObject.TypeNames[0] | Should -Be 'RasCtl.Hangup'
        $released.Entry | Should -Be 'Corp'
        $released.Released | Should -BeTrue
        @(Get-RasConnection | ForEach-Object Entry) | Should -Be @('Corp2')
    }

    It 'hangs up everything with -All' {
        Disconnect-RasConnection -All -Confirm:$false
        @(Get-RasConnection).Count | Should -Be 0
    }

    It 'keeps the connections with -WhatIf' {
        Get-RasConnection | Disconnect-RasConnection -WhatIf
        @(Get-RasConnection).Count | Should -Be 2
    }

    It 'writes a non-terminating error for an unknown handle' {
        Disconnect-RasConnection -Handle '0xDEAD' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures.Count | Should -Be 1
        @(Get-RasConnection).Count | Should -Be 2
    }
}
