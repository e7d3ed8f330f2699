/**
 * Windows security descriptors as bytes: SIDs and ACLs decoded from the self-relative layouts
 * winnt.h declares, with Microsoft's names. Pure (no DLL), so it is tested on any OS; reading a
 * file's DACL through advapi32 is `advapi32.ts`.
 *
 * Layouts (https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-acl,
 * https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-ace_header,
 * https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-access_allowed_ace,
 * https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-sid): ACL is
 * `{BYTE AclRevision; BYTE Sbz1; WORD AclSize; WORD AceCount; WORD Sbz2}` followed by the ACEs;
 * each ACE starts with `ACE_HEADER {BYTE AceType; BYTE AceFlags; WORD AceSize}`; ACCESS_ALLOWED_ACE,
 * ACCESS_DENIED_ACE and their CALLBACK forms continue with `ACCESS_MASK Mask` and the SID
 * (`SidStart`); a SID is `{BYTE Revision; BYTE SubAuthorityCount;
 * SID_IDENTIFIER_AUTHORITY IdentifierAuthority (6 bytes, big-endian); DWORD SubAuthority[]}`.
 *
 * @module
 */

/** ACE_HEADER AceType values (winnt.h). */
export const ACE_TYPES = {
  ACCESS_ALLOWED_ACE_TYPE: 0x0,
  ACCESS_DENIED_ACE_TYPE: 0x1,
  SYSTEM_AUDIT_ACE_TYPE: 0x2,
  SYSTEM_ALARM_ACE_TYPE: 0x3,
  ACCESS_ALLOWED_COMPOUND_ACE_TYPE: 0x4,
  ACCESS_ALLOWED_OBJECT_ACE_TYPE: 0x5,
  ACCESS_DENIED_OBJECT_ACE_TYPE: 0x6,
  SYSTEM_AUDIT_OBJECT_ACE_TYPE: 0x7,
  SYSTEM_ALARM_OBJECT_ACE_TYPE: 0x8,
  ACCESS_ALLOWED_CALLBACK_ACE_TYPE: 0x9,
  ACCESS_DENIED_CALLBACK_ACE_TYPE: 0xa,
  ACCESS_ALLOWED_CALLBACK_OBJECT_ACE_TYPE: 0xb,
  ACCESS_DENIED_CALLBACK_OBJECT_ACE_TYPE: 0xc,
  SYSTEM_MANDATORY_LABEL_ACE_TYPE: 0x11,
} as const;

/** ACE_HEADER AceFlags bits (winnt.h). */
export const ACE_FLAGS = {
  OBJECT_INHERIT_ACE: 0x1,
  CONTAINER_INHERIT_ACE: 0x2,
  NO_PROPAGATE_INHERIT_ACE: 0x4,
  /** The ACE is only inherited by children; it does not apply to the object itself. */
  INHERIT_ONLY_ACE: 0x8,
  INHERITED_ACE: 0x10,
} as const;

/** ACCESS_MASK bits that matter for "who can read this file" (winnt.h). */
export const ACCESS_MASKS = {
  FILE_READ_DATA: 0x1,
  READ_CONTROL: 0x20000,
  WRITE_DAC: 0x40000,
  WRITE_OWNER: 0x80000,
  MAXIMUM_ALLOWED: 0x2000000,
  GENERIC_ALL: 0x10000000,
  GENERIC_READ: 0x80000000,
} as const;

/** One ACE of a DACL, decoded. */
export interface Ace {
  /** ACE_HEADER AceType (see {@link ACE_TYPES}). */
  type: number;
  /** ACE_HEADER AceFlags (see {@link ACE_FLAGS}). */
  flags: number;
  /** The ACCESS_MASK, or null for an ACE type without one where rasctl reads it. */
  mask: number | null;
  /** The trustee's SID as `S-1-5-...`, or null for an ACE type whose SID is not at SidStart. */
  sid: string | null;
}

/**
 * Decodes a binary SID into its string form (`S-R-I-S-S...`, as ConvertSidToStringSidW
 * writes it: the authority in decimal when below 2^32, else as 0x-prefixed hex).
 *
 * @param bytes The bytes holding the SID.
 * @param offset Where it starts.
 * @returns The SID string.
 * @throws {RangeError} When the bytes end inside the SID.
 * @example
 * ```ts
 * sidToString(new Uint8Array([1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0])); // "S-1-5-18"
 * ```
 */
