/**
 * A catalogue of bad input: each case runs rasctl against a phone book seeded with two
 * entries ("Corp VPN", "ISP") and checks that the input is refused with the documented exit
 * status and one JSON error line naming what is wrong, with nothing on stdout, and that
 * neither default phone book (nor the saved credentials) changed by a single byte.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { CLI_VPN_PASSWORD, cliHome, rasctl } from "./_support/cli.ts";
import type { SimHome } from "./sim/harness.ts";

/** Where a case may put its own files. */
interface Place {
  /** The temporary home folder. */
  dir: string;
  home: SimHome;
}

/** One bad input. */
interface BadInput {
  /** The test's name: the behaviour. */
  name: string;
  /** The command line (a function when it needs paths in the home). */
  args: string[] | ((place: Place) => string[]);
  /** Writes the files the case needs before the snapshot. */
  setup?: (place: Place) => Promise<void>;
  /** Extra files (relative to the home) that must not change either. */
  watch?: string[];
  stdin?: string;
  env?: Record<string, string>;
  /** 2 for usage/invalid input, 3 for a RAS error on Linux. */
  code: 2 | 3;
  /** The RAS code in `error.code` (only with code 3). */
  ras?: number;
  /** Every one of these must appear in the error message (or a function of the home). */
  mentions: string[] | ((place: Place) => string[]);
  /** None of these may appear anywhere on stderr (what was typed where a name was due). */
  absent?: string[];
}

const NEW = ["entry", "new"];
/** A valid VPN entry's settings, so only the bad part is bad. */
const VPN2 = ["--server", "vpn2.example.com"];
const long = (n: number, c = "x") => c.repeat(n);

async function write(place: Place, file: string, data: string | Uint8Array): Promise<string> {
  const path = `${place.dir}/${file}`;
  if (typeof data === "string") await Deno.writeTextFile(path, data);
  else await Deno.writeFile(path, data);
  return path;
}

function fromFile(file: string, content: string): Pick<BadInput, "args" | "setup"> {
  return {
    setup: async (place) => void await write(place, file, content),
    args: (place) => [...NEW, "Corp VPN 2", ...VPN2, "--from", `${place.dir}/${file}`],
  };
}

