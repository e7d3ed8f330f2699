function ConvertTo-SecretBytes {
    # The UTF-8 bytes of each SecureString, each followed by a newline (rasctl reads one line of
    # stdin per secret), without ever making a [string] of a secret. Every UTF-16 unit is copied
    # as a [char] (Marshal.Copy), so any character survives: Hangul, CJK, emoji surrogate pairs.
    # Refuses, before any process starts, a secret that rasctl could not read back as it was: a
    # line break or NUL, or a broken surrogate pair. The message names the parameter, never a
    # character of the secret. The caller zeroes the returned array.
    param(
        [System.Security.SecureString[]]$SecureString,
        [string[]]$ParameterName
    )
    $strict = New-Object System.Text.UTF8Encoding($false, $true)
    $all = New-Object System.Collections.Generic.List[byte]
    for ($s = 0; $s -lt @($SecureString).Count; $s++) {
        $secure = $SecureString[$s]
        $what = if ($ParameterName -and $ParameterName.Count -gt $s) { $ParameterName[$s] } else { 'secret' }
        if ($null -eq $secure -or $secure.Length -eq 0) {
            throw (New-Object System.ArgumentException -ArgumentList "-$what is empty.", $what)
        }
        $chars = New-Object char[] ($secure.Length)
        $bytes = $null
        $pointer = [System.Runtime.InteropServices.Marshal]::SecureStringToGlobalAllocUnicode($secure)
        try {
            [System.Runtime.InteropServices.Marshal]::Copy($pointer, $chars, 0, $chars.Length)
            $problem = $null
            for ($i = 0; $i -lt $chars.Length; $i++) {
                $c = $chars[$i]
                if ($c -eq [char]10 -or $c -eq [char]13) { $problem = 'cannot contain a line break' }
                elseif ($c -eq [char]0) { $problem = 'cannot contain a NUL character' }
                elseif ([char]::IsHighSurrogate($c)) {
                    if ($i + 1 -lt $chars.Length -and [char]::IsLowSurrogate($chars[$i + 1])) { $i++ }
                    else { $problem = 'contains a broken surrogate pair (not valid Unicode)' }
                }
                elseif ([char]::IsLowSurrogate($c)) { $problem = 'contains a broken surrogate pair (not valid Unicode)' }
                if ($problem) {
                    throw (New-Object System.ArgumentException -ArgumentList "-$what $problem.", $what)
                }
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
