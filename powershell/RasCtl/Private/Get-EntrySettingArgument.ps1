function Get-EntrySettingArgument {
    param([System.Collections.IDictionary]$Bound)
    $a = @()
    if ($Bound.ContainsKey('FromFile')) {
        $a += @('--from', (Resolve-Path -LiteralPath $Bound['FromFile'] -ErrorAction Stop).ProviderPath)
    }
    if ($Bound.ContainsKey('Server')) { $a += @('--server', $Bound['Server']) }
    if ($Bound.ContainsKey('Type')) { $a += @('--type', $Bound['Type']) }
    if ($Bound.ContainsKey('Strategy')) { $a += @('--strategy', $Bound['Strategy']) }
    if ($Bound.ContainsKey('SplitTunnel')) {
        if ($Bound['SplitTunnel']) { $a += '--split-tunnel' } else { $a += '--no-split-tunnel' }
    }
    if ($Bound.ContainsKey('DnsServer')) { $a += @('--dns', (@($Bound['DnsServer']) -join ',')) }
    if ($Bound.ContainsKey('DnsSuffix')) { $a += @('--dns-suffix', $Bound['DnsSuffix']) }
    if ($Bound.ContainsKey('Prerequisite')) { $a += @('--prerequisite', $Bound['Prerequisite']) }
    $a
}
