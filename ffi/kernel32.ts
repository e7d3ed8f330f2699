/**
 * kernel32: the functions rasctl binds (the event objects RasConnectionNotificationW signals,
 * and the waits on them) and how the DLL is found and opened, the way ./library.ts opens
 * rasapi32. Apart from rasapi32's table so a command that waits on no event loads none of it.
 *
 * @module
 */

import { LazyLibrary, locate, type LocateOptions } from "./library.ts";

/**
 * The kernel32.dll functions rasctl binds: the event objects RasConnectionNotificationW
 * signals, and the waits on them. There is no kernel32 in `../shared/abi/`; these follow the
 * documented prototypes (learn.microsoft.com synchapi.h / handleapi.h / errhandlingapi.h
 * pages, cited beside each) and are checked by `ffi/kernel32_test.ts`.
 *
 * The waits are `nonblocking`: Deno runs them on a worker thread and returns a promise, so a
 * wait never blocks the JS thread.
 */
export const kernel32Symbols = {
  // https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-createeventw
  CreateEventW: {
    parameters: [
      "pointer", // LPSECURITY_ATTRIBUTES lpEventAttributes (opt)
      "i32", // BOOL bManualReset
      "i32", // BOOL bInitialState
      "buffer", // LPCWSTR lpName (opt)
    ],
    result: "pointer", // HANDLE, NULL on failure
  },
  // https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-setevent
  SetEvent: {
    parameters: [
      "pointer", // HANDLE hEvent
    ],
    result: "i32", // BOOL
  },
  // https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-resetevent
  ResetEvent: {
    parameters: [
      "pointer", // HANDLE hEvent
    ],
    result: "i32", // BOOL
  },
  // https://learn.microsoft.com/windows/win32/api/handleapi/nf-handleapi-closehandle
  CloseHandle: {
    parameters: [
      "pointer", // HANDLE hObject
    ],
    result: "i32", // BOOL
  },
  // https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-waitforsingleobject
  WaitForSingleObject: {
    parameters: [
      "pointer", // HANDLE hHandle
      "u32", // DWORD dwMilliseconds
    ],
    result: "u32", // DWORD: WAIT_OBJECT_0, WAIT_TIMEOUT, WAIT_FAILED
    nonblocking: true,
  },
  // https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-waitformultipleobjects
  WaitForMultipleObjects: {
    parameters: [
      "u32", // DWORD nCount (1..MAXIMUM_WAIT_OBJECTS)
      "buffer", // const HANDLE *lpHandles
      "i32", // BOOL bWaitAll
      "u32", // DWORD dwMilliseconds
    ],
    result: "u32", // DWORD: WAIT_OBJECT_0 + i, WAIT_TIMEOUT, WAIT_FAILED
    nonblocking: true,
  },
  // https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-getlasterror
  GetLastError: {
    parameters: [],
    result: "u32", // DWORD
  },
} as const satisfies Deno.ForeignLibraryInterface;

/** The kernel32 symbol table's type. */
export type Kernel32Symbols = typeof kernel32Symbols;

/** An opened kernel32: the dynamic library's callable symbols. */
export type Kernel32 = Deno.DynamicLibrary<Kernel32Symbols>["symbols"];

/** The environment variable that names a library to load instead of kernel32.dll (tests). */
export const KERNEL32_OVERRIDE_ENV = "RASCTL_KERNEL32";

/**
 * Decides which kernel32 to open: System32's on Windows, always (the override is never used
 * there, so the shipped exe cannot be pointed at another kernel32, and the simulated rasapi32
 * built for Windows signals real events); elsewhere `RASCTL_KERNEL32`, the simulated kernel32
 * for `deno run` and tests.
 *
 * @param options The OS and environment to decide for.
 * @returns The path to open.
 * @throws {LibraryNotFoundError} On a non-Windows OS without `RASCTL_KERNEL32`.
 * @example
 * ```ts
 * locateKernel32({ os: "windows", env: () => undefined }); // "C:\\Windows\\System32\\kernel32.dll"
 * ```
 */
export function locateKernel32(options: LocateOptions = {}): string {
  const windows = (options.os ?? Deno.build.os) === "windows";
  const env = options.env ?? ((name: string) => Deno.env.get(name));
  return locate("kernel32", KERNEL32_OVERRIDE_ENV, "libkernel32sim.so", {
    ...options,
    env: (name) => (windows && name === KERNEL32_OVERRIDE_ENV ? undefined : env(name)),
  });
}

/**
 * An opened kernel32 (or the simulated one), bound lazily like {@link Rasapi32Library}.
 *
 * @example
 * ```ts ignore
 * using lib = new Kernel32Library(locateKernel32());
 * const event = lib.symbols.CreateEventW(null, 1, 0, null);
 * lib.symbols.CloseHandle(event);
 * ```
 */
export class Kernel32Library extends LazyLibrary<Kernel32Symbols> {
  /**
   * Opens the library at `path`.
   *
   * @param path The library file.
   * @throws {LibraryNotFoundError} When the file cannot be opened.
   */
  constructor(path: string) {
    super("kernel32", kernel32Symbols, path);
  }
}

let sharedKernel32: Kernel32Library | undefined;

/**
 * The process-wide kernel32 (or `RASCTL_KERNEL32`), opened on first use and kept open.
 *
 * @returns The callable functions.
 * @throws {LibraryNotFoundError} When no library can be found or opened.
 * @example
 * ```ts ignore
 * kernel32().CloseHandle(event);
 * ```
 */
export function kernel32(): Kernel32 {
  sharedKernel32 ??= new Kernel32Library(locateKernel32());
  return sharedKernel32.symbols;
}
