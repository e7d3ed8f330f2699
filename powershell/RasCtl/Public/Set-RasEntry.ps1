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
    .PARAMETER Type
    The entry type (--type)
    .PARAMETER Server
    VPN server name or address (or phone number) (--server)
    .PARAMETER DeviceType
    The device type: vpn, modem, PPPoE, isdn, ... (--device-type)
    .PARAMETER DeviceName
    The device name, such as WAN Miniport (IKEv2) (--device-name)
    .PARAMETER Strategy
    Which VPN protocols are tried, and in which order (--strategy)
    .PARAMETER Authentication
    required authentication, comma-separated: pap, spap, chap, mschap, mschapv2, w95-mschap, eap (--auth)
    .PARAMETER Encryption
    The data encryption level (--encryption)
    .PARAMETER SplitTunnel
    Only the remote network's traffic uses the connection (no default gateway) -SplitTunnel:$false sets --no-split-tunnel. (--split-tunnel)
    .PARAMETER Ipv4Address
    A fixed IPv4 address (null: assigned by the server) ('auto' for none) (--ipv4-address)
    .PARAMETER DnsServer
    DNS servers, comma-separated (IPv4 and IPv6; 'auto' for server-assigned) ('auto' for none) (--dns)
    .PARAMETER Metric
    The IPv4 interface metric (null: automatic) ('auto' for none) (--metric)
    .PARAMETER Ipv6Address
    A fixed IPv6 address (null: assigned by the server) ('auto' for none) (--ipv6-address)
    .PARAMETER Ipv6PrefixLength
    The fixed IPv6 address's prefix length (--ipv6-prefix-length)
    .PARAMETER Ipv6Metric
    The IPv6 interface metric (null: automatic) ('auto' for none) (--ipv6-metric)
    .PARAMETER DnsSuffix
    The DNS suffix of this connection (empty for none) (--dns-suffix)
    .PARAMETER RegisterDns
    Register the connection's addresses in DNS -RegisterDns:$false sets --no-register-dns. (--register-dns)
    .PARAMETER IdleDisconnect
    Seconds of inactivity before Windows hangs up (0: the system-wide default) (--idle-disconnect)
    .PARAMETER RedialAttempts
    How often Windows redials a failed dial (--redial-attempts)
    .PARAMETER RedialPause
    Seconds between redial attempts (--redial-pause)
    .PARAMETER ReconnectIfDropped
    Windows redials a dropped link -ReconnectIfDropped:$false sets --no-reconnect-if-dropped. (--reconnect-if-dropped)
    .PARAMETER RememberCredentials
    Windows remembers the credentials used to dial -RememberCredentials:$false sets --no-remember-credentials. (--remember-credentials)
    .PARAMETER UseWindowsLogon
    Dial with the Windows logon user's name and password -UseWindowsLogon:$false sets --no-use-windows-logon. (--use-windows-logon)
    .PARAMETER UsePreSharedKey
    L2TP uses a pre-shared key instead of a certificate (set it with creds set --psk-stdin) -UsePreSharedKey:$false sets --no-use-psk. (--use-psk)
    .PARAMETER Prerequisite
    the entry that brings the IP network ('none' to clear) (--prerequisite)
    .PARAMETER PrerequisitePhonebook
    the prerequisite entry's phone book (--prerequisite-phonebook)
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
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ParameterSetName = 'File', ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [Parameter(ParameterSetName = 'AllUsers')]
        [Alias('AllUserConnection')]
        [switch]$AllUsers,
        [string]$FromFile,
        [ValidateSet('phone', 'vpn', 'direct', 'internet', 'broadband')]
        [string]$Type,
        [Alias('ServerAddress')]
        [ValidateLength(1, 128)]
        [string]$Server,
        [ValidateLength(1, 16)]
        [string]$DeviceType,
        [ValidateLength(1, 128)]
        [string]$DeviceName,
        [Alias('TunnelType')]
        [ValidateSet('automatic', 'pptp-only', 'pptp-first', 'l2tp-only', 'l2tp-first', 'sstp-only', 'sstp-first', 'ikev2-only', 'ikev2-first', 'gre-only', 'pptp-then-sstp', 'l2tp-then-sstp', 'ikev2-then-sstp', 'protocol-list')]
        [string]$Strategy,
        [Alias('AuthenticationMethod')]
        [ValidateSet('pap', 'spap', 'chap', 'mschap', 'mschapv2', 'w95-mschap', 'eap')]
        [string[]]$Authentication,
        [Alias('EncryptionLevel')]
        [ValidateSet('none', 'require', 'max', 'optional')]
        [string]$Encryption,
        [Alias('SplitTunneling')]
        [switch]$SplitTunnel,
        [ValidateNotNullOrEmpty()]
        [string]$Ipv4Address,
        [ValidateNotNullOrEmpty()]
        [string[]]$DnsServer,
        [ValidatePattern('^(auto|[0-9]{1,10})$')]
        [string]$Metric,
        [ValidateNotNullOrEmpty()]
        [string]$Ipv6Address,
        [ValidateRange(0, 128)]
        [int]$Ipv6PrefixLength,
        [ValidatePattern('^(auto|[0-9]{1,10})$')]
        [string]$Ipv6Metric,
        [AllowEmptyString()]
        [ValidateLength(0, 255)]
        [string]$DnsSuffix,
        [switch]$RegisterDns,
        [Alias('IdleDisconnectSeconds')]
        [ValidateRange(0, 4294967295)]
        [long]$IdleDisconnect,
        [ValidateRange(0, 999999999)]
        [int]$RedialAttempts,
        [Alias('RedialPauseSeconds')]
        [ValidateRange(0, 86400)]
        [int]$RedialPause,
        [switch]$ReconnectIfDropped,
        [Alias('RememberCredential')]
        [switch]$RememberCredentials,
        [Alias('UseWinlogonCredential')]
        [switch]$UseWindowsLogon,
        [switch]$UsePreSharedKey,
        [ValidateNotNullOrEmpty()]
        [string]$Prerequisite,
        [ValidateLength(1, 259)]
        [string]$PrerequisitePhonebook,
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
