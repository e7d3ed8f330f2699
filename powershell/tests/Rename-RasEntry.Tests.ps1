BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Rename-RasEntry' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null }

    It 'renames the entry and outputs nothing' {
        Rename-RasEntry -Name 'Corp' -NewName 'Corp (old)' -Confirm:$false | Should -BeNullOrEmpty
        @(Get-RasEntry | ForEach-Object Name) | Should -Be @('Corp (old)')
        (Get-RasEntry -Name 'Corp (old)').Server | Should -Be 'vpn.example.com'
    }

    It 'outputs the renamed entry with -PassThru' {
        $e = Rename-RasEntry -Name 'Corp' -NewName 'Corp2' -PassThru -Confirm:$false
        $e.PSObject.TypeNames[0] | Should -Be 'RasCtl.Entry'
        $e.Name | Should -Be 'Corp2'
    }

    It 'renames nothing with -WhatIf' {
        Rename-RasEntry -Name 'Corp' -NewName 'Other' -WhatIf
        (Get-RasEntry).Name | Should -Be 'Corp'
    }

    It 'reports a missing entry as ObjectNotFound' {
        Rename-RasEntry -Name 'Missing' -NewName 'X' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].Exception.NativeErrorCode | Should -Be 623
    }
}
