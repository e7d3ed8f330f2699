BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Get-RasError' {
    It 'explains 691' {
        $e = Get-RasError -Code 691
        $e.PSObject.TypeNames[0] | Should -Be 'RasCtl.Error'
        $e.Code | Should -Be 691
        $e.Name | Should -Be 'ERROR_AUTHENTICATION_FAILURE'
        $e.Message | Should -Match 'user name and password'
    }

    It 'takes codes from the pipeline and from an exception (NativeErrorCode)' {
        $errors = @(691, 623 | Get-RasError)
        $errors.Name | Should -Be @('ERROR_AUTHENTICATION_FAILURE', 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY')
        $ex = New-Object System.ComponentModel.Win32Exception -ArgumentList 868
        ($ex | Get-RasError).Name | Should -Be 'ERROR_DNSNAME_NOT_RESOLVABLE'
    }

    It 'refuses a negative code before rasctl runs (rasctl would read it as an option)' {
        { Get-RasError -Code -5 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Get-RasError'
        @(Get-RasCtlRun { try { Get-RasError -Code -5 -Verbose } catch { } }).Count | Should -Be 0
    }
}
