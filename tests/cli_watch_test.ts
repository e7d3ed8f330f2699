/**
 * End-to-end tests of `rasctl watch` against the simulator: a real rasctl process watches while
 * other processes dial, drop and hang up.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { CHILD_SIGNALS_CATCHABLE, Lines, parseRun, rasctl, spawnRasctl } from "./_support/cli.ts";
import { corpVpnHome, dialCorpVpn, type Json } from "./_support/fixtures.ts";
import type { SimHome } from "./sim/harness.ts";

const vpnHome = () => corpVpnHome(rasctl);

/** Starts `rasctl watch ...` and waits until it has registered (its note on stderr). */
async function startWatch(home: SimHome, args: string[]) {
  const child = spawnRasctl(home, ["watch", ...args]);
  const [forNote, rest] = child.stderr.tee();
  const reader = forNote.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.includes("watching")) {
    const chunk = await reader.read();
    if (chunk.done) throw new Error(`watch ended: ${text}`);
    text += chunk.value;
  }
  reader.releaseLock();
  forNote.cancel().catch(() => {});
  return { child, lines: new Lines(child.stdout), stderr: rest };
}

async function dial(home: SimHome): Promise<string> {
  return (await dialCorpVpn(rasctl, home)).at(-1)!.handle as string;
}

Deno.test({
  name: "watch streams connected and disconnected (with the error) and ends with stopped",
  ignore: !CHILD_SIGNALS_CATCHABLE,
}, async () => {
  await using home = await vpnHome();
  const { child, lines, stderr } = await startWatch(home, ["Corp VPN"]);
  const handle = await dial(home);
  const up = await lines.waitFor((e) => e.event === "connected");
  deepEqual([up.entry, up.handle, up.phonebook, up.error], [
    "Corp VPN",
    handle,
    home.userPbk,
    null,
  ]);
  equal(new Date(up.timestamp as string).toISOString(), up.timestamp);
  home.command(`drop ${handle} 628`);
  const down = await lines.waitFor((e) => e.event === "disconnected");
  deepEqual([down.handle, (down.error as Json).code, (down.error as Json).name], [
    handle,
    628,
    "ERROR_DISCONNECTION",
  ]);
  child.kill("SIGTERM");
  const all = await lines.rest();
  const status = await child.status;
  await stderr.cancel();
  equal(status.code, 0);
  const last = all.at(-1)!;
  deepEqual([last.event, last.reason], ["stopped", "interrupted"]);
  // Nothing but the watched entry's events, each once.
  deepEqual(all.map((e) => e.event).filter((e) => e !== "dialing"), [
    "connected",
    "disconnected",
    "stopped",
  ]);
});

Deno.test("watch --once --event connected prints one event and exits 0", async () => {
  await using home = await vpnHome();
  const { child, lines, stderr } = await startWatch(home, [
    "--once",
    "--event",
    "connected",
    "--timeout",
    "30",
  ]);
  const handle = await dial(home);
  const all = await lines.rest();
  equal((await child.status).code, 0);
  await stderr.cancel();
  deepEqual(all.map((e) => [e.event, e.entry, e.handle]), [["connected", "Corp VPN", handle]]);
});

Deno.test("watch --timeout ends with stopped (timeout); with --once it is a TimeoutError", async () => {
  await using home = await vpnHome();
  const plain = await rasctl(home, ["-q", "watch", "--timeout", "0.3"]);
  equal(plain.code, 0, plain.stderr);
  const line = JSON.parse(plain.stdout.trim()) as Json;
  deepEqual([line.event, line.reason], ["stopped", "timeout"]);
  const once = await rasctl(home, ["-q", "watch", "--once", "--timeout", "0.3"]);
  equal(once.stdout, "");
  ok(once.code !== 0);
  equal(once.error?.name, "TimeoutError");
  const bad = parseRun(
    await spawnRasctl(home, ["-q", "watch", "--event", "exploded"]).output(),
  );
  equal(bad.code, 2);
  equal(bad.error?.name, "UsageError");
});
