import assert from "node:assert/strict";
import {
  check,
  ERROR_NO_CONNECTION,
  ERROR_TIMEOUT,
  errorInfo,
  knownErrorCodes,
  RasError,
  setMessageSource,
} from "./errors.ts";
import { WIN32_ERRORS } from "./win32_errors.ts";
import { rasErrorRows, renderErrorCodes, renderErrorTable } from "../scripts/gen_error_table.ts";
import ERROR_TABLE from "./_error_table.json" with { type: "json" };
import { loadAbiFacts } from "../tests/_abi.ts";

interface RasCode {
  value: number;
  name: string;
  message: string;
}

const rasFacts = (await loadAbiFacts("raserror.json")) as { codes: RasCode[] };
const constants = (await loadAbiFacts("constants.json")) as {
  win32_errors: Record<string, { value: number }>;
};

const RAS_ERRORS = await rasErrorRows();

Deno.test("the generated error table holds the Win32 table, then raserror.json, code for code", () => {
  assert.ok(rasFacts.codes.length >= 279);
  assert.deepEqual(ERROR_TABLE, [
    ...WIN32_ERRORS,
    ...rasFacts.codes.map((c) => [c.value, c.name, c.message]),
  ]);
  assert.deepEqual(
    ERROR_TABLE,
    JSON.parse(renderErrorTable({ win32: WIN32_ERRORS, ras: RAS_ERRORS })),
  );
});

Deno.test("the ERROR_* constants are generated from both tables and up to date", async () => {
  const file = await Deno.readTextFile(new URL("./_error_codes.ts", import.meta.url));
  const rendered = renderErrorCodes({ win32: WIN32_ERRORS, ras: RAS_ERRORS });
  // deno fmt may rewrap the file; compare the declarations.
  const declarations = (text: string) => text.match(/export const \w+ = \d+;/g) ?? [];
  assert.deepEqual(declarations(file), declarations(rendered));
  assert.equal(ERROR_NO_CONNECTION, 668);
  assert.equal(ERROR_TIMEOUT, 1460);
});

Deno.test("no module keeps its own copy of an error code such as 668 or 1460", async () => {
  const root = new URL("../", import.meta.url);
  const offenders: string[] = [];
  for (const dir of ["ffi", "ras", "commands"]) {
    for await (const f of Deno.readDir(new URL(`${dir}/`, root))) {
      if (
        !f.name.endsWith(".ts") || f.name.endsWith("_test.ts") || f.name === "_error_table.json"
      ) {
        continue;
      }
      if (f.name === "_error_codes.ts" || (dir === "ffi" && f.name === "win32_errors.ts")) continue;
      const text = await Deno.readTextFile(new URL(`${dir}/${f.name}`, root));
      if (/\bERROR_\w+\s*=\s*\d+|\b(668|1460)\b/.test(text)) offenders.push(`${dir}/${f.name}`);
    }
  }
  assert.deepEqual(offenders, []);
});

Deno.test("errorInfo() knows every RAS code by its raserror.h name and message", () => {
  for (const c of rasFacts.codes) {
    const info = errorInfo(c.value);
    assert.equal(info.name, c.name, String(c.value));
    assert.equal(info.message, c.message, String(c.value));
    assert.ok(knownErrorCodes().includes(c.value));
  }
});

Deno.test("the general Win32 codes carry winerror.h's names and values", () => {
  const byValue = new Map(Object.entries(constants.win32_errors).map(([n, v]) => [v.value, n]));
  const shared = knownErrorCodes().filter((code) =>
    byValue.has(code) && (code < 600 || code > 878)
  );
  assert.ok(shared.length >= 40, `only ${shared.length} Win32 codes in common`);
  for (const code of shared) assert.equal(errorInfo(code).name, byValue.get(code), String(code));
  // Every general code is in winerror.h's list, except the IPsec ones constants.json omits.
  const win32 = knownErrorCodes().filter((code) => code < 600 || code > 878);
  assert.deepEqual(win32.filter((code) => !byValue.has(code)), [13801, 13806, 13868]);
  for (const [name, { value }] of Object.entries(constants.win32_errors)) {
    if (knownErrorCodes().includes(value)) assert.equal(errorInfo(value).name, name);
  }
});

