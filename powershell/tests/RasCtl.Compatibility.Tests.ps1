# Windows PowerShell 5.1: nothing 7-only anywhere in the module or its tests. PowerShell 7's parser
# accepts these constructs, and some parse in 5.1 too (-Parallel, -AsHashtable are only unknown
# parameters until the line runs), so the AST is searched for each; in 5.1 the syntax-only ones are
# parse errors, which count as well.

BeforeDiscovery { $script:CompatRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).ProviderPath }

BeforeAll {
    $script:CompatRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).ProviderPath

    # Parameters that exist only in PowerShell 6/7, by command (aliases included).
    $script:Ps7Parameters = @{
        'ForEach-Object' = @('Parallel', 'ThrottleLimit', 'AsJob', 'TimeoutSeconds')
        '%'              = @('Parallel', 'ThrottleLimit', 'AsJob', 'TimeoutSeconds')
        'foreach'        = @('Parallel', 'ThrottleLimit')
        'ConvertFrom-Json' = @('AsHashtable', 'NoEnumerate', 'Depth', 'DateKind')
        'ConvertTo-Json' = @('AsArray', 'EnumsAsStrings', 'EscapeHandling')
        'Get-Content'    = @('AsByteStream')
        'Set-Content'    = @('AsByteStream')
        'Add-Content'    = @('AsByteStream')
        'Split-Path'     = @('LeafBase', 'Extension')
        'Join-Path'      = @('AdditionalChildPath')
        'Sort-Object'    = @('Top', 'Bottom', 'Stable')
        'Select-String'  = @('Raw', 'NoEmphasis')
        'Get-Random'     = @('Shuffle')
        'Get-Date'       = @('UnixTimeSeconds', 'AsUTC')
        'Invoke-WebRequest' = @('SkipCertificateCheck', 'SkipHttpErrorCheck', 'StatusCodeVariable')
        'Invoke-RestMethod' = @('SkipCertificateCheck', 'SkipHttpErrorCheck', 'StatusCodeVariable')
        'Test-Connection' = @('TargetName')
        'Start-Process'  = @('Environment')
    }
    $script:Ps7Commands = @('Join-String', 'Test-Json', 'Get-Error', 'Start-ThreadJob', 'ConvertFrom-Markdown', 'Get-Uptime', 'Remove-Alias', 'Clear-RecycleBin')
    $script:Ps7Variables = @('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PSStyle', 'PSNativeCommandArgumentPassing', 'PSNativeCommandUseErrorActionPreference')

    function Get-Ps7OnlyConstruct {
        # What in -Source would not run in Windows PowerShell 5.1, one string per finding.
        param([string]$Source)
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Source, [ref]$tokens, [ref]$errors)
        foreach ($e in @($errors)) { 'parse error: ' + $e.Message }
        $interesting = 'PipelineChainAst', 'TernaryExpressionAst', 'BinaryExpressionAst', 'AssignmentStatementAst',
        'MemberExpressionAst', 'InvokeMemberExpressionAst', 'IndexExpressionAst', 'ScriptBlockAst', 'VariableExpressionAst', 'CommandAst'
        $found = $ast.FindAll({ param($n) $interesting -contains $n.GetType().Name }, $true)
        foreach ($node in $found) {
            $kind = $node.GetType().Name
            $line = $node.Extent.StartLineNumber
            switch ($kind) {
                'PipelineChainAst' { "line ${line}: && or || (pipeline chain)" }
                'TernaryExpressionAst' { "line ${line}: ternary ?:" }
                'BinaryExpressionAst' {
                    if ([string]$node.Operator -eq 'QuestionQuestion') { "line ${line}: ??" }
                    if ([string]$node.Operator -match 'replace$' -and $node.Right -is [System.Management.Automation.Language.ArrayLiteralAst] -and
                        @($node.Right.Elements | Where-Object { $_ -is [System.Management.Automation.Language.ScriptBlockExpressionAst] }).Count -gt 0) {
                        "line ${line}: -replace with a script block"
                    }
                }
                'AssignmentStatementAst' { if ([string]$node.Operator -eq 'QuestionQuestionEquals') { "line ${line}: ??=" } }
                { $_ -in 'MemberExpressionAst', 'InvokeMemberExpressionAst', 'IndexExpressionAst' } {
                    if ($node.PSObject.Properties['NullConditional'] -and $node.NullConditional) { "line ${line}: ?. or ?[]" }
                    if ($node.PSObject.Properties['GenericTypeArguments'] -and $node.GenericTypeArguments) { "line ${line}: generic method call" }
                }
                'ScriptBlockAst' { if ($node.PSObject.Properties['CleanBlock'] -and $node.CleanBlock) { "line ${line}: clean block" } }
                'VariableExpressionAst' {
                    if ($script:Ps7Variables -contains $node.VariablePath.UserPath) { "line ${line}: `$$($node.VariablePath.UserPath)" }
                }
                'CommandAst' {
                    $name = $node.GetCommandName()
                    if ($name) {
                        if ($script:Ps7Commands -contains $name) { "line ${line}: $name" }
                        $ps7 = $null
                        foreach ($key in $script:Ps7Parameters.Keys) { if ($key -eq $name) { $ps7 = $script:Ps7Parameters[$key] } }
                        foreach ($p in @($node.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] })) {
                            if ($ps7 -contains $p.ParameterName) { "line ${line}: $name -$($p.ParameterName)" }
                            if ($p.ParameterName -eq 'Encoding' -and $p.Argument -and $p.Argument.Extent.Text -match 'utf8(No)?BOM') { "line ${line}: -Encoding $($p.Argument.Extent.Text)" }
                        }
                        foreach ($a in @($node.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $_.Value -match '^utf8(No)?BOM$' })) {
                            "line ${line}: -Encoding $($a.Value)"
                        }
                        if ($name -eq 'Join-Path') {
                            $positional = @($node.CommandElements | Select-Object -Skip 1 | Where-Object { $_ -isnot [System.Management.Automation.Language.CommandParameterAst] })
                            $named = @($node.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] })
                            if ($named.Count -eq 0 -and $positional.Count -gt 2) { "line ${line}: Join-Path with more than two paths" }
                        }
                    }
                }
            }
        }
    }
}

