/**
 * Active connections: list them, read their status, statistics and assigned addresses.
 * Handles are shown as hex text (`0x10001`) and never leave this layer as pointers.
 *
 * @module
 */

/** A connection handle as text, e.g. `0x10001`. */
export type { Handle } from "./_handle.ts";
import { rasapi32 } from "../ffi/library.ts";
import { RAS_PROJECTION_INFO } from "../ffi/structs/projection.ts";
import { RAS_STATS } from "../ffi/structs/ras_stats.ts";
import { RASCONNSTATUSW } from "../ffi/structs/rasconnstatusw.ts";
import { RASCONNW } from "../ffi/structs/rasconnw.ts";
import {
  check,
  ERROR_INVALID_HANDLE,
  ERROR_NO_CONNECTION,
  errorInfo,
  RasError,
} from "../ffi/errors.ts";
import { callGrowing, enumerate, negotiateSizeAsync } from "../ffi/negotiate.ts";
import { borrow, giveBack } from "../ffi/scratch.ts";
import { decodeOnRead } from "../ffi/layout_lazy.ts";
import { type Handle, handlePointer, handleText } from "./_handle.ts";
import { PROJECTION_TYPE, RASCS_CONNECTED, stateName, TUNNEL_ENDPOINT } from "./constants.ts";

/** A connection as RasEnumConnections lists it. */
export interface ConnectionName {
  /** The connection's handle as hex text, e.g. `0x10001`. */
  handle: Handle;
  /** The name of the entry that was dialed. */
  entry: string;
  /** The phone-book file the entry came from. */
  phonebook: string;
  /** The device it runs over: its type (`vpn`, `modem`, ...) and name (`WAN Miniport (IKEv2)`). */
  device: { type: string; name: string };
}

/** A connection's live state. */
export interface ConnectionStatus {
  /** The connection state's name, e.g. `connected` or `authenticate`. */
  state: string;
  /** The same state as Windows' RASCONNSTATE number. */
  stateCode: number;
  /** Why the connection failed (code, symbolic name, message), or null when it did not. */
  error: { code: number; name: string; message: string } | null;
  /** The device the connection uses: its type and name. */
  device: { type: string; name: string };
  /** The server (host name, address or phone number) that was dialed. */
  server: string;
  /** The tunnel's local and remote addresses, or null where Windows reports none. */
  endpoints: { local: string | null; remote: string | null };
}

/** What was negotiated: addresses and the tunnel protocol family. */
export interface Projection {
  /** `ikev2` for IKEv2 tunnels, `ppp` for everything else (dial-up, PPTP, L2TP, SSTP). */
  kind: "ppp" | "ikev2";
  /** This side's IPv4 address and the server's, or null when no IPv4 was negotiated. */
  ipv4: { address: string; serverAddress: string } | null;
  /** This side's IPv6 address, the server's and the prefix length, or null without IPv6. */
  ipv6: { address: string; serverAddress: string; prefixLength: number } | null;
}

/** Everything `status` shows about a connection. */
export interface Connection extends ConnectionName, ConnectionStatus {
  /** The negotiated addresses, or null when not connected or not (yet) available. */
  projection: Projection | null;
  /** Seconds the connection has been up, or null when not connected. */
  connectedSeconds: number | null;
}

/** Connection statistics (RAS_STATS). */
export interface Statistics {
  /** The name of the connected entry. */
  entry: string;
  /** The connection's handle as hex text. */
  handle: Handle;
  /** Bytes sent since the connection came up (or the counters were cleared). */
  bytesTransmitted: number;
  /** Bytes received since the connection came up (or the counters were cleared). */
  bytesReceived: number;
  /** Frames (packets) sent. */
  framesTransmitted: number;
  /** Frames (packets) received. */
  framesReceived: number;
  /** Frames received with a bad checksum (CRC). */
  crcErrors: number;
  /** Time-outs while sending or receiving. */
  timeoutErrors: number;
  /** Misaligned frames received. */
  alignmentErrors: number;
  /** Times the hardware could not keep up with incoming data. */
  hardwareOverrunErrors: number;
  /** Badly framed frames received. */
  framingErrors: number;
  /** Times the receive buffer overflowed. */
  bufferOverrunErrors: number;
  /** Compression ratio of received data, in percent (0 without compression). */
  compressionRatioIn: number;
  /** Compression ratio of sent data, in percent (0 without compression). */
  compressionRatioOut: number;
  /** The link speed in bits per second. */
  bps: number;
  /** Milliseconds the connection has been up. */
  connectDurationMs: number;
}

/** The lent memory listConnections() enumerates into. */
const SCRATCH = { borrow, giveBack };

/**
 * Lists the machine's connections (all processes', as Windows shares them).
 *
 * @returns One item per connection.
 * @throws {RasError} When RasEnumConnections fails.
 * @example
 * ```ts ignore
 * listConnections().map((c) => c.entry);
 * ```
 */
