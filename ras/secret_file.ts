/**
 * "A file readable only by the caller": the check a profile's `{file}` secret source must pass
 * before its first line is read. On POSIX systems it is the mode bits (nothing for group or
 * others); on Windows it is the file's owner and DACL, read through advapi32
 * (`ffi/advapi32.ts`) and judged by {@link aclProblem}, a pure function.
 *
 * The Windows rule follows Win32-OpenSSH's check of private key files
 * (`contrib/win32/win32compat/w32-sshfileperm.c`, check_secure_file_permission): the owner must
 * be the caller, SYSTEM or Administrators, and no ACE may grant access to anyone else.
 * SYSTEM and Administrators are allowed because they can read every file anyway (backup and
 * take-ownership privileges), so refusing them would refuse every file Windows creates.
 *
 * @module
 */

import { ACCESS_MASKS, type Ace, ACE_FLAGS, ACE_TYPES } from "../ffi/acl.ts";

/** Accounts that may hold access besides the caller: they can read any file anyway. */
export const TRUSTED_SIDS: Readonly<Record<string, string>> = {
  "S-1-5-18": "SYSTEM",
  "S-1-5-32-544": "Administrators",
};

/** OWNER RIGHTS (S-1-3-4): an ACE for it applies to whoever owns the file. */
const OWNER_RIGHTS = "S-1-3-4";

/**
 * The access bits that let a trustee read the file's data, or give itself that right
 * (WRITE_DAC, WRITE_OWNER): any of them in an allow ACE for someone else fails the check.
 */
const READ_OR_TAKE = ACCESS_MASKS.FILE_READ_DATA | ACCESS_MASKS.GENERIC_READ |
  ACCESS_MASKS.GENERIC_ALL | ACCESS_MASKS.MAXIMUM_ALLOWED | ACCESS_MASKS.WRITE_DAC |
  ACCESS_MASKS.WRITE_OWNER;

const ALLOW_TYPES = new Set<number>([
  ACE_TYPES.ACCESS_ALLOWED_ACE_TYPE,
  ACE_TYPES.ACCESS_ALLOWED_CALLBACK_ACE_TYPE,
  ACE_TYPES.ACCESS_ALLOWED_OBJECT_ACE_TYPE,
  ACE_TYPES.ACCESS_ALLOWED_CALLBACK_OBJECT_ACE_TYPE,
  ACE_TYPES.ACCESS_ALLOWED_COMPOUND_ACE_TYPE,
]);

/** Names a SID for a message. */
function who(sid: string): string {
  const known: Record<string, string> = {
    ...TRUSTED_SIDS,
    "S-1-1-0": "Everyone",
    "S-1-5-11": "Authenticated Users",
    "S-1-5-32-545": "Users",
    "S-1-5-4": "INTERACTIVE",
    "S-1-3-0": "CREATOR OWNER",
    [OWNER_RIGHTS]: "OWNER RIGHTS",
  };
  return known[sid] ? `${known[sid]} (${sid})` : sid;
}

/**
 * Decides whether a Windows file is readable only by the caller, from its owner and DACL.
 *
 * - A NULL DACL grants everyone full access: refused.
 * - The owner must be the caller, SYSTEM or Administrators (an owner can always rewrite the
 *   DACL).
 * - Every allow ACE that applies to the file itself (not INHERIT_ONLY_ACE) and grants read,
 *   WRITE_DAC or WRITE_OWNER must be for the caller, SYSTEM, Administrators, or OWNER RIGHTS
 *   (when the owner passed the rule above).
 * - An allow ACE whose SID rasctl cannot place (object ACEs) is refused: rasctl cannot tell.
 * - Deny ACEs are not needed to pass, and never make a file pass.
 *
 * @param security The file's owner SID and ACEs (null: a NULL DACL).
 * @param caller The caller's user SID.
 * @returns Why it is not private, or null when it is.
 * @example
 * ```ts
 * aclProblem({ owner: "S-1-5-21-1-2-3-1001", dacl: [] }, "S-1-5-21-1-2-3-1001"); // null
 * ```
 */
export function aclProblem(
  security: { owner: string; dacl: readonly Ace[] | null },
  caller: string,
): string | null {
  const trusted = (sid: string) => sid === caller || sid in TRUSTED_SIDS;
  if (security.dacl === null) return "has no access list (everyone may read it)";
  if (!trusted(security.owner)) return `is owned by ${who(security.owner)}`;
  for (const ace of security.dacl) {
    if (!ALLOW_TYPES.has(ace.type)) continue;
    if ((ace.flags & ACE_FLAGS.INHERIT_ONLY_ACE) !== 0) continue;
    if (ace.sid === null || ace.mask === null) {
      return `has an access entry (type ${ace.type}) whose trustee rasctl cannot tell`;
    }
    if ((ace.mask & READ_OR_TAKE) === 0) continue;
    if (trusted(ace.sid) || ace.sid === OWNER_RIGHTS) continue;
    return `is readable by ${who(ace.sid)}`;
  }
  return null;
}

/**
 * Decides whether a POSIX file is readable only by its owner, from its mode.
 *
 * @param mode `Deno.FileInfo.mode`.
 * @returns Why it is not private, or null when it is.
 * @example
 * ```ts
 * modeProblem(0o100644); // "is readable by others (mode 644)"
 * ```
 */
export function modeProblem(mode: number): string | null {
  return (mode & 0o077) !== 0 ? `is readable by others (mode ${(mode & 0o777).toString(8)})` : null;
}

/**
 * Why a secret file is not readable only by the caller, or null when it is: the mode bits on
 * POSIX systems, the owner and DACL on Windows.
 *
 * @param path The file (it exists; the caller has stat-ed it).
 * @param info Its `Deno.stat` result.
 * @param os The operating system (default: `Deno.build.os`).
 * @returns The reason, or null.
 * @throws {Error} When Windows cannot report the file's security (`InternalError`).
 */
export async function secretFileProblem(
  path: string,
  info: Deno.FileInfo,
  os: typeof Deno.build.os = Deno.build.os,
): Promise<string | null> {
  if (os !== "windows") return info.mode === null ? null : modeProblem(info.mode);
  const { currentUserSid, fileSecurity } = await import("../ffi/advapi32.ts");
  return aclProblem(fileSecurity(path), currentUserSid());
}

/** How to make a secret file private, per OS, for messages. */
export function privateFileHint(os: typeof Deno.build.os = Deno.build.os): string {
  return os === "windows"
    ? "make it readable only by you (icacls FILE /inheritance:r /grant:r %USERNAME%:R)"
    : "make it readable only by you (chmod 600)";
}
