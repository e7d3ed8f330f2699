import { deepEqual, equal } from "node:assert/strict";
import { kernel32Symbols } from "./kernel32.ts";
import {
  INFINITE,
  INVALID_HANDLE_VALUE,
  MAXIMUM_WAIT_OBJECTS,
  RASCN,
  WAIT_FAILED,
  WAIT_OBJECT_0,
  WAIT_TIMEOUT,
} from "./events.ts";
import { loadAbiFacts } from "../tests/_abi.ts";

// ../shared/abi has no kernel32 facts, so these are pinned to the documented prototypes and
// constants (learn.microsoft.com synchapi.h/handleapi.h pages; winbase.h/winerror.h/winnt.h).

Deno.test("kernel32Symbols match the documented Win64 prototypes, waits nonblocking", () => {
  const table = Object.fromEntries(
    Object.entries(kernel32Symbols).map(([name, d]) => [name, {
      parameters: [...d.parameters],
      result: d.result,
      nonblocking: "nonblocking" in d ? d.nonblocking : false,
    }]),
  );
  deepEqual(table, {
    // HANDLE CreateEventW(LPSECURITY_ATTRIBUTES, BOOL, BOOL, LPCWSTR)
    CreateEventW: {
      parameters: ["pointer", "i32", "i32", "buffer"],
      result: "pointer",
      nonblocking: false,
    },
    SetEvent: { parameters: ["pointer"], result: "i32", nonblocking: false }, // BOOL (HANDLE)
    ResetEvent: { parameters: ["pointer"], result: "i32", nonblocking: false },
    CloseHandle: { parameters: ["pointer"], result: "i32", nonblocking: false },
    // DWORD WaitForSingleObject(HANDLE, DWORD)
    WaitForSingleObject: { parameters: ["pointer", "u32"], result: "u32", nonblocking: true },
    // DWORD WaitForMultipleObjects(DWORD, const HANDLE*, BOOL, DWORD)
    WaitForMultipleObjects: {
      parameters: ["u32", "buffer", "i32", "u32"],
      result: "u32",
      nonblocking: true,
    },
    GetLastError: { parameters: [], result: "u32", nonblocking: false }, // DWORD (void)
  });
});

Deno.test("wait constants have their SDK values", () => {
  deepEqual([WAIT_OBJECT_0, WAIT_TIMEOUT, WAIT_FAILED, INFINITE, MAXIMUM_WAIT_OBJECTS], [
    0,
    0x102,
    0xffffffff,
    0xffffffff,
    64,
  ]);
  equal(Deno.UnsafePointer.value(INVALID_HANDLE_VALUE), 0xffffffffffffffffn);
});

Deno.test("RASCN_* flags match constants.json", async () => {
  const facts = (await loadAbiFacts("constants.json")) as {
    groups: { RASCN: Record<string, { value: number }> };
  };
  for (const [name, value] of Object.entries(RASCN)) {
    equal(value, facts.groups.RASCN[name]?.value, name);
  }
});
