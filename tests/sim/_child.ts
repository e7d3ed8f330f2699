/**
 * A second process for cross-process tests: `deno run -A tests/sim/_child.ts <action> [arg]`
 * with RASSIM_HOME set (and RASSIM_USER / RASSIM_ELEVATED for another identity). Actions:
 * `list` (RasEnumConnectionsW), `status <handle>`, `hangup <handle>`,
 * `setcreds <pbk|-> <entry> <mask> <user> <password>`, `getcreds <pbk|-> <entry> <mask>`,
 * `setentry <pbk|-> <entry> <server>`, `dial <entry>` (synchronous, saved credentials),
 * `dialkeep <entry> [user] [password]` (synchronous, left connected).
 * Prints one JSON document.
 *
 * @module
 */

import { RASCREDENTIALSW } from "../../ffi/structs.ts";
import { cstr, cstrOrNull } from "../../ffi/wstr.ts";
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

function book(arg: string | undefined): string | undefined {
  return arg === "-" ? undefined : arg;
}

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
  } else if (action === "hangup") {
    result = { rc: ras().RasHangUpW(ptr(BigInt(arg!))) };
  } else if (action === "setcreds") {
    const [, pbk, entry, mask, user, password] = Deno.args;
    const buf = RASCREDENTIALSW.encode({
      dwMask: Number(mask),
      szUserName: user ?? "",
      szPassword: password ?? "",
    });
    result = { rc: ras().RasSetCredentialsW(cstrOrNull(book(pbk)), cstr(entry!), buf, 0) };
  } else if (action === "getcreds") {
    const [, pbk, entry, mask] = Deno.args;
    const buf = RASCREDENTIALSW.encode({ dwMask: Number(mask) });
    const rc = ras().RasGetCredentialsW(cstrOrNull(book(pbk)), cstr(entry!), buf);
    const got = RASCREDENTIALSW.decode(buf);
    result = { rc, mask: got.dwMask, user: got.szUserName };
  } else if (action === "setentry") {
    const [, pbk, entry, server] = Deno.args;
    result = { rc: setEntry(entry!, vpnEntry(server!), book(pbk)) };
  } else if (action === "dialkeep") {
    // Dials and leaves the connection (and this dial's reference) behind.
    const { rc, handle } = dialSync(
      dialParams(arg!, { szUserName: Deno.args[2] ?? "", szPassword: Deno.args[3] ?? "" }),
    );
    result = { rc, handle: `0x${handle.toString(16)}` };
  } else if (action === "dial") {
    const { rc, handle } = dialSync(dialParams(arg!));
    if (handle) ras().RasHangUpW(ptr(handle));
    result = { rc };
  }
  console.log(JSON.stringify(result));
}
