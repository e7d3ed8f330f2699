function Get-RasErrorCategory {
    # The ErrorCategory of a rasctl error, from its name (README's documented list) and code.
    param($Code, [string]$Name, [int]$ExitCode)
    $c = [System.Management.Automation.ErrorCategory]
    switch ($Name) {
        'UsageError' { return $c::InvalidArgument }
        'InputFileError' { return $c::InvalidData }
        'TimeoutError' { return $c::OperationTimeout }
        'InterruptedError' { return $c::OperationStopped }
        'LibraryNotFoundError' { return $c::NotInstalled }
        'InternalError' { return $c::NotSpecified }
    }
    switch -Regex ($Name) {
        'ACCESS_DENIED|PRIVILEGE|NOT_ADMIN' { return $c::PermissionDenied }
        'AUTH|PASSWORD|LOGON' { return $c::AuthenticationError }
        'CANNOT_FIND|NOT_FOUND|NO_CONNECTION|INVALID_HANDLE|NOT_CONNECTED' { return $c::ObjectNotFound }
        'ALREADY_EXISTS|ALREADY_IN_PROGRESS|FILE_EXISTS|ALREADY_CONNECTED' { return $c::ResourceExists }
        'TIMEOUT' { return $c::OperationTimeout }
        'USER_DISCONNECTION|CANCELLED' { return $c::OperationStopped }
        'INVALID|BAD_|CANNOT_' { return $c::InvalidArgument }
    }
    if ($ExitCode -eq 2) { return $c::InvalidArgument }
    if ($null -ne $Code -and $Code -ge 600 -and $Code -le 999) { return $c::ConnectionError }
    $c::NotSpecified
}
