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
    JSON file with the entry's settings (as Export-RasEntry writes it, camelCase keys).
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
    .PARAMETER PreSharedKey
    The L2TP pre-shared key (VpnClient's -L2tpPsk): turns on -UsePreSharedKey and saves the key
    for the entry, through rasctl's stdin.
    .EXAMPLE
    New-RasEntry -Name Corp -Server vpn.example.com -Type vpn -Strategy ikev2-only -SplitTunnel
    .OUTPUTS
    RasCtl.Entry
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium', DefaultParameterSetName = 'User')]
    [OutputType('RasCtl.Entry')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,
        [Parameter(ParameterSetName = 'File')]
        [string]$Phonebook,
        [Parameter(ParameterSetName = 'AllUsers')]
        [Alias('AllUserConnection')]
        [switch]$AllUsers,
        [string]$FromFile,
        [Parameter(ValueFromPipelineByPropertyName)]
        [ValidateSet('phone', 'vpn', 'direct', 'internet', 'broadband')]
        [string]$Type,
        [Parameter(ValueFromPipelineByPropertyName)]
        [Alias('ServerAddress')]
        [ValidateLength(1, 128)]
        [string]$Server,
        [ValidateLength(1, 16)]
        [string]$DeviceType,
        [ValidateLength(1, 128)]
        [string]$DeviceName,
        [Parameter(ValueFromPipelineByPropertyName)]
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
        [System.Security.SecureString]
        [Alias('L2tpPsk')]
        $PreSharedKey
    )
    process {
        $arguments = @('entry', 'new', $Name) + (Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers) +
            (Get-EntrySettingArgument -Bound $PSBoundParameters)
        if ($PreSharedKey -and -not $PSBoundParameters.ContainsKey('UsePreSharedKey')) { $arguments += '--use-psk' }
        if (-not $PSCmdlet.ShouldProcess($Name, 'Create phone-book entry')) { return }
        $failure = $null
        $entry = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList $arguments -TargetObject $Name -TypeName 'RasCtl.Entry' -Failure ([ref]$failure)
        if ($failure) { Write-RasError -Cmdlet $PSCmdlet -ErrorRecord $failure; return }
        if ($PreSharedKey) {
            # The key is the entry's saved credential, not a setting: creds set reads it from stdin.
            $scope = Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
            $null = Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList (@('creds', 'set', $Name) + $scope + '--psk-stdin') -Secret @($PreSharedKey) -SecretName @('PreSharedKey') -TargetObject $Name -Failure ([ref]$failure)
            if ($failure) { Write-RasError -Cmdlet $PSCmdlet -ErrorRecord $failure }
        }
        $entry
    }
}
