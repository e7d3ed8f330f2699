function Join-WindowsCommandLine {
    param([string[]]$ArgumentList)
    (@($ArgumentList) | ForEach-Object { ConvertTo-WindowsArgument -Argument $_ }) -join ' '
}
