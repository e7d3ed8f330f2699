BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Errors a script can handle' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null }

    It 'honours the caller''s $ErrorActionPreference = Stop (no -ErrorAction given)' {
        $caught = $null
        & {
            $ErrorActionPreference = 'Stop'
            try { Get-RasConnectionStatistics -Name 'Missing'; 'went on' } catch { $script:caught = $_ }
        } | Should -BeNullOrEmpty
        $script:caught.FullyQualifiedErrorId | Should -BeLike '*,Get-RasConnectionStatistics'
    }

    It 'honours the caller''s $ErrorActionPreference = SilentlyContinue' {
        $out = & {
            $ErrorActionPreference = 'SilentlyContinue'
            Get-RasConnectionStatistics -Name 'Missing'
            'went on'
        } 2>&1
        @($out) | Should -Be @('went on')
    }

    It 'gives NativeErrorCode only for RAS/Win32 codes: a usage error is an ArgumentException' {
        # 'bad|name' passes PowerShell's checks; rasctl refuses the name before any rasapi32 call.
        New-RasEntry -Name 'bad|name' -Server 'x.example.com' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures | Out-Null
        $failures.Count | Should -Be 1
        $failures[0].Exception | Should -BeOfType [System.ArgumentException]
        $failures[0].Exception | Should -Not -BeOfType [System.ComponentModel.Win32Exception]
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].FullyQualifiedErrorId | Should -Be 'UsageError,New-RasEntry'
        $failures[0].Exception.Data['ExitCode'] | Should -Be 2
        $failures[0].Exception.Data['RasErrorCode'] | Should -BeNullOrEmpty
    }

    It 'maps a RAS code to a Win32Exception with that NativeErrorCode' {
        Get-RasConnectionStatistics -Name 'Corp' -ErrorAction SilentlyContinue -ErrorVariable failures
        $failures[0].Exception | Should -BeOfType [System.ComponentModel.Win32Exception]
        $failures[0].Exception.NativeErrorCode | Should -Be 668
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'names categories from the documented error names' {
        InModuleScope RasCtl {
            Get-RasErrorCategory -Code $null -Name 'TimeoutError' -ExitCode 1 | Should -Be 'OperationTimeout'
            Get-RasErrorCategory -Code $null -Name 'InterruptedError' -ExitCode 1 | Should -Be 'OperationStopped'
            Get-RasErrorCategory -Code $null -Name 'UsageError' -ExitCode 2 | Should -Be 'InvalidArgument'
            Get-RasErrorCategory -Code 5 -Name 'ERROR_ACCESS_DENIED' -ExitCode 3 | Should -Be 'PermissionDenied'
            Get-RasErrorCategory -Code 691 -Name 'ERROR_AUTHENTICATION_FAILURE' -ExitCode 3 | Should -Be 'AuthenticationError'
            Get-RasErrorCategory -Code 623 -Name 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY' -ExitCode 3 | Should -Be 'ObjectNotFound'
            Get-RasErrorCategory -Code 183 -Name 'ERROR_ALREADY_EXISTS' -ExitCode 3 | Should -Be 'ResourceExists'
        }
    }

    It 'Disconnect-RasConnection -All:$false hangs up nothing' {
        Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false | Out-Null
        Disconnect-RasConnection -All:$false -Confirm:$false
        @(Get-RasConnection).Entry | Should -Be @('Corp')
        Disconnect-RasConnection -All -Confirm:$false
        @(Get-RasConnection).Count | Should -Be 0
    }

    It 'Wait-RasConnection on an unknown entry fails with 623 instead of waiting' {
        $out = Wait-RasConnection -Name 'Nope' -State Disconnected -Timeout 1 -ErrorAction SilentlyContinue -ErrorVariable failures
        $out | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].Exception.NativeErrorCode | Should -Be 623
    }
}

Describe 'Literal names and one process per call' {
    BeforeEach {
        Reset-RasSimulator
        New-TestVpnEntry -Name 'Corp [old]' | Out-Null
        New-TestVpnEntry -Name 'Corp o' -Server 'vpn2.example.com' | Out-Null
        New-TestVpnEntry -Name 'Home' -Server 'home.example.com' | Out-Null
    }

    It 'finds a literal name with [ as it is written' {
        $e = @(Get-RasEntry -Name 'Corp [old]')
        $e.Name | Should -Be @('Corp [old]')
        @(Get-RasEntry -Name "Corp [old]" -LiteralName).Name | Should -Be @('Corp [old]')
        Remove-RasEntry -Name 'Corp [old]' -Confirm:$false
        @(Get-RasEntry).Name | Sort-Object | Should -Be @('Corp o', 'Home')
    }

    It 'runs rasctl once for Get-RasEntry, whatever the number of entries' {
        $runs = @(Get-RasCtlRun { Get-RasEntry -Verbose | Out-Null })
        $runs.Count | Should -Be 1
        $runs[0] | Should -Match '^rasctl entry list --details'
        @(Get-RasCtlRun { Get-RasEntry -Name 'Home', 'Corp*' -Verbose | Out-Null }).Count | Should -Be 1
        (Get-RasEntry -Name 'Home').Server | Should -Be 'home.example.com'
    }

    It 'still reports a missing literal name from the single run' {
        $found = @(Get-RasEntry -Name 'Home', 'Missing' -ErrorAction SilentlyContinue -ErrorVariable failures)
        $found.Name | Should -Be @('Home')
        $failures[0].Exception.NativeErrorCode | Should -Be 623
        $failures[0].TargetObject | Should -Be 'Missing'
    }
}
