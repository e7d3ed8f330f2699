/**
 * Thin helpers for the simulator's tests: call rasapi32 through rasctl's own FFI layer
 * (ffi/library.ts, ffi/structs.ts, ffi/wstr.ts) against the built simulator.
 *
 * @module
 */

import { LazyLibrary } from "../../ffi/library.ts";
import { type Rasapi32Symbols, rasapi32Symbols } from "../../ffi/symbols.ts";
import {
  RASCONNSTATUSW,
  RASCONNW,
  RASDIALPARAMSW,
  RASENTRYNAMEW,
  RASENTRYW,
} from "../../ffi/structs.ts";
import { cstr, cstrOrNull } from "../../ffi/wstr.ts";
import { simLibraryPath } from "./harness.ts";

/** rasctl's symbol table with every function synchronous (`nonblocking` dropped). */
type Synchronous<S> = { [K in keyof S]: Omit<S[K], "nonblocking"> };

/**
 * The table the simulator's tests call through: rasctl's own (ffi/symbols.ts), but every call
 * synchronous, as a C caller makes it, so a test controls which thread waits. Derived, not
 * declared again. (rasctl itself calls RasDial, RasHangUp and RasGetConnectStatus nonblocking.)
 */
const synchronousSymbols = Object.fromEntries(
  Object.entries(rasapi32Symbols).map(([name, definition]) => {
    const { nonblocking: _, ...rest } = definition as Deno.ForeignFunction;
    return [name, rest];
  }),
) as Synchronous<Rasapi32Symbols>;

let library: LazyLibrary<Synchronous<Rasapi32Symbols>> | undefined;

/** The simulator opened through rasctl's loader (once per test process), calls synchronous. */
export function ras(): LazyLibrary<Synchronous<Rasapi32Symbols>>["symbols"] {
  library ??= new LazyLibrary("rasapi32", synchronousSymbols, simLibraryPath());
  return library.symbols;
}

/** A DWORD in/out cell. */
export function dword(value = 0): Uint32Array<ArrayBuffer> {
  return new Uint32Array([value]);
}

/** A pointer-sized out cell (HRASCONN). */
export function handleCell(): BigUint64Array<ArrayBuffer> {
  return new BigUint64Array(1);
}

/** A handle value as a Deno pointer. */
export function ptr(handle: bigint): Deno.PointerValue {
  return Deno.UnsafePointer.create(handle);
}

/** Entry type returned by {@link enumEntries}. */
export type EntryName = ReturnType<typeof RASENTRYNAMEW.decode>;
/** Entry properties as decoded by rasctl's RASENTRYW codec. */
export type Entry = ReturnType<typeof RASENTRYW.decode>;

/** RasEnumEntriesW with the size-query dance. */
export function enumEntries(
  pbk?: string,
  size: number = RASENTRYNAMEW.size,
): { rc: number; entries: EntryName[] } {
  const cb = dword(0);
  const count = dword(0);
  let rc = ras().RasEnumEntriesW(null, cstrOrNull(pbk), null, cb, count);
  if (rc !== 603) return { rc, entries: [] }; // nothing to read, or a failure
  const buf = new Uint8Array(cb[0]!);
  new DataView(buf.buffer).setUint32(0, size, true);
  rc = ras().RasEnumEntriesW(null, cstrOrNull(pbk), buf, cb, count);
  if (rc !== 0) return { rc, entries: [] };
  return {
    rc,
    entries: Array.from({ length: count[0]! }, (_, i) => RASENTRYNAMEW.decode(buf, i * size, size)),
  };
}

/** RasGetEntryPropertiesW with a dwSize version. */
export function getEntry(
  name: string,
  pbk?: string,
  size: number = RASENTRYW.size,
): { rc: number; entry?: Entry; bytes?: Uint8Array } {
  const buf = new Uint8Array(size);
  new DataView(buf.buffer).setUint32(0, size, true);
  const cb = dword(size);
  const rc = ras().RasGetEntryPropertiesW(cstrOrNull(pbk), cstr(name), buf, cb, null, null);
  if (rc !== 0) return { rc };
  return { rc, entry: RASENTRYW.decode(buf, 0, size), bytes: buf };
}

