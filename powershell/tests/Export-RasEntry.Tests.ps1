BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'Export-RasEntry' {
    BeforeEach {
        Reset-RasSimulator
        New-RasEntry -Name 'Corp' -Type vpn -Server 'vpn.example.com' -Strategy 'sstp-first' -DnsSuffix 'corp.example.com' -Confirm:$false | Out-Null
    }

    It 'writes a file New-RasEntry -FromFile reads back into an identical entry' {
        $file = Export-RasEntry -Name 'Corp' -Path (Join-Path $TestDrive 'corp.json')
        $file | Should -BeOfType [System.IO.FileInfo]
        (Get-Content -LiteralPath $file.FullName -Raw | ConvertFrom-Json).server | Should -Be 'vpn.example.com'
        $copy = New-RasEntry -Name 'Corp 2' -FromFile $file.FullName -Confirm:$false
        $copy.Name | Should -Be 'Corp 2'
        $copy.Server | Should -Be 'vpn.example.com'
        $copy.Strategy | Should -Be 'sstp-first'
        $copy.DnsSuffix | Should -Be 'corp.example.com'
        ($copy.Raw | ConvertTo-Json -Depth 5) | Should -Be ((Get-RasEntry -Name 'Corp').Raw | ConvertTo-Json -Depth 5)
    }

    It 'takes the entry from the pipeline and refuses to overwrite without -Force' {
        $path = Join-Path $TestDrive 'piped.json'
        Get-RasEntry -Name 'Corp' | Export-RasEntry -Path $path | Out-Null
        Test-Path -LiteralPath $path | Should -BeTrue
        Export-RasEntry -Name 'Corp' -Path $path -ErrorAction SilentlyContinue -ErrorVariable failures | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'FileExists,Export-RasEntry'
        (Export-RasEntry -Name 'Corp' -Path $path -Force).Name | Should -Be 'piped.json'
    }

    It 'writes nothing with -WhatIf' {
        Export-RasEntry -Name 'Corp' -Path (Join-Path $TestDrive 'w.json') -WhatIf
        Test-Path -LiteralPath (Join-Path $TestDrive 'w.json') | Should -BeFalse
    }
}
