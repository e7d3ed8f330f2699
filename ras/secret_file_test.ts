import assert from "node:assert/strict";
import { ACE_FLAGS, ACE_TYPES, parseAcl, sidToBytes, sidToString } from "../ffi/acl.ts";
import { aclProblem, modeProblem, secretFileProblem } from "./secret_file.ts";

const ME = "S-1-5-21-3623811015-3361044348-30300820-1013";
const OTHER = "S-1-5-21-3623811015-3361044348-30300820-1014";
const SYSTEM = "S-1-5-18";
const ADMINS = "S-1-5-32-544";
const USERS = "S-1-5-32-545";
const EVERYONE = "S-1-1-0";
const CREATOR_OWNER = "S-1-3-0";

/** FILE_ALL_ACCESS, FILE_GENERIC_READ and FILE_GENERIC_READ | FILE_GENERIC_EXECUTE (winnt.h). */
const FULL = 0x1f01ff;
const READ = 0x120089;
const READ_EXECUTE = 0x1200a9;

type AceSpec = { type?: number; flags?: number; mask: number; sid: string };

/** An ACL as Windows lays it out (ACL header, then each ACE: header, Mask, SID). */
function aclBytes(aces: AceSpec[]): Uint8Array {
  const bodies = aces.map((a) => {
    const sid = sidToBytes(a.sid);
    const ace = new Uint8Array(8 + sid.length);
    const view = new DataView(ace.buffer);
    view.setUint8(0, a.type ?? ACE_TYPES.ACCESS_ALLOWED_ACE_TYPE);
    view.setUint8(1, a.flags ?? 0);
    view.setUint16(2, ace.length, true);
    view.setUint32(4, a.mask, true);
    ace.set(sid, 8);
    return ace;
  });
  const size = 8 + bodies.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint8(0, 2); // ACL_REVISION
  view.setUint16(2, size, true);
  view.setUint16(4, aces.length, true);
  let at = 8;
  for (const b of bodies) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** The decision on a DACL given as ACE specs, through the real byte decoding. */
function judge(owner: string, aces: AceSpec[] | null): string | null {
  return aclProblem({ owner, dacl: aces === null ? null : parseAcl(aclBytes(aces)) }, ME);
}

Deno.test("sidToString() reads binary SIDs as ConvertSidToStringSid writes them", () => {
  assert.equal(sidToString(new Uint8Array([1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0])), "S-1-5-18");
  assert.equal(sidToString(sidToBytes(ME)), ME);
  assert.equal(sidToString(sidToBytes("S-1-5-32-544")), "S-1-5-32-544");
  // An authority of 2^32 or more is written in hex.
  assert.equal(
    sidToString(new Uint8Array([1, 0, 0, 1, 0, 0, 0, 0])),
    "S-1-0x100000000",
  );
  assert.throws(
    () => sidToString(new Uint8Array([1, 2, 0, 0, 0, 0, 0, 5, 1, 0, 0, 0])),
    RangeError,
  );
});

Deno.test("parseAcl() decodes each ACE's type, flags, mask and SID in order", () => {
  const aces = parseAcl(aclBytes([
    { mask: FULL, sid: SYSTEM, flags: ACE_FLAGS.INHERITED_ACE },
    { type: ACE_TYPES.ACCESS_DENIED_ACE_TYPE, mask: READ, sid: EVERYONE },
  ]));
  assert.deepEqual(aces, [
    { type: 0, flags: 0x10, mask: FULL, sid: SYSTEM },
    { type: 1, flags: 0, mask: READ, sid: EVERYONE },
  ]);
  const cut = aclBytes([{ mask: FULL, sid: SYSTEM }]).subarray(0, 20);
  assert.throws(() => parseAcl(cut), RangeError);
});

Deno.test("aclProblem() passes a file only the caller (and SYSTEM/Administrators) can read", () => {
  // icacls FILE /inheritance:r /grant:r %USERNAME%:R
  assert.equal(judge(ME, [{ mask: READ, sid: ME }]), null);
  // A new file under %USERPROFILE%: inherited full control for SYSTEM, Administrators and the user.
  const inherited = ACE_FLAGS.INHERITED_ACE;
  assert.equal(
    judge(ME, [
      { mask: FULL, sid: SYSTEM, flags: inherited },
      { mask: FULL, sid: ADMINS, flags: inherited },
      { mask: FULL, sid: ME, flags: inherited },
    ]),
    null,
  );
  // Owned by Administrators (a file an elevated prompt made), readable by the caller.
  assert.equal(judge(ADMINS, [{ mask: FULL, sid: ADMINS }, { mask: READ, sid: ME }]), null);
  // An empty DACL: nobody but the owner (who may rewrite it) has access.
  assert.equal(judge(ME, []), null);
});

Deno.test("aclProblem() refuses a file others can read, naming who", () => {
  // A file under C:\ (Users inherit read and execute).
  assert.equal(
    judge(ME, [
      { mask: FULL, sid: SYSTEM, flags: ACE_FLAGS.INHERITED_ACE },
      { mask: READ_EXECUTE, sid: USERS, flags: ACE_FLAGS.INHERITED_ACE },
      { mask: FULL, sid: ME },
    ]),
    `is readable by Users (${USERS})`,
  );
  assert.equal(
    judge(ME, [{ mask: 0x80000000, sid: EVERYONE }]), // GENERIC_READ
    `is readable by Everyone (${EVERYONE})`,
  );
  assert.equal(judge(ME, [{ mask: READ, sid: OTHER }]), `is readable by ${OTHER}`);
  // WRITE_DAC lets the other account grant itself read.
  assert.equal(judge(ME, [{ mask: 0x40000, sid: OTHER }]), `is readable by ${OTHER}`);
  // A deny ACE before the allow does not make Everyone's read go away for everyone else.
  assert.equal(
    judge(ME, [
      { type: ACE_TYPES.ACCESS_DENIED_ACE_TYPE, mask: READ, sid: OTHER },
      { mask: READ, sid: EVERYONE },
    ]),
    `is readable by Everyone (${EVERYONE})`,
  );
});

Deno.test("aclProblem() refuses a NULL DACL, a foreign owner and ACEs it cannot attribute", () => {
  assert.equal(judge(ME, null), "has no access list (everyone may read it)");
  assert.equal(judge(OTHER, [{ mask: READ, sid: ME }]), `is owned by ${OTHER}`);
  assert.equal(
    aclProblem({
      owner: ME,
      dacl: [{ type: ACE_TYPES.ACCESS_ALLOWED_OBJECT_ACE_TYPE, flags: 0, mask: READ, sid: null }],
    }, ME),
    "has an access entry (type 5) whose trustee rasctl cannot tell",
  );
});

Deno.test("aclProblem() ignores inherit-only ACEs, deny ACEs and rights that read no data", () => {
  assert.equal(
    judge(ME, [
      { mask: READ, sid: ME },
      // Applies to children created later, not to this file.
      { mask: FULL, sid: CREATOR_OWNER, flags: ACE_FLAGS.INHERIT_ONLY_ACE },
      { mask: READ, sid: USERS, flags: ACE_FLAGS.INHERIT_ONLY_ACE | ACE_FLAGS.OBJECT_INHERIT_ACE },
      { type: ACE_TYPES.ACCESS_DENIED_ACE_TYPE, mask: FULL, sid: EVERYONE },
      // READ_CONTROL | SYNCHRONIZE: reading the DACL, not the file.
      { mask: 0x120000, sid: USERS },
    ]),
    null,
  );
});

Deno.test("modeProblem() and secretFileProblem() keep the POSIX check off Windows", async () => {
  assert.equal(modeProblem(0o100600), null);
  assert.equal(modeProblem(0o100400), null);
  assert.equal(modeProblem(0o100640), "is readable by others (mode 640)");
  const path = await Deno.makeTempFile();
  try {
    await Deno.chmod(path, 0o644);
    assert.equal(
      await secretFileProblem(path, await Deno.stat(path), "linux"),
      "is readable by others (mode 644)",
    );
    await Deno.chmod(path, 0o600);
    assert.equal(await secretFileProblem(path, await Deno.stat(path), "linux"), null);
  } finally {
    await Deno.remove(path);
  }
});
