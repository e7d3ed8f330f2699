BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Connect-RasEntry' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null }
    AfterEach { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'dials with a PSCredential and returns the connection' {
        $c = Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false
        @($c).Count | Should -Be 1
        $c.PSObject.TypeNames[0] | Should -Be 'RasCtl.Connection'
        $c.Entry | Should -Be 'Corp'
        $c.State | Should -Be 'connected'
        $c.Handle | Should -Match '^0x[0-9a-fA-F]+$'
        $c.Error | Should -BeNullOrEmpty
        (Get-RasConnection -Name 'Corp').State | Should -Be 'connected'
    }

    It 'sends a non-ASCII password through stdin as UTF-8' {
        New-TestVpnEntry -Name 'Intl' -Server 'intl.example.com' | Out-Null
        $c = Connect-RasEntry -Name 'Intl' -Credential (New-TestCredential 'jos' $script:IntlPassword) -Confirm:$false
        $c.State | Should -Be 'connected'
    }

    It 'never puts the password on the command line' {
        $verbose = Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match '--password-stdin'
        ($verbose.Message -join "`n") | Should -Not -Match 'Alice-Pa55'
    }

    It 'writes ERROR_AUTHENTICATION_FAILURE (691) as an AuthenticationError record' {
        $c = Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'wrong') -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $c | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $e = $failures[0]
        $e.Exception.NativeErrorCode | Should -Be 691
        $e.Exception.Data['RasErrorName'] | Should -Be 'ERROR_AUTHENTICATION_FAILURE'
        $e.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $e.TargetObject | Should -Be 'Corp'
        $e.FullyQualifiedErrorId | Should -Be 'ERROR_AUTHENTICATION_FAILURE,Connect-RasEntry'
        $e.ErrorDetails.Message | Should -Not -BeNullOrEmpty
        @(Get-RasConnection).Count | Should -Be 0
    }

    It 'throws with -ErrorAction Stop' {
        { Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'wrong') -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ERROR_AUTHENTICATION_FAILURE,Connect-RasEntry'
    }

    It 'dials the -Via prerequisite first with its own credential' {
        New-RasEntry -Name 'Dialup' -Type phone -Server '5551234' -Confirm:$false | Out-Null
        $c = @(Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Via 'Dialup' -ViaCredential (New-TestCredential 'isp' 'isp-pw') -Confirm:$false)
        $c.Count | Should -Be 2
        $c[0].Entry | Should -Be 'Dialup'
        $c[1].Entry | Should -Be 'Corp'
        $c | ForEach-Object { $_.State | Should -Be 'connected' }
    }

    It 'dials nothing with -WhatIf' {
        Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -WhatIf
        @(Get-RasConnection).Count | Should -Be 0
    }

    It 'accepts entry names from the pipeline' {
        Set-RasCredential -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false
        $c = 'Corp' | Connect-RasEntry -Confirm:$false
        $c.Entry | Should -Be 'Corp'
    }
}

Describe 'Connect-RasEntry dial options' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp' | Out-Null }
    AfterEach { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'passes -NoPrerequisite, -Retries and -RetryDelayMilliseconds on to rasctl dial' {
        $runs = @(Get-RasCtlRun { Connect-RasEntry -Name 'Corp' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -NoPrerequisite -Retries 2 -RetryDelayMilliseconds 5 -Confirm:$false -Verbose | Out-Null })
        $runs[0] | Should -Match '--no-prerequisite'
        $runs[0] | Should -Match '--retries 2'
        $runs[0] | Should -Match '--retry-delay 5'
        @(Get-RasConnection).Entry | Should -Be @('Corp')
    }

    It 'refuses more retries than rasctl takes before starting it' {
        { Connect-RasEntry -Name 'Corp' -Retries 101 -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Connect-RasEntry'
    }
}
