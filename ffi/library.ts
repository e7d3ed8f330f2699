/**
 * Finds and opens rasapi32: `%SystemRoot%\System32\rasapi32.dll` on Windows, or whatever
 * library `RASCTL_RASAPI32` names (the simulator, or any library with the same exports). The
 * override works only under `deno run`/`deno test`: the compiled exe (`Deno.build.standalone`)
 * loads the System32 DLL alone, so an inherited environment variable cannot load a library into
 * an elevated rasctl. Nothing is opened at import time.
 *
 * @module
 */

import { type Rasapi32, rasapi32Symbols } from "./symbols.ts";
import { setMessageSource } from "./errors.ts";
import { fromCstr } from "./wstr.ts";

/** The environment variable that names a library to load instead of rasapi32.dll. */
export const OVERRIDE_ENV = "RASCTL_RASAPI32";

/**
 * Thrown when no rasapi32 can be found on this system.
 *
 * @example
 * ```ts
 * try {
 *   locateRasapi32({ os: "linux", env: () => undefined });
 * } catch (error) {
 *   error instanceof LibraryNotFoundError; // true
 * }
 * ```
 */
export class LibraryNotFoundError extends Error {
  /** Always `LibraryNotFoundError`, so the error can be told apart by name. */
  override readonly name = "LibraryNotFoundError";
}

/** Where to look for the library. */
export interface LocateOptions {
  /** The operating system (default: `Deno.build.os`). */
  os?: typeof Deno.build.os;
  /** Reads an environment variable (default: `Deno.env.get`). */
  env?: (name: string) => string | undefined;
  /** Whether this is the compiled exe (default: `Deno.build.standalone`); it ignores the override. */
  standalone?: boolean;
}

/**
 * Decides which library file to open.
 *
 * @param options The OS and environment to decide for.
 * @returns The path to open.
 * @throws {LibraryNotFoundError} On a non-Windows OS without `RASCTL_RASAPI32`.
 * @example
 * ```ts
 * locateRasapi32({ os: "windows", env: () => undefined }); // "C:\\Windows\\System32\\rasapi32.dll"
 * ```
 */
export function locateRasapi32(options: LocateOptions = {}): string {
  const env = options.env ?? ((name: string) => Deno.env.get(name));
  const os = options.os ?? Deno.build.os;
  const standalone = options.standalone ?? Deno.build.standalone;
  const override = standalone ? undefined : env(OVERRIDE_ENV);
  if (override) return override;
  if (os === "windows") {
    // A full System32 path, so a rasapi32.dll in the current folder is never picked up.
    return `${env("SystemRoot") ?? "C:\\Windows"}\\System32\\rasapi32.dll`;
  }
  if (standalone) {
    throw new LibraryNotFoundError(
      `rasctl needs Windows' rasapi32.dll, and this is ${os}; the compiled rasctl does not take ` +
        `${OVERRIDE_ENV} (run it with deno run to use the simulator)`,
    );
  }
  throw new LibraryNotFoundError(
    `rasctl needs Windows' rasapi32.dll, and this is ${os}. To run against the simulator, ` +
      `build it with \`deno task sim\` and set ${OVERRIDE_ENV}=tests/sim/build/librasapi32sim.so ` +
      `(and RASSIM_HOME to a folder that stands for the machine).`,
  );
}

type SymbolName = keyof typeof rasapi32Symbols;

/**
 * An opened rasapi32. Each function is bound on first use (a bound symbol costs start-up time,
 * and a command uses only a few), so a missing export is reported when it is first called.
 * Dispose of it (or hold it with `using`) to close the library.
 *
 * @example
 * ```ts ignore
 * using lib = new Rasapi32Library(locateRasapi32());
 * const text = new Uint8Array(512 * 2);
 * lib.symbols.RasGetErrorStringW(691, text, 512); // 0; `text` holds Windows' message
 * ```
 */
export class Rasapi32Library implements Disposable {
  /** The file that was opened. */
  readonly path: string;
  /** The callable functions, bound on first use. */
  readonly symbols: Rasapi32;
  #bound = new Map<SymbolName, Deno.DynamicLibrary<Deno.ForeignLibraryInterface>>();
  #closed = false;

  /**
   * Opens the library at `path` (the file must load; functions bind when first called).
   *
   * @param path The library file.
   * @throws {LibraryNotFoundError} When the file cannot be opened; permission errors
   * (Deno.errors.NotCapable) pass through unchanged.
   */
  constructor(path: string) {
    this.path = path;
    // Bind one function now so a missing or broken file is reported at open.
    this.#bind("RasGetErrorStringW");
    this.symbols = new Proxy({} as Rasapi32, {
      get: (_, name) => this.#bind(name as SymbolName),
    });
  }

  #bind(name: SymbolName): Rasapi32[SymbolName] {
    if (this.#closed) throw new Error(`rasapi32 at ${this.path} has been closed`);
    let library = this.#bound.get(name);
    if (!library) {
      const definition = rasapi32Symbols[name];
      if (!definition) {
        throw new RangeError(`rasapi32 has no function ${String(name)} in rasctl's table`);
      }
      try {
        library = Deno.dlopen(this.path, { [name]: definition });
      } catch (error) {
        if (
          error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied
        ) {
          throw error;
        }
        throw new LibraryNotFoundError(
          `Cannot open rasapi32 at ${this.path}: ${error instanceof Error ? error.message : error}`,
          { cause: error },
        );
      }
      this.#bound.set(name, library);
    }
    return library.symbols[name] as Rasapi32[SymbolName];
  }

  /** Closes the library; its functions cannot be called afterwards. */
  [Symbol.dispose](): void {
    for (const library of this.#bound.values()) library.close();
    this.#bound.clear();
    this.#closed = true;
  }
}

/**
 * Opens rasapi32 (or the override) as a new, separately closable library.
 *
 * @param path The file to open (default: {@link locateRasapi32}).
 * @returns The opened library; dispose of it when done.
 * @throws {LibraryNotFoundError} When no library can be found or opened.
 * @example
 * ```ts ignore
 * using lib = openRasapi32();
 * lib.symbols.RasHangUpW(null);
 * ```
 */
export function openRasapi32(path?: string): Rasapi32Library {
  return new Rasapi32Library(path ?? locateRasapi32());
}

let shared: Rasapi32Library | undefined;

/**
 * The process-wide rasapi32, opened on first use and kept open (rasctl is a short-lived
 * process; the service layer calls this for every operation).
 *
 * @returns The callable functions.
 * @throws {LibraryNotFoundError} When no library can be found or opened.
 * @example
 * ```ts ignore
 * rasapi32().RasHangUpW(handle);
 * ```
 */
export function rasapi32(): Rasapi32 {
  if (!shared) {
    shared = openRasapi32();
    const symbols = shared.symbols;
    setMessageSource((code) => windowsMessage(symbols, code));
  }
  return shared.symbols;
}

/** Windows' own message for a RAS code (RasGetErrorStringW), or undefined. */
function windowsMessage(symbols: Rasapi32, code: number): string | undefined {
  const units = 512;
  const buffer = new Uint8Array(units * 2);
  if (symbols.RasGetErrorStringW(code, buffer, units) !== 0) return undefined;
  const text = fromCstr(buffer).trim();
  return text === "" ? undefined : text;
}
