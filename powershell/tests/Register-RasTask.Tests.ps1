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
        $xml = [xml](Register-RasTask -Name 'Corp VPN' -Phonebook 'C:\ProgramData\vpn.pbk' -AtStartup -Credential (New-TestCredential 'CONTOSO\alice' 'unused') -Via 'ISP' -Timeout 90 -Retries 2 -Keep -LogPath 'C:\ProgramData\rasctl\task.log' -ExePath 'C:\Program Files\rasctl\rasctlw.exe' -Xml)
        $arguments = $xml.Task.Actions.Exec.Arguments
        foreach ($expected in '--phonebook "C:\ProgramData\vpn.pbk"', '--user "alice"', '--domain "CONTOSO"', '--via "ISP"', '--timeout 90', '--retries 2', '--keep', '--log-file "C:\ProgramData\rasctl\task.log"') {
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
