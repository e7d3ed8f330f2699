/**
 * `deno task demo`: rasctl's main job on its embedded default, the simulator. A machine with no
 * LAN gets a dial-up entry (the IP network) and a VPN entry that names it as prerequisite;
 * rasctl dials both, hangs up the VPN (the dial-up stays up), then the dial-up. Every step is
 * the real CLI, printing its JSON.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { RUN_PERMISSIONS } from "./compile.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const home = await Deno.makeTempDir({ prefix: "rasctl-demo-" });
await Deno.writeTextFile(
  `${home}/world.ini`,
  [
    "[machine]",
    "ipNetwork=0",
    "dialStepMs=40",
    "releaseDelayMs=300",
    "[phone 5551234]",
    "user=isp",
    "password=isp-pw",
    "ipv4=100.64.0.7",
    "[server vpn.example.com]",
    "protocols=ikev2,sstp",
    "user=alice",
    "password=demo-password",
    "ipv4=10.8.0.5",
    "ipv6=fd00::5",
    "",
  ].join("\n"),
);
const env = {
  RASSIM_HOME: home,
  RASCTL_RASAPI32: `${root}tests/sim/build/librasapi32sim.so`,
  APPDATA: `${home}/AppData/Roaming`,
  ProgramData: `${home}/ProgramData`,
  // A standard user's prompt, as Windows starts programs: `entry new` without a phone book
  // writes the user's own book, which needs no administrator (README "Which phone book").
  RASSIM_USER: "alice",
  RASSIM_ELEVATED: "0",
};

async function rasctl(args: string[], stdin?: string): Promise<void> {
  console.log(`\n$ rasctl ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ")}`);
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...RUN_PERMISSIONS, `${root}cli.ts`, ...args],
    env,
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  if (stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(stdin));
    await writer.close();
  }
  const { code } = await child.status;
  if (code !== 0) throw new Error(`rasctl ${args[0]} exited ${code}`);
}

try {
  await rasctl([
    "entry",
    "new",
    "ISP",
    "--type",
    "phone",
    "--server",
    "5551234",
    "--device-name",
    "Standard 56000 bps Modem",
  ]);
  await rasctl([
    "entry",
    "new",
    "Corp VPN",
    "--server",
    "vpn.example.com",
    "--strategy",
    "ikev2-only",
    "--prerequisite",
    "ISP",
  ]);
  await rasctl(["entry", "list"]);
  await rasctl(["creds", "set", "ISP", "--user", "isp", "--password-stdin"], "isp-pw\n");
  await rasctl(["dial", "Corp VPN", "--user", "alice", "--password-stdin"], "demo-password\n");
  await rasctl(["hangup", "Corp VPN"]);
  await rasctl(["connections"]);
  await rasctl(["hangup", "ISP"]);
  await rasctl(["error", "868"]);
} finally {
  await Deno.remove(home, { recursive: true });
}
