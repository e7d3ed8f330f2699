BeforeAll {
    . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null
    function Start-DialLoop {
        # Another process (a PowerShell job) that dials and hangs up Corp again and again, so a
        # watcher that starts at any moment sees a connected event; the connection table is shared
        # across processes by the simulator.
        param([int]$Count = 200)
        Start-Job -ScriptBlock {
            param($ModulePath, $Count)
            Import-Module $ModulePath -ErrorAction Stop
            $secure = ConvertTo-SecureString -String 'Alice-Pa55' -AsPlainText -Force
            $credential = New-Object System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\alice', $secure
            for ($i = 0; $i -lt $Count; $i++) {
                Connect-RasEntry -Name 'Corp' -Credential $credential -Confirm:$false -ErrorAction SilentlyContinue | Out-Null
                Disconnect-RasConnection -EntryName 'Corp' -Confirm:$false -ErrorAction SilentlyContinue | Out-Null
            }
        } -ArgumentList (Join-Path $script:RepoRoot 'powershell/RasCtl/RasCtl.psd1'), $Count
    }
}

Describe 'Get-RasEvent' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null; $script:job = $null }
    AfterEach {
        if ($script:job) { Stop-Job -Job $script:job; Remove-Job -Job $script:job -Force }
        Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'outputs a connected event of a dial in another process as a RasCtl.Event, and -Once returns after the first' {
        $script:job = Start-DialLoop
        $events = @(Get-RasEvent -Name 'Corp' -Event Connected -Once -TimeoutSeconds 120)
        $events.Count | Should -Be 1
        $e = $events[0]
        $e.PSObject.TypeNames[0] | Should -Be 'RasCtl.Event'
        $e.Event | Should -Be 'connected'
        $e.Entry | Should -Be 'Corp'
        $e.Handle | Should -Match '^0x[0-9a-f]+$'
        $e.Phonebook | Should -BeLike '*.pbk'
        $e.Source | Should -BeIn @('notification', 'poll')
        $e.Timestamp | Should -BeOfType [DateTime]
        $e.Error | Should -BeNullOrEmpty
    }

    It 'streams events as they arrive and stops rasctl when the pipeline stops' {
        $script:job = Start-DialLoop
        $events = @(Watch-RasConnection -Name 'Corp' -Event @('Connected', 'Disconnected') -TimeoutSeconds 120 | Select-Object -First 3)
        $events.Count | Should -Be 3
        @($events | ForEach-Object { $_.Event } | Where-Object { $_ -notin @('connected', 'disconnected') }) | Should -BeNullOrEmpty
        @($events | Where-Object { $_.Entry -ne 'Corp' }) | Should -BeNullOrEmpty
    }

    It 'maps -Event names to rasctl watch --event and passes -Once and -TimeoutSeconds' {
        $runs = @(Get-RasCtlRun { Get-RasEvent -Name 'Corp' -Event @('BandwidthAdded', 'Disconnected') -TimeoutSeconds 1 -Verbose })
        $runs[0] | Should -BeLike 'rasctl watch Corp --event bandwidth-added,disconnected --timeout 1 *'
    }

    It 'ends quietly at -TimeoutSeconds without -Once, and with -Once writes an OperationTimeout error' {
        @(Get-RasEvent -Name 'Corp' -TimeoutSeconds 1 -ErrorVariable quiet) | Should -BeNullOrEmpty
        $quiet.Count | Should -Be 0
        $none = Get-RasEvent -Name 'Corp' -Once -TimeoutSeconds 1 -ErrorAction SilentlyContinue -ErrorVariable failures
        $none | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
    }

    It 'refuses an unknown -Event name before rasctl runs' {
        { Get-RasEvent -Event Exploded } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Get-RasEvent'
    }
}

Describe 'Wait-RasConnection over rasctl watch' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null; $script:job = $null }
    AfterEach {
        if ($script:job) { Stop-Job -Job $script:job; Remove-Job -Job $script:job -Force }
        Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'returns once another process has connected the entry' {
        $script:job = Start-Job -ScriptBlock {
            param($ModulePath)
            Import-Module $ModulePath -ErrorAction Stop
            $secure = ConvertTo-SecureString -String 'Alice-Pa55' -AsPlainText -Force
            $credential = New-Object System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\alice', $secure
            Connect-RasEntry -Name 'Corp' -Credential $credential -Confirm:$false
        } -ArgumentList (Join-Path $script:RepoRoot 'powershell/RasCtl/RasCtl.psd1')
        $s = Wait-RasConnection -Name 'Corp' -Timeout 120
        $s.PSObject.TypeNames[0] | Should -Be 'RasCtl.Connection'
        $s.Entry | Should -Be 'Corp'
        $s.State | Should -Be 'connected'
    }

    It 'waits with rasctl watch --once for the state asked for' {
        $runs = @(Get-RasCtlRun { Wait-RasConnection -Name 'Corp' -Timeout 8 -Verbose -ErrorAction SilentlyContinue })
        @($runs | Where-Object { $_ -like 'rasctl watch Corp --once --event connected --timeout *' }).Count | Should -BeGreaterThan 0
    }

    It 'fails for an unknown entry' {
        $s = Wait-RasConnection -Name 'No Such VPN' -Timeout 5 -ErrorAction SilentlyContinue -ErrorVariable failures
        $s | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
