/**
 * Connections are shared and counted (tests/sim/README.md "RasDial outcomes"): a dial of a
 * connected entry references it, each RasDial is matched by a RasHangUp, and a dropped link
 * stays listed until it is hung up.
 */
import { deepEqual, equal } from "node:assert/strict";
import { buildSim, createSimHome, type SimHome } from "./harness.ts";
import {
  dialParams,
  dialSync,
  enumConnections,
  ptr,
  ras,
  setEntry,
  status,
  vpnEntry,
} from "./_ras.ts";

await buildSim();

const alice = { szUserName: "alice", szPassword: "s3cret" };
const RASCS_Connected = 0x2000;
const RASCS_Disconnected = 0x2001;

async function machine(): Promise<SimHome> {
  const h = await createSimHome({
    world: {
      // The link lingers (RASCS_Disconnected) for 1 s after the last RasHangUp: long enough
      // for the next line to see it on a busy machine (20 ms was not, under the full suite).
      machine: { ipNetwork: true, dialStepMs: 1, releaseDelayMs: 1000 },
      servers: { "vpn.example.com": { user: "alice", password: "s3cret" } },
    },
  });
  h.activate();
  setEntry("Corp VPN", vpnEntry("vpn.example.com"));
  return h;
}

Deno.test("RasDial of a connected entry succeeds with the same handle and references the connection", async () => {
  await using h = await machine();
  const first = dialSync(dialParams("Corp VPN", alice));
  equal(first.rc, 0);
  const second = dialSync(dialParams("Corp VPN", alice));
  deepEqual(second, { rc: 0, handle: first.handle });
  equal(h.query().connections[0]!.refs, 2);
  // One RasHangUp per RasDial: the first leaves the link up.
  equal(ras().RasHangUpW(ptr(first.handle)), 0);
  equal(status(first.handle).status?.rasconnstate, RASCS_Connected);
  equal(ras().RasHangUpW(ptr(first.handle)), 0);
  equal(status(first.handle).status?.rasconnstate, RASCS_Disconnected);
  equal(h.query().counters.openHandles, 0);
});

Deno.test("a dropped link stays listed by RasEnumConnections, with its error, until RasHangUp", async () => {
  await using h = await machine();
  const { rc, handle } = dialSync(dialParams("Corp VPN", alice));
  equal(rc, 0);
  h.command(`drop 0x${handle.toString(16)} 629`);
  const listed = enumConnections().connections.map((c) => c.hrasconn);
  deepEqual(listed, [handle]);
  const s = status(handle).status!;
  deepEqual([s.rasconnstate, s.dwError], [RASCS_Disconnected, 629]);
  equal(ras().RasHangUpW(ptr(handle)), 0);
  deepEqual(enumConnections().connections, []);
});

Deno.test("a dial of an entry whose link dropped starts a new connection", async () => {
  await using h = await machine();
  const old = dialSync(dialParams("Corp VPN", alice));
  h.command(`drop 0x${old.handle.toString(16)} 629`);
  const fresh = dialSync(dialParams("Corp VPN", alice));
  equal(fresh.rc, 0);
  equal(fresh.handle !== old.handle, true);
  ras().RasHangUpW(ptr(old.handle));
  ras().RasHangUpW(ptr(fresh.handle));
});

Deno.test("RasHangUp of a handle Windows does not know gives ERROR_INVALID_HANDLE (6)", async () => {
  await using _h = await machine();
  equal(ras().RasHangUpW(ptr(0x7777n)), 6);
});