const CASES: BadInput[] = [
  // ---- entry names (Windows' RasValidateEntryName rules) ----
  ...([
    ["a slash", "Corp/VPN"],
    ["a backslash", "Corp\\VPN"],
    ["a colon", "Corp:VPN"],
    ["an asterisk", "Corp*VPN"],
    ["a question mark", "Corp?VPN"],
    ["a pipe", "Corp|VPN"],
    ["a less-than sign", "Corp<VPN"],
    ["a greater-than sign", "Corp>VPN"],
    ["a leading dot", ".Corp VPN"],
    ["only spaces", "    "],
    ["only punctuation", "!-_+~"],
    ["257 characters", long(257, "n")],
    ["a control character", "Corp\u0007VPN"],
  ] as const).map(([what, bad]): BadInput => ({
    name: `entry new refuses a name with ${what} (exit 2, phone books unchanged)`,
    args: [...NEW, bad, ...VPN2],
    code: 2,
    mentions: ["name", bad],
  })),
  {
    name: "entry new refuses an empty name (exit 2, phone books unchanged)",
    args: [...NEW, "", ...VPN2],
    code: 2,
    mentions: ["name", "empty"],
  },
  {
    name: "entry new --from refuses a prerequisite name with a lone surrogate (exit 2)",
    // A lone surrogate cannot cross argv on Linux (it arrives as U+FFFD), so it comes in JSON.
    ...fromFile("surrogate.json", '{"prerequisite": {"entry": "ISP\\uD800"}}'),
    code: 2,
    mentions: ["prerequisite.entry", "surrogate"],
  },
  {
    name: "entry rename refuses a new name with a slash (exit 2, phone books unchanged)",
    args: ["entry", "rename", "Corp VPN", "Corp/VPN"],
    code: 2,
    mentions: ["new-name", "Corp/VPN"],
  },
  {
    name: "entry show refuses a name with a pipe before asking rasapi32 (exit 2)",
    args: ["entry", "show", "ISP|x"],
    code: 2,
    mentions: ["name", "ISP|x"],
  },
  // ---- overlong fields ----
  {
    name: "entry new refuses a 129-character server (exit 2)",
    args: [...NEW, "Corp VPN 2", "--server", long(129)],
    code: 2,
    mentions: ["server", "128"],
  },
  {
    name: "entry new refuses a 256-character DNS suffix (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--dns-suffix", long(256)],
    code: 2,
    mentions: ["--dns-suffix", "255"],
  },
  {
    name: "entry new refuses a 129-character device name (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--device-name", long(129)],
    code: 2,
    mentions: ["--device-name", "128"],
  },
  {
    name: "creds set refuses a 257-character --user (exit 2, credentials unchanged)",
    args: ["creds", "set", "Corp VPN", "--user", long(257, "u")],
    code: 2,
    mentions: ["--user", "256"],
  },
  {
    name: "dial refuses a 16-character --domain before dialing (exit 2)",
    args: ["dial", "Corp VPN", "--user", "alice", "--domain", long(16, "D")],
    code: 2,
    mentions: ["--domain", "15"],
  },
  {
    name: "entry list refuses a 260-character --phonebook path (exit 2)",
    args: ["entry", "list", "--phonebook", "/" + long(259, "p")],
    code: 2,
    mentions: ["--phonebook", "259"],
  },
  // ---- addresses ----
  {
    name: "entry new refuses --dns 999.1.1.1 (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--dns", "999.1.1.1"],
    code: 2,
    mentions: ["--dns", "999.1.1.1", "IP address"],
  },
  {
    name: "entry new refuses --dns 10.0.0 (three octets) (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--dns", "10.0.0"],
    code: 2,
    mentions: ["--dns", '"10.0.0"', "IP address"],
  },
  {
    name: "entry new refuses three IPv4 DNS servers (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--dns", "10.0.0.1,10.0.0.2,10.0.0.3"],
    code: 2,
    mentions: ["--dns", "two"],
  },
  {
    name: "entry new refuses --ipv4-address abc (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--ipv4-address", "abc"],
    code: 2,
    mentions: ["--ipv4-address", "IPv4", '"abc"'],
  },
  {
    name: "entry new refuses --ipv6-address ::1:: (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--ipv6-address", "::1::"],
    code: 2,
    mentions: ["--ipv6-address", "IPv6", '"::1::"'],
  },
  // ---- enums ----
  {
    name: "entry new refuses --strategy ikev3 (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--strategy", "ikev3"],
    code: 2,
    mentions: ["strategy"],
  },
  {
    name: "entry new refuses --type satellite (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--type", "satellite"],
    code: 2,
    mentions: ["type"],
  },
  {
    name: "entry set refuses --encryption strong and leaves the entry as it was (exit 2)",
    args: ["entry", "set", "Corp VPN", "--encryption", "strong"],
    code: 2,
    mentions: ["encryption"],
  },
  {
    name: "entry new refuses --auth kerberos (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--auth", "mschapv2,kerberos"],
    code: 2,
    mentions: ["--auth", '"kerberos"', "mschapv2"],
  },
  // ---- numbers ----
  {
    name: "entry new refuses --metric -1 (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--metric", "-1"],
    code: 2,
    mentions: ["--metric", "-1"],
  },
  {
    name: "entry new refuses --idle-disconnect 1e3 (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--idle-disconnect", "1e3"],
    code: 2,
    mentions: ["--idle-disconnect", "1e3"],
  },
  {
    name: "entry set refuses --redial-attempts x (exit 2)",
    args: ["entry", "set", "ISP", "--redial-attempts", "x"],
    code: 2,
    mentions: ["--redial-attempts", '"x"'],
  },
  {
    name: "dial refuses --timeout 0 before dialing (exit 2)",
    args: ["dial", "Corp VPN", "--timeout", "0"],
    code: 2,
    mentions: ["--timeout", '"0"'],
  },
  {
    name: "dial refuses --retries -2 before dialing (exit 2)",
    args: ["dial", "Corp VPN", "--retries", "-2"],
    code: 2,
    mentions: ["--retries", "-2"],
  },
  // ---- entry new --from: malformed or hostile JSON ----
  {
    name: "entry new --from refuses a file that is not JSON (exit 2)",
    ...fromFile("bad.json", "server = vpn2.example.com\n"),
    code: 2,
    mentions: ["--from", "bad.json", "JSON"],
  },
  {
    name: "entry new --from refuses a JSON array (exit 2)",
    ...fromFile("array.json", '[{"server": "vpn2.example.com"}]'),
    code: 2,
    mentions: ["--from", "array.json", "object"],
  },
  {
    name: "entry new --from refuses an unknown key (exit 2)",
    ...fromFile("unknown.json", '{"server": "vpn2.example.com", "serverr": "typo"}'),
    code: 2,
    mentions: ["unknown.json", "serverr"],
  },
  {
    name: "entry new --from refuses a value of the wrong type (exit 2)",
    ...fromFile("type.json", '{"splitTunnel": "yes"}'),
    code: 2,
    mentions: ["type.json", "splitTunnel"],
  },
  {
    name: "entry new --from refuses a __proto__ key (exit 2, no prototype pollution)",
    ...fromFile("proto.json", '{"__proto__": {"server": "evil.example.com", "type": "phone"}}'),
    code: 2,
    mentions: ["proto.json", "__proto__"],
  },
  {
    name: "entry new --from refuses a 2 MB file (exit 2)",
    ...fromFile("big.json", `{"dnsSuffix": "${long(2 * 1024 * 1024, "d")}"}`),
    code: 2,
    mentions: ["--from", "big.json", "1 MiB"],
  },
  {
    name: "entry new --from refuses a file that does not exist (exit 2)",
    args: (p) => [...NEW, "Corp VPN 2", ...VPN2, "--from", `${p.dir}/missing.json`],
    code: 2,
    mentions: (p) => ["--from", `${p.dir}/missing.json`],
  },
  {
    name: "entry new --from refuses a directory (exit 2)",
    setup: async (p) => await Deno.mkdir(`${p.dir}/settings.d`),
    args: (p) => [...NEW, "Corp VPN 2", ...VPN2, "--from", `${p.dir}/settings.d`],
    code: 2,
    mentions: ["--from", "settings.d", "not a file"],
  },
  {
    name: "entry new --from refuses 100,000 nested arrays without crashing (exit 2)",
    ...fromFile("deep.json", "[".repeat(100_000) + "]".repeat(100_000)),
    code: 2,
    mentions: ["--from", "deep.json"],
  },
  // ---- missing or corrupt phone books ----
  // A RasError from a phone-book call names the file, so the user knows which one is bad.
  {
    name: "entry show --phonebook with a nonexistent file fails with 621 (exit 3)",
    args: (p) => ["entry", "show", "Corp VPN", "--phonebook", `${p.dir}/nowhere.pbk`],
    code: 3,
    ras: 621,
    mentions: (p) => [`${p.dir}/nowhere.pbk`],
  },
  {
    name: "entry show --phonebook with binary garbage fails with 625 (exit 3, file kept)",
    setup: async (p) => {
      const bytes = new Uint8Array(2048).map((_, i) => (i * 151 + 7) & 0xff);
      await write(p, "garbage.pbk", bytes);
    },
    watch: ["garbage.pbk"],
    args: (p) => ["entry", "show", "Corp VPN", "--phonebook", `${p.dir}/garbage.pbk`],
    code: 3,
    ras: 625,
    mentions: (p) => [`${p.dir}/garbage.pbk`],
  },
  {
    name: "entry new into a truncated --phonebook fails with 625 and does not rewrite it (exit 3)",
    setup: async (p) => {
      const text = await Deno.readTextFile(p.home.userPbk);
      const cut = text.indexOf("[ISP");
      ok(cut > 0, "the seeded book has an [ISP] section");
      await write(p, "truncated.pbk", text.slice(0, cut + 3)); // ends inside "[IS"
    },
    watch: ["truncated.pbk"],
    args: (p) => [...NEW, "Corp VPN 2", ...VPN2, "--phonebook", `${p.dir}/truncated.pbk`],
    code: 3,
    ras: 625,
    mentions: (p) => [`${p.dir}/truncated.pbk`],
  },
  // ---- unknown entries ----
  {
    name: "entry show of an unknown entry fails with 623 (exit 3)",
    args: ["entry", "show", "Nope"],
    code: 3,
    ras: 623,
    mentions: ['"Nope"'],
  },
  {
    name: "entry remove of an unknown entry fails with 623 (exit 3)",
    args: ["entry", "remove", "Nope"],
    code: 3,
    ras: 623,
    mentions: ['"Nope"'],
  },
  {
    name: "dial of an unknown entry fails with 623 and dials nothing (exit 3)",
    args: ["dial", "Nope"],
    code: 3,
    ras: 623,
    mentions: ['"Nope"'],
  },
  {
    name: "hangup of an entry that is not connected fails with 668 (exit 3)",
    args: ["hangup", "Nope"],
    code: 3,
    ras: 668,
    mentions: ['"Nope"'],
  },
  // ---- conflicting options ----
  {
    name: "entry list refuses --phonebook together with --all-users (exit 2)",
    args: (p) => ["entry", "list", "--phonebook", `${p.dir}/x.pbk`, "--all-users"],
    code: 2,
    mentions: ["--phonebook", "--all-users"],
  },
  {
    name: "hangup refuses --all together with --handle (exit 2)",
    args: ["hangup", "--all", "--handle", "0x1"],
    code: 2,
    mentions: ["--handle", "--all"],
  },
  {
    name: "dial refuses --via-user without --via (exit 2)",
    args: ["dial", "Corp VPN", "--via-user", "u"],
    code: 2,
    mentions: ["--via-user", "--via"],
  },
  {
    name: "dial refuses --password-stdin together with --password-env (exit 2)",
    args: ["dial", "Corp VPN", "--user", "alice", "--password-stdin", "--password-env", "PW"],
    stdin: `${CLI_VPN_PASSWORD}\n`,
    env: { PW: CLI_VPN_PASSWORD },
    code: 2,
    mentions: ["--password-stdin", "--password-env", "not both"],
  },
  {
    name: "entry set with nothing to set is refused (exit 2)",
    args: ["entry", "set", "Corp VPN"],
    code: 2,
    mentions: ["entry set", "setting"],
  },
  // ---- names that are taken ----
  {
    name: "entry new of an existing name fails with 183 (exit 3)",
    args: [
      ...NEW,
      "ISP",
      "--type",
      "phone",
      "--server",
      "5551234",
      "--device-name",
      "Standard 56000 bps Modem",
    ],
    code: 3,
    ras: 183,
    mentions: ['"ISP"'],
  },
  {
    name: "entry new of an existing name in another case fails with 183 (exit 3)",
    args: [...NEW, "corp vpn", ...VPN2],
    code: 3,
    ras: 183,
    mentions: ['"corp vpn"'],
  },
  {
    name: "entry rename onto an existing name fails with 183 (exit 3)",
    args: ["entry", "rename", "ISP", "Corp VPN"],
    code: 3,
    ras: 183,
    mentions: ['"Corp VPN"'],
  },
  // ---- the command line itself ----
  {
    name: "error refuses a code that is not a number (exit 2)",
    args: ["error", "abc"],
    code: 2,
    mentions: ["CODE", '"abc"'],
  },
  {
    name: "--format xml is refused (exit 2)",
    args: ["--format", "xml", "entry", "list"],
    code: 2,
    mentions: ["--format", '"xml"'],
  },
  {
    name: "an unknown command is refused (exit 2)",
    args: ["frobnicate", "Corp VPN"],
    code: 2,
    mentions: ['"frobnicate"'],
  },
  {
    name: "an unknown global option is refused (exit 2)",
    args: ["--bogus"],
    code: 2,
    mentions: ["--bogus"],
  },
  {
    // Regression: at c9750fe subcommands added with addCommand() did not inherit
    // exitOverride()/configureOutput(), so the (then) commander parser printed plain text and
    // exited 1.
    name: "an unknown option of a subcommand is refused as JSON (exit 2)",
    args: ["entry", "list", "--bogus"],
    code: 2,
    mentions: ["--bogus"],
  },
  {
    // Regression: same cause as the unknown subcommand option (plain text, exit 1).
    name: "entry show without NAME is refused as JSON (exit 2)",
    args: ["entry", "show"],
    code: 2,
    mentions: ["name"],
  },

  // ---- issue 10: one declaration per option, one error contract ----
  {
    name: "entry new refuses --dns 0.0.0.0 (the unspecified address) (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--dns", "0.0.0.0"],
    code: 2,
    mentions: ["--dns", "0.0.0.0"],
  },
  {
    name: "entry new --from refuses 0.0.0.0 as a DNS server, naming the JSON path (exit 2)",
    ...fromFile("dns0.json", '{"ipv4": {"dns": ["10.0.0.53", "0.0.0.0"]}}'),
    code: 2,
    mentions: ["dns0.json", "ipv4.dns.1", "0.0.0.0"],
  },
  {
    name: "entry new refuses an entry that names itself as prerequisite (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--prerequisite", "corp vpn 2"],
    code: 2,
    mentions: ["--prerequisite", "own prerequisite"],
  },
  {
    name: "dial refuses --via naming the entry itself before dialing (exit 2)",
    args: ["dial", "Corp VPN", "--via", "Corp VPN"],
    code: 2,
    mentions: ["--via", "itself"],
  },
  {
    name: "entry new refuses a server with a URL scheme (exit 2)",
    args: [...NEW, "Corp VPN 2", "--server", "https://vpn2.example.com"],
    code: 2,
    mentions: ["--server", "scheme", "https://vpn2.example.com"],
  },
  {
    name: "entry new refuses a server with a port (exit 2)",
    args: [...NEW, "Corp VPN 2", "--server", "vpn2.example.com:443"],
    code: 2,
    mentions: ["--server", "port"],
  },
  {
    name: "entry new refuses a server that starts with a dash (exit 2)",
    args: [...NEW, "Corp VPN 2", "--server=-vpn2.example.com"],
    code: 2,
    mentions: ["--server", "-vpn2.example.com"],
  },
  {
    name: "entry new refuses an empty --auth (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--auth", ""],
    code: 2,
    mentions: ["--auth", "comma-separated"],
  },
  {
    name: "entry set refuses a VPN strategy on a phone entry (exit 2)",
    args: ["entry", "set", "ISP", "--strategy", "ikev2-only"],
    code: 2,
    mentions: ["--strategy", "VPN"],
  },
  {
    name: "entry new refuses a name with a C1 control character (exit 2)",
    args: [...NEW, "Corp\u0085VPN", ...VPN2],
    code: 2,
    mentions: ["name", "control characters"],
  },
  {
    name: "an argument that is not valid UTF-8 (U+FFFD from Deno) is refused (exit 2)",
    args: ["entry", "show", "Corp\uFFFDVPN"],
    code: 2,
    mentions: ["argument 3", "UTF-8"],
  },
  {
    name: "an option given twice is refused instead of keeping one value (exit 2)",
    args: ["entry", "list", "--phonebook", "a.pbk", "--phonebook", "b.pbk"],
    code: 2,
    mentions: ["--phonebook", "twice"],
  },
  {
    name: "a switch and its --no- form together are refused (exit 2)",
    args: ["entry", "set", "Corp VPN", "--split-tunnel", "--no-split-tunnel"],
    code: 2,
    mentions: ["--split-tunnel", "--no-split-tunnel", "not both"],
  },
  {
    name: "--json with --format table is refused (exit 2)",
    args: ["--json", "--format", "table", "entry", "list"],
    code: 2,
    mentions: ["--json", "--format table"],
  },
  {
    name: "an empty --log-file is refused (exit 2)",
    args: ["entry", "list", "--log-file", ""],
    code: 2,
    mentions: ["--log-file"],
  },
  {
    name: "hangup refuses --timeout 86401 with a range that reads right (exit 2)",
    args: ["hangup", "Corp VPN", "--timeout", "86401"],
    code: 2,
    mentions: ["--timeout", "from 0.1 to 86400", '"86401"'],
  },
  {
    name: "dial validates --retry-delay even without --retries (exit 2)",
    args: ["dial", "Corp VPN", "--retry-delay", "0"],
    code: 2,
    mentions: ["--retry-delay", "from 1 to 600000"],
  },
  {
    name: "dial refuses --via-phonebook without --via (exit 2)",
    args: ["dial", "Corp VPN", "--via-phonebook", "x.pbk"],
    code: 2,
    mentions: ["--via-phonebook", "needs --via"],
  },
  {
    name: "--password-env with a password typed as the name never repeats it (exit 2)",
    args: ["dial", "Corp VPN", "--user", "alice", "--password-env", "hunter2 Secret!"],
    code: 2,
    mentions: ["--password-env", "environment variable name"],
    absent: ["hunter2"],
  },
  {
    name: "--password-env naming an unset variable does not repeat the name (exit 2)",
    args: ["dial", "Corp VPN", "--user", "alice", "--password-env", "Hunter2Secret"],
    code: 2,
    mentions: ["--password-env", "not set"],
    absent: ["Hunter2Secret"],
  },
  {
    name: "--password-stdin with two lines on stdin is refused, nothing dialed (exit 2)",
    args: ["dial", "Corp VPN", "--user", "alice", "--password-stdin"],
    stdin: `${CLI_VPN_PASSWORD}\nsecond line\n`,
    code: 2,
    mentions: ["stdin has 2 lines", "--password-stdin"],
    absent: [CLI_VPN_PASSWORD, "second line"],
  },
  {
    name: "--password-stdin with a line over 256 characters is refused (exit 2)",
    args: ["creds", "set", "Corp VPN", "--user", "alice", "--password-stdin"],
    stdin: `${long(300, "p")}\r\n`,
    code: 2,
    mentions: ["line 1 of stdin", "256"],
    absent: [long(40, "p")],
  },
  {
    name: "--via-password-stdin without its line is refused before dialing (exit 2)",
    args: ["dial", "Corp VPN", "--password-stdin", "--via", "ISP", "--via-password-stdin"],
    stdin: `${CLI_VPN_PASSWORD}\r\n`,
    code: 2,
    mentions: ["--via-password-stdin", "stdin ended"],
  },
  {
    name: "entry new --from reads UTF-16LE with a BOM (PowerShell 5.1's >) and checks it (exit 2)",
    setup: async (p) =>
      void await write(
        p,
        "utf16.json",
        new Uint8Array([
          0xff,
          0xfe,
          ...new Uint8Array(
            new Uint16Array(
              [...'{"serverr": "vpn2.example.com"}'].map((c) => c.charCodeAt(0)),
            ).buffer,
          ),
        ]),
      ),
    args: (p) => [...NEW, "Corp VPN 2", ...VPN2, "--from", `${p.dir}/utf16.json`],
    code: 2,
    mentions: ["utf16.json", "serverr"],
  },
  {
    name: "entry new --from refuses a file that is not UTF-8, naming it (exit 2)",
    setup: async (p) => void await write(p, "latin1.json", new Uint8Array([0x7b, 0xe9, 0x7d])),
    args: (p) => [...NEW, "Corp VPN 2", ...VPN2, "--from", `${p.dir}/latin1.json`],
    code: 2,
    mentions: ["--from", "latin1.json", "UTF-8"],
  },
  {
    name: "task install refuses a relative --exe (exit 2)",
    args: ["task", "install", "Corp VPN", "--at-logon", "--exe", "rasctlw.exe", "--xml"],
    code: 2,
    mentions: ["--exe", "absolute"],
  },
  {
    name: "task install checks a baked --timeout as ensure would (exit 2)",
    args: ["task", "install", "Corp VPN", "--at-logon", "--timeout", "0", "--xml"],
    code: 2,
    mentions: ["--timeout", '"0"'],
  },
  {
    name: "task install refuses --via naming the entry itself (exit 2)",
    args: ["task", "install", "Corp VPN", "--at-logon", "--via", "corp vpn", "--xml"],
    code: 2,
    mentions: ["--via", "itself"],
  },
  {
    name: "task install refuses %VAR% in a baked value as a usage error, not a crash (exit 2)",
    args: ["task", "install", "Corp VPN", "--at-logon", "--user", "%USERNAME%", "--xml"],
    code: 2,
    mentions: ["user", "%...%"],
  },
  {
    name: "entry new refuses --redial-pause 86401 (exit 2)",
    args: [...NEW, "Corp VPN 2", ...VPN2, "--redial-pause", "86401"],
    code: 2,
    mentions: ["--redial-pause", "86400"],
  },
  {
    name: "an unknown subcommand is refused naming the group's commands (exit 2)",
    args: ["entry", "nope"],
    code: 2,
    mentions: ['"entry nope"', "list"],
  },
  {
    name: "a switch given a value is refused without repeating it (exit 2)",
    args: ["ensure", "Corp VPN", "--keep=hunter2"],
    code: 2,
    mentions: ["--keep", "takes no value"],
    absent: ["hunter2"],
  },
  {
    name: "hangup refuses a --handle that is not hex (exit 2)",
    args: ["hangup", "--handle", "65537"],
    code: 2,
    mentions: ["--handle", "0x10001"],
  },
  {
    name: "an option with its value missing is refused naming the value (exit 2)",
    args: ["entry", "show", "Corp VPN", "--phonebook", "--all-users"],
    code: 2,
    mentions: ["--phonebook", "needs a value"],
  },
];

