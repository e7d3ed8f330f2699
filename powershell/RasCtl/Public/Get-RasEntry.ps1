function Get-RasEntry {
    <#
    .SYNOPSIS
    Gets phone-book entries (VPN, dial-up, broadband connections).
    .DESCRIPTION
    Lists the entries of the current user's phone book, the all-users phone book or a given phone-book
    file, and returns each as a RasCtl.Entry object with its full settings (rasctl entry list and
    rasctl entry list --details, one run for all of them). -Name accepts wildcards; a name without wildcards that does not exist is an error.
    .PARAMETER Name
    Entry names; wildcards are allowed. All entries when omitted.
    .PARAMETER LiteralName
    Match -Name exactly, even where it contains wildcard characters ('*', '?', '[').
    .PARAMETER Phonebook
    Path of a phone-book (.pbk) file to read instead of the user's phone book.
    .PARAMETER AllUsers
    Read the all-users phone book.
    .EXAMPLE
    Get-RasEntry -Name Corp*
    Gets every entry whose name starts with Corp.
    .EXAMPLE
    Get-RasEntry -Phonebook C:\Config\vpn.pbk | Format-List *
    .OUTPUTS
    RasCtl.Entry
    #>
    [CmdletBinding(DefaultParameterSetName = 'User')]
    [OutputType('RasCtl.Entry')]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('Entry')]
        [SupportsWildcards()]
        [string[]]$Name,
        [switch]$LiteralName,
        [Parameter(ParameterSetName = 'File', ValueFromPipelineByPropertyName)]
        [string]$Phonebook,
        [Parameter(ParameterSetName = 'AllUsers')]
        [switch]$AllUsers
    )
    process {
        # One rasctl run for any number of entries: entry list --details prints every entry's
        # settings. Names are matched here: wildcards with -like, literal names (no wildcard
        # characters, or -LiteralName) exactly, so 'Corp [old]' is found as it is written.
        $scope = Get-ScopeArgument -Phonebook $Phonebook -AllUsers:$AllUsers
        $wanted = @()
        foreach ($n in @($Name)) {
            if (-not $n) { continue }
            $isPattern = (-not $LiteralName) -and [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($n)
            $wanted += @{ Text = $n; Pattern = $isPattern; Found = $false }
        }
        $entries = @(Invoke-RasCtl -Cmdlet $PSCmdlet -ArgumentList (@('entry', 'list', '--details') + $scope) -TypeName 'RasCtl.Entry')
        # A name that is some entry's exact name means that entry, '[' or not.
        foreach ($w in $wanted) {
            if ($w.Pattern -and @($entries | Where-Object { $_.Name -eq $w.Text }).Count -gt 0) { $w.Pattern = $false }
        }
        foreach ($entry in $entries) {
            $matched = $wanted.Count -eq 0
            foreach ($w in $wanted) {
                $hit = $entry.Name -eq $w.Text
                if (-not $hit -and $w.Pattern) {
                    try { $hit = $entry.Name -like $w.Text } catch { $hit = $false } # 'a[' is no pattern
                }
                if ($hit) { $w.Found = $true; $matched = $true }
            }
            if ($matched) { $entry }
        }
        foreach ($w in $wanted) {
            # Not found: an error for a name, not for a pattern ('*' or '?'; '[' may be literal).
            if ($w.Found -or ($w.Pattern -and $w.Text -match '[*?]')) { continue }
            # As rasctl entry show reports it (README: error 623).
            $exception = New-Object System.ComponentModel.Win32Exception -ArgumentList 623, ('Cannot find the phone-book entry "{0}" (ERROR 623)' -f $w.Text)
            $exception.Data['RasErrorCode'] = 623
            $exception.Data['RasErrorName'] = 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY'
            $record = New-Object System.Management.Automation.ErrorRecord -ArgumentList $exception, 'ERROR_CANNOT_FIND_PHONEBOOK_ENTRY', 'ObjectNotFound', $w.Text
            Write-RasError -Cmdlet $PSCmdlet -ErrorRecord $record
        }
    }
}
