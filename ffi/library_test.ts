import assert from "node:assert/strict";
import {
  LibraryNotFoundError,
  locateRasapi32,
  openRasapi32,
  OVERRIDE_ENV,
  Rasapi32Library,
} from "./library.ts";
import { KERNEL32_OVERRIDE_ENV, locateKernel32 } from "./kernel32.ts";
import { rasapi32Symbols } from "./symbols.ts";
import { cstr, fromCstr } from "./wstr.ts";

const envOf = (vars: Record<string, string>) => (name: string) => vars[name];

Deno.test("locateRasapi32() takes RASCTL_RASAPI32 on any OS", () => {
  for (const os of ["windows", "linux", "darwin", "freebsd"] as const) {
    assert.equal(
      locateRasapi32({
        os,
        env: envOf({ [OVERRIDE_ENV]: "/opt/sim/libras.so", SystemRoot: "D:\\Win" }),
      }),
      "/opt/sim/libras.so",
    );
  }
  assert.equal(OVERRIDE_ENV, "RASCTL_RASAPI32");
});

Deno.test("locateRasapi32() in the compiled exe ignores RASCTL_RASAPI32: only System32's DLL", () => {
  const env = envOf({ [OVERRIDE_ENV]: "C:\\Users\\Public\\evil.dll", SystemRoot: "C:\\Windows" });
  assert.equal(
    locateRasapi32({ os: "windows", env, standalone: true }),
    "C:\\Windows\\System32\\rasapi32.dll",
  );
  assert.equal(
    locateRasapi32({ os: "windows", env, standalone: false }),
    "C:\\Users\\Public\\evil.dll",
  );
  assert.throws(
    () => locateRasapi32({ os: "linux", env, standalone: true }),
    (e: unknown) => e instanceof LibraryNotFoundError && e.message.includes(OVERRIDE_ENV),
  );
});

Deno.test("locateRasapi32() on Windows opens rasapi32.dll from %SystemRoot%\\System32", () => {
  assert.equal(
    locateRasapi32({ os: "windows", env: envOf({ SystemRoot: "D:\\WINNT" }) }),
    "D:\\WINNT\\System32\\rasapi32.dll",
  );
  assert.equal(
    locateRasapi32({ os: "windows", env: envOf({}) }),
    "C:\\Windows\\System32\\rasapi32.dll",
  );
  // An empty override is no override.
  assert.equal(
    locateRasapi32({ os: "windows", env: envOf({ [OVERRIDE_ENV]: "", SystemRoot: "C:\\W" }) }),
    "C:\\W\\System32\\rasapi32.dll",
  );
});

Deno.test("locateRasapi32() elsewhere without the override explains how to use the simulator", () => {
  for (const os of ["linux", "darwin"] as const) {
    assert.throws(
      () => locateRasapi32({ os, env: envOf({}) }),
      (e: unknown) =>
        e instanceof LibraryNotFoundError && e.name === "LibraryNotFoundError" &&
        e.message.includes(OVERRIDE_ENV) && e.message.includes("simulator") &&
        e.message.includes(os),
    );
  }
});

Deno.test("opening a library that does not exist is a LibraryNotFoundError naming the path", () => {
  const path = `${Deno.makeTempDirSync()}/no-such-rasapi32.so`;
  for (const open of [() => new Rasapi32Library(path), () => openRasapi32(path)]) {
    assert.throws(
      open,
      (e: unknown) =>
        e instanceof LibraryNotFoundError &&
        e.message.includes(`Cannot open rasapi32 at ${path}`) &&
        e.cause !== undefined,
    );
  }
});

Deno.test({
  name: "opening a library without FFI permission passes the permission error through",
  permissions: { ffi: false, read: true },
  fn() {
    assert.throws(
      () => new Rasapi32Library("/nonexistent/librasapi32.so"),
      (e: unknown) =>
        (e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied) &&
        !(e instanceof LibraryNotFoundError),
    );
  },
});

// --- A real library: a tiny C stub exporting every symbol of the table. -----------------------

async function haveCompiler(): Promise<boolean> {
  if (Deno.build.os === "windows") return false;
  try {
    const { success } = await new Deno.Command("cc", {
      args: ["--version"],
      stdout: "null",
      stderr: "null",
    })
      .output();
    return success;
  } catch {
    return false;
  }
}
const noCompiler = !(await haveCompiler());

