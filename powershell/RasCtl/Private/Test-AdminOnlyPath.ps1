function Test-AdminOnlyPath {
    # True when a Windows path lies under a folder only administrators can write: Program Files
    # (both), or the system folder (%SystemRoot%). A SYSTEM task must never run an exe a user can
    # replace. The path is checked as text (it may name a file of another machine, or be checked
    # off Windows): absolute drive paths only, '.' and '..' resolved, compared case-insensitively.
    param([Parameter(Mandatory)][string]$Path)
    $normal = {
        param([string]$p)
        if ($p -notmatch '^[A-Za-z]:[\\/]') { return $null }
        $parts = New-Object System.Collections.Generic.List[string]
        foreach ($part in ($p.Substring(3) -split '[\\/]+')) {
            if ($part -eq '' -or $part -eq '.') { continue }
            if ($part -eq '..') { if ($parts.Count -gt 0) { $parts.RemoveAt($parts.Count - 1) }; continue }
            $parts.Add($part.TrimEnd(' ', '.'))
        }
        ($p.Substring(0, 2) + '\' + ($parts -join '\')).ToUpperInvariant()
    }
    $target = & $normal $Path
    if (-not $target) { return $false }
    $roots = @($env:ProgramFiles, ${env:ProgramFiles(x86)}, $env:SystemRoot) | Where-Object { $_ }
    if (@($roots).Count -eq 0) { $roots = @('C:\Program Files', 'C:\Program Files (x86)', 'C:\Windows') }
    foreach ($root in $roots) {
        $r = & $normal $root
        if ($r -and $target.StartsWith($r + '\')) { return $true }
    }
    $false
}
