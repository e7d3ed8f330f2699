/**
 * Live connection events on the simulator: RasConnectionNotificationW signaling the simulated
 * kernel32's events from any process, and ras/watcher.ts turning them into confirmed events
 * (with the fallback poll catching what Windows 11 does not signal, DotRas issue 105).
 * No timing assertions: every wait is bounded, and a missing notification shows as a missing
 * event (the poll is set far beyond the bound) or as an event from the `poll` source.
 */
import { fileURLToPath } from "node:url";
import { deepEqual, equal } from "node:assert/strict";
import { type ConnectionEvent, ConnectionWatcher } from "../../ras/watcher.ts";
import { dialEntry, hangUp } from "../../ras/dial.ts";
import {
  buildSim,
  createSimHome,
  kernel32LibraryPath,
  type SimHome,
  simLibraryEnv,
  type WorldSpec,
} from "./harness.ts";
import { rasapi32 } from "../../ffi/library.ts";
import { kernel32 } from "../../ffi/kernel32.ts";
import { dialParams, dialSync, ptr, ras, setEntry, vpnEntry } from "./_ras.ts";

await buildSim();
const linux = Deno.build.os === "linux";
// rasctl opens its libraries once per process, from the environment of that moment. Test
// modules run in parallel in one process, and another may be restoring those variables right
// now: open them here, while they are certain.
if (linux) {
  for (const [name, value] of Object.entries(simLibraryEnv())) Deno.env.set(name, value);
  rasapi32();
  kernel32();
}

/** Credentials for the servers here (they check none; rasctl refuses to dial without). */
const LOGIN = { credentials: { user: "alice", password: "pw" } };

/** A poll period no test waits for: what arrives came by notification. */
const NEVER = 600_000;

const WORLD: WorldSpec = {
  machine: { windows: "win10", ipNetwork: true, releaseDelayMs: 50, dialStepMs: 5 },
  // latencyMs keeps each dial in its dialing states long enough to be seen dialing.
  servers: { "vpn.example.com": { latencyMs: 1500 }, "fast.example.com": {} },
};

async function home(world: WorldSpec = WORLD): Promise<SimHome> {
  const h = await createSimHome({ world });
  h.activate();
  // The user's book: writing the all-users one depends on RASSIM_ELEVATED, which other test
  // modules of this process change.
  equal(setEntry("Corp VPN", vpnEntry("vpn.example.com"), h.userPbk), 0);
  equal(setEntry("Branch VPN", vpnEntry("vpn.example.com"), h.userPbk), 0);
  equal(setEntry("Fast", vpnEntry("fast.example.com"), h.userPbk), 0);
  return h;
}

const openHandles = linux
  ? Deno.dlopen(kernel32LibraryPath(), {
    Kernel32SimOpenHandles: { parameters: ["i32"], result: "u32" },
  }).symbols.Kernel32SimOpenHandles
  : () => 0;

/** Events until `count` have arrived or `timeoutMs` passed. */
async function collect(
  watcher: ConnectionWatcher,
  count: number,
  timeoutMs = 20_000,
): Promise<ConnectionEvent[]> {
  const out: ConnectionEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count && Date.now() < deadline) {
    out.push(...await watcher.next({ timeoutMs: deadline - Date.now() }));
  }
  return out;
}

const kinds = (events: ConnectionEvent[]) => events.map((e) => e.event);