export function sidToString(bytes: Uint8Array, offset = 0): string {
  if (offset + 8 > bytes.length) throw new RangeError("the SID is cut off");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const revision = view.getUint8(offset);
  const count = view.getUint8(offset + 1);
  if (offset + 8 + 4 * count > bytes.length) throw new RangeError("the SID is cut off");
  let authority = 0n;
  for (let i = 0; i < 6; i++) authority = (authority << 8n) | BigInt(view.getUint8(offset + 2 + i));
  const parts = [
    "S",
    String(revision),
    authority < 0x1_0000_0000n ? authority.toString() : `0x${authority.toString(16).toUpperCase()}`,
  ];
  for (let i = 0; i < count; i++) parts.push(String(view.getUint32(offset + 8 + 4 * i, true)));
  return parts.join("-");
}

/** ACE types laid out as header, Mask, SidStart (the plain and callback allow/deny/audit ACEs). */
const SID_AT_8 = new Set<number>([
  ACE_TYPES.ACCESS_ALLOWED_ACE_TYPE,
  ACE_TYPES.ACCESS_DENIED_ACE_TYPE,
  ACE_TYPES.SYSTEM_AUDIT_ACE_TYPE,
  ACE_TYPES.SYSTEM_ALARM_ACE_TYPE,
  ACE_TYPES.ACCESS_ALLOWED_CALLBACK_ACE_TYPE,
  ACE_TYPES.ACCESS_DENIED_CALLBACK_ACE_TYPE,
  ACE_TYPES.SYSTEM_MANDATORY_LABEL_ACE_TYPE,
]);

/**
 * Decodes an ACL (its AclSize bytes) into its ACEs, in order.
 *
 * @param bytes The ACL, from its header on.
 * @returns The ACEs.
 * @throws {RangeError} When an ACE runs past AclSize or the bytes.
 * @example
 * ```ts ignore
 * parseAcl(daclBytes).map((ace) => ace.sid);
 * ```
 */
export function parseAcl(bytes: Uint8Array): Ace[] {
  if (bytes.length < 8) throw new RangeError("the ACL header is cut off");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = Math.min(view.getUint16(2, true), bytes.length);
  const count = view.getUint16(4, true);
  const aces: Ace[] = [];
  let at = 8;
  for (let i = 0; i < count; i++) {
    if (at + 4 > size) throw new RangeError(`ACE ${i} runs past the ACL`);
    const type = view.getUint8(at);
    const flags = view.getUint8(at + 1);
    const aceSize = view.getUint16(at + 2, true);
    if (aceSize < 4 || at + aceSize > size) throw new RangeError(`ACE ${i} runs past the ACL`);
    if (SID_AT_8.has(type) && aceSize >= 16) {
      const ace = bytes.subarray(at, at + aceSize);
      aces.push({
        type,
        flags,
        mask: view.getUint32(at + 4, true),
        sid: sidToString(ace, 8),
      });
    } else {
      aces.push({
        type,
        flags,
        mask: aceSize >= 8 ? view.getUint32(at + 4, true) : null,
        sid: null,
      });
    }
    at += aceSize;
  }
  return aces;
}

/**
 * Encodes a string SID as bytes (the inverse of {@link sidToString}); for building fixtures.
 *
 * @param sid A SID such as `S-1-5-21-1-2-3-1001`.
 * @returns Its binary form.
 * @example
 * ```ts
 * sidToBytes("S-1-5-18").length; // 12
 * ```
 */
export function sidToBytes(sid: string): Uint8Array {
  const [s, revision, authority, ...subs] = sid.split("-");
  if (s !== "S" || revision === undefined || authority === undefined) {
    throw new RangeError(`not a SID: ${sid}`);
  }
  const out = new Uint8Array(8 + 4 * subs.length);
  const view = new DataView(out.buffer);
  out[0] = Number(revision);
  out[1] = subs.length;
  let a = BigInt(authority);
  for (let i = 5; i >= 0; i--, a >>= 8n) out[2 + i] = Number(a & 0xffn);
  subs.forEach((sub, i) => view.setUint32(8 + 4 * i, Number(sub), true));
  return out;
}
