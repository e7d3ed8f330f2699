/**
 * Windows-only tests against the real rasapi32.dll (run by the Windows workflow; ignored
 * elsewhere). They touch only a phone book in a temporary folder, never the machine's own.
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { RUN_PERMISSIONS } from "../../scripts/compile.ts";

const ignore = Deno.build.os !== "windows";
const CLI = fileURLToPath(new URL("../../cli.ts", import.meta.url));

interface Run {
  code: number;
  json: unknown;
  error: Record<string, unknown> | undefined;
  stderr: string;
}

async function rasctl(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env = { ...Deno.env.toObject(), ...extraEnv };
  delete env.RASCTL_RASAPI32; // the real rasapi32.dll, not the simulator
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...RUN_PERMISSIONS, CLI, ...args],
    env,
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  const stderr = new TextDecoder().decode(out.stderr);
  const errorLine = stderr.split(/\r?\n/).find((l) => l.startsWith('{"error"'));
  return {
    code: out.code,
    json: stdout.trim() ? JSON.parse(stdout) : undefined,
    error: errorLine
      ? (JSON.parse(errorLine) as { error: Record<string, unknown> }).error
      : undefined,
    stderr,
  };
}

async function tempPhonebook(): Promise<{ path: string; [Symbol.asyncDispose](): Promise<void> }> {
  const dir = await Deno.makeTempDir({ prefix: "rasctl-win-" });
  return {
    path: `${dir}\\test.pbk`,
    [Symbol.asyncDispose]: () => Deno.remove(dir, { recursive: true }),
  };
}

Deno.test({
  name: "a VPN entry in a temporary phone book: create, list, show, set, rename, delete",
  ignore,
  async fn() {
    await using pbk = await tempPhonebook();
    const where = ["--phonebook", pbk.path];
    const created = await rasctl([
      "entry",
      "new",
      "rasctl test VPN",
      ...where,
      "--server",
      "vpn.example.invalid",
      "--strategy",
      "ikev2-only",
    ]);
    equal(created.code, 0, created.stderr);
    const entry = created.json as Record<string, unknown>;
    equal(entry.server, "vpn.example.invalid");
    equal(entry.strategy, "ikev2-only");
    equal(entry.type, "vpn");

    const listed = await rasctl(["entry", "list", ...where]);
    deepEqual((listed.json as { name: string }[]).map((e) => e.name), ["rasctl test VPN"]);

    const changed = await rasctl([
      "entry",
      "set",
      "rasctl test VPN",
      ...where,
      "--split-tunnel",
      "--dns-suffix",
      "corp.example",
    ]);
    equal(changed.code, 0, changed.stderr);
    equal((changed.json as Record<string, unknown>).splitTunnel, true);
    equal((changed.json as Record<string, unknown>).dnsSuffix, "corp.example");

    const renamed = await rasctl([
      "entry",
      "rename",
      "rasctl test VPN",
      "rasctl renamed",
      ...where,
    ]);
    equal(renamed.code, 0, renamed.stderr);
    const shown = await rasctl(["entry", "show", "rasctl renamed", ...where]);
    equal((shown.json as Record<string, unknown>).server, "vpn.example.invalid");

    const removed = await rasctl(["entry", "remove", "rasctl renamed", ...where]);
    equal(removed.code, 0, removed.stderr);
    deepEqual((await rasctl(["entry", "list", ...where])).json, []);
  },
});

Deno.test({
  name: "dialing a server name that cannot resolve fails with 868 and leaves no connection",
  ignore,
  async fn() {
    await using pbk = await tempPhonebook();
    const where = ["--phonebook", pbk.path];
    const name = "rasctl unresolvable";
    equal(
      (await rasctl([
        "entry",
        "new",
        name,
        ...where,
        "--server",
        "no-such-host.invalid",
        "--strategy",
        "sstp-only",
      ])).code,
      0,
    );
    const dial = await rasctl(
      ["dial", name, ...where, "--user", "nobody", "--password-env", "TEST_PW", "--timeout", "60"],
      { TEST_PW: "not-a-real-password" },
    );
    // RAS errors exit with the RAS code itself on Windows.
    equal(dial.code, 868, dial.stderr);
    equal(dial.error?.code, 868);
    equal(dial.error?.name, "ERROR_DNSNAME_NOT_RESOLVABLE");
    const connections = (await rasctl(["connections"])).json as { entry: string }[];
    ok(!connections.some((c) => c.entry === name), "the failed dial's handle was hung up");
  },
});

Deno.test({
  name: "error messages come from RasGetErrorStringW at run time, and every code has a name",
  ignore,
  async fn() {
    const explained = await rasctl(["error", "691"]);
    equal(explained.code, 0);
    equal((explained.json as Record<string, unknown>).name, "ERROR_AUTHENTICATION_FAILURE");
    await using pbk = await tempPhonebook();
    const missing = await rasctl(["entry", "show", "nope", "--phonebook", pbk.path]);
    ok(missing.code === 623 || missing.code === 621, missing.stderr);
    ok(typeof missing.error?.message === "string" && (missing.error.message as string).length > 20);
  },
});

Deno.test({
  name: "RasEnumDevices lists the WAN Miniports",
  ignore,
  async fn() {
    const devices = await rasctl(["devices"]);
    equal(devices.code, 0, devices.stderr);
    const names = (devices.json as { name: string; type: string }[]).map((d) => d.name);
    ok(names.some((n) => /WAN Miniport \(IKEv2\)/i.test(n)), names.join(", "));
    ok(names.some((n) => /WAN Miniport \(SSTP\)/i.test(n)), names.join(", "));
  },
});
