BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

# slow.example.com answers only after 60 s (latencyMs), so the dial is still in progress when the
# caller stops. A killed rasctl would leave its half-made connection behind in the simulator; one
# that was signalled first hangs it up (commands/_context.ts: SIGINT/SIGTERM, SIGBREAK on Windows).
Describe 'Stopping a cmdlet' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Slow' -Server 'slow.example.com' | Out-Null }
    AfterEach { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'lets rasctl hang up the dial it started when the pipeline is stopped' {
        $ps = [powershell]::Create()
        try {
            $module = Join-Path $script:RepoRoot 'powershell/RasCtl/RasCtl.psd1'
            # rasctl dials only with a password (given or saved): give one through stdin.
            $credential = New-TestCredential 'alice' 'Slow-Pa55'
            [void]$ps.AddScript({
                    param($module, $credential)
                    Import-Module $module
                    Connect-RasEntry -Name 'Slow' -Credential $credential -Confirm:$false
                }).AddArgument($module).AddArgument($credential)
            $async = $ps.BeginInvoke()
            # Wait (bounded) until the simulator shows the dial in progress.
            $seen = $null
            for ($i = 0; $i -lt 100 -and -not $seen; $i++) {
                Start-Sleep -Milliseconds 200
                $seen = Get-RasConnection -Name 'Slow' -ErrorAction SilentlyContinue
            }
            $seen | Should -Not -BeNullOrEmpty
            $seen.State | Should -Not -Be 'connected'
            $ps.Stop()
            $async.IsCompleted | Should -BeTrue
            @(Get-RasConnection).Count | Should -Be 0
        }
        finally { $ps.Dispose() }
    }
}
