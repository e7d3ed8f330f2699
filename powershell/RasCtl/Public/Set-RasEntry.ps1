function Set-RasEntry {
    <#
    .SYNOPSIS
    Changes settings of a phone-book entry.
    .DESCRIPTION
    Changes only the settings given (rasctl entry set). Pipe entries from Get-RasEntry to change many.
    .PARAMETER Name
    Name of the entry to change.
    .PARAMETER Phonebook
    Phone-book file that holds the entry.
    .PARAMETER AllUsers
    The entry is in the all-users phone book.
    .PARAMETER FromFile
    JSON file with settings to apply.
    .PARAMETER Server
    New VPN server or phone number.
    .PARAMETER Type
    New entry type: vpn, phone, broadband or direct.
    .PARAMETER Strategy
    New VPN strategy, e.g. automatic, ikev2-only, sstp-first.
    .PARAMETER SplitTunnel
    Turn split tunnelling on (-SplitTunnel) or off (-SplitTunnel:$false: all traffic through the VPN).
    .PARAMETER DnsServer
    One or two DNS server addresses.
    .PARAMETER DnsSuffix
    Connection-specific DNS suffix.
    .PARAMETER Prerequisite
    Entry to dial before this one.
    .PARAMETER PassThru
    Output the changed entry.
    .EXAMPLE
    Set-RasEntry -Name Corp -Server vpn2.example.com -PassThru
    .EXAMPLE
    Get-RasEntry Corp* | Set-RasEntry -DnsSuffix corp.example.com
    .OUTPUTS
    RasCtl.Entry (with -PassThru)
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'User')]
    [OutputType('RasCtl.Entry')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ParameterSetName = 'File', ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [Parameter(ParameterSetName = 'AllUsers')]
        [switch]$AllUsers,
        [string]$FromFile,
        [string]$Server,
        [ValidateSet('vpn', 'phone', 'broadband', 'direct')]
        [string]$Type,
        [string]$Strategy,
        [switch]$SplitTunnel,
        [ValidateCount(1, 2)]
        [string[]]$DnsServer,
        [string]$DnsSuffix,
        [string]$Prerequisite,
        [switch]$PassThru
    )
    process {
        $arguments = @('entry', 'set', $Name) + (Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers) +
            (Get-EntrySettingArgument -Bound $PSBoundParameters)
        if (-not $PSCmdlet.ShouldProcess($Name, 'Change phone-book entry')) { return }
        $changed = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -TargetObject $Name -TypeName 'RasCtl.Entry'
        if ($PassThru) { $changed }
    }
}
