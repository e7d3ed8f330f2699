function ConvertTo-PascalCase {
    param([string]$Name)
    if ($Name.Length -eq 0) { return $Name }
    $Name.Substring(0, 1).ToUpperInvariant() + $Name.Substring(1)
}
