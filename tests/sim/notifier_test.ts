/**
 * The notifier is a real thread (tests/sim/README.md "RasDial outcomes"): a failing state comes
 * first without and then with its error, and a drop or another process's hang-up during the
 * dial is reported. While the callback runs the notifier waits (Deno's thread-safe trampoline
 * returns to the notifier thread only once the JS thread has run the callback), and RasHangUp
 * from another thread waits for it ("RasHangUp waits for the callback").
 */
import { fileURLToPath } from "node:url";
import { deepEqual, equal } from "node:assert/strict";
import { buildSim, createSimHome, type SimHome } from "./harness.ts";
import { dialParams, handleCell, ptr, ras, setEntry, vpnEntry, waitFor } from "./_ras.ts";

await buildSim();

const RASCS_Connected = 0x2000;
const RASCS_Disconnected = 0x2001;
const FUNC1 = { parameters: ["pointer", "u32", "i32", "u32", "u32"], result: "void" } as const;
const alice = { szUserName: "alice", szPassword: "s3cret" };

async function machine(dialStepMs: number): Promise<SimHome> {
  const h = await createSimHome({
    world: {
      machine: { ipNetwork: true, dialStepMs, releaseDelayMs: 20 },
      servers: { "vpn.example.com": { user: "alice", password: "s3cret" } },
    },
  });
  h.activate();
  setEntry("Corp VPN", vpnEntry("vpn.example.com"));
  return h;
}

Deno.test("RasDialFunc1: a failing state is reported first without, then with its error", async () => {
  await using _h = await machine(1);
  const out = handleCell();
  const seen: [number, number][] = [];
  const cb = Deno.UnsafeCallback.threadSafe(FUNC1, (_h, _msg, state, error) => {
    seen.push([state, error]);
  });
  const params = dialParams("Corp VPN", { ...alice, szPassword: "wrong" });
  equal(ras().RasDialW(null, null, params, 1, cb.pointer, out), 0);
  await waitFor(() => seen.some(([, e]) => e !== 0));
  cb.close();
  deepEqual(seen.slice(-2), [[6, 0], [6, 691]], "RASCS_AuthNotify, then with 691");
  ras().RasHangUpW(ptr(out[0]!));
});

Deno.test("RasDialFunc1: a link that drops during the dial is reported as Disconnected with its code", async () => {
  // 13 states of 400 ms: the drop lands mid-dial even when this thread is not scheduled for
  // seconds (with 40 ms steps the dial could be over before the callbacks were seen).
  const step = 400;
  await using h = await machine(step);
  const out = handleCell();
  const seen: [number, number][] = [];
  const cb = Deno.UnsafeCallback.threadSafe(FUNC1, (_h, _msg, state, error) => {
    seen.push([state, error]);
  });
  equal(ras().RasDialW(null, null, dialParams("Corp VPN", alice), 1, cb.pointer, out), 0);
  await waitFor(() => seen.length >= 2);
  h.command(`drop 0x${out[0]!.toString(16)} 629`);
  await waitFor(() => seen.some(([s]) => s === RASCS_Disconnected));
  // Nothing may follow: wait until the undropped dial would have been connected (the simulator
  // plays the states by the wall clock from startMs), and a little past it.
  const connectedBy = h.query().connections[0]!.startMs + 14 * step;
  await waitFor(() => Date.now() > connectedBy, 60_000);
  await new Promise((r) => setTimeout(r, 100)); // let callbacks already queued arrive
  cb.close();
  deepEqual(seen.at(-1), [RASCS_Disconnected, 629]);
  equal(seen.some(([s]) => s === RASCS_Connected), false, "it did not play on to Connected");
  ras().RasHangUpW(ptr(out[0]!));
});

Deno.test("RasDialFunc1: another process hanging up the dial is reported as Disconnected, 631", async () => {
  // 13 states of 3 s: the child's start-up (seconds under load) cannot outlast the dial.
  await using h = await machine(3000);
  const out = handleCell();
  const seen: [number, number][] = [];
  const cb = Deno.UnsafeCallback.threadSafe(FUNC1, (_h, _msg, state, error) => {
    seen.push([state, error]);
  });
  equal(ras().RasDialW(null, null, dialParams("Corp VPN", alice), 1, cb.pointer, out), 0);
  await waitFor(() => seen.length >= 1);
  const child = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      fileURLToPath(new URL("_child.ts", import.meta.url)),
      "hangup",
      `0x${out[0]!.toString(16)}`,
    ],
    env: h.env,
  }).output();
  equal(
    child.code,
    0,
    new TextDecoder().decode(child.stdout) + new TextDecoder().decode(child.stderr),
  );
  await waitFor(() => seen.some(([s]) => s === RASCS_Disconnected)).catch((e) => {
    throw new Error(
      `${e.message}: ${JSON.stringify(seen)} ${JSON.stringify(h.query())} ${
        new TextDecoder().decode(child.stdout)
      }`,
    );
  });
  cb.close();
  deepEqual(seen.at(-1), [RASCS_Disconnected, 631]);
});

Deno.test("RasHangUp waits for a notifier inside its callback: on the thread that callback needs, it gives up with the sim's fuse (1460)", async () => {
  await using h = await machine(40);
  const out = handleCell();
  const seen: number[] = [];
  const cb = Deno.UnsafeCallback.threadSafe(FUNC1, (_h, _msg, state) => {
    seen.push(state);
  });
  equal(ras().RasDialW(null, null, dialParams("Corp VPN", alice), 1, cb.pointer, out), 0);
  await waitFor(() => seen.length >= 1);
  // Hold the JS thread until the notifier is in its next call, which Deno runs on this thread.
  for (let i = 0; h.query().process.callbacksRunning === 0; i++) {
    if (i > 1_000_000) throw new Error("the notifier never called again");
  }
  equal(ras().RasHangUpW(ptr(out[0]!)), 1460, "ERROR_TIMEOUT: RasHangUp gave up waiting");
  equal(h.query().process.hangUpCallbackTimeouts, 1);
  // The dial was never suspended for good: once the JS thread is free it plays on.
  await waitFor(() => seen.includes(RASCS_Connected));
  cb.close();
  equal(ras().RasHangUpW(ptr(out[0]!)), 0);
  equal(h.query().process.hangUpCallbackTimeouts, 1);
});
