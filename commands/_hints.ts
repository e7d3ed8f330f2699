/**
 * What to try next after the RAS failures admins meet most, worded for rasctl's users (its
 * commands and options). The SDK facts (codes, names, messages) stay in ffi/; these hints are
 * the command layer's.
 *
 * @module
 */

/** What to try next for the failures admins meet most, in rasctl's own terms. */
const HINTS: Readonly<Record<number, string>> = {
  5: "Windows lets only an administrator do this: default credentials (`creds set --default`), an all-users entry's pre-shared key and changes to the all-users phone book need a prompt started with Run as administrator.",
  691:
    "The server refused the user name or password. Check them (and the domain), or run `rasctl creds set` to save the right ones.",
  703:
    "The connection needs information a person must type (a prompt). Give --user and a password source, or save credentials with `rasctl creds set`.",
  718:
    "The server did not answer PPP in time. Check the server's RRAS/NPS service and its address pool; try again later.",
  720:
    "No common PPP control protocol was negotiated. Check that IPv4/IPv6 are enabled on the entry and that the server assigns addresses.",
  789:
    "The L2TP/IPsec security layer failed. Check the pre-shared key (`rasctl creds set NAME --psk-stdin`) or the machine certificate, and that UDP 500/4500 are open.",
  800:
    "No VPN tunnel could be built. Check the server name in `rasctl entry show`, that the server is reachable, and that the VPN strategy matches what the server speaks.",
  806:
    "A GRE-based PPTP tunnel was blocked. Allow IP protocol 47 (GRE) through firewalls, or use a different VPN strategy (for example `--strategy sstp-only`).",
  809:
    "The server did not respond (often a NAT or firewall blocking IKE/L2TP on UDP 500/4500). Open those ports or try `--strategy sstp-only`.",
  812:
    "The server's policy (NPS) refused this connection's authentication method. Match the entry's authentication to the server's network policy.",
  868:
    "The VPN server's name could not be resolved. Check the entry's server (`rasctl entry show NAME`) and DNS; if there is no IP network yet, dial the dial-up entry first (`--via`).",
  13801:
    "The IKEv2 authentication credentials were not accepted: the server's certificate is not trusted by this machine, or its name does not match the entry's server.",
  13806:
    "No valid machine certificate was found for IKEv2. Install a machine certificate issued by a CA the server trusts.",
};

/**
 * The hint for an error code, or null.
 *
 * @param code A RAS or Win32 code.
 * @returns What to try next.
 */
export function hintFor(code: number): string | null {
  return HINTS[code] ?? null;
}