Deno.test("errorInfo() of an unknown code is ERROR_<n>", () => {
  assert.deepEqual(errorInfo(54321), {
    code: 54321,
    name: "ERROR_54321",
    message: "Unknown error 54321.",
  });
  assert.ok(!knownErrorCodes().includes(54321));
});

Deno.test("RasError reads like 'Cannot dial \"Corp VPN\": ... (ERROR 868)' and carries its fields", () => {
  const error = new RasError(868, { operation: "RasDial", entry: "Corp VPN" });
  assert.ok(error instanceof Error);
  assert.equal(
    error.message,
    'Cannot dial "Corp VPN": the remote connection was not made because the name of the ' +
      "remote access server did not resolve (ERROR 868)",
  );
  assert.equal(error.code, 868);
  assert.equal(error.name, "ERROR_DNSNAME_NOT_RESOLVABLE");
  assert.equal(error.operation, "RasDial");
  assert.equal(error.entry, "Corp VPN");
});

Deno.test("RasError names the phone book it concerns, after the entry if there is one", () => {
  const listing = new RasError(625, { operation: "RasEnumEntries", phonebook: "C:\\t.pbk" });
  assert.match(listing.message, /^Cannot list entries in the phone book "C:\\t\.pbk": /);
  assert.equal(listing.phonebook, "C:\\t.pbk");
  const reading = new RasError(625, {
    operation: "RasGetEntryProperties",
    entry: "Corp",
    phonebook: "/x.pbk",
  });
  assert.match(
    reading.message,
    /^Cannot read entry "Corp" in phone book "\/x\.pbk": .* \(ERROR 625\)$/,
  );
  assert.equal(new RasError(691, { operation: "RasDial" }).phonebook, null);
});

Deno.test("RasError without an entry names only the operation, and keeps acronyms", () => {
  const error = new RasError(13801, { operation: "RasConnectionNotification" });
  assert.equal(
    error.message,
    "Cannot RasConnectionNotification: IKE authentication credentials are unacceptable (ERROR 13801)",
  );
  assert.equal(error.entry, null);
  assert.equal(
    new RasError(54321, { operation: "RasHangUp" }).message,
    "Cannot hang up: unknown error 54321 (ERROR 54321)",
  );
});

Deno.test("check(0) returns; any other code throws a RasError", () => {
  assert.equal(check(0, "RasDial", "Corp"), undefined);
  assert.throws(
    () => check(691, "RasDial", "Corp"),
    (e: unknown) =>
      e instanceof RasError && e.code === 691 && e.name === "ERROR_AUTHENTICATION_FAILURE" &&
      e.operation === "RasDial" && e.entry === "Corp" &&
      e.message.startsWith('Cannot dial "Corp": ') && e.message.endsWith("(ERROR 691)"),
  );
});

Deno.test("setMessageSource() replaces the table's message with Windows' own", () => {
  try {
    setMessageSource((code) => (code === 691 ? "Access denied by the server." : undefined));
    assert.throws(
      () => check(691, "RasDial", "Corp"),
      { message: 'Cannot dial "Corp": access denied by the server (ERROR 691)' },
    );
    // A code Windows has no text for falls back to the table.
    assert.throws(
      () => check(603, "RasEnumEntries"),
      {
        message:
          "Cannot list entries in the phone book: the caller's buffer is too small (ERROR 603)",
      },
    );
  } finally {
    setMessageSource(undefined);
  }
  // Uninstalled again: the table's message is back.
  const table = errorInfo(691).message.replace(/\.$/, "");
  assert.throws(
    () => check(691, "RasDial", "Corp"),
    { message: `Cannot dial "Corp": ${table[0]!.toLowerCase()}${table.slice(1)} (ERROR 691)` },
  );
});
