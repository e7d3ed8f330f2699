BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }

# The secret of unicode.example.com (RasCtl.TestHelpers.ps1): Hangul, CJK, emoji (surrogate pairs)
# and Latin-1, so every UTF-16 unit >= 0x8000 and every 4-byte UTF-8 sequence is exercised.
Describe 'Secrets with any Unicode character' {
    BeforeEach {
        Reset-RasSimulator
        New-TestVpnEntry -Name 'Uni' -Server 'unicode.example.com' | Out-Null
        $script:secret = $script:UnicodePassword
    }
    AfterEach { Disconnect-RasConnection -All -Confirm:$false -ErrorAction SilentlyContinue }

    It 'dials with a Hangul, CJK and emoji password, which reaches rasctl intact' {
        $c = Connect-RasEntry -Name 'Uni' -Credential (New-TestCredential 'minji' $script:secret) -Confirm:$false
        $c.State | Should -Be 'connected'
        $c.Entry | Should -Be 'Uni'
    }

    It 'saves such a password with Set-RasCredential and dials with it' {
        Set-RasCredential -Name 'Uni' -Credential (New-TestCredential 'minji' $script:secret) -Confirm:$false
        (Get-RasCredential -Name 'Uni').PasswordSaved | Should -BeTrue
        (Connect-RasEntry -Name 'Uni' -Confirm:$false).State | Should -Be 'connected'
    }

    It 'shows no part of a wrong Unicode password in the error' {
        $wrong = ($script:UnicodeParts[0..2] + 'WRONG') -join '-'
        Connect-RasEntry -Name 'Uni' -Credential (New-TestCredential 'minji' $wrong) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures -Verbose 4>$null
        $failures.Count | Should -Be 1
        $failures[0].Exception.NativeErrorCode | Should -Be 691
        $everything = ($failures[0] | Out-String) + $failures[0].Exception.Message + $failures[0].ErrorDetails.Message + ($failures[0].Exception.Data.Values -join ' ')
        foreach ($part in @($script:UnicodeParts[0..2]) + (ConvertFrom-CodePoint 0x1F600) + 'WRONG') { $everything | Should -Not -Match ([regex]::Escape($part)) }
    }

    It 'refuses a broken surrogate pair before rasctl starts, naming the parameter only' {
        # 'a', a lone high surrogate, 'b': not valid Unicode, so not encodable as UTF-8.
        $broken = New-Object System.Management.Automation.PSCredential -ArgumentList 'minji', (New-TestSecureString 0x61, 0xD83D, 0x62)
        $runs = @(Get-RasCtlRun { Connect-RasEntry -Name 'Uni' -Credential $broken -Confirm:$false -Verbose -ErrorAction SilentlyContinue -ErrorVariable script:failures })
        $runs.Count | Should -Be 0
        $script:failures.Count | Should -Be 1
        $script:failures[0].FullyQualifiedErrorId | Should -Be 'InvalidSecret,Connect-RasEntry'
        $script:failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $script:failures[0].Exception.Message | Should -Be '-Credential contains a broken surrogate pair (not valid Unicode).'
        @(Get-RasConnection).Count | Should -Be 0
    }

    It 'refuses a line break in a pre-shared key before rasctl starts' {
        $psk = New-TestSecureString 0x70, 0x0A, 0x71
        $runs = @(Get-RasCtlRun { Set-RasCredential -Name 'Uni' -PreSharedKey $psk -Confirm:$false -Verbose -ErrorAction SilentlyContinue -ErrorVariable script:failures })
        $runs.Count | Should -Be 0
        $script:failures[0].Exception.Message | Should -Be '-PreSharedKey cannot contain a line break.'
    }

    It 'turns each UTF-16 unit into UTF-8 exactly (units >= 0x8000 included)' {
        InModuleScope RasCtl {
            $secure = New-Object System.Security.SecureString
            foreach ($ch in ([char]::ConvertFromUtf32(0xD55C) + [char]::ConvertFromUtf32(0x1F600) + [char]::ConvertFromUtf32(0x20AC)).ToCharArray()) { $secure.AppendChar($ch) }
            $problem = $null
            $bytes = ConvertTo-SecretBytes -SecureString @($secure) -ParameterName @('Credential') -Problem ([ref]$problem)
            $problem | Should -BeNullOrEmpty
            ($bytes | ForEach-Object { '{0:x2}' -f $_ }) -join '' | Should -Be 'ed959cf09f9880e282ac0a'
        }
    }
}
