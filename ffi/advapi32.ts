/**
 * A file's owner and DACL, and the calling process's user SID, through advapi32 (Windows
 * only; there is no simulated advapi32, so this runs on Windows alone). The bytes are decoded
 * by `acl.ts`, which is tested everywhere; the decision on them is `ras/secret_file.ts`.
 *
 * - GetNamedSecurityInfoW(pObjectName, SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION |
 *   DACL_SECURITY_INFORMATION, &owner, NULL, &dacl, NULL, &descriptor): returns ERROR_SUCCESS
 *   or a Win32 error; `dacl` is NULL for a NULL DACL (everyone has full access); the
 *   descriptor is freed with LocalFree
 *   (https://learn.microsoft.com/windows/win32/api/aclapi/nf-aclapi-getnamedsecurityinfow).
 * - OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token) and GetTokenInformation(token,
 *   TokenUser, ...): a TOKEN_USER whose `User.Sid` points into the same buffer
 *   (https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-openprocesstoken,
 *   https://learn.microsoft.com/windows/win32/api/securitybaseapi/nf-securitybaseapi-gettokeninformation,
 *   https://learn.microsoft.com/windows/win32/api/winnt/ns-winnt-token_user).
 *
 * @module
 */

import { type Ace, parseAcl, sidToString } from "./acl.ts";
import { LazyLibrary, system32Dll } from "./library.ts";
import { locateKernel32 } from "./kernel32.ts";
import { cstr } from "./wstr.ts";

/** The advapi32 functions rasctl binds (C prototype beside each parameter). */
export const advapi32Symbols = {
  GetNamedSecurityInfoW: {
    parameters: [
      "buffer", // LPCWSTR pObjectName
      "u32", // SE_OBJECT_TYPE ObjectType
      "u32", // SECURITY_INFORMATION SecurityInfo
      "buffer", // PSID *ppsidOwner (opt)
      "buffer", // PSID *ppsidGroup (opt)
      "buffer", // PACL *ppDacl (opt)
      "buffer", // PACL *ppSacl (opt)
      "buffer", // PSECURITY_DESCRIPTOR *ppSecurityDescriptor
    ],
    result: "u32", // DWORD
  },
  OpenProcessToken: {
    parameters: [
      "pointer", // HANDLE ProcessHandle
      "u32", // DWORD DesiredAccess
      "buffer", // PHANDLE TokenHandle
    ],
    result: "i32", // BOOL
  },
  GetTokenInformation: {
    parameters: [
      "pointer", // HANDLE TokenHandle
      "u32", // TOKEN_INFORMATION_CLASS TokenInformationClass
      "buffer", // LPVOID TokenInformation (opt)
      "u32", // DWORD TokenInformationLength
      "buffer", // PDWORD ReturnLength
    ],
    result: "i32", // BOOL
  },
} as const satisfies Deno.ForeignLibraryInterface;

/** The kernel32 functions this module needs besides advapi32's. */
const kernelSymbols = {
  // https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-localfree
  LocalFree: { parameters: ["pointer"], result: "pointer" }, // HLOCAL LocalFree(HLOCAL hMem)
  // https://learn.microsoft.com/windows/win32/api/handleapi/nf-handleapi-closehandle
  CloseHandle: { parameters: ["pointer"], result: "i32" }, // BOOL CloseHandle(HANDLE hObject)
  // https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-getlasterror
  GetLastError: { parameters: [], result: "u32" },
} as const satisfies Deno.ForeignLibraryInterface;

/** SE_OBJECT_TYPE SE_FILE_OBJECT (accctrl.h). */
const SE_FILE_OBJECT = 1;
/** SECURITY_INFORMATION bits (winnt.h). */
const OWNER_SECURITY_INFORMATION = 0x1;
const DACL_SECURITY_INFORMATION = 0x4;
/** TOKEN_QUERY (winnt.h) and TOKEN_INFORMATION_CLASS TokenUser. */
const TOKEN_QUERY = 0x8;
const TOKEN_USER = 1;
/** GetCurrentProcess() is the pseudo-handle (HANDLE)-1. */
const CURRENT_PROCESS = Deno.UnsafePointer.create(0xffff_ffff_ffff_ffffn);

