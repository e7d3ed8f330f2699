BeforeAll {
    . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null

    function Get-RasCtlCommandPath {
        # The rasctl commands a Public/ file runs, read from its AST: every array whose leading
        # elements are string constants (@('creds', 'show', $n)) and every .Add('watch') on an
        # argument list, matched against the command paths of help --json (longest path wins).
        param([string]$File, [string[]]$KnownPath)
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($File, [ref]$null, [ref]$null)
        $heads = New-Object System.Collections.Generic.List[string]
        $arrays = $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.ArrayLiteralAst] }, $true)
        foreach ($a in $arrays) {
            $words = @()
            foreach ($e in $a.Elements) {
                if ($e -isnot [System.Management.Automation.Language.StringConstantExpressionAst]) { break }
                $words += $e.Value
            }
            if ($words.Count -gt 0) { $heads.Add($words -join ' ') }
        }
        # @('connections'): one string constant in @(...), no array literal.
        $single = $ast.FindAll({ param($n)
                $n -is [System.Management.Automation.Language.ArrayExpressionAst] -and
                @($n.SubExpression.Statements).Count -eq 1 -and
                $n.SubExpression.Statements[0] -is [System.Management.Automation.Language.PipelineAst] -and
                @($n.SubExpression.Statements[0].PipelineElements).Count -eq 1 -and
                $n.SubExpression.Statements[0].PipelineElements[0].Expression -is [System.Management.Automation.Language.StringConstantExpressionAst]
            }, $true)
        foreach ($s in $single) { $heads.Add($s.SubExpression.Statements[0].PipelineElements[0].Expression.Value) }
        $adds = $ast.FindAll({ param($n)
                $n -is [System.Management.Automation.Language.InvokeMemberExpressionAst] -and $n.Member.Value -eq 'Add' -and
                @($n.Arguments).Count -eq 1 -and $n.Arguments[0] -is [System.Management.Automation.Language.StringConstantExpressionAst]
            }, $true)
        foreach ($a in $adds) { $heads.Add($a.Arguments[0].Value) }
        $found = @()
        foreach ($head in $heads) {
            $match = $KnownPath | Where-Object { $head -eq $_ -or $head.StartsWith("$_ ") } |
                Sort-Object -Property Length -Descending | Select-Object -First 1
            if ($match) { $found += $match }
        }
        @($found | Select-Object -Unique)
    }
}

# "-AllUsers wherever the CLI has --all-users" (issue 11), from rasctl's own command description.
Describe '-AllUsers wherever rasctl has --all-users' {
    BeforeAll {
        $json = InModuleScope RasCtl {
            $f = $null
            Invoke-RasCtl -ArgumentList @('help', '--json') -Raw -Failure ([ref]$f)
        }
        $script:Commands = @(($json | ConvertFrom-Json).commands)
        $script:Paths = @($script:Commands | ForEach-Object { $_.path -join ' ' })
        $script:Public = @(Get-ChildItem -Path (Join-Path $script:RepoRoot 'powershell/RasCtl/Public') -Filter '*.ps1')
    }

    It 'reads the commands each cmdlet runs (every cmdlet runs at least one)' {
        $script:Paths | Should -Contain 'creds show'
        foreach ($file in $script:Public) {
            @(Get-RasCtlCommandPath -File $file.FullName -KnownPath $script:Paths).Count | Should -BeGreaterThan 0 -Because $file.Name
        }
        Get-RasCtlCommandPath -File (Join-Path $script:RepoRoot 'powershell/RasCtl/Public/Connect-RasEntry.ps1') -KnownPath $script:Paths | Should -Be @('dial')
        Get-RasCtlCommandPath -File (Join-Path $script:RepoRoot 'powershell/RasCtl/Public/Get-RasEvent.ps1') -KnownPath $script:Paths | Should -Be @('watch')
    }

    It 'gives every cmdlet that runs a command with --all-users an -AllUsers switch that sends it' {
        $withAllUsers = @($script:Commands | Where-Object { @($_.options | ForEach-Object { $_.flag }) -contains '--all-users' } |
                ForEach-Object { $_.path -join ' ' })
        $withAllUsers | Should -Contain 'dial'
        $checked = 0
        foreach ($file in $script:Public) {
            $runs = @(Get-RasCtlCommandPath -File $file.FullName -KnownPath $script:Paths)
            $needs = @($runs | Where-Object { $withAllUsers -contains $_ })
            if ($needs.Count -eq 0) { continue }
            $command = Get-Command -Module RasCtl -Name $file.BaseName
            $p = $command.Parameters['AllUsers']
            $p | Should -Not -BeNullOrEmpty -Because "$($file.BaseName) runs rasctl $($needs -join ', ') (--all-users)"
            $p.ParameterType | Should -Be ([switch])
            # ... and passes it on: the file hands -AllUsers to Get-ScopeArgument (--all-users).
            (Get-Content -LiteralPath $file.FullName -Raw) | Should -Match 'Get-ScopeArgument[^\r\n]*-AllUsers:\$AllUsers' -Because $file.BaseName
            $checked++
        }
        $checked | Should -BeGreaterThan 10
    }
}