async function child(h: SimHome, ...args: string[]): Promise<{ rc: number; handle?: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", fileURLToPath(new URL("_child.ts", import.meta.url)), ...args],
    env: h.env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

Deno.test({
  name: "the watcher reports dialing, connected, bandwidth-added/-removed and disconnected",
  ignore: !linux,
  async fn() {
    await using h = await home();
    using watcher = new ConnectionWatcher({ pollIntervalMs: NEVER });
    const dialed = dialEntry("Corp VPN", LOGIN);
    const up = await collect(watcher, 2);
    const vpn = await dialed;
    deepEqual(kinds(up), ["dialing", "connected"]);
    for (const e of up) {
      deepEqual([e.entry, e.phonebook, e.handle, e.error, e.source], [
        "Corp VPN",
        h.userPbk,
        vpn.handle,
        null,
        "notification",
      ]);
      equal(new Date(e.timestamp).toISOString(), e.timestamp);
    }
    h.command(`links ${vpn.handle} 2`);
    const added = await collect(watcher, 1);
    deepEqual(added.map((e) => [e.event, e.links, e.handle]), [["bandwidth-added", 2, vpn.handle]]);
    h.command(`links ${vpn.handle} 1`);
    const removed = await collect(watcher, 1);
    deepEqual(removed.map((e) => [e.event, e.links]), [["bandwidth-removed", 1]]);
    h.command(`drop ${vpn.handle} 628`);
    const [dropped] = await collect(watcher, 1);
    deepEqual([dropped?.event, dropped?.handle, dropped?.error?.code, dropped?.error?.name], [
      "disconnected",
      vpn.handle,
      628,
      "ERROR_DISCONNECTION",
    ]);
    await hangUp(vpn.handle, { entry: "Corp VPN" });
    // Hanging up the dropped link and its release are not new events.
    deepEqual(await watcher.next({ timeoutMs: 300 }), []);
    // A hang-up of a connected link: disconnected without an error.
    const again = await dialEntry("Fast", LOGIN);
    deepEqual(kinds(await collect(watcher, 1)).at(-1), "connected");
    await hangUp(again.handle);
    const [down] = await collect(watcher, 1);
    deepEqual([down?.event, down?.entry, down?.error], ["disconnected", "Fast", null]);
  },
});

Deno.test({
  name: "one process dials and hangs up, another process's watcher sees it by notification",
  ignore: !linux,
  async fn() {
    await using h = await home();
    using watcher = new ConnectionWatcher({ entries: ["corp vpn"], pollIntervalMs: NEVER });
    const dialed = child(h, "dialkeep", "Corp VPN");
    const up = await collect(watcher, 2);
    const { rc, handle } = await dialed;
    equal(rc, 0);
    await child(h, "dialkeep", "Fast"); // not watched: filtered out by entry name
    equal((await child(h, "hangup", handle!)).rc, 0);
    const down = await collect(watcher, 1);
    deepEqual([...up, ...down].map((e) => [e.event, e.entry, e.handle, e.source]), [
      ["dialing", "Corp VPN", handle, "notification"],
      ["connected", "Corp VPN", handle, "notification"],
      ["disconnected", "Corp VPN", handle, "notification"],
    ]);
  },
});

Deno.test({
  name: "Windows 11 only-once mode (DotRas 105): the fallback poll catches what is not signaled",
  ignore: !linux,
  async fn() {
    await using h = await home({ ...WORLD, machine: { ...WORLD.machine, notifyOnlyOnce: true } });
    using watcher = new ConnectionWatcher({ pollIntervalMs: 200 });
    // Dialed by this process: each registration (one per RASCN_* flag) fires once, then stays
    // silent ("triggers only once for both connect & disconnect").
    const sources: string[][] = [];
    for (let round = 0; round < 2; round++) {
      const vpn = await dialEntry("Fast", LOGIN);
      const up = await collect(watcher, 1);
      await hangUp(vpn.handle);
      const down = await collect(watcher, 1);
      deepEqual([...up, ...down].map((e) => [e.event, e.handle]), [
        ["connected", vpn.handle],
        ["disconnected", vpn.handle],
      ]);
      sources.push([...up, ...down].map((e) => e.source));
    }
    deepEqual(sources, [["notification", "notification"], ["poll", "poll"]]);
    // Another process's connections keep signaling.
    const other = await child(h, "dialkeep", "Fast");
    const theirs = await collect(watcher, 1);
    deepEqual(theirs.map((e) => [e.event, e.handle, e.source]).at(-1), [
      "connected",
      other.handle,
      "notification",
    ]);
  },
});

Deno.test({
  name: "a connection that comes and goes between two looks is reported as an inferred pair",
  ignore: !linux,
  async fn() {
    await using h = await home({
      machine: { windows: "win10", ipNetwork: true, releaseDelayMs: 0, dialStepMs: 0 },
      servers: { "fast.example.com": {} },
    });
    using watcher = new ConnectionWatcher({ entries: ["Fast"], pollIntervalMs: NEVER });
    const inferred = [
      ["connected", null, null, null, true, "notification"],
      ["disconnected", null, null, null, true, "notification"],
    ];
    const shape = (events: ConnectionEvent[]) =>
      events.map((e) => [e.event, e.entry, e.phonebook, e.handle, e.inferred, e.source]);
    // 1. Dialed and released while the watcher was not looking (no next() pending): the sim's
    // notification thread may or may not have read the table in between.
    const first = dialSync(dialParams("Fast"));
    equal(first.rc, 0);
    equal(ras().RasHangUpW(ptr(first.handle)), 0);
    deepEqual(shape(await collect(watcher, 2, 10_000)), inferred);
    // 2. Also while this process's notification thread stood still (the table replaced twice
    // before it read it): the sim still signals the creation and the termination.
    h.command("notify-hold on");
    const second = dialSync(dialParams("Fast"));
    const hungUp = ras().RasHangUpW(ptr(second.handle));
    h.command("notify-hold off");
    deepEqual([second.rc, hungUp], [0, 0]);
    deepEqual(shape(await collect(watcher, 2, 10_000)), inferred);
    // 3. A connection the watcher saw: its own events, nothing inferred, nothing left over.
    const third = dialSync(dialParams("Fast"));
    const text = `0x${third.handle.toString(16)}`;
    const up = await collect(watcher, 1, 10_000);
    equal(ras().RasHangUpW(ptr(third.handle)), 0);
    const down = await collect(watcher, 1, 10_000);
    deepEqual([...up, ...down].map((e) => [e.event, e.handle, e.inferred]), [
      ["connected", text, false],
      ["disconnected", text, false],
    ]);
    deepEqual(await watcher.next({ timeoutMs: 300 }), []);
    // 4. In one wake with the release of a dropped link the watcher saw (ensure --keep's
    // cycle: hang up the dropped link, redial, and that one drops too before anyone looked):
    // the release is no second termination, so the unseen one's signal still stands out.
    const seen = dialSync(dialParams("Fast"));
    const seenText = `0x${seen.handle.toString(16)}`;
    await collect(watcher, 1, 10_000);
    h.command(`drop ${seenText} 628`);
    deepEqual((await collect(watcher, 1, 10_000)).map((e) => [e.event, e.handle]), [
      ["disconnected", seenText],
    ]);
    h.command("notify-hold on");
    const released = ras().RasHangUpW(ptr(seen.handle));
    const unseen = dialSync(dialParams("Fast"));
    h.command(`drop 0x${unseen.handle.toString(16)} 628`);
    const unseenHungUp = ras().RasHangUpW(ptr(unseen.handle));
    h.command("notify-hold off");
    deepEqual([released, unseen.rc, unseenHungUp], [0, 0, 0]);
    deepEqual(shape(await collect(watcher, 2, 10_000)), inferred);
    deepEqual(await watcher.next({ timeoutMs: 300 }), []);
  },
});

Deno.test({
  name: "no event is lost over 1,000 drop/redial cycles (every one arrives by notification)",
  ignore: !linux,
  async fn() {
    await using h = await home({
      machine: { windows: "win10", ipNetwork: true, releaseDelayMs: 0, dialStepMs: 0 },
      servers: { "fast.example.com": {} },
    });
    using watcher = new ConnectionWatcher({ pollIntervalMs: NEVER });
    const seen = { connected: 0, disconnected: 0, other: 0, polled: 0 };
    const cycles = 1000;
    for (let i = 0; i < cycles; i++) {
      const { rc, handle } = dialSync(dialParams("Fast"));
      equal(rc, 0);
      const text = `0x${handle.toString(16)}`;
      for (const e of await collect(watcher, 1, 10_000)) {
        if (e.event === "connected" && e.handle === text) seen.connected++;
        else seen.other++;
        if (e.source === "poll") seen.polled++;
      }
      h.command(`drop ${text} 628`);
      for (const e of await collect(watcher, 1, 10_000)) {
        if (e.event === "disconnected" && e.handle === text && e.error?.code === 628) {
          seen.disconnected++;
        } else seen.other++;
        if (e.source === "poll") seen.polled++;
      }
      equal(ras().RasHangUpW(ptr(handle)), 0);
    }
    deepEqual(seen, { connected: cycles, disconnected: cycles, other: 0, polled: 0 });
  },
});

Deno.test({
  name: "disposing a watcher closes its events, also while a wait is pending",
  ignore: !linux,
  async fn() {
    await using _h = await home();
    const before = openHandles(1);
    {
      using watcher = new ConnectionWatcher({ pollIntervalMs: NEVER });
      equal(openHandles(1), before + 5, "four RASCN_* events and the stop event");
      await watcher.ready;
      equal(watcher.connections.length, 0);
    }
    equal(openHandles(1), before);
    const vpn = await dialEntry("Fast", LOGIN);
    const one = new ConnectionWatcher({ handle: vpn.handle, pollIntervalMs: NEVER });
    equal(openHandles(1), before + 4, "no RASCN_Connection for one handle");
    await one.ready;
    deepEqual(one.connections, [{ handle: vpn.handle, entry: "Fast", state: "connected" }]);
    const pending = one.next();
    one[Symbol.dispose]();
    deepEqual(await pending, []);
    equal(openHandles(1), before, "closed once the wait returned");
    await hangUp(vpn.handle);
    // A registration for a handle Windows does not know fails, and leaks nothing.
    let code = 0;
    try {
      new ConnectionWatcher({ handle: "0x7777" })[Symbol.dispose]();
    } catch (error) {
      code = (error as { code: number }).code;
    }
    equal(code, 6);
    equal(openHandles(1), before);
  },
});

Deno.test({
  name: "a signalsOnly watcher (hang-up, ensure --keep) takes no first look and is woken by a drop",
  ignore: !linux,
  async fn() {
    await using h = await home();
    const vpn = await dialEntry("Fast", LOGIN);
    const before = openHandles(1);
    {
      using watcher = new ConnectionWatcher({ signalsOnly: true, pollIntervalMs: NEVER });
      await watcher.ready;
      // The connection is up, but no RasEnumConnections / RasGetConnectStatus was made.
      deepEqual(watcher.connections, []);
      let refused = "";
      await watcher.next().catch((error) => refused = (error as Error).message);
      equal(refused, "a signalsOnly connection watcher has no next()");
      equal(await watcher.signaled(0), false, "nothing happened yet");
      h.command(`drop ${vpn.handle} 628`);
      equal(await watcher.signaled(10_000), true, "the drop's RASCN_Disconnection");
    }
    equal(openHandles(1), before, "its events closed on dispose");
    await hangUp(vpn.handle);
  },
});