/** A Win32 call that failed, with its code. */
export class Win32Error extends Error {
  /** `InternalError`: one of the error names rasctl documents. */
  override readonly name = "InternalError";
  /** The Win32 error code. */
  readonly code: number;
  /**
   * Names the function and its code.
   *
   * @param operation The function that failed.
   * @param code Its error code.
   */
  constructor(operation: string, code: number) {
    super(`${operation} failed with Win32 error ${code}`);
    this.code = code;
  }
}

let advapi: LazyLibrary<typeof advapi32Symbols> | undefined;
let kernel: LazyLibrary<typeof kernelSymbols> | undefined;

function libraries() {
  advapi ??= new LazyLibrary("advapi32", advapi32Symbols, system32Dll("advapi32"));
  kernel ??= new LazyLibrary("kernel32", kernelSymbols, locateKernel32());
  return { a: advapi.symbols, k: kernel.symbols };
}

function pointerAt(out: BigUint64Array): Deno.PointerValue {
  return Deno.UnsafePointer.create(out[0]!);
}

/** A SID read from memory (its length comes from SubAuthorityCount). */
function sidAt(pointer: Deno.PointerObject): string {
  const count = new Deno.UnsafePointerView(pointer).getUint8(1);
  const bytes = new Uint8Array(
    Deno.UnsafePointerView.getArrayBuffer(pointer, 8 + 4 * count),
  );
  return sidToString(bytes);
}

/** A file's owner and DACL (null: a NULL DACL, which grants everyone full access). */
export interface FileSecurity {
  /** The owner's SID. */
  owner: string;
  /** The DACL's ACEs in order, or null for a NULL DACL. */
  dacl: Ace[] | null;
}

/**
 * Reads a file's owner and DACL (Windows only).
 *
 * @param path The file.
 * @returns Its owner and ACEs.
 * @throws {Win32Error} When GetNamedSecurityInfoW fails.
 */
export function fileSecurity(path: string): FileSecurity {
  const { a, k } = libraries();
  const owner = new BigUint64Array(1);
  const dacl = new BigUint64Array(1);
  const descriptor = new BigUint64Array(1);
  const code = a.GetNamedSecurityInfoW(
    cstr(path, "file"),
    SE_FILE_OBJECT,
    OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
    new Uint8Array(owner.buffer),
    null,
    new Uint8Array(dacl.buffer),
    null,
    new Uint8Array(descriptor.buffer),
  );
  if (code !== 0) throw new Win32Error("GetNamedSecurityInfoW", code);
  try {
    const ownerPointer = pointerAt(owner);
    const daclPointer = pointerAt(dacl);
    if (ownerPointer === null) throw new Win32Error("GetNamedSecurityInfoW (no owner)", 0);
    let aces: Ace[] | null = null;
    if (daclPointer !== null) {
      const size = new Deno.UnsafePointerView(daclPointer).getUint16(2); // ACL.AclSize
      aces = parseAcl(new Uint8Array(Deno.UnsafePointerView.getArrayBuffer(daclPointer, size)));
    }
    return { owner: sidAt(ownerPointer), dacl: aces };
  } finally {
    k.LocalFree(pointerAt(descriptor));
  }
}

/**
 * The SID of the user this process runs as (TokenUser of its token; Windows only).
 *
 * @returns The SID string.
 * @throws {Win32Error} When the token cannot be queried.
 */
export function currentUserSid(): string {
  const { a, k } = libraries();
  const handle = new BigUint64Array(1);
  if (!a.OpenProcessToken(CURRENT_PROCESS, TOKEN_QUERY, new Uint8Array(handle.buffer))) {
    throw new Win32Error("OpenProcessToken", k.GetLastError());
  }
  const token = pointerAt(handle);
  try {
    const needed = new Uint32Array(1);
    a.GetTokenInformation(token, TOKEN_USER, null, 0, new Uint8Array(needed.buffer));
    const buffer = new Uint8Array(Math.max(needed[0]!, 16));
    if (
      !a.GetTokenInformation(
        token,
        TOKEN_USER,
        buffer,
        buffer.length,
        new Uint8Array(needed.buffer),
      )
    ) {
      throw new Win32Error("GetTokenInformation", k.GetLastError());
    }
    // TOKEN_USER { SID_AND_ATTRIBUTES User { PSID Sid; DWORD Attributes } }: Sid points into
    // this buffer.
    const sid = Deno.UnsafePointer.create(new BigUint64Array(buffer.buffer, 0, 1)[0]!);
    if (sid === null) throw new Win32Error("GetTokenInformation (no SID)", 0);
    return sidAt(sid);
  } finally {
    k.CloseHandle(token);
  }
}
