BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

# New-RasEntry and Set-RasEntry cover every entry setting of rasctl entry new/set, with the limits
# rasctl declares (Private/Get-EntrySettingTable.ps1, generated from ras/entry_settings.ts).
Describe 'Entry settings on New-RasEntry and Set-RasEntry' {
    It 'has a parameter with the declared limits and aliases for every setting, on <_>' -ForEach @('New-RasEntry', 'Set-RasEntry') {
        $command = Get-Command $_
        $table = InModuleScope RasCtl { Get-EntrySettingTable }
        @($table).Count | Should -BeGreaterThan 20
        foreach ($setting in $table) {
            $p = $command.Parameters[$setting.Parameter]
            $p | Should -Not -BeNullOrEmpty -Because "$($setting.Flag) needs -$($setting.Parameter)"
            foreach ($alias in $setting.Aliases) { $p.Aliases | Should -Contain $alias }
            $set = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
            $range = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] }
            $length = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateLengthAttribute] }
            if (-not $setting.TakesValue) { $p.ParameterType | Should -Be ([switch]) }
            elseif ($setting.Choices) { @($set.ValidValues) | Should -Be @($setting.Choices) -Because $setting.Flag }
            elseif ($setting.NullWord -and $null -ne $setting.Max) {
                ($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidatePatternAttribute] }).RegexPattern | Should -Match $setting.NullWord
            }
            elseif ($null -ne $setting.Max) {
                [long]$range.MinRange | Should -Be $setting.Min -Because $setting.Flag
                [long]$range.MaxRange | Should -Be $setting.Max -Because $setting.Flag
            }
            elseif ($null -ne $setting.MaxLength) { $length.MaxLength | Should -Be $setting.MaxLength -Because $setting.Flag }
        }
        $command.Parameters['AllUsers'].Aliases | Should -Contain 'AllUserConnection'
    }

    It 'matches rasctl help --json (the command description)' {
        $run = InModuleScope RasCtl {
            $f = $null
            $out = Invoke-RasCtl -ArgumentList @('help', '--json') -Raw -Failure ([ref]$f)
            @{ Out = $out; Failed = [bool]$f }
        }
        $description = $run.Out
        if ($run.Failed -or -not $description -or -not $description.Trim().StartsWith('{')) {
            Set-ItResult -Skipped -Because 'this rasctl has no "help --json" command description yet (the command-layer issue adds it)'
            return
        }
        $commands = @(($description | ConvertFrom-Json).commands)
        $table = InModuleScope RasCtl { Get-EntrySettingTable }
        foreach ($path in @('new', 'set')) {
            $cmd = $commands | Where-Object { ($_.path -join ' ') -eq "entry $path" }
            $cmd | Should -Not -BeNullOrEmpty
            $flags = @($cmd.options | ForEach-Object { $_.flag })
            foreach ($setting in $table) { $flags | Should -Contain $setting.Flag }
            foreach ($option in $cmd.options) {
                $setting = $table | Where-Object { $_.Flag -eq $option.flag }
                if (-not $setting) { continue } # --phonebook, --all-users, --from: their own parameters
                if ($option.choices) { @($setting.Choices) | Should -Be @($option.choices) -Because $option.flag }
                if ($null -ne $option.max) { $setting.Max | Should -Be $option.max -Because $option.flag }
                if ($null -ne $option.min) { $setting.Min | Should -Be $option.min -Because $option.flag }
                # Lengths of strings; an address's or entry name's form is checked by rasctl itself.
                if ($null -ne $setting.MaxLength) { $setting.MaxLength | Should -Be $option.maxLength -Because $option.flag }
                ($option.takesValue -eq $setting.TakesValue) | Should -BeTrue -Because $option.flag
            }
        }
    }
}

Describe 'Setting every entry setting' {
    BeforeEach { Reset-RasSimulator }

    It 'passes VpnClient-style parameters to rasctl and reads them back' {
        $e = New-RasEntry -Name 'Corp' -ServerAddress 'vpn.example.com' -TunnelType 'sstp-first' -AuthenticationMethod 'mschapv2', 'eap' -EncryptionLevel 'max' -SplitTunneling -IdleDisconnectSeconds 300 -RememberCredential -RedialAttempts 2 -RedialPauseSeconds 30 -DnsServer '10.0.0.53', '10.0.0.54' -DnsSuffix 'corp.example.com' -RegisterDns -Metric 5 -Confirm:$false
        $e.Server | Should -Be 'vpn.example.com'
        $e.Strategy | Should -Be 'sstp-first'
        @($e.Authentication) | Should -Be @('mschapv2', 'eap')
        $e.Encryption | Should -Be 'max'
        $e.SplitTunnel | Should -BeTrue
        $e.IdleDisconnectSeconds | Should -Be 300
        $e.RememberCredentials | Should -BeTrue
        $e.Redial.Attempts | Should -Be 2
        $e.Redial.PauseSeconds | Should -Be 30
        @($e.Ipv4.Dns) | Should -Be @('10.0.0.53', '10.0.0.54')
        $e.Ipv4.Metric | Should -Be 5
        $e.RegisterDns | Should -BeTrue
    }

    It 'turns a switch off with -Switch:$false (--no-x) in Set-RasEntry' {
        New-RasEntry -Name 'Corp' -Server 'vpn.example.com' -SplitTunnel -Confirm:$false | Out-Null
        $runs = @(Get-RasCtlRun { Set-RasEntry -Name 'Corp' -SplitTunnel:$false -Confirm:$false -Verbose })
        $runs[0] | Should -Match '--no-split-tunnel'
        (Get-RasEntry -Name 'Corp').SplitTunnel | Should -BeFalse
    }

    It 'refuses an out-of-range value before rasctl runs' {
        { New-RasEntry -Name 'Corp' -Server 'vpn.example.com' -RedialPause 86401 -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError,New-RasEntry'
        { New-RasEntry -Name 'Corp' -Server 'vpn.example.com' -Encryption 'strong' -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError,New-RasEntry'
    }

    It 'creates an L2TP entry with its pre-shared key (-L2tpPsk) through stdin' {
        $psk = New-TestSecureString ([int[]][char[]]'psk-123')
        # Splatted: VpnClient's name, -L2tpPsk (tree-sitter's grammar misreads a digit in a flag).
        $vpnClient = @{ L2tpPsk = $psk }
        $e = New-RasEntry -Name 'L2tp' -Server 'l2tp.example.com' -Strategy 'l2tp-only' @vpnClient -Confirm:$false
        $e.UsePreSharedKey | Should -BeTrue
        (Get-RasCredential -Name 'L2tp').PskSaved | Should -BeTrue
    }

    It 'creates and changes entries in the all-users phone book with -AllUsers' {
        $e = New-RasEntry -Name 'Shared' -Server 'vpn.example.com' -AllUsers -Confirm:$false
        $e.Phonebook | Should -Match 'ProgramData'
        (Set-RasEntry -Name 'Shared' -AllUsers -DnsSuffix 'x.example.com' -PassThru -Confirm:$false).DnsSuffix | Should -Be 'x.example.com'
    }
}
