import { deepEqual, ok } from "node:assert/strict";
import { includedModules } from "./compile.ts";

Deno.test("deno compile --includes every module rasctl imports by computed URL", async () => {
  const root = new URL("../", import.meta.url);
  const loaded = new Set<string>();
  for await (const f of Deno.readDir(new URL("commands/", root))) {
    if (!f.name.endsWith(".ts") || f.name.endsWith("_test.ts")) continue;
    const text = await Deno.readTextFile(new URL(`commands/${f.name}`, root));
    // Every module path that is not a static import (`from "./x.ts"`) or a type
    // (`typeof import("./x.ts")`) is one commands/_registry.ts's load() imports, resolved
    // against commands/: `load("../ras/connect.ts")`, `split({ list: "./entry_list.ts" }, ...)`.
    const paths = /(?<!from |import\()"(\.\.?\/[^"]+\.ts)"/g;
    for (const m of text.matchAll(paths)) {
      loaded.add(new URL(m[1]!, new URL("commands/", root)).href.slice(root.href.length));
    }
  }
  ok(
    loaded.has("commands/entry_list.ts") && loaded.has("commands/_explain.ts"),
    [...loaded].join(),
  );
  const included = new Set(includedModules());
  deepEqual([...loaded].filter((m) => !included.has(m)), []);
});
