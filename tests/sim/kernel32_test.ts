/**
 * The simulated kernel32 (tests/sim/src/kernel32/kernel32.c) through rasctl's own binding
 * (ffi/kernel32.ts: kernel32Symbols, Kernel32Library): Win32 event semantics.
 */
import { deepEqual, equal } from "node:assert/strict";
import { Kernel32Library } from "../../ffi/kernel32.ts";
import {
  MAXIMUM_WAIT_OBJECTS,
  WAIT_FAILED,
  WAIT_OBJECT_0,
  WAIT_TIMEOUT,
} from "../../ffi/events.ts";
import { buildSim, kernel32LibraryPath } from "./harness.ts";

await buildSim();
const linux = Deno.build.os === "linux";
const lib = linux ? new Kernel32Library(kernel32LibraryPath()) : undefined;
const k = lib?.symbols!;
const control = linux
  ? Deno.dlopen(kernel32LibraryPath(), {
    Kernel32SimOpenHandles: { parameters: ["i32"], result: "u32" },
  })
  : undefined;
const mine = () => control!.symbols.Kernel32SimOpenHandles(1);

function handles(...events: Deno.PointerValue[]): BigUint64Array<ArrayBuffer> {
  return new BigUint64Array(events.map((e) => BigInt(Deno.UnsafePointer.value(e))));
}

Deno.test({
  name: "an auto-reset event satisfies one wait and is reset by it",
  ignore: !linux,
  async fn() {
    const e = k.CreateEventW(null, 0, 1, null);
    equal(await k.WaitForSingleObject(e, 0), WAIT_OBJECT_0);
    equal(await k.WaitForSingleObject(e, 0), WAIT_TIMEOUT, "the first wait reset it");
    equal(k.SetEvent(e), 1);
    equal(await k.WaitForSingleObject(e, 1000), WAIT_OBJECT_0);
    equal(k.CloseHandle(e), 1);
  },
});

Deno.test({
  name: "a manual-reset event stays signaled until ResetEvent",
  ignore: !linux,
  async fn() {
    const e = k.CreateEventW(null, 1, 0, null);
    equal(await k.WaitForSingleObject(e, 0), WAIT_TIMEOUT);
    k.SetEvent(e);
    equal(await k.WaitForSingleObject(e, 0), WAIT_OBJECT_0);
    equal(await k.WaitForSingleObject(e, 0), WAIT_OBJECT_0, "still signaled");
    equal(k.ResetEvent(e), 1);
    equal(await k.WaitForSingleObject(e, 0), WAIT_TIMEOUT);
    k.CloseHandle(e);
  },
});

Deno.test({
  name: "WaitForMultipleObjects returns the lowest signaled index and consumes only that one",
  ignore: !linux,
  async fn() {
    const [a, b, c] = [0, 1, 2].map(() => k.CreateEventW(null, 0, 0, null));
    const list = handles(a!, b!, c!);
    k.SetEvent(c!);
    k.SetEvent(b!);
    equal(await k.WaitForMultipleObjects(3, list, 0, 0), WAIT_OBJECT_0 + 1);
    equal(await k.WaitForMultipleObjects(3, list, 0, 0), WAIT_OBJECT_0 + 2);
    equal(await k.WaitForMultipleObjects(3, list, 0, 0), WAIT_TIMEOUT);
    // bWaitAll: only once every one is signaled.
    k.SetEvent(a!);
    k.SetEvent(b!);
    equal(await k.WaitForMultipleObjects(3, list, 1, 0), WAIT_TIMEOUT);
    k.SetEvent(c!);
    equal(await k.WaitForMultipleObjects(3, list, 1, 0), WAIT_OBJECT_0);
    equal(await k.WaitForMultipleObjects(3, list, 0, 0), WAIT_TIMEOUT, "all three were reset");
    for (const e of [a, b, c]) k.CloseHandle(e!);
  },
});

Deno.test({
  name: "a wait blocked on a worker thread is released by SetEvent from the JS thread",
  ignore: !linux,
  async fn() {
    const e = k.CreateEventW(null, 0, 0, null);
    const pending = k.WaitForSingleObject(e, 0xffffffff); // INFINITE
    await new Promise((r) => setTimeout(r, 20));
    k.SetEvent(e);
    equal(await pending, WAIT_OBJECT_0);
    equal(await k.WaitForSingleObject(e, 30), WAIT_TIMEOUT, "a finite wait times out");
    k.CloseHandle(e);
  },
});

Deno.test({
  name: "up to 64 handles per wait; 0, 65, a closed handle or a duplicate fail",
  ignore: !linux,
  async fn() {
    const events = Array.from(
      { length: MAXIMUM_WAIT_OBJECTS + 1 },
      () => k.CreateEventW(null, 0, 0, null),
    );
    const list = handles(...events);
    k.SetEvent(events[63]!);
    equal(await k.WaitForMultipleObjects(64, list, 0, 0), WAIT_OBJECT_0 + 63);
    equal(await k.WaitForMultipleObjects(65, list, 0, 0), WAIT_FAILED);
    equal(await k.WaitForMultipleObjects(0, list, 0, 0), WAIT_FAILED);
    equal(await k.WaitForMultipleObjects(2, handles(events[0]!, events[0]!), 0, 0), WAIT_FAILED);
    for (const e of events) k.CloseHandle(e);
    equal(await k.WaitForSingleObject(events[0]!, 0), WAIT_FAILED);
    equal(k.CloseHandle(events[0]!), 0, "closing twice fails");
    equal(k.GetLastError(), 6, "ERROR_INVALID_HANDLE");
    equal(k.SetEvent(events[1]!), 0);
  },
});

Deno.test({
  name: "the simulated kernel32 counts the open handles a thread created",
  ignore: !linux,
  fn() {
    const before = mine();
    const made = [1, 2, 3].map(() => k.CreateEventW(null, 1, 0, null));
    equal(mine(), before + 3);
    k.CloseHandle(made[1]!);
    equal(mine(), before + 2);
    for (const e of made) k.CloseHandle(e);
    equal(mine(), before);
    deepEqual(new Set(made.map((e) => Deno.UnsafePointer.value(e))).size, 3, "distinct handles");
  },
});
