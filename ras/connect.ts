/**
 * The core scenario: connect an entry, first dialing the entry that brings the IP network
 * (`via`, or the entry's configured prerequisite) when that is not already up, and retrying
 * transient failures with backoff. Whatever this call started is hung up if it fails.
 *
 * @module
 */

import {
  ERROR_AUTH_INTERNAL,
  ERROR_AUTHENTICATION_FAILURE,
  ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
  ERROR_DIAL_ALREADY_IN_PROGRESS,
  ERROR_INTERACTIVE_MODE,
  ERROR_INVALID_PARAMETER,
  ERROR_INVALID_SIZE,
  ERROR_IPSEC_IKE_AUTH_FAIL,
  ERROR_IPSEC_IKE_NO_CERT,
  ERROR_NO_DIALIN_PERMISSION,
  ERROR_SERVER_POLICY,
  RasError,
} from "../ffi/errors.ts";
import { type Connection, describeConnection, findConnection } from "./connections.ts";
import { type Credentials, dialEntry, type DialOptions, hangUp } from "./dial.ts";
import { findEntry, readEntrySettings } from "./entries.ts";
import { timeLeft } from "./_deadline.ts";
import { InvalidInputError } from "./input_error.ts";
import { delay, retry } from "./async.ts";

/** The entry that brings the IP network, with its own credentials. */
export interface ViaEntry {
  /** The name of the entry to dial first, e.g. a dial-up or broadband entry. */
  entry: string;
  /** The phone-book file that holds it (default: the books Windows merges by default). */
  phonebook?: string | undefined;
  /** Credentials for that entry; missing parts come from what is saved for it. */
  credentials?: Credentials | undefined;
}

/** Options of {@link connect}. */
export interface ConnectOptions extends DialOptions {
  /** Dial this entry first unless it is connected (overrides the configured prerequisite). */
  via?: ViaEntry | undefined;
  /** Retries after a transient failure (default 0). Authentication failures never retry. */
  retries?: number | undefined;
  /** The first backoff pause in ms (default 1000), doubled per retry up to 30 s. */
  retryDelayMs?: number | undefined;
  /** Credentials for the entry's configured prerequisite (when `via` is not given). */
  prerequisiteCredentials?: Credentials | undefined;
  /** Dial the entry's configured prerequisite first (default true). */
  usePrerequisite?: boolean | undefined;
  /** Called before each retry. */
  onRetry?: ((attempt: number, error: RasError, delayMs: number) => void) | undefined;
}

/** Codes that retrying cannot fix: wrong or missing credentials, policy, configuration. */
const PERMANENT: ReadonlySet<number> = new Set([
  ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
  ERROR_INVALID_SIZE,
  ERROR_AUTH_INTERNAL,
  ERROR_NO_DIALIN_PERMISSION,
  ERROR_AUTHENTICATION_FAILURE,
  ERROR_INTERACTIVE_MODE,
  ERROR_SERVER_POLICY,
  ERROR_INVALID_PARAMETER,
  ERROR_IPSEC_IKE_AUTH_FAIL,
  ERROR_IPSEC_IKE_NO_CERT,
]);

/**
 * Whether a failure may go away by itself (a retry makes sense).
 *
 * @param error What the dial threw.
 * @returns True for RAS errors that are not authentication or configuration failures.
 * @example
 * ```ts
 * import { RasError } from "./errors.ts";
 *
 * isTransient(new RasError(800, { operation: "RasDial" })); // true
 * ```
 */
export function isTransient(error: unknown): error is RasError {
  return error instanceof RasError && error.operation === "RasDial" && !PERMANENT.has(error.code);
}

/** The entry's connection, if it is connected now (a dial would only reference it). */
async function connectedAs(entry: string): Promise<Connection | null> {
  const found = findConnection(entry);
  const described = found ? await describeConnection(found) : null;
  return described?.state === "connected" ? described : null;
}

/**
 * Waits for another dial of the entry (another process, Windows' own reconnect) to end: its
 * connection when it connects, else the failure it ended with. Two dials of one entry end with
 * the one connection, not 756.
 *
 * @param entry The entry.
 * @param options Abort signal and deadline.
 * @returns The connection.
 * @throws {RasError} The other dial's failure, or 756 when the time runs out first.
 */
