/**
 * A second process for cross-process tests: `deno run -A tests/sim/_child.ts <action> [arg]`
 * with RASSIM_HOME set. Actions: `list` (RasEnumConnectionsW), `status <handle>`,
 * `hangup <handle>`, `dial <entry>` (synchronous RasDialW, no credentials). Prints one JSON
 * document.
 *
 * @module
 */

import { dialParams, dialSync, enumConnections, ptr, ras, status } from "./_ras.ts";

if (import.meta.main) {
  const [action, arg] = Deno.args;
  let result: unknown;
  if (action === "list") {
    const { rc, connections } = enumConnections();
    result = {
      rc,
      connections: connections.map((c) => ({
        handle: `0x${c.hrasconn.toString(16)}`,
        entry: c.szEntryName,
        device: c.szDeviceName,
      })),
    };
  } else if (action === "status") {
    const { rc, status: s } = status(BigInt(arg!));
    result = { rc, state: s?.rasconnstate, error: s?.dwError };
  } else if (action === "dial") {
    const { rc, handle } = dialSync(dialParams(arg!));
    result = { rc, handle: `0x${handle.toString(16)}` };
  } else if (action === "hangup") {
    result = { rc: ras().RasHangUpW(ptr(BigInt(arg!))) };
  }
  console.log(JSON.stringify(result));
}