/** RasSetEntryPropertiesW from decoded fields (or raw bytes). */
export function setEntry(
  name: string,
  entry: Partial<Entry> | Uint8Array<ArrayBuffer>,
  pbk?: string,
  size: number = RASENTRYW.size,
): number {
  const buf = entry instanceof Uint8Array ? entry : RASENTRYW.encode(entry, { size });
  return ras().RasSetEntryPropertiesW(cstrOrNull(pbk), cstr(name), buf, buf.length, null, 0);
}

/** A VPN entry's usual fields. */
export function vpnEntry(server: string, fields: Partial<Entry> = {}): Partial<Entry> {
  return {
    dwType: 2,
    szLocalPhoneNumber: server,
    szDeviceType: "vpn",
    szDeviceName: "WAN Miniport (IKEv2)",
    dwVpnStrategy: 7,
    dwEncryptionType: 1,
    dwfNetProtocols: 4,
    dwFramingProtocol: 1,
    ...fields,
  };
}

/** A dial-up (modem) entry's usual fields. */
export function modemEntry(phone: string, fields: Partial<Entry> = {}): Partial<Entry> {
  return {
    dwType: 1,
    szLocalPhoneNumber: phone,
    szDeviceType: "modem",
    szDeviceName: "Standard 56000 bps Modem",
    dwfNetProtocols: 4,
    dwFramingProtocol: 1,
    ...fields,
  };
}

/** Dial parameters. */
export function dialParams(
  entry: string,
  fields: Partial<ReturnType<typeof RASDIALPARAMSW.decode>> = {},
  size: number = RASDIALPARAMSW.size,
): Uint8Array<ArrayBuffer> {
  return RASDIALPARAMSW.encode({ szEntryName: entry, ...fields }, { size });
}

/** Synchronous RasDialW. Returns the code and the handle (which may be set on failure). */
export function dialSync(
  params: Uint8Array<ArrayBuffer>,
  pbk?: string,
): { rc: number; handle: bigint } {
  const out = handleCell();
  const rc = ras().RasDialW(null, cstrOrNull(pbk), params, 0, null, out);
  return { rc, handle: out[0]! };
}

/** RasGetConnectStatusW. */
export function status(
  handle: bigint,
  size: number = RASCONNSTATUSW.size,
): { rc: number; status?: ReturnType<typeof RASCONNSTATUSW.decode> } {
  const buf = RASCONNSTATUSW.encode({}, { size });
  const rc = ras().RasGetConnectStatusW(ptr(handle), buf);
  return rc === 0 ? { rc, status: RASCONNSTATUSW.decode(buf, 0, size) } : { rc };
}

/** RasEnumConnectionsW with the size-query dance (one retry if it grew). */
export function enumConnections(
  size: number = RASCONNW.size,
): { rc: number; connections: ReturnType<typeof RASCONNW.decode>[]; calls: number } {
  const cb = dword(0);
  const count = dword(0);
  let rc = ras().RasEnumConnectionsW(null, cb, count);
  let calls = 1;
  while (rc === 603) {
    const buf = new Uint8Array(cb[0]!);
    new DataView(buf.buffer).setUint32(0, size, true);
    rc = ras().RasEnumConnectionsW(buf, cb, count);
    calls++;
    if (rc === 0) {
      return {
        rc,
        calls,
        connections: Array.from(
          { length: count[0]! },
          (_, i) => RASCONNW.decode(buf, i * size, size),
        ),
      };
    }
  }
  return { rc, connections: [], calls };
}

/**
 * Polls until `fn` returns true (a bounded wait, not a timing assertion: the default bound is
 * generous, for a machine with a load average of 20 on two cores).
 */
export async function waitFor(fn: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The section names of a phone-book file (the expected RasEnumEntries result). */
export function sectionNames(text: string): string[] {
  return sections(text).map(([name]) => name);
}

/** Sections of a phone book as [name, key/value lines] (blank lines dropped). */
export function sections(text: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\[.+\]\s*$/.test(line)) out.push([line.trim().slice(1, -1), []]);
    else if (line.trim() !== "" && out.length) out[out.length - 1]![1].push(line);
  }
  return out;
}

/** The value of `key` in a section's lines (first occurrence). */
export function keyValue(lines: string[], key: string): string | undefined {
  const line = lines.find((l) => l.startsWith(`${key}=`));
  return line?.slice(key.length + 1);
}
