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
import { getEntry } from "./entries.ts";
import { InvalidInputError } from "./input_error.ts";
import { retry } from "./async.ts";

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

/** The entry's connection, if it is connected now (a dial would fail with 602). */
function connectedAs(entry: string): Connection | null {
  const found = findConnection(entry);
  const described = found ? describeConnection(found) : null;
  return described?.state === "connected" ? described : null;
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
  const via = options.via ??
    (options.usePrerequisite === false ? undefined : configuredPrerequisite(name, options));
  const started: Connection[] = [];
  const result: Connection[] = [];
  try {
    if (via) {
      const existing = connectedAs(via.entry);
      if (existing) {
        result.push(existing);
      } else {
        const ip = await withRetries(() =>
          dialEntry(via.entry, {
            phonebook: via.phonebook,
            credentials: via.credentials,
            onProgress: options.onProgress,
            askPassword: options.askPassword,
            signal: options.signal,
          }), options);
        started.push(ip);
        result.push(ip);
      }
    }
    const current = connectedAs(name);
    if (current) {
      result.push(current);
    } else {
      result.push(await withRetries(() => dialEntry(name, options), options));
    }
    return result;
  } catch (error) {
    for (const connection of started.reverse()) {
      await hangUp(connection.handle, { entry: connection.entry }).catch(() => {});
    }
    throw error;
  }
}

function configuredPrerequisite(name: string, options: ConnectOptions): ViaEntry | undefined {
  const prerequisite = getEntry(name, options).prerequisite;
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
