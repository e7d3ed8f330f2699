/**
 * Who is calling (tests/sim/README.md "Who is calling"): per-user and default (all-user)
 * credentials, and what needs an administrator, each in its own process as on Windows.
 */
import { fileURLToPath } from "node:url";
import { deepEqual, equal } from "node:assert/strict";
import { buildSim, createSimHome, type SimHome, type SimIdentity } from "./harness.ts";

await buildSim();

const RASCM_UserName = 1, RASCM_Password = 2, RASCM_DefaultCreds = 8, RASCM_PreSharedKey = 0x10;
const USER_PW = RASCM_UserName | RASCM_Password;
const ERROR_ACCESS_DENIED = 5;

async function as(
  h: SimHome,
  who: SimIdentity,
  ...args: string[]
): Promise<Record<string, unknown>> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", fileURLToPath(new URL("_child.ts", import.meta.url)), ...args],
    env: {
      ...h.env,
      RASSIM_USER: who.user ?? "alice",
      RASSIM_ELEVATED: who.elevated ? "1" : "0",
    },
    stdout: "piped",
    stderr: "piped",
  }).output();
  equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

const admin = { user: "alice", elevated: true };
const alice = { user: "alice", elevated: false };
const bob = { user: "bob", elevated: false };
const system = { user: "SYSTEM" };

async function machine(): Promise<SimHome> {
  return await createSimHome({
    world: {
      machine: { dialStepMs: 1, releaseDelayMs: 20 },
      servers: { "vpn.example.com": { user: "svc", password: "svc-pw" } },
    },
    allUsersPbk: "[Shared]\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com\r\n" +
      "Type=2\r\nDevice=WAN Miniport (IKEv2)\r\n",
    userPbk: "[Mine]\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com\r\n" +
      "Type=2\r\nDevice=WAN Miniport (IKEv2)\r\n",
  });
}

Deno.test("RasSetCredentials: default credentials need an administrator and an all-user entry", async () => {
  await using h = await machine();
  const mask = String(USER_PW | RASCM_DefaultCreds);
  deepEqual(await as(h, alice, "setcreds", "-", "Shared", mask, "svc", "svc-pw"), {
    rc: ERROR_ACCESS_DENIED,
  });
  deepEqual(await as(h, admin, "setcreds", "-", "Mine", mask, "svc", "svc-pw"), {
    rc: ERROR_ACCESS_DENIED,
  });
  deepEqual(await as(h, admin, "setcreds", "-", "Shared", mask, "svc", "svc-pw"), { rc: 0 });
  deepEqual(await as(h, bob, "getcreds", "-", "Shared", String(USER_PW | RASCM_DefaultCreds)), {
    rc: 0,
    mask: USER_PW | RASCM_DefaultCreds,
    user: "svc",
  });
});

Deno.test("RasGetCredentials: per-user credentials are the caller's own; LocalSystem sees the default ones", async () => {
  await using h = await machine();
  equal((await as(h, alice, "setcreds", "-", "Shared", String(USER_PW), "alice", "a-pw")).rc, 0);
  equal(
    (await as(
      h,
      admin,
      "setcreds",
      "-",
      "Shared",
      String(USER_PW | RASCM_DefaultCreds),
      "svc",
      "svc-pw",
    )).rc,
    0,
  );
  deepEqual(await as(h, alice, "getcreds", "-", "Shared", String(USER_PW)), {
    rc: 0,
    mask: USER_PW,
    user: "alice",
  });
  deepEqual(await as(h, bob, "getcreds", "-", "Shared", String(USER_PW)), {
    rc: 0,
    mask: 0,
    user: "",
  });
  deepEqual(await as(h, system, "getcreds", "-", "Shared", String(USER_PW)), {
    rc: 0,
    mask: USER_PW,
    user: "svc",
  });
});

Deno.test("RasDial: LocalSystem and users without their own credentials dial with the default ones", async () => {
  await using h = await machine();
  deepEqual(await as(h, system, "dial", "Shared"), { rc: 691 });
  equal(
    (await as(
      h,
      admin,
      "setcreds",
      "-",
      "Shared",
      String(USER_PW | RASCM_DefaultCreds),
      "svc",
      "svc-pw",
    )).rc,
    0,
  );
  deepEqual(await as(h, system, "dial", "Shared"), { rc: 0 });
  deepEqual(await as(h, bob, "dial", "Shared"), { rc: 0 });
  // alice's own (wrong) credentials win over the default ones.
  equal((await as(h, alice, "setcreds", "-", "Shared", String(USER_PW), "alice", "nope")).rc, 0);
  deepEqual(await as(h, alice, "dial", "Shared"), { rc: 691 });
});

Deno.test("RasSetCredentials: a pre-shared key on an all-user entry needs an administrator", async () => {
  await using h = await machine();
  const psk = String(RASCM_PreSharedKey);
  deepEqual(await as(h, alice, "setcreds", "-", "Shared", psk, "", "k"), {
    rc: ERROR_ACCESS_DENIED,
  });
  deepEqual(await as(h, alice, "setcreds", "-", "Mine", psk, "", "k"), { rc: 0 });
  deepEqual(await as(h, admin, "setcreds", "-", "Shared", psk, "", "k"), { rc: 0 });
  // The all-user entry's key is the entry's, not the admin's: bob sees it saved.
  deepEqual(await as(h, bob, "getcreds", "-", "Shared", psk), {
    rc: 0,
    mask: RASCM_PreSharedKey,
    user: "",
  });
});

Deno.test("RasSetCredentials: an entry that does not exist is ERROR_INVALID_PARAMETER, as documented", async () => {
  await using h = await machine();
  deepEqual(await as(h, admin, "setcreds", "-", "Nowhere", String(USER_PW), "u", "p"), { rc: 87 });
  deepEqual(await as(h, admin, "getcreds", "-", "Nowhere", String(USER_PW)), {
    rc: 623,
    mask: USER_PW,
    user: "",
  });
});

Deno.test("All-users phone book: a standard user cannot create, change, rename or delete its entries", async () => {
  await using h = await machine();
  deepEqual(await as(h, alice, "setentry", h.allUsersPbk, "New", "vpn.example.com"), {
    rc: ERROR_ACCESS_DENIED,
  });
  // NULL phone book: a new entry goes to the all-users book (README: the sim's choice).
  deepEqual(await as(h, alice, "setentry", "-", "New", "vpn.example.com"), {
    rc: ERROR_ACCESS_DENIED,
  });
  deepEqual(await as(h, alice, "setentry", h.userPbk, "New", "vpn.example.com"), { rc: 0 });
  deepEqual(await as(h, admin, "setentry", "-", "New2", "vpn.example.com"), { rc: 0 });
  const book = await Deno.readTextFile(h.allUsersPbk);
  equal(book.includes("[New2]"), true);
  equal(book.includes("[New]"), false);
});
