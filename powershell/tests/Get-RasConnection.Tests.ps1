BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Get-RasConnection' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null; New-TestVpnEntry -Name 'Lab' | Out-Null }
    AfterEach { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'returns nothing when nothing is connected' {
        Get-RasConnection | Should -BeNullOrEmpty
    }

    It 'returns typed connection objects, enumerated one by one' {
        $cred = New-TestCredential 'CONTOSO\alice' 'Alice-Pa55'
        Connect-RasEntry -Name 'Corp' -Credential $cred -Confirm:$false | Out-Null
        Connect-RasEntry -Name 'Lab' -Credential $cred -Confirm:$false | Out-Null
        (Get-RasConnection | Measure-Object).Count | Should -Be 2
        $c = Get-RasConnection -Name 'Co*'
        $c | Should -Not -BeOfType [array]
        $c.PSObject.TypeNames[0] | Should -Be 'RasCtl.Connection'
        $c.Entry | Should -Be 'Corp'
        $c.State | Should -Be 'connected'
        $c.Device.Type | Should -Be 'vpn'
        @(Get-LowerCaseProperty -InputObject $c) | Should -BeNullOrEmpty
        (Get-RasConnection -Handle $c.Handle).Entry | Should -Be 'Corp'
    }
}
