/**
 * How commands/ imports its own modules, and rasctl's version: apart from the registry so the
 * lines main.ts answers at once (`--version`, `error CODE`, a bare read) load no command list.
 * Modules are imported by computed URL, which Deno does not follow before the program starts:
 * a literal `import("./x.ts")` makes Deno walk that module's whole graph at every start-up,
 * used or not (`deno task bench` measures it). `deno task compile` includes them by name.
 *
 * @module
 */

import type { CommandModule } from "./_spec.ts";

/**
 * Imports a module of this folder (or a path relative to it) by computed URL.
 *
 * @param path The module's path relative to commands/.
 * @returns The module.
 */
export function load<T = CommandModule>(path: string): Promise<T> {
  return import(new URL(path, import.meta.url).href);
}

/** rasctl's version (as in deno.json). */
export const VERSION = "0.1.0";