Describe 'Connect-RasEntry -AllUsers' {
    BeforeEach {
        Reset-RasSimulator
        $script:UserBook = Join-Path $env:APPDATA 'Microsoft/Network/Connections/Pbk/rasphone.pbk'
        New-Item -ItemType Directory -Force -Path (Split-Path $script:UserBook) | Out-Null
        New-RasEntry -Name 'Mine' -Type vpn -Server 'vpn.example.com' -Strategy 'ikev2-only' -Phonebook $script:UserBook -Confirm:$false | Out-Null
        New-RasEntry -Name 'Shared' -Type vpn -Server 'vpn.example.com' -Strategy 'ikev2-only' -AllUsers -Confirm:$false | Out-Null
    }
    AfterEach { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'dials an entry of the all-users phone book with --all-users' {
        $runs = @(Get-RasCtlRun { Connect-RasEntry -Name 'Shared' -AllUsers -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false -Verbose | Out-Null })
        $runs[0] | Should -Match '^rasctl dial Shared --all-users'
        @(Get-RasConnection).Entry | Should -Be @('Shared')
    }

    It 'does not find a per-user entry in the all-users phone book' {
        $c = Connect-RasEntry -Name 'Mine' -AllUsers -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $c | Should -BeNullOrEmpty
        $failures[0].Exception.NativeErrorCode | Should -Be 623
        (Connect-RasEntry -Name 'Mine' -Credential (New-TestCredential 'CONTOSO\alice' 'Alice-Pa55') -Confirm:$false).State | Should -Be 'connected'
    }
}

# Parameters that pass a rasctl option on take what the option takes, and the cmdlets that front a
# command take each of its options: read from help --json, so a new option or a changed limit fails
# here instead of as a usage error at run time.
Describe 'Parameters against help --json' {
    BeforeAll {
        $json = InModuleScope RasCtl {
            $f = $null
            Invoke-RasCtl -ArgumentList @('help', '--json') -Raw -Failure ([ref]$f)
        }
        $script:Commands = @(($json | ConvertFrom-Json).commands)
        $script:Paths = @($script:Commands | ForEach-Object { $_.path -join ' ' })
        $script:Public = @(Get-ChildItem -Path (Join-Path $script:RepoRoot 'powershell/RasCtl/Public') -Filter '*.ps1')
        function Get-OptionParameter {
            # The parameter an option's key names: the key in PascalCase, alone or with its unit.
            param($Command, $Option)
            $base = ($Option.key.Substring(0, 1).ToUpperInvariant() + $Option.key.Substring(1))
            foreach ($suffix in '', 'Seconds', 'Minutes', 'Milliseconds') {
                $p = $Command.Parameters[$base + $suffix]
                if ($p) { return [pscustomobject]@{ Parameter = $p; Suffix = $suffix } }
            }
        }
    }

    It 'gives no parameter a wider range than the option it is passed to' {
        $compared = 0
        foreach ($file in $script:Public) {
            $command = Get-Command -Module RasCtl -Name $file.BaseName
            foreach ($path in @(Get-RasCtlCommandPath -File $file.FullName -KnownPath $script:Paths)) {
                $cli = $script:Commands | Where-Object { ($_.path -join ' ') -eq $path }
                foreach ($option in @($cli.options | Where-Object { $null -ne $_.max })) {
                    $found = Get-OptionParameter -Command $command -Option $option
                    if (-not $found) { continue }
                    $range = $found.Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] }
                    if (-not $range) { continue }
                    $scale = if ($found.Suffix -eq 'Milliseconds' -and $option.type -eq 'seconds') { 1000.0 } else { 1.0 }
                    $because = "$($file.BaseName) -$($found.Parameter.Name) for rasctl $path $($option.flag)"
                    ([double]$range.MaxRange / $scale) | Should -BeLessOrEqual ([double]$option.max) -Because $because
                    if ($option.type -eq 'count') { ([double]$range.MinRange) | Should -BeGreaterOrEqual ([double]$option.min) -Because $because }
                    $compared++
                }
            }
        }
        $compared | Should -BeGreaterThan 10
    }

    It 'has a parameter for every option of rasctl <Path> (<Cmdlet>)' -ForEach @(
        @{ Path = 'dial'; Cmdlet = 'Connect-RasEntry' }
        @{ Path = 'task install'; Cmdlet = 'Register-RasTask' }
    ) {
        # Options whose parameter has another name: secrets come from the PSCredential, the names
        # say what a PowerShell user passes.
        $renamed = @{
            user = 'Credential'; domain = 'Credential'; passwordStdin = 'Credential'; passwordEnv = 'Credential'
            viaUser = 'ViaCredential'; viaDomain = 'ViaCredential'; viaPasswordStdin = 'ViaCredential'; viaPasswordEnv = 'ViaCredential'
            taskLogFile = 'LogPath'; exe = 'ExePath'
        }
        $command = Get-Command -Module RasCtl -Name $Cmdlet
        $cli = $script:Commands | Where-Object { ($_.path -join ' ') -eq $Path }
        foreach ($option in $cli.options) {
            $has = if ($renamed.ContainsKey($option.key)) { [bool]$command.Parameters[$renamed[$option.key]] }
            else { [bool](Get-OptionParameter -Command $command -Option $option) }
            $has | Should -BeTrue -Because "rasctl $Path $($option.flag) needs a parameter on $Cmdlet"
        }
    }
}