export function listConnections(): ConnectionName[] {
  const lib = rasapi32();
  return enumerate(
    RASCONNW,
    (buffer, cb, count) => lib.RasEnumConnectionsW(buffer, cb, count),
    "RasEnumConnections",
    (c) => ({
      handle: handleText(c.hrasconn),
      entry: c.szEntryName,
      phonebook: c.szPhonebook,
      device: { type: c.szDeviceType, name: c.szDeviceName },
    }),
    // watch and ensure --keep list the connections on every change: one buffer, lent again,
    // and of each connection only the fields kept are decoded.
    { memory: SCRATCH, decode: (b, o, n) => decodeOnRead(RASCONNW, b, o, n) },
  ).items;
}

/**
 * Finds the connection of an entry.
 *
 * @param entry The entry's name (case-insensitive).
 * @param phonebook The entry's phone-book file (case-insensitive); any when undefined.
 * @returns The connection, or undefined when the entry is not connected.
 * @throws {RasError} When RasEnumConnections fails.
 * @example
 * ```ts ignore
 * findConnection("Corp VPN")?.handle;
 * ```
 */
export function findConnection(entry: string, phonebook?: string): ConnectionName | undefined {
  const wanted = entry.toLowerCase();
  const book = phonebook?.toLowerCase();
  return listConnections().find((c) =>
    c.entry.toLowerCase() === wanted && (book === undefined || c.phonebook.toLowerCase() === book)
  );
}

/** ERROR_NO_CONNECTION (raserror.h): the entry is not connected. */
export { ERROR_NO_CONNECTION };

/**
 * The connection of an entry that must be connected.
 *
 * @param entry The entry's name (case-insensitive).
 * @param operation The rasapi32 function the caller was about to use, for the error.
 * @returns The connection.
 * @throws {RasError} ERROR_NO_CONNECTION when the entry is not connected, or when
 * RasEnumConnections fails.
 * @example
 * ```ts ignore
 * connectionStatistics(connectionOf("Corp VPN", "RasGetConnectionStatistics"));
 * ```
 */
export function connectionOf(entry: string, operation: string): ConnectionName {
  const found = findConnection(entry);
  if (!found) throw new RasError(ERROR_NO_CONNECTION, { operation, entry });
  return found;
}

/**
 * Reads a connection's status.
 *
 * @param handle The connection.
 * @returns Its state, or null when Windows no longer knows the handle (released).
 * @throws {RasError} For failures other than ERROR_INVALID_HANDLE.
 * @example
 * ```ts ignore
 * (await connectionStatus("0x10001"))?.state;
 * ```
 */
export async function connectionStatus(handle: Handle): Promise<ConnectionStatus | null> {
  const lib = rasapi32();
  const pointer = handlePointer(handle);
  let status: ReturnType<typeof RASCONNSTATUSW.decode> | undefined;
  // Nonblocking (ffi/symbols.ts): a dial's notifier may be waiting for the JS thread.
  const { code } = await negotiateSizeAsync(RASCONNSTATUSW, async (size) => {
    const buffer = RASCONNSTATUSW.encode({}, { size });
    const rc = await lib.RasGetConnectStatusW(pointer, buffer);
    if (rc === 0) status = RASCONNSTATUSW.decode(buffer, 0, size);
    return rc;
  });
  if (code === ERROR_INVALID_HANDLE) return null;
  check(code, "RasGetConnectStatus");
  const s = status!;
  return {
    state: stateName(s.rasconnstate),
    stateCode: s.rasconnstate,
    error: s.dwError === 0 ? null : pick(errorInfo(s.dwError)),
    device: { type: s.szDeviceType, name: s.szDeviceName },
    server: s.szPhoneNumber,
    endpoints: { local: endpointText(s.localEndPoint), remote: endpointText(s.remoteEndPoint) },
  };
}

function pick(info: ReturnType<typeof errorInfo>) {
  return { code: info.code, name: info.name, message: info.message };
}

/** ERROR_INVALID_HANDLE: the connection is gone (winerror.h). */
export { ERROR_INVALID_HANDLE };

function endpointText(
  endpoint: ReturnType<typeof RASCONNSTATUSW.decode>["localEndPoint"],
): string | null {
  if (endpoint.dwType === TUNNEL_ENDPOINT.ipv4) return endpoint.Anonymous.ipv4 ?? null;
  if (endpoint.dwType === TUNNEL_ENDPOINT.ipv6) return endpoint.Anonymous.ipv6 ?? null;
  return null;
}

/**
 * Reads what a connection negotiated: its IPv4/IPv6 addresses (RasGetProjectionInfoEx).
 *
 * @param handle The connection.
 * @returns The projection, or null when it is not (yet) available.
 * @throws {RangeError} When `handle` is not a hex handle such as `0x10001`.
 * @example
 * ```ts ignore
 * connectionProjection("0x10001")?.ipv4?.address;
 * ```
 */
