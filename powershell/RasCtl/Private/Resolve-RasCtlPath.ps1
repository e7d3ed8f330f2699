function Resolve-RasCtlPath {
    # $env:RASCTL_EXE (any executable, e.g. bin/rasctl off Windows), else on Windows rasctl.exe
    # beside this module, else rasctl(.exe) on PATH. Never a .cmd/.bat: cmd.exe would re-parse
    # '&' or '%' in an entry name.
    if ($env:RASCTL_EXE) {
        if (Test-Path -LiteralPath $env:RASCTL_EXE -PathType Leaf) {
            return (Resolve-Path -LiteralPath $env:RASCTL_EXE).ProviderPath
        }
        throw "RASCTL_EXE is set to '$($env:RASCTL_EXE)', but no such file exists."
    }
    $onWindows = $env:OS -eq 'Windows_NT'
    if ($onWindows) {
        $beside = Join-Path $PSScriptRoot 'rasctl.exe'
        if (Test-Path -LiteralPath $beside -PathType Leaf) { return $beside }
    }
    $name = if ($onWindows) { 'rasctl.exe' } else { 'rasctl' }
    $onPath = Get-Command -Name $name -CommandType Application -ErrorAction SilentlyContinue |
        Where-Object { $_.Path -notmatch '\.(cmd|bat)$' } |
        Select-Object -First 1
    if ($onPath) { return $onPath.Path }
    throw ("rasctl.exe was not found. Set `$env:RASCTL_EXE to its full path, put it beside " +
        "the RasCtl module ($PSScriptRoot), or add its folder to PATH.")
}
