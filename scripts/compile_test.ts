import { deepEqual, equal, ok } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { compileArgs, includedModules, RUN_PERMISSIONS } from "./compile.ts";

const ROOT = new URL("../", import.meta.url);
const OTHER_PERMISSIONS = RUN_PERMISSIONS.filter((p) => p !== "--allow-read");

function sources(folder: string): string[] {
  return [...Deno.readDirSync(new URL(`${folder}/`, ROOT))]
    .map((e) => e.name)
    .filter((n) => n.endsWith(".ts") && !n.endsWith("_test.ts"))
    .map((n) => `${folder}/${n}`);
}

Deno.test("every import by computed URL goes through the loader that compile.ts reads", () => {
  const computed: string[] = [];
  for (const file of [...sources("commands"), ...sources("ras"), ...sources("ffi"), "cli.ts"]) {
    const text = Deno.readTextFileSync(new URL(file, ROOT));
    for (const match of text.matchAll(/(?<!typeof )\bimport\(\s*([^\s)][^)]*)\)/g)) {
      if (!/^["']/.test(match[1]!)) computed.push(`${file}: import(${match[1]})`);
    }
  }
  deepEqual(computed, ["commands/_load.ts: import(new URL(path, import.meta.url)"]);
});

Deno.test("compile.ts includes the modules loaded by computed URL, derived from the loader's calls", () => {
  const included = includedModules();
  for (const command of ["entry", "dial", "error", "task", "watch"]) {
    ok(included.includes(`commands/${command}.ts`), command);
  }
  ok(included.includes("commands/_run.ts"));
  for (const module of included) ok(Deno.statSync(new URL(module, ROOT)).isFile, module);
  const args = compileArgs()[0]!.args;
  deepEqual(
    args.flatMap((a, i) => args[i - 1] === "--include" ? [a] : []),
    included,
  );
});

/** The local files of a module's graph (static and literal dynamic imports), as Deno sees it. */
async function graph(module: string): Promise<string[]> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", fileURLToPath(new URL(module, ROOT))],
    stdout: "piped",
    stderr: "piped",
  }).output();
  equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const info = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    modules: { specifier: string }[];
  };
  return info.modules.map((m) => m.specifier).filter((s) => s.startsWith("file:"))
    .map((s) => fileURLToPath(s));
}

/**
 * Runs command lines in one Deno process allowed to read only `readable`: a dynamic import of
 * any other module is refused (Deno checks read access for it as `deno compile`'s exe lacks
 * what was not included). Returns each line's exit status.
 */
async function statusesReading(readable: string[], lines: string[][]): Promise<number[]> {
  const dir = await Deno.makeTempDir();
  try {
    const runner = `${dir}/run.ts`;
    const main = new URL("commands/main.ts", ROOT).href;
    await Deno.writeTextFile(
      runner,
      `import { main } from ${JSON.stringify(main)};
const sink = { writeSync: (d: Uint8Array) => d.length, isTerminal: () => false };
const io = { stdin: { readable: new ReadableStream(), isTerminal: () => false }, stdout: sink, stderr: sink };
const statuses = [];
for (const line of ${JSON.stringify(lines)}) statuses.push(await main(line, io));
console.log(JSON.stringify(statuses));
`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      // Everything rasctl may do but read: a module it may not read cannot be imported.
      args: [
        "run",
        "--no-prompt",
        "--config",
        fileURLToPath(new URL("deno.json", ROOT)),
        `--allow-read=${readable.join(",")}`,
        ...OTHER_PERMISSIONS,
        runner,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    if (out.code !== 0) return [out.code, ...(stderr ? [-1] : [])];
    return JSON.parse(new TextDecoder().decode(out.stdout)) as number[];
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("the included modules (and what they import) are all a run loads beyond cli.ts's graph", async () => {
  const included = includedModules();
  const readable = [...new Set((await Promise.all(["cli.ts", ...included].map(graph))).flat())];
  // npm packages (string-width for tables) come with the graph; they are no computed import.
  readable.push(fileURLToPath(new URL("node_modules/", ROOT)));
  const lines = [
    ["help", "--json"],
    ["error", "691", "--format", "table"],
    ["completion", "bash"],
    ...["entry list", "entry new", "dial", "hangup", "status", "connections", "stats"]
      .concat(["creds set", "devices", "ensure", "profile set", "dsc get", "watch"])
      .concat(["task install", "completion"])
      .map((path) => [...path.split(" "), "--help"]),
  ];
  deepEqual(await statusesReading(readable, lines), lines.map(() => 0));
  // And the check can fail: without one included module's file, its command cannot load.
  const withoutDevices = readable.filter((f) => !f.endsWith("/commands/devices.ts"));
  const [status] = await statusesReading(withoutDevices, [["devices", "--help"]]);
  ok(status !== 0, "devices --help must fail without commands/devices.ts");
});

Deno.test("deno compile --includes every module rasctl imports by computed URL", async () => {
  const root = new URL("../", import.meta.url);
  const loaded = new Set<string>();
  for await (const f of Deno.readDir(new URL("commands/", root))) {
    if (!f.name.endsWith(".ts") || f.name.endsWith("_test.ts")) continue;
    const text = await Deno.readTextFile(new URL(`commands/${f.name}`, root));
    // Every module path that is not a static import (`from "./x.ts"`) or a type
    // (`typeof import("./x.ts")`) is one commands/_load.ts's load() imports, resolved
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
