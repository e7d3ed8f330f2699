/**
 * Dialing and hanging up. RasDial runs asynchronously (a RasDialFunc1 notifier), so rasctl has
 * the handle at once and can show each state, honour a timeout or Ctrl+C, and hang up whatever
 * it started: a failed or abandoned dial still owns a handle that must be hung up.
 *
 * @module
 */

import { rasapi32 } from "../ffi/library.ts";
import { RASDIALPARAMSW } from "../ffi/structs/rasdialparamsw.ts";
import { cstr } from "../ffi/wstr.ts";
import {
  check,
  ERROR_AUTHENTICATION_FAILURE,
  ERROR_INTERACTIVE_MODE,
  ERROR_PASSWD_EXPIRED,
  ERROR_TIMEOUT,
  ERROR_USER_DISCONNECTION,
  RasError,
} from "../ffi/errors.ts";
import { negotiateSize, negotiateSizeAsync } from "../ffi/negotiate.ts";
import { RASCS_CONNECTED, stateName } from "./constants.ts";
import { type Handle, handlePointer, handleText } from "./_handle.ts";
import { DialEvents, type DialListener } from "./_dial_events.ts";
import { timeLeft } from "./_deadline.ts";
import {
  type Connection,
  type ConnectionName,
  connectionStatus,
  describeConnection,
  ERROR_INVALID_HANDLE,
  listConnections,
} from "./connections.ts";
import { type EntryName, findEntry, getEntry } from "./entries.ts";
import { getCredentials } from "./credentials.ts";
import { InvalidInputError } from "./input_error.ts";
import { abortable, poll } from "./async.ts";
import type { PhonebookOptions } from "./phonebook.ts";
import { tryWatcher } from "./watcher.ts";
import { noteOwnDial } from "./_own_dials.ts";

/** User name, password and domain for one dial. Unset parts come from the saved ones. */
export interface Credentials {
  /** The user name to dial with. */
  user?: string | undefined;
  /** The password to dial with. */
  password?: string | undefined;
  /** The domain to authenticate in. */
  domain?: string | undefined;
}

/** One step of a dial, as Windows reports it. */
export interface DialProgress {
  /** The name of the entry being dialed. */
  entry: string;
  /** The state reached, e.g. `connect-device`, `authenticate` or `connected`. */
  state: string;
  /** The same state as Windows' RASCONNSTATE number. */
  stateCode: number;
}

/** Options of {@link dialEntry}. */
export interface DialOptions extends PhonebookOptions {
  /** Credentials; missing parts come from what is saved for the entry. */
  credentials?: Credentials | undefined;
  /** Called with every connection state. */
  onProgress?: ((progress: DialProgress) => void) | undefined;
  /**
   * Asked for a password when none was given and none is saved for the entry (a prompt when a
   * person is at the terminal); undefined means dial without one.
   */
  askPassword?: ((entry: string, user: string) => Promise<string | undefined>) | undefined;
  /** Aborts the dial (timeout, Ctrl+C): what was started is hung up. */
  signal?: AbortSignal | undefined;
  /**
   * When the whole operation must be over (`Date.now()` milliseconds), e.g. from `--timeout`:
   * hanging up after a failed, timed-out or interrupted dial waits for Windows' release only
   * until then (default: up to 10 s after the failure).
   */
  deadline?: number | undefined;
}

/** ERROR_TIMEOUT (winerror.h), reported when a dial or hang-up runs out of time. */
export { ERROR_TIMEOUT };

/** RASCS_PAUSED: states from here up to RASCS_Connected wait for the caller (RASCONNSTATE). */
const RASCS_PAUSED = 0x1000;
/** RASCS_Disconnected (RASCONNSTATE). */
const RASCS_DISCONNECTED = 0x2001;

/**
 * The code a paused state ends an unattended dial with: RASCS_Interactive, CallbackSetByCaller
 * and InvokeEapUI need a person (703), RetryAuthentication means the credentials were refused
 * (691), PasswordExpired (648). Windows only pauses with RDEOPT_PausedStates, which rasctl never
 * sets (RASDIALEXTENSIONS); should one arrive anyway, the dial must end, not wait forever.
 */
