BeforeAll { . (Join-Path $PSScriptRoot 'RasCtl.TestHelpers.ps1'); Initialize-RasSimulator | Out-Null }
# Registrations need Task Scheduler: those tests are tagged 'Windows' and skipped elsewhere
# ($env:OS, since $IsWindows is $null in Windows PowerShell 5.1; -Skip is evaluated at discovery).

Describe 'Register-RasTask' {
    BeforeEach { Reset-RasSimulator; New-TestVpnEntry -Name 'Corp VPN' | Out-Null }
    AfterEach { Unregister-RasTask -Name 'Corp VPN' -Confirm:$false -ErrorAction SilentlyContinue }

    It 'returns the task XML with -Xml, without registering' {
        $xml = Register-RasTask -Name 'Corp VPN' -AtLogon -OnDisconnect -EveryMinutes 15 -UserTask -ExePath 'C:\Program Files\rasctl\rasctlw.exe' -Xml
        $xml | Should -BeOfType [string]
        $doc = [xml]$xml
        $ns = @{ t = 'http://schemas.microsoft.com/windows/2004/02/mit/task' }
        (Select-Xml -Xml $doc -XPath '//t:Exec/t:Command' -Namespace $ns).Node.InnerText | Should -Match 'rasctlw\.exe$'
        (Select-Xml -Xml $doc -XPath '//t:Exec/t:Arguments' -Namespace $ns).Node.InnerText | Should -Match '^ensure "Corp VPN"'
        (Select-Xml -Xml $doc -XPath '//t:Triggers/*' -Namespace $ns).Node.LocalName | Should -Be @('LogonTrigger', 'EventTrigger', 'TimeTrigger')
        (Select-Xml -Xml $doc -XPath '//t:Repetition/t:Interval' -Namespace $ns).Node.InnerText | Should -Be 'PT15M'
        (Select-Xml -Xml $doc -XPath '//t:Principal/t:LogonType' -Namespace $ns).Node.InnerText | Should -Be 'InteractiveToken'
        $xml | Should -Not -Match 'Password'
    }

    It 'refuses a machine (SYSTEM) task whose exe a user could replace, naming -ExePath' {
        foreach ($exe in 'C:\Users\Public\rasctlw.exe', 'D:\tools\rasctlw.exe', 'C:\Program Files\..\Users\x\rasctlw.exe', '\\server\share\rasctlw.exe', 'rasctlw.exe') {
            $thrown = $null
            try { Register-RasTask -Name 'Corp VPN' -AtStartup -ExePath $exe -Xml | Out-Null } catch { $thrown = $_ }
            $thrown | Should -Not -BeNullOrEmpty -Because $exe
            $thrown.FullyQualifiedErrorId | Should -Be 'UnsafeTaskExecutable,Register-RasTask'
            $thrown.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $thrown.Exception.Message | Should -Match '-ExePath'
        }
    }

    It 'accepts a machine task exe under Program Files or the system folder' {
        foreach ($exe in 'C:\Program Files\rasctl\rasctlw.exe', 'c:\program files (x86)\rasctl\rasctlw.exe', 'C:\Windows\System32\rasctlw.exe') {
            $xml = [xml](Register-RasTask -Name 'Corp VPN' -AtStartup -ExePath $exe -Xml)
            $xml.Task.Actions.Exec.Command | Should -Be $exe
            $xml.Task.Principals.Principal.UserId | Should -Be 'S-1-5-18'
        }
    }

    It 'passes every task install option on to the task' {
        $xml = [xml](Register-RasTask -Name 'Corp VPN' -Phonebook 'C:\ProgramData\vpn.pbk' -AtStartup -Credential (New-TestCredential 'CONTOSO\alice' 'unused') -Via 'ISP' -ViaCredential (New-TestCredential 'ISPNET\isp' 'unused') -Timeout 90 -Retries 2 -Keep -CheckInterval 30 -LogPath 'C:\ProgramData\rasctl\task.log' -ExePath 'C:\Program Files\rasctl\rasctlw.exe' -Xml)
        $arguments = $xml.Task.Actions.Exec.Arguments
        foreach ($expected in '--phonebook "C:\ProgramData\vpn.pbk"', '--user "alice"', '--domain "CONTOSO"', '--via "ISP"', '--via-user "isp"', '--via-domain "ISPNET"', '--timeout 90', '--retries 2', '--keep', '--check-interval 30', '--log-file "C:\ProgramData\rasctl\task.log"') {
            $arguments | Should -Match ([regex]::Escape($expected))
        }
        $arguments | Should -Not -Match 'unused'
    }

    It 'checks paths as administrators-only roots, resolving . and ..' {
        InModuleScope RasCtl {
            Test-AdminOnlyPath -Path 'C:\Program Files\rasctl\rasctlw.exe' | Should -BeTrue
            Test-AdminOnlyPath -Path 'C:/Program Files/./rasctl/rasctlw.exe' | Should -BeTrue
            Test-AdminOnlyPath -Path 'C:\Program Files\..\Temp\rasctlw.exe' | Should -BeFalse
            Test-AdminOnlyPath -Path 'C:\Program Files Evil\rasctlw.exe' | Should -BeFalse
            Test-AdminOnlyPath -Path 'C:\Program Files' | Should -BeFalse
        }
    }

    It 'registers nothing with -WhatIf' -Tag 'Windows' -Skip:($env:OS -ne 'Windows_NT') {
        Register-RasTask -Name 'Corp VPN' -AtLogon -UserTask -WhatIf
        Get-ScheduledTask -TaskPath '\RasCtl\' -TaskName 'Corp VPN' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'registers a user task \RasCtl\<entry>' -Tag 'Windows' -Skip:($env:OS -ne 'Windows_NT') {
        $t = Register-RasTask -Name 'Corp VPN' -AtLogon -OnDisconnect -UserTask -Confirm:$false
        $t.PSObject.TypeNames[0] | Should -Be 'RasCtl.Task'
        $task = Get-ScheduledTask -TaskPath '\RasCtl\' -TaskName 'Corp VPN'
        $task.Actions[0].Execute | Should -Match 'rasctlw\.exe$'
        $task.Actions[0].Arguments | Should -Match '^ensure "Corp VPN"'
        $task.Settings.MultipleInstances | Should -Be 'IgnoreNew'
    }
}

