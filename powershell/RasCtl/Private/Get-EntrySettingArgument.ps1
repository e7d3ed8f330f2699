function Get-EntrySettingArgument {
    # The entry new/set options for the bound parameters of New-RasEntry/Set-RasEntry, from the
    # generated settings table: a switch gives --x, or --no-x when set to $false; a list is
    # joined with ','; everything else is passed as it is.
    param([System.Collections.IDictionary]$Bound)
    $a = @()
    if ($Bound.ContainsKey('FromFile')) {
        $a += @('--from', (Resolve-Path -LiteralPath $Bound['FromFile'] -ErrorAction Stop).ProviderPath)
    }
    foreach ($setting in Get-EntrySettingTable) {
        if (-not $Bound.ContainsKey($setting.Parameter)) { continue }
        $value = $Bound[$setting.Parameter]
        if (-not $setting.TakesValue) {
            if ($value) { $a += $setting.Flag } elseif ($setting.Negatable) { $a += '--no-' + $setting.Flag.Substring(2) }
        }
        elseif ($value -is [array]) { $a += @($setting.Flag, (@($value) -join ',')) }
        else { $a += @($setting.Flag, [string]$value) }
    }
    $a
}