function pausedStateCode(state: number): number {
  if (state === 0x1001) return ERROR_AUTHENTICATION_FAILURE; // RASCS_RetryAuthentication
  if (state === 0x1003) return ERROR_PASSWD_EXPIRED; // RASCS_PasswordExpired
  return ERROR_INTERACTIVE_MODE;
}

type Listener = DialListener;
const events = new DialEvents();
let notifier: Deno.UnsafeCallback<typeof RASDIALFUNC1> | undefined;
let pending = 0;

/** RasDialFunc1: (HRASCONN, UINT unMsg, RASCONNSTATE, DWORD dwError, DWORD dwExtendedError). */
const RASDIALFUNC1 = {
  parameters: ["pointer", "u32", "i32", "u32", "u32"],
  result: "void",
} as const satisfies Deno.UnsafeCallbackDefinition;

/**
 * The one notifier for every dial of this process; Windows calls it from its own thread.
 * It is never closed: a late call into a closed callback would crash the process.
 */
function sharedNotifier(): Deno.UnsafeCallback<typeof RASDIALFUNC1> {
  if (!notifier) {
    notifier = Deno.UnsafeCallback.threadSafe(RASDIALFUNC1, (hrasconn, _msg, state, error) => {
      events.deliver(BigInt(Deno.UnsafePointer.value(hrasconn)), state, error);
    });
    // threadSafe() starts with one reference, which would keep a library user's process
    // alive for ever; holdEventLoop() takes references only while dials are pending.
    notifier.unref();
  }
  return notifier;
}

function holdEventLoop(on: boolean): void {
  pending += on ? 1 : -1;
  if (pending > 0) sharedNotifier().ref();
  else notifier?.unref();
}

/** dwCustomAuthKey of EAP-TLS ("Smart Card or other certificate"): no password. */
const EAP_TLS = 13;

/**
 * Whether a dial of the entry sends a password: not when it uses the Windows logon
 * credentials, a certificate (EAP-TLS), or the all-user default credentials saved for it.
 */
function needsPassword(where: EntryName): boolean {
  const entry = getEntry(where.name, { phonebook: where.phonebook });
  if (entry.useWindowsLogon) return false;
  if (entry.authentication.includes("eap") && entry.raw.dwCustomAuthKey === EAP_TLS) return false;
  return !getCredentials(where.name, { phonebook: where.phonebook }).default?.passwordSaved;
}

/** The saved dial parameters of an entry (user, domain, and whether a password is saved). */
function savedDialParams(
  name: string,
  phonebook: string,
): Partial<ReturnType<typeof RASDIALPARAMSW.decode>> {
  const lib = rasapi32();
  const pbk = cstr(phonebook, "phonebook");
  const hasPassword = new Int32Array(1);
  let saved: ReturnType<typeof RASDIALPARAMSW.decode> | undefined;
  const { code } = negotiateSize(RASDIALPARAMSW, (size) => {
    const buffer = RASDIALPARAMSW.encode({ szEntryName: name }, { size });
    const rc = lib.RasGetEntryDialParamsW(pbk, buffer, hasPassword);
    if (rc === 0) saved = RASDIALPARAMSW.decode(buffer, 0, size);
    buffer.fill(0); // it may hold the saved password
    return rc;
  });
  if (code !== 0 || !saved) return {};
  // Windows hands back a placeholder for a saved password, which RasDial understands.
  return {
    szUserName: saved.szUserName,
    szDomain: saved.szDomain,
    ...(hasPassword[0] ? { szPassword: saved.szPassword } : {}),
  };
}

/**
 * Dials one entry and waits until it is connected.
 *
 * @param name The entry's name.
 * @param options Credentials, progress callback, abort signal, phone book.
 * @returns The connection.
 * @throws {RasError} With the code Windows reported (691, 868, ...); the handle has been hung up.
 * @throws {InvalidInputError} `password` when the entry needs one and none was given, saved or
 * typed: nothing is dialed (an empty password would count as a failed login).
 * @example
 * ```ts ignore
 * const vpn = await dialEntry("Corp VPN", { credentials: { user: "alice", password } });
 * ```
 */