# Task XML files are in the encoding their declaration names (XML 1.0, 4.3.3): an XML reader
# decodes by the byte-order mark and the declaration, and refuses a file where they disagree.
Describe 'Task XML files' {
    BeforeAll {
        function Get-XmlFileEncoding {
            # The file's byte-order mark, its declared encoding, and whether an XML reader loads it.
            param([string]$Path)
            $bytes = [System.IO.File]::ReadAllBytes($Path)
            $bom = if ($bytes.Length -ge 2 -and $bytes[0] -eq 0xFF -and $bytes[1] -eq 0xFE) { 'UTF-16LE' }
            elseif ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) { 'UTF-8' }
            else { $null }
            $text = if ($bom -eq 'UTF-16LE') { [System.Text.Encoding]::Unicode.GetString($bytes, 2, $bytes.Length - 2) }
            else { (New-Object System.Text.UTF8Encoding($false, $true)).GetString($bytes) }
            $declared = $null
            if ($text -match '\A\s*<\?xml[^>]*\sencoding="([^"]+)"') { $declared = $Matches[1] }
            $loaded = $null
            try { $doc = New-Object System.Xml.XmlDocument; $doc.Load($Path); $loaded = $doc } catch { $loaded = $null }
            [pscustomobject]@{ Bom = $bom; Declared = $declared; Document = $loaded; Text = $text }
        }
    }
    BeforeEach {
        Reset-RasSimulator
        New-TestVpnEntry -Name 'Corp' | Out-Null
        $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) ('rasctl-taskxml-' + [guid]::NewGuid().ToString('n'))
        New-Item -ItemType Directory -Path $script:Dir | Out-Null
        $script:Exe = 'C:\Program Files\rasctl\rasctlw.exe'
    }
    AfterEach { Remove-Item -LiteralPath $script:Dir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'writes -XmlPath as UTF-16LE with a BOM, as its declaration says, and registers nothing' {
        $file = Join-Path $script:Dir 'corp-task.xml'
        $item = Register-RasTask -Name 'Corp' -AtLogon -UserTask -ExePath $script:Exe -XmlPath $file -Confirm:$false
        $item | Should -BeOfType [System.IO.FileInfo]
        $item.FullName | Should -Be $file
        $r = Get-XmlFileEncoding $file
        $r.Bom | Should -Be 'UTF-16LE'
        $r.Declared | Should -Be 'UTF-16'
        $r.Document | Should -Not -BeNullOrEmpty
        $r.Document.Task.Actions.Exec.Command | Should -Be 'C:\Program Files\rasctl\rasctlw.exe'
    }

    It 'writes -XmlEncoding UTF8 as UTF-8 that declares UTF-8' {
        $file = Join-Path $script:Dir 'corp-task.xml'
        Register-RasTask -Name 'Corp' -AtLogon -UserTask -ExePath $script:Exe -XmlPath $file -XmlEncoding UTF8 -Confirm:$false | Out-Null
        $r = Get-XmlFileEncoding $file
        $r.Bom | Should -BeNullOrEmpty
        $r.Declared | Should -Be 'UTF-8'
        $r.Document | Should -Not -BeNullOrEmpty
        $r.Document.Task.Actions.Exec.Arguments | Should -Match '^ensure "Corp"'
        # The same document as the UTF-16 one, declaration aside.
        $utf16 = Join-Path $script:Dir 'utf16.xml'
        Register-RasTask -Name 'Corp' -AtLogon -UserTask -ExePath $script:Exe -XmlPath $utf16 -Confirm:$false | Out-Null
        $r.Text.Replace('encoding="UTF-8"', 'encoding="UTF-16"') | Should -BeExactly (Get-XmlFileEncoding $utf16).Text
    }

    It 'keeps an existing file unless -Force' {
        $file = Join-Path $script:Dir 'corp-task.xml'
        [System.IO.File]::WriteAllText($file, 'keep')
        Register-RasTask -Name 'Corp' -AtLogon -UserTask -ExePath $script:Exe -XmlPath $file -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be 'FileExists,Register-RasTask'
        [System.IO.File]::ReadAllText($file) | Should -Be 'keep'
        Register-RasTask -Name 'Corp' -AtLogon -UserTask -ExePath $script:Exe -XmlPath $file -Force -Confirm:$false | Out-Null
        (Get-XmlFileEncoding $file).Declared | Should -Be 'UTF-16'
    }

    It 'runs the documented -Xml example, which writes the encoding the string declares' {
        $example = @((Get-Help Register-RasTask).examples.example | Where-Object { $_.code -match '-Xml;' })
        $example.Count | Should -Be 1
        # The example's code is its first line; off Windows rasctlw.exe beside bin/rasctl has no
        # Windows path, so the example gets the -ExePath an installed rasctl would have.
        $code = @($example[0].code -split "`r?`n")[0]
        $PSDefaultParameterValues['Register-RasTask:ExePath'] = 'C:\Program Files\rasctl\rasctlw.exe'
        Push-Location -LiteralPath $script:Dir
        try { . ([scriptblock]::Create($code)) } finally { Pop-Location; $PSDefaultParameterValues.Remove('Register-RasTask:ExePath') }
        $r = Get-XmlFileEncoding (Join-Path $script:Dir 'corp-task.xml')
        $r.Bom | Should -BeNullOrEmpty
        $r.Declared | Should -Be 'UTF-8'
        $r.Document | Should -Not -BeNullOrEmpty
        $r.Document.Task.Actions.Exec.Arguments | Should -Match '^ensure "Corp"'
    }

    It 'returns -Xml as a string that declares UTF-8, the text rasctl prints' {
        $xml = Register-RasTask -Name 'Corp' -AtLogon -UserTask -ExePath $script:Exe -Xml
        $xml | Should -Match '\A<\?xml version="1\.0" encoding="UTF-8"\?>'
        $xml | Should -Not -Match 'UTF-16'
    }

    It 'has a reader that refuses a file whose bytes are not the declared encoding' {
        # What this Describe's checks rest on: UTF-8 bytes declared UTF-16 do not load.
        $file = Join-Path $script:Dir 'wrong.xml'
        $xml = Register-RasTask -Name 'Corp' -AtLogon -UserTask -ExePath $script:Exe -Xml
        [System.IO.File]::WriteAllText($file, $xml.Replace('encoding="UTF-8"', 'encoding="UTF-16"'), (New-Object System.Text.UTF8Encoding($false)))
        $r = Get-XmlFileEncoding $file
        $r.Declared | Should -Be 'UTF-16'
        $r.Document | Should -BeNullOrEmpty
    }
}
