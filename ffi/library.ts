/**
 * Finds and opens rasapi32: `%SystemRoot%\System32\rasapi32.dll` on Windows, or whatever
 * library `RASCTL_RASAPI32` names (the simulator, or any library with the same exports); the
 * lazy binding every DLL shares (./kernel32.ts opens kernel32 with it, and `RASCTL_KERNEL32`
 * the same way, off Windows only). The overrides work only under `deno run`/`deno test`: the
 * compiled exe (`Deno.build.standalone`) loads the System32 DLLs alone, so an inherited
 * environment variable cannot load a library into an elevated rasctl. Nothing is opened at
 * import time.
 *
 * @module
 */

import { type Rasapi32, type Rasapi32Symbols, rasapi32Symbols } from "./symbols.ts";
import { setMessageSource } from "./ras_error.ts";
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
  return locate("rasapi32", OVERRIDE_ENV, "librasapi32sim.so", options);
}

/**
 * A DLL's full path in `%SystemRoot%\System32`, so one of that name in the current folder is
 * never picked up.
 *
 * @param dll The DLL's name without `.dll`.
 * @param env Reads an environment variable (default `Deno.env.get`).
 * @returns The path.
 * @example
 * ```ts
 * system32Dll("advapi32", () => undefined); // "C:\\Windows\\System32\\advapi32.dll"
 * ```
 */
export function system32Dll(
  dll: string,
  env: (name: string) => string | undefined = (name) => Deno.env.get(name),
): string {
  return `${env("SystemRoot") ?? "C:\\Windows"}\\System32\\${dll}.dll`;
}

/**
 * Decides which file to open for one DLL: the override variable's library under `deno run`,
 * System32's DLL on Windows, else a {@link LibraryNotFoundError} that says how to use the
 * simulator (shared with ./kernel32.ts).
 *
 * @param dll The DLL's name without `.dll`.
 * @param variable The override variable (`RASCTL_RASAPI32`).
 * @param sim The simulator's file name, for the hint.
 * @param options The OS and environment to decide for.
 * @returns The path to open.
 * @throws {LibraryNotFoundError} When there is nothing to open on this OS.
 */
export function locate(dll: string, variable: string, sim: string, options: LocateOptions): string {
  const env = options.env ?? ((name: string) => Deno.env.get(name));
  const os = options.os ?? Deno.build.os;
  const standalone = options.standalone ?? Deno.build.standalone;
  const override = standalone ? undefined : env(variable);
  if (override) return override;
  if (os === "windows") return system32Dll(dll, env);
  if (standalone) {
    throw new LibraryNotFoundError(
      `rasctl needs Windows' ${dll}.dll, and this is ${os}; the compiled rasctl does not take ` +
        `${variable} (run it with deno run to use the simulator)`,
    );
  }
  throw new LibraryNotFoundError(
    `rasctl needs Windows' ${dll}.dll, and this is ${os}. To run against the simulator, ` +
      `build it with \`deno task sim\` and set ${variable}=tests/sim/build/${sim} ` +
      `(and RASSIM_HOME to a folder that stands for the machine).`,
  );
}

/**
 * A DLL whose functions are bound on first use (a bound symbol costs start-up time, and a
 * command uses only a few), so a missing export is reported when it is first called.
 * {@link Rasapi32Library} and {@link Kernel32Library} are the two rasctl opens.
 *
 * @example
 * ```ts ignore
 * using lib = new LazyLibrary("kernel32", kernel32Symbols, path, "GetLastError");
 * ```
 */
export class LazyLibrary<S extends Deno.ForeignLibraryInterface> implements Disposable {
  /** The file that was opened. */
  readonly path: string;
  /** The callable functions, bound on first use. */
  readonly symbols: Deno.DynamicLibrary<S>["symbols"];
  #dll: string;
  #table: S;
  #bound = new Map<keyof S, Deno.DynamicLibrary<Deno.ForeignLibraryInterface>>();
  #closed = false;
  #handle: Deno.DynamicLibrary<Deno.ForeignLibraryInterface>;

  /**
   * Opens `path` at once, with no function bound yet, so a missing or unloadable file is
   * reported here (a file that lacks a function is reported when that function is first
   * bound). The handle keeps the library loaded until dispose. Binding costs: each function
   * bound is one more `Deno.dlopen` with its own call stub (about 1.2 M instructions, measured
   * by `deno task bench`), so nothing is bound that the command does not call.
   *
   * @param dll The DLL's name, for messages (`rasapi32`).
   * @param table The symbol table.
   * @param path The library file.
   * @throws {LibraryNotFoundError} When the file cannot be opened.
   */
  constructor(dll: string, table: S, path: string) {
    this.path = path;
    this.#dll = dll;
    this.#table = table;
    this.#handle = this.#open({});
    this.symbols = new Proxy({} as Deno.DynamicLibrary<S>["symbols"], {
      get: (_, name) => this.#bind(name as keyof S),
    });
  }

  #bind(name: keyof S): unknown {
    if (this.#closed) throw new Error(`${this.#dll} at ${this.path} has been closed`);
    let library = this.#bound.get(name);
    if (!library) {
      const definition = this.#table[name];
      if (!definition) {
        throw new RangeError(`${this.#dll} has no function ${String(name)} in rasctl's table`);
      }
      library = this.#open({ [name]: definition } as Deno.ForeignLibraryInterface);
      this.#bound.set(name, library);
    }
    return library.symbols[name as string];
  }

  #open(symbols: Deno.ForeignLibraryInterface): Deno.DynamicLibrary<Deno.ForeignLibraryInterface> {
    try {
      return Deno.dlopen(this.path, symbols);
    } catch (error) {
      if (
        error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied
      ) {
        throw error;
      }
      throw new LibraryNotFoundError(
        `Cannot open ${this.#dll} at ${this.path}: ${
          error instanceof Error ? error.message : error
        }`,
        { cause: error },
      );
    }
  }

  /** Closes the library; its functions cannot be called afterwards. */
  [Symbol.dispose](): void {
    if (this.#closed) return;
    for (const library of this.#bound.values()) library.close();
    this.#bound.clear();
    this.#handle.close();
    this.#closed = true;
  }
}

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
export class Rasapi32Library extends LazyLibrary<Rasapi32Symbols> {
  /**
   * Opens the library at `path` (the file must load; functions bind when first called).
   *
   * @param path The library file.
   * @throws {LibraryNotFoundError} When the file cannot be opened; permission errors
   * (Deno.errors.NotCapable) pass through unchanged.
   */
  constructor(path: string) {
    super("rasapi32", rasapi32Symbols, path);
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