/** C for a stub rasapi32: every function returns 0, except a few that prove arguments arrive. */
function stubSource(skip: string[] = []): string {
  const cType = (t: string) => (t === "u32" ? "unsigned int" : t === "i32" ? "int" : "void*");
  const special: Record<string, string> = {
    // Writes "stub <code>" so the test can see both directions of the call.
    RasGetErrorStringW: `{
      char text[32]; int n = snprintf(text, sizeof text, "stub %u", p0);
      unsigned short* out = (unsigned short*)p1;
      if ((unsigned)n + 1 > p2) return 603;
      for (int i = 0; i <= n; i++) out[i] = (unsigned char)text[i];
      return 0; }`,
    // Returns the length of the entry name, in UTF-16 units, to prove the LPCWSTR arrives.
    RasValidateEntryNameW: `{
      const unsigned short* s = (const unsigned short*)p1; unsigned int n = 0;
      while (s[n]) n++; return n; }`,
  };
  const functions = Object.entries(rasapi32Symbols)
    .filter(([name]) => !skip.includes(name))
    .map(([name, def]) => {
      const params = def.parameters.map((t, i) => `${cType(t)} p${i}`).join(", ") || "void";
      const body = special[name] ??
        `{ ${def.parameters.map((_, i) => `(void)p${i};`).join(" ")} return 0; }`;
      return `unsigned int ${name}(${params}) ${body}`;
    });
  return `#include <stdio.h>\n${functions.join("\n")}\n`;
}

async function buildStub(dir: string, skip: string[] = []): Promise<string> {
  const c = `${dir}/stub.c`;
  const so = `${dir}/librasapi32stub.so`;
  await Deno.writeTextFile(c, stubSource(skip));
  const { success, stderr } = await new Deno.Command("cc", {
    args: ["-shared", "-fPIC", "-o", so, c],
    stderr: "piped",
  }).output();
  assert.ok(success, new TextDecoder().decode(stderr));
  return so;
}

Deno.test({
  name: "Rasapi32Library opens a library exporting every symbol of the table, calls it, and closes",
  ignore: noCompiler,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const path = await buildStub(dir);
      const lib = openRasapi32(path);
      assert.equal(lib.path, path);
      for (const name of Object.keys(rasapi32Symbols) as (keyof typeof rasapi32Symbols)[]) {
        assert.equal(typeof lib.symbols[name], "function", `${name} binds`);
      }
      const buffer = new Uint8Array(64);
      assert.equal(lib.symbols.RasGetErrorStringW(691, buffer, 32), 0);
      assert.equal(fromCstr(buffer), "stub 691");
      assert.equal(lib.symbols.RasValidateEntryNameW(null, cstr("Corp \u{1F600}")), 7);
      lib[Symbol.dispose]();
      // Closed: no function can be called any more.
      assert.throws(() => lib.symbols.RasHangUpW(null), /closed/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "Rasapi32Library held with `using` is closed at the end of its block",
  ignore: noCompiler,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const path = await buildStub(dir);
      let held: Rasapi32Library | undefined;
      {
        using lib = new Rasapi32Library(path);
        held = lib;
        assert.equal(await lib.symbols.RasHangUpW(null), 0); // nonblocking: a promise
      }
      assert.throws(() => held.symbols.RasHangUpW(null), /closed/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "a function missing from the library is refused when first called, naming path and function",
  ignore: noCompiler,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      const path = await buildStub(dir, ["RasGetProjectionInfoEx"]);
      using lib = openRasapi32(path);
      assert.equal(typeof lib.symbols.RasHangUpW, "function", "the other functions bind");
      assert.throws(
        () => lib.symbols.RasGetProjectionInfoEx,
        (e: unknown) =>
          e instanceof LibraryNotFoundError && e.message.includes(path) &&
          e.message.includes("RasGetProjectionInfoEx"),
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("locateKernel32() takes RASCTL_KERNEL32 off Windows only, and System32's on Windows", () => {
  assert.equal(KERNEL32_OVERRIDE_ENV, "RASCTL_KERNEL32");
  const vars = { [KERNEL32_OVERRIDE_ENV]: "/sim/libkernel32sim.so", SystemRoot: "D:\\Win" };
  assert.equal(locateKernel32({ os: "linux", env: envOf(vars) }), "/sim/libkernel32sim.so");
  assert.equal(
    locateKernel32({ os: "windows", env: envOf(vars) }),
    "D:\\Win\\System32\\kernel32.dll",
  );
  assert.throws(
    () => locateKernel32({ os: "linux", env: envOf({}) }),
    (e: unknown) => e instanceof LibraryNotFoundError && e.message.includes(KERNEL32_OVERRIDE_ENV),
  );
});
