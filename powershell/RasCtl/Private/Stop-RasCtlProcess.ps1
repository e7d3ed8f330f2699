function Stop-RasCtlProcess {
    # Stops rasctl when the caller stops (Ctrl+C, a stopped pipeline, Select-Object -First): first
    # the signal rasctl handles as Ctrl+C, so it can hang up what it dialed (commands/_context.ts
    # listens for SIGINT/SIGTERM, and SIGINT/SIGBREAK on Windows), then, if it is still running
    # after -GraceMilliseconds, Kill().
    param(
        [System.Diagnostics.Process]$Process,
        [int]$GraceMilliseconds = 5000
    )
    if ($Process.HasExited) { return }
    $signalled = $false
    try {
        if ($env:OS -eq 'Windows_NT') {
            # A console process gets Ctrl+C through the console it is attached to: attach to
            # rasctl's (hidden) console for a moment, ignore the event ourselves, send it.
            if (-not ('RasCtl.ConsoleControl' -as [type])) {
                Add-Type -Namespace RasCtl -Name ConsoleControl -MemberDefinition @'
[DllImport("kernel32.dll", SetLastError = true)] public static extern bool AttachConsole(uint dwProcessId);
[DllImport("kernel32.dll", SetLastError = true)] public static extern bool FreeConsole();
[DllImport("kernel32.dll", SetLastError = true)] public static extern bool SetConsoleCtrlHandler(IntPtr handler, bool add);
[DllImport("kernel32.dll", SetLastError = true)] public static extern bool GenerateConsoleCtrlEvent(uint dwCtrlEvent, uint dwProcessGroupId);
'@
            }
            $cc = [RasCtl.ConsoleControl]
            [void]$cc::FreeConsole()
            if ($cc::AttachConsole([uint32]$Process.Id)) {
                [void]$cc::SetConsoleCtrlHandler([IntPtr]::Zero, $true)
                $signalled = $cc::GenerateConsoleCtrlEvent(0, 0) # CTRL_C_EVENT to this console
                [void]$Process.WaitForExit(100)
                [void]$cc::FreeConsole()
                [void]$cc::SetConsoleCtrlHandler([IntPtr]::Zero, $false)
            }
            [void]$cc::AttachConsole([uint32]4294967295) # ATTACH_PARENT_PROCESS: back to ours
        }
        else {
            $kill = Get-Command -Name kill -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
            if ($kill) {
                & $kill.Path -s TERM $Process.Id 2>$null
                $signalled = $LASTEXITCODE -eq 0
            }
        }
    }
    catch { Write-Verbose "Could not signal rasctl: $_" }
    if ($signalled -and $Process.WaitForExit($GraceMilliseconds)) { return }
    try { $Process.Kill() } catch { Write-Verbose "Could not stop rasctl: $_" }
}
