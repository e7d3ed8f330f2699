BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

# Objects bind by property name (Entry, Name aliases), never as an '@{...}' string.
Describe 'Pipeline binding by property' {
    BeforeEach {
        Reset-RasSimulator
        New-TestVpnEntry -Name 'Corp' | Out-Null
        New-TestVpnEntry -Name 'Other' -Server 'vpn2.example.com' | Out-Null
    }
    AfterEach { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'Get-RasConnection | Get-RasEntry gets the connected entry' {
        Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false | Out-Null
        $e = @(Get-RasConnection | Get-RasEntry)
        $e.Count | Should -Be 1
        $e[0].Name | Should -Be 'Corp'
        $e[0].Server | Should -Be 'vpn.example.com'
    }

    It 'Get-RasEntry X | Disconnect-RasConnection hangs up that entry only' {
        Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false | Out-Null
        $released = @(Get-RasEntry -Name 'Corp' | Disconnect-RasConnection -Confirm:$false -PassThru)
        $released.Count | Should -Be 1
        $released[0].Entry | Should -Be 'Corp'
        $released[0].Released | Should -BeTrue
        @(Get-RasConnection).Count | Should -Be 0
    }

    It 'Get-RasCredential X | Remove-RasEntry removes that entry' {
        Get-RasCredential -Name 'Corp' | Remove-RasEntry -Confirm:$false
        @(Get-RasEntry).Name | Should -Be @('Other')
    }

    It 'Get-RasEntry | Set-RasEntry changes each entry' {
        Get-RasEntry | Set-RasEntry -DnsSuffix 'corp.example.com' -Confirm:$false
        (Get-RasEntry).DnsSuffix | Should -Be @('corp.example.com', 'corp.example.com')
    }

    It 'Get-RasConnection | Get-RasConnectionStatistics reads each connection' {
        Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false | Out-Null
        (Get-RasConnection | Get-RasConnectionStatistics).Entry | Should -Be 'Corp'
    }
}
