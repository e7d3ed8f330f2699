function Invoke-RasCtl {
    # The one way the cmdlets run rasctl. Runs it with -ArgumentList (plus --format json and
    # --quiet or --progress-json) through System.Diagnostics.Process, so PowerShell's native-argument
    # quoting (which differs between 5.1 and 7.x) never applies, and:
    #  - writes each -Secret to its stdin as one UTF-8 line (all validated before the process starts);
    #  - on success outputs the JSON document as -TypeName objects, one per array element, with
    #    PascalCase properties (with -Raw: stdout as one string);
    #  - on failure turns rasctl's {"error":{...}} into an ErrorRecord (New-RasErrorRecord) and
    #    writes it through -Cmdlet, honouring the caller's -ErrorAction or $ErrorActionPreference;
    #    with -Failure ([ref]) it stores the record there instead, for the caller to decide;
    #  - with -Stream (NDJSON commands such as watch): outputs each stdout line as a -TypeName
    #    object as soon as it arrives, stderr draining in the background;
    #  - when the caller stops (Ctrl+C, a stopped pipeline), gives rasctl the chance to hang up
    #    (Stop-RasCtlProcess) before it is killed.
    [CmdletBinding()]
    param(
        [System.Management.Automation.PSCmdlet]$Cmdlet,
        [Parameter(Mandatory)][string[]]$ArgumentList,
        [string]$TypeName,
        [System.Security.SecureString[]]$Secret = @(),
        [string[]]$SecretName = @(),
        [string]$ProgressActivity,
        $TargetObject,
        [ref]$Failure,
        [switch]$Raw,
        [switch]$Stream,
        # Exit statuses that are results, not failures (profile test: 4 = not in the desired state).
        [int[]]$SuccessExitCode = @(0)
    )
    if ($Failure) { $Failure.Value = $null }
    elseif (-not $Cmdlet) { throw 'Invoke-RasCtl needs -Cmdlet or -Failure' }
    # Secrets first: a secret rasctl could not read back intact fails here, before any process.
    $stdinBytes = $null
    if (@($Secret).Count -gt 0) {
        $problem = $null
        $stdinBytes = ConvertTo-SecretBytes -SecureString $Secret -ParameterName $SecretName -Problem ([ref]$problem)
        if ($problem) {
            $exception = New-Object System.ArgumentException -ArgumentList $problem
            $record = New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'InvalidSecret', 'InvalidArgument', $TargetObject
            if ($Failure) { $Failure.Value = $record; return }
            Write-RasError -Cmdlet $Cmdlet -ErrorRecord $record
            return
        }
    }
    $exe = Resolve-RasCtlPath
    $all = New-Object System.Collections.Generic.List[string]
    $all.AddRange([string[]]$ArgumentList)
    if (-not $Raw) { $all.AddRange([string[]]@('--format', 'json')) }
    if ($ProgressActivity) { $all.Add('--progress-json') } else { $all.Add('--quiet') }

    $startInfo = New-Object System.Diagnostics.ProcessStartInfo
    $startInfo.FileName = $exe
    $startInfo.Arguments = Join-WindowsCommandLine -ArgumentList $all.ToArray()
    $startInfo.UseShellExecute = $false
    $startInfo.CreateNoWindow = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.StandardOutputEncoding = $script:StdinUtf8
    $startInfo.StandardErrorEncoding = $script:StdinUtf8
    # Relative paths (-Phonebook .\vpn.pbk) mean PowerShell's current folder, not the process's.
    $here = Get-Location -PSProvider FileSystem -ErrorAction SilentlyContinue
    if ($here) { $startInfo.WorkingDirectory = $here.ProviderPath }
    Write-Verbose ("rasctl " + $startInfo.Arguments)

    $process = New-Object System.Diagnostics.Process
    $process.StartInfo = $startInfo
    $errorInfo = $null
    $stderrText = New-Object System.Text.StringBuilder
    $started = $false
    $stdout = $null
    $exitCode = $null
    try {
        [void](Start-RasCtlProcess -Process $process)
        $started = $true
        $stdoutTask = $null
        if (-not $Stream) { $stdoutTask = $process.StandardOutput.ReadToEndAsync() }
        # Secrets: UTF-8 bytes straight onto stdin, then EOF. Nothing on the command line.
        try {
            if ($stdinBytes) {
                $stdin = $process.StandardInput.BaseStream
                $stdin.Write($stdinBytes, 0, $stdinBytes.Length)
                $stdin.Flush()
            }
        }
        finally {
            if ($stdinBytes) { [Array]::Clear($stdinBytes, 0, $stdinBytes.Length) }
            $process.StandardInput.Close()
        }
        if ($Stream) {
            # stdout line by line on this thread, each line an object right away (a stopped
            # pipeline throws here, and the finally below stops rasctl); stderr drains behind.
            $stderrTask = $process.StandardError.ReadToEndAsync()
            $outTask = $process.StandardOutput.ReadLineAsync()
            while ($true) {
                if (-not $outTask.Wait(200)) { continue }
                $line = $outTask.Result
                if ($null -eq $line) { break }
                $outTask = $process.StandardOutput.ReadLineAsync()
                if (-not $line.Trim()) { continue }
                $item = $null
                try { $item = $line | ConvertFrom-Json -ErrorAction Stop } catch { Write-Verbose $line }
                if ($null -ne $item) { ConvertTo-RasObject -InputObject $item -TypeName $TypeName }
            }
            $process.WaitForExit()
            foreach ($line in @($stderrTask.Result -split "`r?`n")) {
                [void]$stderrText.AppendLine($line)
                if ($line.StartsWith('{')) {
                    $parsed = $null
                    try { $parsed = $line | ConvertFrom-Json -ErrorAction Stop } catch { $parsed = $null }
                    if ($parsed -and $parsed.PSObject.Properties['error']) { $errorInfo = $parsed.error }
                }
                elseif ($line.Trim()) { Write-Verbose $line }
            }
            $exitCode = $process.ExitCode
        }
        # stderr line by line on this thread (Write-Progress must run here); stdout drains in the
        # background, so neither pipe can fill up and block rasctl.
        $lineTask = $null
        if (-not $Stream) { $lineTask = $process.StandardError.ReadLineAsync() }
        while ($lineTask) {
            if (-not $lineTask.Wait(200)) { continue }
            $line = $lineTask.Result
            if ($null -eq $line) { break }
            $lineTask = $process.StandardError.ReadLineAsync()
            [void]$stderrText.AppendLine($line)
            $parsed = $null
            if ($line.StartsWith('{')) {
                try { $parsed = $line | ConvertFrom-Json -ErrorAction Stop } catch { $parsed = $null }
            }
            if ($parsed -and $parsed.PSObject.Properties['progress']) {
                $p = $parsed.progress
                if ($ProgressActivity) {
                    $percent = [Math]::Min(95, [Math]::Max(0, [int]$p.stateCode * 5))
                    Write-Progress -Activity $ProgressActivity -Status ("{0}: {1}" -f $p.entry, $p.state) -PercentComplete $percent
                }
            }
            elseif ($parsed -and $parsed.PSObject.Properties['error']) { $errorInfo = $parsed.error }
            elseif ($line.Trim()) { Write-Verbose $line }
        }
        if (-not $Stream) {
            $process.WaitForExit()
            $stdout = $stdoutTask.Result
            $exitCode = $process.ExitCode
        }
    }
    finally {
        if ($ProgressActivity) { Write-Progress -Activity $ProgressActivity -Completed }
        # Still running here means the caller stopped us: let rasctl hang up, then end it.
        if ($started -and -not $process.HasExited) { Stop-RasCtlProcess -Process $process }
        $process.Dispose()
    }

    if ($SuccessExitCode -notcontains $exitCode) {
        $record = New-RasErrorRecord -ErrorInfo $errorInfo -ExitCode $exitCode -Stderr $stderrText.ToString() -TargetObject $TargetObject
        if ($Failure) { $Failure.Value = $record; return }
        Write-RasError -Cmdlet $Cmdlet -ErrorRecord $record
        return
    }
    if ($Raw) { return $stdout }
    if ($Stream) { return }
    if (-not $stdout -or -not $stdout.Trim()) { return }
    # Windows PowerShell 5.1's ConvertFrom-Json emits a JSON array as ONE object (the array);
    # PowerShell 7 enumerates it. Collect the output in both cases, then emit one by one.
    foreach ($chunk in @($stdout.Trim() | ConvertFrom-Json)) {
        foreach ($item in @($chunk)) {
            if ($null -ne $item) { ConvertTo-RasObject -InputObject $item -TypeName $TypeName }
        }
    }
}
