function Save-TaskXml {
    # Writes a task definition (rasctl task install --xml) to a file in the encoding its XML
    # declaration names, as an XML reader (and schtasks /Create /XML) decodes it: by default
    # UTF-16LE with a byte-order mark, declared UTF-16 (what rasctl gives schtasks; its --xml text
    # declares UTF-8); with -Encoding UTF8, UTF-8 without a BOM, declared UTF-8. rasctl writes every character outside
    # printable ASCII as a character reference (commands/_scheduled_task.ts), so the document means
    # the same in either encoding. XML 1.0, 4.3.3 "Character Encoding in Entities":
    # https://www.w3.org/TR/xml/#charencoding
    param(
        [Parameter(Mandatory)][string]$Xml,
        [Parameter(Mandatory)][string]$Path,
        [ValidateSet('Unicode', 'UTF8')][string]$Encoding = 'Unicode'
    )
    $declaration = [regex]'\A(\s*<\?xml[^>]*?\sencoding\s*=\s*)(["''])[^"'']*\2'
    if (-not $declaration.IsMatch($Xml)) { throw 'The task definition has no XML declaration naming its encoding' }
    if ($Encoding -eq 'UTF8') {
        $Xml = $declaration.Replace($Xml, '${1}"UTF-8"', 1)
        $bytes = New-Object System.Text.UTF8Encoding($false)
    }
    else {
        $Xml = $declaration.Replace($Xml, '${1}"UTF-16"', 1)
        $bytes = New-Object System.Text.UnicodeEncoding($false, $true)
    }
    [System.IO.File]::WriteAllText($Path, $Xml, $bytes)
}