export function connectionProjection(handle: Handle): Projection | null {
  const lib = rasapi32();
  const pointer = handlePointer(handle);
  const { code, buffer } = callGrowing(
    RAS_PROJECTION_INFO.encode({ version: 4 /* RASAPIVERSION_601 */ }),
    (b, cb) => lib.RasGetProjectionInfoEx(pointer, b, cb),
  );
  if (code !== 0) return null;
  const info = RAS_PROJECTION_INFO.decode(buffer);
  if (info.type === PROJECTION_TYPE.ikev2) {
    const p = info.Anonymous.ikev2!;
    return {
      kind: "ikev2",
      ipv4: ipv4Projection(p),
      ipv6: p.dwIPv6NegotiationError === 0 && p.ipv6Address !== "::"
        ? {
          address: p.ipv6Address,
          serverAddress: p.ipv6ServerAddress,
          prefixLength: p.dwPrefixLength,
        }
        : null,
    };
  }
  const p = info.Anonymous.ppp!;
  return { kind: "ppp", ipv4: ipv4Projection(p), ipv6: null };
}

/** The IPv4 part of a PPP or IKEv2 projection, or null when IPv4 was not negotiated. */
function ipv4Projection(
  p: { dwIPv4NegotiationError: number; ipv4Address: string; ipv4ServerAddress: string },
): Projection["ipv4"] {
  return p.dwIPv4NegotiationError === 0 && p.ipv4Address !== "0.0.0.0"
    ? { address: p.ipv4Address, serverAddress: p.ipv4ServerAddress }
    : null;
}

/**
 * Reads a connection's counters.
 *
 * @param connection The connection (handle and entry).
 * @returns Bytes, frames, errors, speed and duration.
 * @throws {RasError} When RasGetConnectionStatistics fails (6 when the connection is gone).
 * @example
 * ```ts ignore
 * connectionStatistics(findConnection("Corp")!).bytesReceived;
 * ```
 */
export function connectionStatistics(connection: { handle: Handle; entry: string }): Statistics {
  const buffer = RAS_STATS.encode({});
  const code = rasapi32().RasGetConnectionStatistics(handlePointer(connection.handle), buffer);
  check(code, "RasGetConnectionStatistics", connection.entry);
  const s = RAS_STATS.decode(buffer);
  return {
    entry: connection.entry,
    handle: connection.handle,
    bytesTransmitted: s.dwBytesXmited,
    bytesReceived: s.dwBytesRcved,
    framesTransmitted: s.dwFramesXmited,
    framesReceived: s.dwFramesRcved,
    crcErrors: s.dwCrcErr,
    timeoutErrors: s.dwTimeoutErr,
    alignmentErrors: s.dwAlignmentErr,
    hardwareOverrunErrors: s.dwHardwareOverrunErr,
    framingErrors: s.dwFramingErr,
    bufferOverrunErrors: s.dwBufferOverrunErr,
    compressionRatioIn: s.dwCompressionRatioIn,
    compressionRatioOut: s.dwCompressionRatioOut,
    bps: s.dwBps,
    connectDurationMs: s.dwConnectDuration,
  };
}

/**
 * Resets a connection's counters.
 *
 * @param connection The connection.
 * @throws {RasError} When RasClearConnectionStatistics fails.
 * @example
 * ```ts ignore
 * clearStatistics(findConnection("Corp")!);
 * ```
 */
export function clearStatistics(connection: { handle: Handle; entry: string }): void {
  check(
    rasapi32().RasClearConnectionStatistics(handlePointer(connection.handle)),
    "RasClearConnectionStatistics",
    connection.entry,
  );
}

/**
 * Everything about one connection: status, addresses and how long it has been up.
 *
 * @param name The connection as listed.
 * @returns The full view, or null when it disappeared meanwhile.
 * @throws {RasError} When RasGetConnectStatus fails for a reason other than ERROR_INVALID_HANDLE.
 * @throws {RangeError} When `name.handle` is not a hex handle such as `0x10001`.
 * @example
 * ```ts ignore
 * (await describeConnection(findConnection("Corp")!))?.state;
 * ```
 */
export async function describeConnection(name: ConnectionName): Promise<Connection | null> {
  const status = await connectionStatus(name.handle);
  if (!status) return null;
  const connected = status.stateCode === RASCS_CONNECTED;
  let seconds: number | null = null;
  if (connected) {
    try {
      seconds = Math.floor(connectionStatistics(name).connectDurationMs / 1000);
    } catch {
      seconds = null;
    }
  }
  return {
    ...name,
    ...status,
    device: status.device.type ? status.device : name.device,
    projection: connected ? connectionProjection(name.handle) : null,
    connectedSeconds: seconds,
  };
}

/**
 * {@link describeConnection} for each connection listed, in order, leaving out those that
 * disappeared meanwhile.
 *
 * @param names The connections as listed.
 * @returns The full views.
 * @throws {RasError} When RasGetConnectStatus fails for a reason other than ERROR_INVALID_HANDLE.
 * @example
 * ```ts ignore
 * await describeAll(listConnections());
 * ```
 */
export async function describeAll(names: ConnectionName[]): Promise<Connection[]> {
  const described: Connection[] = [];
  for (const name of names) {
    const connection = await describeConnection(name);
    if (connection) described.push(connection);
  }
  return described;
}
