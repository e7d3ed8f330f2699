BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

# Each view of RasCtl.format.ps1xml, rendered: the columns carry the data, none is blank.
Describe 'Format views' {
    BeforeAll {
        Reset-RasSimulator
        New-TestVpnEntry -Name 'Corp' | Out-Null
        Set-RasCredential -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false
        $script:connection = Connect-RasEntry -Name 'Corp' -Confirm:$false
    }
    AfterAll { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'shows entries with name, type, server and strategy' {
        $text = Get-RasEntry | Format-Table | Out-String -Width 200
        $text | Should -Match 'Name\s+Type\s+Server\s+Strategy\s+SplitTunnel\s+Phonebook'
        $text | Should -Match 'Corp\s+vpn\s+vpn\.example\.com\s+ikev2-only\s+False'
    }

    It 'shows the connection IPv4 address (the projection''s), not a blank column' {
        $address = $script:connection.Projection.Ipv4.Address
        $address | Should -Match '^\d+\.\d+\.\d+\.\d+$'
        $text = Get-RasConnection | Format-Table | Out-String -Width 200
        $text | Should -Match 'Entry\s+State\s+Handle\s+Device\s+IPv4\s+Connected'
        $text | Should -Match ('Corp\s+connected\s+0x[0-9a-f]+\s+WAN Miniport \(IKEv2\)\s+' + [regex]::Escape($address) + '\s+\d\d:\d\d:\d\d')
    }

    It 'lists every connection property with Format-List' {
        $text = Get-RasConnection | Format-List | Out-String -Width 200
        $text | Should -Match 'Entry\s+: Corp'
        $text | Should -Match 'Projection\s+: '
    }

    It 'shows statistics with counters and a duration' {
        $text = Get-RasConnectionStatistics -Name 'Corp' | Format-Table | Out-String -Width 200
        $text | Should -Match 'Entry\s+BytesReceived\s+BytesTransmitted\s+Bps\s+Duration'
        $text | Should -Match 'Corp\s+\d+\s+\d+\s+\d+\s+\d\d:\d\d:\d\d'
    }

    It 'shows devices' {
        (Get-RasDevice -Type vpn | Format-Table | Out-String -Width 200) | Should -Match 'WAN Miniport \(IKEv2\)\s+vpn'
    }

    It 'shows saved credentials without secrets' {
        $text = Get-RasCredential -Name 'Corp' | Format-Table | Out-String -Width 200
        $text | Should -Match 'Corp\s+alice\s+CONTOSO\s+True\s+False'
        $text | Should -Not -Match 'Alice-Pa55'
    }

    It 'shows an error explanation' {
        (Get-RasError 691 | Format-Table | Out-String -Width 300) | Should -Match '691\s+ERROR_AUTHENTICATION_FAILURE\s+\S'
    }

    It 'shows events with time, kind, entry, handle and error' {
        $e = [pscustomobject]@{ PSTypeName = 'RasCtl.Event'; Event = 'disconnected'; Entry = 'Corp'; Phonebook = 'rasphone.pbk'; Handle = '0x1a'; Error = 629; Links = 0; Timestamp = '2026-12-01T10:00:00.000Z'; Source = 'notification' }
        $text = $e | Format-Table | Out-String -Width 200
        $text | Should -Match 'Timestamp\s+Event\s+Entry\s+Handle\s+Error'
        $text | Should -Match '2026-12-01T10:00:00.000Z\s+disconnected\s+Corp\s+0x1a\s+629'
    }

    It 'shows profile results and tests with what changed and what differs' {
        $entry = [pscustomobject]@{ Name = 'Corp VPN'; Changed = $true; Action = 'create'; InDesiredState = $false }
        $result = [pscustomobject]@{ PSTypeName = 'RasCtl.ProfileResult'; Changed = $true; WhatIf = $false; Entries = @($entry) }
        $text = $result | Format-Table | Out-String -Width 200
        $text | Should -Match 'Changed\s+WhatIf\s+Entries\s+Changes'
        $text | Should -Match 'True\s+False\s+1\s+Corp VPN: create'
        $test = [pscustomobject]@{ PSTypeName = 'RasCtl.ProfileTest'; InDesiredState = $false; Entries = @($entry) }
        $text = $test | Format-Table | Out-String -Width 200
        $text | Should -Match 'InDesiredState\s+Entries\s+Differing'
        $text | Should -Match 'False\s+1\s+Corp VPN'
    }

    It 'shows what a hang-up released' {
        $text = Disconnect-RasConnection -EntryName 'Corp' -Confirm:$false -PassThru | Format-Table | Out-String -Width 200
        $text | Should -Match 'Corp\s+0x[0-9a-f]+\s+True'
    }
}