export async function dialEntry(name: string, options: DialOptions = {}): Promise<Connection> {
  options.signal?.throwIfAborted();
  const where = findEntry(name, {
    phonebook: options.phonebook,
    allUsers: options.allUsers,
    operation: "RasDial",
  });
  const saved = savedDialParams(where.name, where.phonebook);
  const given = { ...options.credentials };
  if (given.password === undefined && saved.szPassword === undefined && options.askPassword) {
    given.password = await options.askPassword(where.name, given.user ?? saved.szUserName ?? "");
  }
  if (given.password === undefined && saved.szPassword === undefined && needsPassword(where)) {
    // RasDial would send an empty password, and a failed login counts against the account.
    throw new InvalidInputError(
      "password",
      `"${where.name}" needs a password: none was given and none is saved for this user`,
    );
  }
  const fields = {
    ...saved,
    szEntryName: where.name,
    ...(given.user !== undefined ? { szUserName: given.user } : {}),
    ...(given.password !== undefined ? { szPassword: given.password } : {}),
    ...(given.domain !== undefined ? { szDomain: given.domain } : {}),
  };
  const lib = rasapi32();
  const pbk = cstr(where.phonebook, "phonebook");
  const handleOut = new BigUint64Array(1);
  const callback = sharedNotifier();
  let outcome: Promise<void> | undefined;
  let settle: Listener = () => {};
  // What onProgress threw: the dial is settled (failed, or already connected) first, then
  // this is what the caller sees.
  let progressError: { error: unknown } | undefined;
  outcome = new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      settled = true;
      reject(error);
    };
    settle = (state, error) => {
      if (settled) return;
      if (error !== 0) {
        return fail(new RasError(error, { operation: "RasDial", entry: where.name }));
      }
      // A link that went down during the dial, or a paused state nobody will answer, ends it.
      if (state === RASCS_DISCONNECTED) {
        return fail(
          new RasError(ERROR_USER_DISCONNECTION, { operation: "RasDial", entry: where.name }),
        );
      }
      if (state >= RASCS_PAUSED && state < RASCS_CONNECTED) {
        return fail(
          new RasError(pausedStateCode(state), { operation: "RasDial", entry: where.name }),
        );
      }
      if (state === RASCS_CONNECTED) {
        settled = true;
        resolve();
      }
      try {
        options.onProgress?.({ entry: where.name, state: stateName(state), stateCode: state });
      } catch (error) {
        progressError ??= { error };
        if (!settled) fail(error);
      }
    };
  });
  holdEventLoop(true);
  events.begin();
  let handle: Handle | undefined;
  let watchdog: ReturnType<typeof setInterval> | undefined;
  try {
    // Nonblocking (ffi/symbols.ts): the first notification may come before RasDial returns,
    // and the notifier waits until the JS thread has run it.
    const { code } = await negotiateSizeAsync(RASDIALPARAMSW, async (size) => {
      const params = RASDIALPARAMSW.encode(fields, { size });
      handleOut[0] = 0n;
      const rc = await lib.RasDialW(null, pbk, params, 1, callback.pointer, handleOut);
      params.fill(0); // the password is in there
      if (handleOut[0] !== 0n) {
        noteOwnDial();
        handle = handleText(handleOut[0]!);
        events.listen(handleOut[0]!, (state, error) => settle(state, error));
      }
      return rc;
    });
    check(code, "RasDial", where.name);
    // A backstop for a notification that never comes (a link released by another process
    // before the notifier looked): the dial's own status ends it just the same.
    watchdog = setInterval(async () => {
      if (handle === undefined) return;
      let status: Awaited<ReturnType<typeof connectionStatus>>;
      try {
        status = await connectionStatus(handle);
      } catch {
        return; // the notifier still decides
      }
      if (status === null) settle(RASCS_DISCONNECTED, ERROR_USER_DISCONNECTION);
      else if (status.error !== null) settle(status.stateCode, status.error.code);
      else if (status.stateCode === RASCS_DISCONNECTED) settle(status.stateCode, 0);
    }, 1_000);
    await abortable(outcome, options.signal);
    outcome = undefined;
    if (progressError) throw progressError.error;
    const connection = await describeConnection(
      connectionName(handle!, where.name, where.phonebook),
    );
    if (!connection) {
      throw new RasError(ERROR_INVALID_HANDLE, { operation: "RasDial", entry: where.name });
    }
    return connection;
  } catch (error) {
    if (handle !== undefined) {
      // Bounded by what is left of the caller's time (--timeout), not a fixed wait.
      const timeoutMs = timeLeft(options.deadline, 10_000);
      await hangUp(handle, { entry: where.name, timeoutMs }).catch(() => {});
    }
    throw error;
  } finally {
    clearInterval(watchdog);
    outcome?.catch(() => {}); // an abandoned dial's late failure is not an unhandled rejection
    if (handle !== undefined) events.forget(BigInt(handle));
    events.end();
    holdEventLoop(false);
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) delete fields[key];
  }
}

