/**
 * The watcher's fallback poll runs only where DotRas issue 105 can hit: once this process has
 * dialed a connection (Windows 11 signals own-process connections only once). A process that
 * never dials (rasctl watch) waits on the notifications with no time-out. A module of its own:
 * the count of this process's dials lives in module state, and the other event tests dial.
 */
import { deepEqual, equal } from "node:assert/strict";
import { ConnectionWatcher, FALLBACK_POLL_MS } from "../../ras/watcher.ts";
import { dialEntry, hangUp } from "../../ras/dial.ts";
import { buildSim, createSimHome, simLibraryEnv } from "./harness.ts";
import { rasapi32 } from "../../ffi/library.ts";
import { kernel32 } from "../../ffi/kernel32.ts";
import { setEntry, vpnEntry } from "./_ras.ts";

await buildSim();
const linux = Deno.build.os === "linux";
if (linux) {
  // As in events_test.ts: open the libraries while the environment is certain.
  for (const [name, value] of Object.entries(simLibraryEnv())) Deno.env.set(name, value);
  rasapi32();
  kernel32();
}

Deno.test({
  name: "the fallback poll starts only once this process dials (only-once mode caught by it)",
  ignore: !linux,
  async fn() {
    await using h = await createSimHome({
      world: {
        machine: { windows: "win10", releaseDelayMs: 0, dialStepMs: 0, notifyOnlyOnce: true },
        servers: { "fast.example.com": {} },
      },
    });
    h.activate();
    equal(setEntry("Fast", vpnEntry("fast.example.com"), h.userPbk), 0);
    using watcher = new ConnectionWatcher();
    using explicit = new ConnectionWatcher({ pollIntervalMs: 300 });
    deepEqual([watcher.pollIntervalMs, explicit.pollIntervalMs], [null, 300]);
    const sources: string[] = [];
    for (let round = 0; round < 2; round++) {
      const vpn = await dialEntry("Fast", { credentials: { user: "alice", password: "pw" } });
      equal(watcher.pollIntervalMs, FALLBACK_POLL_MS);
      // A bound, not a speed check (the sources below say which path found each change): a
      // poll is due within FALLBACK_POLL_MS, and a loaded machine may run it much later.
      const up = await watcher.next({ timeoutMs: 30 * FALLBACK_POLL_MS });
      await hangUp(vpn.handle);
      const down = await watcher.next({ timeoutMs: 30 * FALLBACK_POLL_MS });
      deepEqual([...up, ...down].map((e) => [e.event, e.handle]), [
        ["connected", vpn.handle],
        ["disconnected", vpn.handle],
      ]);
      sources.push(...[...up, ...down].map((e) => e.source));
    }
    // The first connection's signals came; the second's did not (only once), the poll found it.
    deepEqual(sources, ["notification", "notification", "poll", "poll"]);
  },
});
