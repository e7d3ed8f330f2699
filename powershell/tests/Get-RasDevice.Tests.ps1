BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Get-RasDevice' {
    It 'lists the WAN miniports as RasCtl.Device objects' {
        $devices = @(Get-RasDevice)
        $devices.Count | Should -BeGreaterOrEqual 5
        $devices.Name | Should -Contain 'WAN Miniport (IKEv2)'
        $devices.Name | Should -Contain 'WAN Miniport (SSTP)'
        $devices | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'RasCtl.Device' }
        ($devices | Where-Object Name -EQ 'WAN Miniport (IKEv2)').Type | Should -Be 'vpn'
    }

    It 'filters by -Type and by wildcard -Name' {
        $vpn = @(Get-RasDevice -Type vpn)
        $vpn.Count | Should -Be 4
        $vpn | ForEach-Object { $_.Type | Should -Be 'vpn' }
        $ike = @(Get-RasDevice -Name '*IKEv2*')
        $ike.Count | Should -Be 1
        $ike[0].Name | Should -Be 'WAN Miniport (IKEv2)'
    }
}
