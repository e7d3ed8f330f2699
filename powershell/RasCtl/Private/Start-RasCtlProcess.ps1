function Start-RasCtlProcess {
    # Starts the process without a byte-order mark on its redirected stdin. .NET Framework (Windows
    # PowerShell 5.1) writes the preamble of [Console]::InputEncoding there, i.e. a UTF-8 BOM when
    # the console code page is 65001; PowerShell 7's .NET has StartInfo.StandardInputEncoding.
    param([System.Diagnostics.Process]$Process)
    if ($Process.StartInfo.PSObject.Properties['StandardInputEncoding']) {
        $Process.StartInfo.StandardInputEncoding = $script:StdinUtf8
        return $Process.Start()
    }
    $saved = $null
    try {
        if ([Console]::InputEncoding.GetPreamble().Length -gt 0) {
            $saved = [Console]::InputEncoding
            [Console]::InputEncoding = $script:StdinUtf8
        }
    }
    catch { $saved = $null } # no console: nothing to swap
    try { $Process.Start() }
    finally {
        if ($saved) { try { [Console]::InputEncoding = $saved } catch { Write-Verbose "Console input encoding not restored: $_" } }
    }
}
