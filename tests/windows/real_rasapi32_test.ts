/**
 * Windows-only tests against the real rasapi32.dll, run once, by the Windows workflow's own step
 * ("Windows-only tests against the real rasapi32.dll"), which sets {@link SWITCH}=1. `deno task
 * test` finds this file too (and on Windows runs with the simulator); without the switch every
 * test here is ignored, so the suite step does not run them a second time.
 *
 * Most touch only a phone book in a temporary folder. The tests of the user's and the all-users
 * book write entries with a unique name into the runner's own books and remove them in
 * `finally`; the all-users book and default credentials need an elevated token, which the
 * GitHub-hosted runner has (its account is an administrator with UAC off).
 *
 * @module
 */

import { deepEqual, equal, ok } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { RUN_PERMISSIONS } from "../../scripts/compile.ts";

/** The environment switch the workflow's step sets; see the module comment. */
export const SWITCH = "RASCTL_REAL_RASAPI32_TESTS";
const ignore = Deno.build.os !== "windows" || Deno.env.get(SWITCH) !== "1";
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

/** A name no earlier run left behind. */
function uniqueName(what: string): string {
  return `rasctl ci ${what} ${crypto.randomUUID().slice(0, 8)}`;
}

/** The current user's phone book, as Windows names it. */
function userBook(): string {
  return `${Deno.env.get("APPDATA")}\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk`;
}

/** Whether this process has an elevated (high integrity) token: `whoami /groups` says so. */
async function elevated(): Promise<boolean> {
  const out = await new Deno.Command("whoami", { args: ["/groups"], stdout: "piped" }).output();
  return new TextDecoder().decode(out.stdout).includes("S-1-16-12288");
}

async function newVpn(name: string, where: string[]): Promise<Run> {
  return await rasctl(["entry", "new", name, ...where, "--server", "vpn.example.invalid"]);
}

Deno.test({
  name:
    "the user's and the all-users book: an entry in each, found by name alone, listed with its scope",
  ignore,
  async fn() {
    const mine = uniqueName("user");
    const shared = uniqueName("all");
    const inUser = ["--phonebook", userBook()];
    try {
      equal((await newVpn(mine, inUser)).code, 0);
      const made = await newVpn(shared, ["--all-users"]);
      equal(made.code, 0, made.stderr);
      // No book given: the direct lookup finds each in its own book.
      const a = await rasctl(["entry", "show", mine]);
      equal(a.code, 0, a.stderr);
      equal(
        String((a.json as Record<string, unknown>).phonebook).toLowerCase(),
        userBook().toLowerCase(),
      );
      const b = await rasctl(["entry", "show", shared]);
      equal(b.code, 0, b.stderr);
      ok(
        /\\ProgramData\\/i.test(String((b.json as Record<string, unknown>).phonebook)),
        JSON.stringify(b.json),
      );
      const listed = (await rasctl(["entry", "list"])).json as { name: string; scope: string }[];
      equal(listed.find((e) => e.name === mine)?.scope, "user");
      equal(listed.find((e) => e.name === shared)?.scope, "allUsers");
      // The same name in both books: a usage error naming both, nothing guessed.
      equal((await newVpn(mine, ["--all-users"])).code, 0);
      const both = await rasctl(["entry", "show", mine]);
      equal(both.code, 2, both.stderr);
      equal(both.error?.name, "UsageError");
      ok(String(both.error?.message).includes("all-users"), String(both.error?.message));
    } finally {
      await rasctl(["entry", "remove", mine, ...inUser]);
      await rasctl(["entry", "remove", mine, "--all-users"]);
      await rasctl(["entry", "remove", shared, "--all-users"]);
    }
  },
});

Deno.test({
  name:
    "credentials: the user's own on a user-book entry, default ones (RASCM_DefaultCreds) on an all-users entry",
  ignore,
  async fn() {
    const mine = uniqueName("creds user");
    const shared = uniqueName("creds all");
    const inUser = ["--phonebook", userBook()];
    const pw = { CI_PW: "not-a-real-password" };
    try {
      equal((await newVpn(mine, inUser)).code, 0);
      const set = await rasctl(
        ["creds", "set", mine, ...inUser, "--user", "ci-user", "--password-env", "CI_PW"],
        pw,
      );
      equal(set.code, 0, set.stderr);
      const own = (await rasctl(["creds", "show", mine, ...inUser])).json as Record<
        string,
        unknown
      >;
      equal(own.user, "ci-user");
      equal(own.passwordSaved, true);
      ok(!JSON.stringify(own).includes("not-a-real-password"), "creds show printed the password");

      equal((await newVpn(shared, ["--all-users"])).code, 0);
      const saved = await rasctl(
        [
          "creds",
          "set",
          shared,
          "--all-users",
          "--default",
          "--user",
          "ci-default",
          "--password-env",
          "CI_PW",
        ],
        pw,
      );
      if (await elevated()) {
        equal(saved.code, 0, saved.stderr);
        const shown = (await rasctl(["creds", "show", shared, "--all-users"])).json as {
          default: { user: string; passwordSaved: boolean } | null;
        };
        equal(shown.default?.user, "ci-default");
        equal(shown.default?.passwordSaved, true);
        equal((await rasctl(["creds", "clear", shared, "--all-users", "--default"])).code, 0);
        const cleared = (await rasctl(["creds", "show", shared, "--all-users"])).json as {
          default: unknown;
        };
        equal(cleared.default, null);
      } else {
        // RasSetCredentials: default credentials need an administrator (ERROR_ACCESS_DENIED).
        equal(saved.error?.code, 5, saved.stderr);
      }
      equal((await rasctl(["creds", "clear", mine, ...inUser])).code, 0);
      const gone = (await rasctl(["creds", "show", mine, ...inUser])).json as Record<
        string,
        unknown
      >;
      equal(gone.passwordSaved, false);
    } finally {
      await rasctl(["entry", "remove", mine, ...inUser]);
      await rasctl(["entry", "remove", shared, "--all-users"]);
    }
  },
});

Deno.test({
  name:
    "an entry created with Windows' defaults (only a server) is accepted, on a device RasEnumDevices lists",
  ignore,
  async fn() {
    await using pbk = await tempPhonebook();
    const where = ["--phonebook", pbk.path];
    const name = "rasctl defaults";
    const made = await newVpn(name, where);
    equal(made.code, 0, made.stderr);
    const entry = made.json as { type: string; device: { type: string; name: string } };
    equal(entry.type, "vpn");
    equal(entry.device.type, "vpn");
    const devices = (await rasctl(["devices"])).json as { name: string; type: string }[];
    ok(
      devices.some((d) => d.name === entry.device.name && d.type === "vpn"),
      `${entry.device.name} is not among ${devices.map((d) => d.name).join(", ")}`,
    );
    // Windows reads back what it accepted, and a change of one setting keeps the rest.
    const before = (await rasctl(["entry", "show", name, ...where])).json as Record<
      string,
      unknown
    >;
    const changed = await rasctl(["entry", "set", name, ...where, "--dns-suffix", "ci.example"]);
    equal(changed.code, 0, changed.stderr);
    const after = (await rasctl(["entry", "show", name, ...where])).json as Record<string, unknown>;
    deepEqual({ ...after, dnsSuffix: before.dnsSuffix }, before);
    equal(after.dnsSuffix, "ci.example");
  },
});
