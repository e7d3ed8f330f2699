function Split-RasUserName {
    # 'DOMAIN\user' -> user, DOMAIN; 'user@domain' and 'user' stay whole (RAS takes UPNs as is).
    param([string]$UserName)
    $i = $UserName.IndexOf('\')
    if ($i -gt 0) { return @($UserName.Substring($i + 1), $UserName.Substring(0, $i)) }
    @($UserName, $null)
}
