BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

Describe 'RasCtl module' {
    It 'has a valid manifest that exports exactly the documented cmdlets' {
        $manifest = Test-ModuleManifest -Path (Join-Path $script:RepoRoot 'powershell/RasCtl/RasCtl.psd1')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $exported = (Get-Module RasCtl).ExportedFunctions.Keys | Sort-Object
        $exported | Should -Be ($manifest.ExportedFunctions.Keys | Sort-Object)
        $exported | Should -Contain 'Connect-RasEntry'
        $exported | Should -Not -Contain 'Invoke-RasCtl'
    }

    It 'exports exactly the cmdlets of Public/, one a file, as the manifest lists them' {
        $public = @(Get-ChildItem -LiteralPath (Join-Path $script:RepoRoot 'powershell/RasCtl/Public') -Filter '*.ps1' | ForEach-Object { $_.BaseName } | Sort-Object)
        $public.Count | Should -BeGreaterThan 16
        $manifest = Import-PowerShellDataFile -Path (Join-Path $script:RepoRoot 'powershell/RasCtl/RasCtl.psd1')
        @($manifest.FunctionsToExport | Sort-Object) | Should -Be $public
        @((Get-Module RasCtl).ExportedFunctions.Keys | Sort-Object) | Should -Be $public
        (Get-Command Invoke-RasCtl -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }

    It 'ships an about_RasCtl help topic' {
        $about = Join-Path $script:RepoRoot 'powershell/RasCtl/en-US/about_RasCtl.help.txt'
        (Get-Content -LiteralPath $about -Raw) | Should -Match 'TOPIC\s+about_RasCtl'
    }

    It 'gives every cmdlet help with a synopsis and an example' {
        foreach ($name in (Get-Module RasCtl).ExportedFunctions.Keys) {
            $help = Get-Help $name -Full
            $help.Synopsis | Should -Not -BeLike "$name*" -Because "$name needs .SYNOPSIS"
            @($help.Examples.Example).Count | Should -BeGreaterThan 0 -Because "$name needs .EXAMPLE"
        }
    }

    It 'completes entry names' {
        Reset-RasSimulator
        New-TestVpnEntry -Name 'Corp VPN' | Out-Null
        New-TestVpnEntry -Name 'Home' | Out-Null
        $line = 'Get-RasEntry -Name Co'
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $result.CompletionMatches.CompletionText | Should -Be @("'Corp VPN'")
    }

    It 'quotes arguments the way CommandLineToArgvW reads them' {
        InModuleScope RasCtl {
            ConvertTo-WindowsArgument -Argument 'plain' | Should -BeExactly 'plain'
            ConvertTo-WindowsArgument -Argument '' | Should -BeExactly '""'
            ConvertTo-WindowsArgument -Argument 'a b' | Should -BeExactly '"a b"'
            ConvertTo-WindowsArgument -Argument 'say "hi"' | Should -BeExactly '"say \"hi\""'
            ConvertTo-WindowsArgument -Argument 'C:\my dir\' | Should -BeExactly '"C:\my dir\\"'
            ConvertTo-WindowsArgument -Argument 'C:\dir\' | Should -BeExactly 'C:\dir\'
        }
    }

    It 'converts camelCase JSON to PascalCase at every depth and keeps arrays' {
        InModuleScope RasCtl {
            $o = ConvertTo-RasObject -InputObject ('{"name":"x","dns":{"servers":["1.1.1.1"],"suffix":null},"list":[{"aB":1}]}' | ConvertFrom-Json) -TypeName 'RasCtl.Test'
            $o.PSObject.TypeNames[0] | Should -Be 'RasCtl.Test'
            $o.PSObject.Properties.Name | Should -Be @('Name', 'Dns', 'List')
            $o.Dns.PSObject.Properties.Name | Should -Be @('Servers', 'Suffix')
            , $o.Dns.Servers | Should -BeOfType [object[]]
            $o.List[0].AB | Should -Be 1
        }
    }

    It 'fails clearly when rasctl.exe cannot be found' {
        $saved = $env:RASCTL_EXE
        try {
            $env:RASCTL_EXE = Join-Path $TestDrive 'nope.exe'
            { Get-RasDevice } | Should -Throw '*RASCTL_EXE*nope.exe*'
        }
        finally { $env:RASCTL_EXE = $saved }
    }
}
