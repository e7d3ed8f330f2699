function ConvertTo-SecretBytes {
    # The UTF-8 bytes of each SecureString, each followed by a newline (rasctl reads one line of
    # stdin per secret), without ever making a [string] of a secret. Every UTF-16 unit is copied
    # as a [char] (Marshal.Copy), so any character survives: Hangul, CJK, emoji surrogate pairs.
    # Refuses, before any process starts, a secret that rasctl could not read back as it was: a
    # line break or NUL, or a broken surrogate pair: then it returns nothing and sets -Problem to a
    # message that names the parameter, never a character of the secret (no exception is thrown,
    # so none can reach $Error or an -ErrorVariable with a secret in it). The caller zeroes the
    # returned array.
    param(
        [System.Security.SecureString[]]$SecureString,
        [string[]]$ParameterName,
        [Parameter(Mandatory)][ref]$Problem
    )
    $Problem.Value = $null
    $strict = New-Object System.Text.UTF8Encoding($false, $true)
    $all = New-Object System.Collections.Generic.List[byte]
    for ($s = 0; $s -lt @($SecureString).Count; $s++) {
        $secure = $SecureString[$s]
        $what = if ($ParameterName -and $ParameterName.Count -gt $s) { $ParameterName[$s] } else { 'secret' }
        if ($null -eq $secure -or $secure.Length -eq 0) {
            $Problem.Value = "-$what is empty."
            return
        }
        $chars = New-Object char[] ($secure.Length)
        $bytes = $null
        $pointer = [System.Runtime.InteropServices.Marshal]::SecureStringToGlobalAllocUnicode($secure)
        try {
            [System.Runtime.InteropServices.Marshal]::Copy($pointer, $chars, 0, $chars.Length)
            $issue = $null
            for ($i = 0; $i -lt $chars.Length; $i++) {
                $c = $chars[$i]
                if ($c -eq [char]10 -or $c -eq [char]13) { $issue = 'cannot contain a line break' }
                elseif ($c -eq [char]0) { $issue = 'cannot contain a NUL character' }
                elseif ([char]::IsHighSurrogate($c)) {
                    if ($i + 1 -lt $chars.Length -and [char]::IsLowSurrogate($chars[$i + 1])) { $i++ }
                    else { $issue = 'contains a broken surrogate pair (not valid Unicode)' }
                }
                elseif ([char]::IsLowSurrogate($c)) { $issue = 'contains a broken surrogate pair (not valid Unicode)' }
                if ($issue) { break }
            }
            if ($issue) {
                $Problem.Value = "-$what $issue."
                for ($k = 0; $k -lt $all.Count; $k++) { $all[$k] = 0 }
                return
            }
            $bytes = $strict.GetBytes($chars)
            $all.AddRange($bytes)
            $all.Add([byte]10)
        }
        finally {
            [Array]::Clear($chars, 0, $chars.Length)
            if ($bytes) { [Array]::Clear($bytes, 0, $bytes.Length) }
            [System.Runtime.InteropServices.Marshal]::ZeroFreeGlobalAllocUnicode($pointer)
        }
    }
    $result = $all.ToArray()
    for ($i = 0; $i -lt $all.Count; $i++) { $all[$i] = 0 }
    , $result
}
