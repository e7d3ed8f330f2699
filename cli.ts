/**
 * The CLI entry point that `deno task compile` builds into rasctl.exe. It loads only the
 * command being run, not the library API that mod.ts re-exports, which keeps start-up short.
 * (`deno run mod.ts ...` runs the same CLI.)
 *
 * @module
 */

import { main } from "./commands/main.ts";

Deno.exit(await main(Deno.args));
