function New-RasErrorRecord {
    # The ErrorRecord of a failed rasctl run, from its {"error":{...}} line (README "Errors"):
    # - a RAS or Win32 code (code not null): a Win32Exception whose NativeErrorCode is that code;
    # - rasctl's own errors (code null: UsageError, TimeoutError, InterruptedError ...): an
    #   exception of the matching .NET type, with no NativeErrorCode (an exit status is no code);
    # name, hint, operation, entry, field and the exit status are in Exception.Data; the error id
    # is the error's name; ErrorDetails carries the message and the hint (RecommendedAction).
    param($ErrorInfo, [int]$ExitCode, [string]$Stderr, $TargetObject)
    $code = $null
    $name = if ($ExitCode -eq 2) { 'UsageError' } else { 'RasCtlFailed' }
    $message = $null
    $hint = $null
    $operation = $null
    $entry = $null
    $field = $null
    if ($ErrorInfo) {
        if ($null -ne $ErrorInfo.code) { $code = [int]$ErrorInfo.code }
        if ($ErrorInfo.name) { $name = [string]$ErrorInfo.name }
        $message = $ErrorInfo.message
        $hint = $ErrorInfo.hint
        $operation = $ErrorInfo.operation
        $entry = $ErrorInfo.entry
        $field = $ErrorInfo.field
    }
    if (-not $message) {
        $message = if ($Stderr -and $Stderr.Trim()) { $Stderr.Trim() } else { "rasctl failed with exit status $ExitCode" }
    }
    if ($null -ne $code) {
        $exception = New-Object System.ComponentModel.Win32Exception -ArgumentList $code, $message
    }
    else {
        $exception = switch ($name) {
            'UsageError' { New-Object System.ArgumentException -ArgumentList $message }
            'InputFileError' { New-Object System.IO.InvalidDataException -ArgumentList $message }
            'TimeoutError' { New-Object System.TimeoutException -ArgumentList $message }
            'InterruptedError' { New-Object System.OperationCanceledException -ArgumentList $message }
            'LibraryNotFoundError' { New-Object System.DllNotFoundException -ArgumentList $message }
            default { New-Object System.InvalidOperationException -ArgumentList $message }
        }
    }
    $exception.Data['RasErrorCode'] = $code
    $exception.Data['RasErrorName'] = $name
    $exception.Data['Hint'] = $hint
    $exception.Data['Operation'] = $operation
    $exception.Data['Entry'] = $entry
    $exception.Data['Field'] = $field
    $exception.Data['ExitCode'] = $ExitCode
    if ($null -eq $TargetObject) { $TargetObject = $entry }
    $category = Get-RasErrorCategory -Code $code -Name $name -ExitCode $ExitCode
    $record = New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, $name, $category, $TargetObject
    $record.ErrorDetails = New-Object System.Management.Automation.ErrorDetails -ArgumentList $message
    if ($hint) { $record.ErrorDetails.RecommendedAction = [string]$hint }
    if ($operation) { $record.CategoryInfo.Activity = [string]$operation }
    $record
}
