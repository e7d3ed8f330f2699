function Get-EntryCompletion {
    # Completes entry names (argument completer of -Name, -Via, -EntryName, -Prerequisite).
    param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
    $arguments = @('entry', 'list')
    if ($fakeBoundParameters.ContainsKey('Phonebook')) { $arguments += @('--phonebook', $fakeBoundParameters['Phonebook']) }
    elseif ($fakeBoundParameters.ContainsKey('AllUsers')) { $arguments += '--all-users' }
    $failure = $null
    try { $entries = @(Invoke-RasCtl -ArgumentList $arguments -Failure ([ref]$failure)) } catch { return }
    if ($failure) { return }
    $typed = ($wordToComplete -replace "^['""]|['""]$", '')
    foreach ($entry in $entries) {
        if (-not $entry.Name.StartsWith($typed, [System.StringComparison]::OrdinalIgnoreCase)) { continue }
        $text = if ($entry.Name -match "[\s'""`$;,(){}&|<>@#\[\]*?]") { "'" + ($entry.Name -replace "'", "''") + "'" } else { $entry.Name }
        New-Object System.Management.Automation.CompletionResult -ArgumentList $text, $entry.Name, 'ParameterValue', ("{0} ({1})" -f $entry.Name, $entry.Phonebook)
    }
}
