/**
 * `deno task compile`: builds rasctl.exe and rasctlw.exe (no console window, for scheduled
 * tasks) for Windows x64 and arm64 into dist/, with exactly the permissions rasctl needs baked
 * in and no network access.
 *
 * `deno compile` downloads the Windows runtime (denort) from dl.deno.land. Where that host is
 * unreachable, set DENORT_BIN to a denort binary for the target.
 *
 * @module
 */

/** The permissions rasctl runs with: FFI for rasapi32, env, files, schtasks.exe. No network. */
export const PERMISSIONS = [
  "--allow-ffi",
  "--allow-env",
  "--allow-read",
  "--allow-write",
  "--allow-run=schtasks.exe",
  "--no-prompt",
] as const;

/**
 * The same permissions for `deno run` on this machine: off Windows there is no schtasks.exe
 * to allow (Deno would print a notice on every start), and `task install` refuses anyway.
 */
export const RUN_PERMISSIONS: readonly string[] = Deno.build.os === "windows"
  ? PERMISSIONS
  : PERMISSIONS.filter((p) => !p.startsWith("--allow-run"));

/** Windows targets and the file-name suffix of each. */
export const TARGETS = [
  { target: "x86_64-pc-windows-msvc", suffix: "" },
  { target: "aarch64-pc-windows-msvc", suffix: "-arm64" },
] as const;

/** The folder the loader resolves from, and the folders whose modules may call it. */
const LOADER_FOLDER = new URL("../commands/", import.meta.url);
const ROOT = new URL("../", import.meta.url);

/**
 * A module path the loader is given: every quoted `./x.ts` / `../x.ts` of commands/ that is not
 * a static import (`from "./x.ts"`) or a type (`typeof import("./x.ts")`): `load("./x.ts")`,
 * `split({ list: "./entry_list.ts" }, "./entry.ts")`.
 */
const LOADER_CALL = /(?<!from |import\()"(\.\.?\/[^"]+\.ts)"/g;

/**
 * The modules rasctl imports by computed URL (commands/_load.ts's `load()`: the command
 * modules, the runner, what a run loads only when it needs it), which `deno compile` cannot find
 * by itself; their own imports it follows. Derived from the loader's calls in commands/, so a
 * new `load("./x.ts")` is included without a change here.
 *
 * @returns Paths from the repository root, sorted (`commands/entry.ts`, ...).
 */
export function includedModules(): string[] {
  const found = new Set<string>();
  for (const entry of Deno.readDirSync(LOADER_FOLDER)) {
    if (!entry.name.endsWith(".ts") || entry.name.endsWith("_test.ts")) continue;
    const text = Deno.readTextFileSync(new URL(entry.name, LOADER_FOLDER));
    for (const [, target] of text.matchAll(LOADER_CALL)) {
      found.add(new URL(target!, LOADER_FOLDER).href.slice(ROOT.href.length));
    }
  }
  return [...found].sort();
}

/** The `deno compile` argument lists, one per output file. */
export function compileArgs(): { output: string; args: string[] }[] {
  return TARGETS.flatMap(({ target, suffix }) =>
    [false, true].map((windowless) => {
      const output = `dist/rasctl${windowless ? "w" : ""}${suffix}.exe`;
      return {
        output,
        args: [
          "compile",
          ...PERMISSIONS,
          "--target",
          target,
          ...(windowless ? ["--no-terminal"] : []),
          ...includedModules().flatMap((m) => ["--include", m]),
          "--output",
          output,
          "cli.ts",
        ],
      };
    })
  );
}

if (import.meta.main) {
  await Deno.mkdir("dist", { recursive: true });
  for (const { output, args } of compileArgs()) {
    console.error(`deno ${args.join(" ")}`);
    const run = await new Deno.Command(Deno.execPath(), {
      args,
      stdout: "inherit",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(run.stderr);
    Deno.stderr.writeSync(run.stderr);
    if (!run.success) {
      const download = /dl\.deno\.land|denort|download/i.test(stderr);
      console.error(
        download
          ? `\nCannot build ${output}: deno compile could not get its Windows runtime (denort). ` +
            `This machine cannot reach dl.deno.land; set DENORT_BIN to a denort binary for the ` +
            `target (from the denort-<target>.zip of the same Deno release), or build on a machine ` +
            `that can download it (the Windows workflow does).`
          : `\nCannot build ${output}: deno compile failed (see above).`,
      );
      Deno.exit(1);
    }
    console.error(`built ${output}`);
  }
}
