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