Describe 'Windows PowerShell 5.1 compatibility' {
    It 'finds each 7-only construct it lists (the check can fail)' {
        $samples = @(
            'git status && echo ok', 'git status || echo no', '$a = $b ?? 1', '$a ??= 1', '$x = $c ? 1 : 2',
            '$x = ${o}?.Name', '1..3 | ForEach-Object -Parallel { $_ }', '$j = "{}" | ConvertFrom-Json -AsHashtable',
            'if ($IsWindows) { 1 }', 'Get-Content x -AsByteStream', 'Join-String -InputObject 1',
            'Set-Content x -Encoding utf8NoBOM -Value 1', 'Join-Path a b c', '$s -replace "a", { $_.Value }',
            '$o = $x | ConvertFrom-Json -Depth 5', 'Split-Path x -LeafBase'
        )
        foreach ($sample in $samples) {
            @(Get-Ps7OnlyConstruct -Source $sample).Count | Should -BeGreaterThan 0 -Because $sample
        }
        @(Get-Ps7OnlyConstruct -Source '$a = if ($b) { 1 } else { 2 }; Join-Path a b; $x | ConvertFrom-Json; $s -replace "a", "b"').Count | Should -Be 0
    }

    It 'uses nothing 7-only in <_>' -ForEach @(
        Get-ChildItem -LiteralPath $script:CompatRoot -Recurse -Include '*.ps1', '*.psm1', '*.psd1' |
            Where-Object { $_.FullName -notmatch '[\\/](tools|obj)[\\/]' } |
            ForEach-Object { $_.FullName.Substring($script:CompatRoot.Length + 1) }
    ) {
        $source = [System.IO.File]::ReadAllText((Join-Path $script:CompatRoot $_))
        @(Get-Ps7OnlyConstruct -Source $source) | Should -BeNullOrEmpty
    }

    It 'keeps every PowerShell file ASCII (5.1 reads a file without a BOM in the ANSI code page)' {
        $nonAscii = foreach ($file in Get-ChildItem -LiteralPath $script:CompatRoot -Recurse -Include '*.ps1', '*.psm1', '*.psd1', '*.ps1xml', '*.txt') {
            $bytes = [System.IO.File]::ReadAllBytes($file.FullName)
            if (@($bytes | Where-Object { $_ -gt 127 }).Count -gt 0) { $file.Name }
        }
        @($nonAscii) | Should -BeNullOrEmpty
    }
}