/** The bytes of a file, or null when it does not exist. */
async function bytesOf(path: string): Promise<Uint8Array | null> {
  try {
    return await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

async function snapshot(paths: string[]): Promise<(Uint8Array | null)[]> {
  return await Promise.all(paths.map(bytesOf));
}

/** Creates the two seed entries with rasctl itself. */
async function seed(home: SimHome): Promise<void> {
  const vpn = await rasctl(home, [...NEW, "Corp VPN", "--server", "vpn.example.com"]);
  equal(vpn.code, 0, vpn.stderr);
  const isp = await rasctl(home, [
    ...NEW,
    "ISP",
    "--type",
    "phone",
    "--server",
    "5551234",
    "--device-name",
    "Standard 56000 bps Modem",
  ]);
  equal(isp.code, 0, isp.stderr);
  const list = await rasctl(home, ["entry", "list"]);
  deepEqual((list.json as { name: string }[]).map((e) => e.name).sort(), ["Corp VPN", "ISP"]);
}

for (const c of CASES) {
  Deno.test(c.name, async () => {
    await using home = await cliHome();
    await seed(home);
    const place: Place = { dir: home.path, home };
    await c.setup?.(place);
    const watched = [
      home.userPbk,
      home.allUsersPbk,
      `${home.path}/credentials.state`,
      ...(c.watch ?? []).map((f) => `${home.path}/${f}`),
    ];
    const before = await snapshot(watched);

    const args = typeof c.args === "function" ? c.args(place) : c.args;
    const run = await rasctl(home, args, {
      ...(c.stdin === undefined ? {} : { stdin: c.stdin }),
      ...(c.env === undefined ? {} : { env: c.env }),
    });

    equal(run.code, c.code, `exit status; stderr: ${run.stderr}`);
    equal(run.stdout, "", "nothing on stdout");
    const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
    equal(lines.length, 1, `one line on stderr, got: ${run.stderr}`);
    const parsed = JSON.parse(lines[0]!) as { error?: Record<string, unknown> };
    ok(parsed.error && typeof parsed.error === "object", 'the line is {"error": {...}}');
    const error = parsed.error;
    deepEqual(
      Object.keys(error),
      ["code", "name", "message", "hint", "operation", "entry", "field"],
      "every error report has the same keys, in the same order",
    );
    if (c.code === 3) {
      equal(error.code, c.ras, `RAS code; message: ${error.message}`);
      equal(typeof error.name, "string");
      ok(String(error.name).startsWith("ERROR_"), `symbolic name, got ${error.name}`);
    } else {
      equal(error.code, null, "usage errors carry no RAS code");
    }
    deepEqual(await snapshot(watched), before, "phone books and credentials unchanged");
    const state = home.query();
    deepEqual(state.connections, [], "no connection");
    equal(state.counters.openHandles, 0, "no open handle");
    equal(state.counters.leakedHandles, 0, "no leaked handle");

    for (const secret of c.absent ?? []) {
      ok(!run.stderr.includes(secret), `stderr repeats ${JSON.stringify(secret)}`);
    }
    // Last, so a vague message is reported only after every other promise was checked.
    const message = String(error.message);
    const mentions = typeof c.mentions === "function" ? c.mentions(place) : c.mentions;
    for (const m of mentions) {
      ok(message.includes(m), `message names ${JSON.stringify(m)}: ${JSON.stringify(message)}`);
    }
  });
}

Deno.test("the bad-input catalogue has at least 45 cases with distinct names", () => {
  ok(CASES.length >= 45, `${CASES.length} cases`);
  equal(new Set(CASES.map((c) => c.name)).size, CASES.length);
});
