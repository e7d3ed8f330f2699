function ConvertTo-RasObject {
    # Copies what ConvertFrom-Json made, renaming every key from camelCase to PascalCase, at every
    # depth. The top-level object gets the PSTypeName; arrays stay arrays.
    param($InputObject, [string]$TypeName)
    if ($null -eq $InputObject) { return $null }
    if ($InputObject -is [System.Management.Automation.PSCustomObject]) {
        $copy = [ordered]@{}
        foreach ($property in $InputObject.PSObject.Properties) {
            $copy[(ConvertTo-PascalCase $property.Name)] = ConvertTo-RasObject -InputObject $property.Value
        }
        $result = [pscustomobject]$copy
        if ($TypeName) { $result.PSObject.TypeNames.Insert(0, $TypeName) }
        return $result
    }
    if ($InputObject -is [System.Collections.IList]) {
        $items = New-Object System.Collections.Generic.List[object]
        foreach ($item in $InputObject) { $items.Add((ConvertTo-RasObject -InputObject $item)) }
        return , $items.ToArray()
    }
    $InputObject
}
