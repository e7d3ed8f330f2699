/**
 * The fixtures CLI tests share, declared once: the simulated world (the "vpn.example.com"
 * server and the "5551234" dial-up number with the passwords they accept), the "Corp VPN" and
 * "ISP" entries made in a home, a dial of "Corp VPN", and JSON helpers.
 *
 * @module
 */

import { equal } from "node:assert/strict";
import {
  createSimHome,
  type SimHome,
  type SimHomeOptions,
  type WorldSpec,
} from "../sim/harness.ts";
import type { CliOptions, CliRun } from "./cli.ts";

/** A JSON object as rasctl prints it. */
export type Json = Record<string, unknown>;

/** The VPN entry most tests use. */
export const CORP_VPN = "Corp VPN";

/** The password the world's VPN server accepts for "alice" (non-ASCII on purpose). */
export const CLI_VPN_PASSWORD = "s3cret-Pässwörd";

/** The password the world's dial-up number accepts for "isp". */
export const ISP_PASSWORD = "isp-pw";

/** What {@link cliWorld} may change. */
export interface CliWorldOptions {
  /** The machine: a LAN (`ipNetwork`, default true), dial-step and release times. */
  machine?: NonNullable<WorldSpec["machine"]>;
  /** The VPN server's password for "alice" (default {@link CLI_VPN_PASSWORD}). */
  vpnPassword?: string;
  /** The VPN server's pre-shared key (L2TP), if any. */
  psk?: string;
  /** The dial-up number's password for "isp" (default {@link ISP_PASSWORD}). */
  ispPassword?: string;
}

/**
 * The CLI tests' world: fast dial steps and release, the VPN server vpn.example.com (IKEv2,
 * SSTP, L2TP; user alice) and the dial-up number 5551234 (user isp).
 *
 * @param options What differs from the default world.
 * @returns The world.
 */
export function cliWorld(options: CliWorldOptions = {}): WorldSpec {
  return {
    machine: { ipNetwork: true, dialStepMs: 5, releaseDelayMs: 150, ...options.machine },
    servers: {
      "vpn.example.com": {
        protocols: ["ikev2", "sstp", "l2tp"],
        user: "alice",
        password: options.vpnPassword ?? CLI_VPN_PASSWORD,
        ...(options.psk === undefined ? {} : { psk: options.psk }),
        ipv4: "10.8.0.5",
        ipv6: "fd00::5",
      },
    },
    phones: {
      "5551234": { user: "isp", password: options.ispPassword ?? ISP_PASSWORD, ipv4: "100.64.0.7" },
    },
  };
}

/** A sim home for CLI tests: {@link cliWorld} unless `options.world` says otherwise. */
export function cliHome(options: SimHomeOptions = {}): Promise<SimHome> {
  return createSimHome({ world: cliWorld(), ...options });
}

/** A {@link cliHome} with the "Corp VPN" entry. */
export async function corpVpnHome(run: Runner): Promise<SimHome> {
  const home = await cliHome();
  await newCorpVpn(run, home);
  return home;
}

/** `entry new` arguments of the "Corp VPN" entry (IKEv2 only, to vpn.example.com). */
export const CORP_VPN_ARGS = ["--server", "vpn.example.com", "--strategy", "ikev2-only"] as const;

/**
 * `entry new` arguments of the "ISP" dial-up entry (5551234 on the simulated machine's modem,
 * named as RasEnumDevices lists it: a device the machine does not have is refused).
 */
export const ISP_ARGS = [
  "--type",
  "phone",
  "--server",
  "5551234",
  "--device-name",
  "Standard 56000 bps Modem",
];

/** How a fixture runs rasctl (in-process or as a child). */
export type Runner = (home: SimHome, args: string[], options?: CliOptions) => Promise<CliRun>;

/**
 * Creates an IKEv2 VPN entry for vpn.example.com ("Corp VPN" unless named), checking it worked.
 *
 * @param extra More `entry new` options.
 */
export async function newCorpVpn(
  run: Runner,
  home: SimHome,
  options: { name?: string; extra?: readonly string[] } = {},
): Promise<void> {
  const args = ["-q", "entry", "new", options.name ?? CORP_VPN, ...CORP_VPN_ARGS];
  const made = await run(home, [...args, ...options.extra ?? []]);
  equal(made.code, 0, made.stderr);
}

/** Creates the "ISP" dial-up entry, checking it worked. */
export async function newIsp(run: Runner, home: SimHome): Promise<void> {
  const made = await run(home, ["-q", "entry", "new", "ISP", ...ISP_ARGS]);
  equal(made.code, 0, made.stderr);
}

/**
 * Dials an entry ("Corp VPN" unless named) as alice, the password from the environment.
 *
 * @returns The dial's result (one object per connection made).
 */
export async function dialCorpVpn(run: Runner, home: SimHome, name = CORP_VPN): Promise<Json[]> {
  const dial = await run(home, ["-q", "dial", name, "--user", "alice", "--password-env", "PW"], {
    env: { PW: CLI_VPN_PASSWORD },
  });
  equal(dial.code, 0, dial.stderr);
  return dial.json as Json[];
}

/**
 * Parses JSON lines (NDJSON output, a --log-file).
 *
 * @param text The lines; blank ones are skipped.
 * @returns One object a line.
 */
export function jsonLines(text: string): Json[] {
  return text.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Json);
}
