function Get-RasError {
    <#
    .SYNOPSIS
    Explains a RAS error code.
    .DESCRIPTION
    Returns the symbolic name, the message and a hint for a RAS or Win32 error code (rasctl error).
    .PARAMETER Code
    Error codes, e.g. 691.
    .EXAMPLE
    Get-RasError 691
    .EXAMPLE
    try { Connect-RasEntry Corp -ErrorAction Stop } catch { Get-RasError $_.Exception.NativeErrorCode }
    .OUTPUTS
    RasCtl.Error
    #>
    [CmdletBinding()]
    [OutputType('RasCtl.Error')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('NativeErrorCode')]
        # rasctl takes 0 to 4294967295; a negative number would reach it as an unknown option.
        [ValidateRange(0, 2147483647)]
        [int[]]$Code
    )
    process {
        foreach ($c in $Code) {
            Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList @('error', [string]$c) -TargetObject $c -TypeName 'RasCtl.Error'
        }
    }
}