export async function awaitOtherDial(
  entry: string,
  options: { signal?: AbortSignal | undefined; deadline?: number | undefined } = {},
): Promise<Connection> {
  for (;;) {
    options.signal?.throwIfAborted();
    const found = findConnection(entry);
    const described = found ? await describeConnection(found) : null;
    if (described?.state === "connected") return described;
    if (!described || described.error || described.state === "disconnected") {
      throw new RasError(described?.error?.code ?? ERROR_DIAL_ALREADY_IN_PROGRESS, {
        operation: "RasDial",
        entry,
      });
    }
    if (options.deadline !== undefined && Date.now() >= options.deadline) {
      throw new RasError(ERROR_DIAL_ALREADY_IN_PROGRESS, { operation: "RasDial", entry });
    }
    await delay(100, { signal: options.signal });
  }
}

/** Connections another dial brought up: not this call's to hang up when it fails. */
const joined = new WeakSet<Connection>();

/** Dials, or when another dial of the entry is under way, waits for that one. */
async function dialOrJoin(name: string, options: DialOptions): Promise<Connection> {
  try {
    return await dialEntry(name, options);
  } catch (error) {
    if (!(error instanceof RasError) || error.code !== ERROR_DIAL_ALREADY_IN_PROGRESS) throw error;
    const theirs = await awaitOtherDial(name, options);
    joined.add(theirs);
    return theirs;
  }
}

/**
 * Connects an entry, through its IP-network entry if needed.
 *
 * @param name The entry to connect.
 * @param options Credentials, the `via` entry, retries, progress and abort.
 * @returns The connections, the IP-network one first when there is one.
 * @throws {RasError} The last failure; anything this call dialed has been hung up.
 * @example
 * ```ts ignore
 * const [dialup, vpn] = await connect("Corp VPN", { via: { entry: "ISP" } });
 * ```
 */
export async function connect(name: string, options: ConnectOptions = {}): Promise<Connection[]> {
  // The entry is looked up before anything is dialed: with --via, a VPN entry that does not
  // exist must not cost a dial of the IP network first (623 names it, nothing was dialed).
  if (options.via) findEntry(name, options);
  const via = options.via ??
    (options.usePrerequisite === false ? undefined : configuredPrerequisite(name, options));
  const started: Connection[] = [];
  const result: Connection[] = [];
  try {
    if (via) {
      const existing = await connectedAs(via.entry);
      if (existing) {
        result.push(existing);
      } else {
        const ip = await withRetries(() =>
          dialOrJoin(via.entry, {
            phonebook: via.phonebook,
            credentials: via.credentials,
            onProgress: options.onProgress,
            askPassword: options.askPassword,
            signal: options.signal,
            deadline: options.deadline,
          }), options);
        if (!joined.has(ip)) started.push(ip);
        result.push(ip);
      }
    }
    const current = await connectedAs(name);
    if (current) {
      result.push(current);
    } else {
      result.push(await withRetries(() => dialOrJoin(name, options), options));
    }
    return result;
  } catch (error) {
    for (const connection of started.reverse()) {
      const timeoutMs = timeLeft(options.deadline, 10_000);
      await hangUp(connection.handle, { entry: connection.entry, timeoutMs }).catch(() => {});
    }
    throw error;
  }
}

function configuredPrerequisite(name: string, options: ConnectOptions): ViaEntry | undefined {
  const { prerequisite } = readEntrySettings(name, ["prerequisite"], options);
  if (!prerequisite) {
    if (options.prerequisiteCredentials) {
      throw new InvalidInputError(
        "prerequisiteCredentials",
        `credentials for a prerequisite were given, but "${name}" has no prerequisite entry`,
      );
    }
    return undefined;
  }
  return {
    entry: prerequisite.entry,
    phonebook: prerequisite.phonebook ?? undefined,
    credentials: options.prerequisiteCredentials,
  };
}

function withRetries<T>(attempt: () => Promise<T>, options: ConnectOptions): Promise<T> {
  return retry(attempt, {
    retries: options.retries,
    delayMs: options.retryDelayMs,
    shouldRetry: isTransient,
    onRetry: (n, error, pause) => options.onRetry?.(n, error as RasError, pause),
    signal: options.signal,
  });
}
