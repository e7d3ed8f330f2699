function New-RasEntry {
    <#
    .SYNOPSIS
    Creates a phone-book entry.
    .DESCRIPTION
    Creates a VPN, phone, broadband or direct entry (rasctl entry new) and returns it.
    .PARAMETER Name
    Name of the new entry.
    .PARAMETER Phonebook
    Phone-book file to create the entry in.
    .PARAMETER AllUsers
    Create the entry in the all-users phone book (needs administrator rights).
    .PARAMETER FromFile
    JSON file with the entry's settings (as printed by Get-RasEntry | ConvertTo-Json, camelCase keys).
    .PARAMETER Server
    VPN server or phone number.
    .PARAMETER Type
    Entry type: vpn, phone, broadband or direct.
    .PARAMETER Strategy
    VPN strategy, e.g. automatic, ikev2-only, sstp-first.
    .PARAMETER SplitTunnel
    Use the remote network only for its own addresses (do not use the default gateway on the remote network).
    .PARAMETER DnsServer
    One or two DNS server addresses.
    .PARAMETER DnsSuffix
    Connection-specific DNS suffix.
    .PARAMETER Prerequisite
    Entry to dial before this one.
    .EXAMPLE
    New-RasEntry -Name Corp -Server vpn.example.com -Type vpn -Strategy ikev2-only -SplitTunnel
    .OUTPUTS
    RasCtl.Entry
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'User')]
    [OutputType('RasCtl.Entry')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ParameterSetName = 'File')]
        [string]$Phonebook,
        [Parameter(ParameterSetName = 'AllUsers')]
        [switch]$AllUsers,
        [string]$FromFile,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Server,
        [Parameter(ValueFromPipelineByPropertyName)]
        [ValidateSet('vpn', 'phone', 'broadband', 'direct')]
        [string]$Type,
        [Parameter(ValueFromPipelineByPropertyName)]
        [string]$Strategy,
        [switch]$SplitTunnel,
        [ValidateCount(1, 2)]
        [string[]]$DnsServer,
        [string]$DnsSuffix,
        [string]$Prerequisite
    )
    process {
        $arguments = @('entry', 'new', $Name) + (Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers) +
            (Get-EntrySettingArgument -Bound $PSBoundParameters)
        if (-not $PSCmdlet.ShouldProcess($Name, 'Create phone-book entry')) { return }
        Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -TargetObject $Name -TypeName 'RasCtl.Entry'
    }
}