function connectionName(handle: Handle, entry: string, phonebook: string): ConnectionName {
  return listConnections().find((c) => c.handle === handle) ??
    { handle, entry, phonebook, device: { type: "", name: "" } };
}

/** Options of {@link hangUp}. */
export interface HangUpOptions {
  /** The entry, for messages. */
  entry?: string | undefined;
  /** How long to wait for Windows to release the connection (default 10 s). */
  timeoutMs?: number | undefined;
}

/** While waiting for a release: how long to wait for a notification before looking anyway. */
const RELEASE_POLL_MS = 100;

/**
 * Hangs up a connection and waits until Windows has released it (RasGetConnectStatus returns
 * ERROR_INVALID_HANDLE). A connection that other dials reference (RasDial remarks) is hung up
 * once per reference, so it goes down. The wait is woken by Windows' disconnection
 * notification (RasConnectionNotification for this handle, registered before RasHangUp so the
 * release cannot slip in between); it looks every {@link RELEASE_POLL_MS} ms anyway, in case a
 * notification does not come (DotRas issue 105), and polls with a back-off where
 * notifications cannot be had.
 *
 * @param handle The connection.
 * @param options Entry name and timeout.
 * @returns When the connection is gone.
 * @throws {RasError} When RasHangUp fails, or ERROR_TIMEOUT when the release takes too long.
 * @example
 * ```ts ignore
 * await hangUp(findConnection("Corp VPN")!.handle);
 * ```
 */
export async function hangUp(handle: Handle, options: HangUpOptions = {}): Promise<void> {
  using watcher = tryWatcher({ handle, pollIntervalMs: RELEASE_POLL_MS, signalsOnly: true });
  // Woken by the notification; without one, the back-off poll alone.
  const wait = watcher
    ? { firstMs: RELEASE_POLL_MS, wait: (ms: number) => watcher.signaled(ms) }
    : {};
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (let calls = 1;; calls++) {
    // Nonblocking (ffi/symbols.ts): RasHangUp waits for a notifier inside its callback, and
    // Deno runs that callback on this (the JS) thread.
    const code = await rasapi32().RasHangUpW(handlePointer(handle));
    // Released between our own calls: gone is what was wanted.
    if (code === ERROR_INVALID_HANDLE && calls > 1) return;
    check(code, "RasHangUp", options.entry);
    // Still connected after RasHangUp: another RasDial holds a reference ("each RasDial on the
    // connection should be matched by a RasHangUp", RasDial remarks). Hanging up means down, as
    // rasdial /disconnect does: release that reference too.
    let referenced = false;
    const released = await poll(async () => {
      const status = await connectionStatus(handle);
      if (status === null) return true;
      referenced = status.stateCode === RASCS_CONNECTED && calls < MAX_REFERENCES;
      return referenced;
    }, { timeoutMs: Math.max(0, deadline - Date.now()), ...wait });
    if (!released) {
      throw new RasError(ERROR_TIMEOUT, { operation: "RasHangUp", entry: options.entry });
    }
    if (!referenced) return;
  }
}

/** The most RasHangUp calls one hang-up makes on a referenced connection. */
const MAX_REFERENCES = 64;
