import assert from "node:assert/strict";
import {
  enumerate,
  type EnumerateCall,
  ERROR_BUFFER_TOO_SMALL,
  ERROR_INVALID_SIZE,
  FIRST_ROOM,
  negotiateSize,
  resetNegotiatedSizes,
} from "./negotiate.ts";
import { RasError } from "./errors.ts";
import { RASCONNSTATUSW, RASCONNW, RASENTRYNAMEW } from "./structs.ts";
import type { StructLayout } from "./layout.ts";

/** What one emulated Windows does with a dwSize: the versions it knows, newest first. */
function acceptsUpTo(layout: StructLayout<unknown>, newest: number): number[] {
  return layout.dwSizes.filter((s) => s <= newest);
}

interface FakeOptions {
  /** The dwSizes this Windows accepts. */
  accepts: number[];
  /** How many elements exist at the n-th call (0-based). */
  elementsAt: (call: number) => number;
  /** A result code to fail with instead, if any. */
  failWith?: number;
  /** Report in cb no more than the caller gave on the first n calls (a size Windows misjudged). */
  understateCb?: number;
}

/**
 * A fake RasEnumConnectionsW/RasEnumEntriesW: checks the first element's dwSize (632 when it
 * does not know it), reports the needed size with 603 when the buffer is NULL or small, else
 * writes the elements at the caller's dwSize with names `entry <i>`.
 */
function fakeEnum(layout: StructLayout<unknown>, options: FakeOptions) {
  const log: { dwSize: number | null; cb: number; code: number }[] = [];
  const call: EnumerateCall = (buffer, cb, count) => {
    // Fail fast instead of hanging when the helper under test would loop forever.
    if (log.length >= 100) throw new Error("enumerate() kept calling: it never gave up");
    const n = options.elementsAt(log.length);
    const dwSize = buffer === null
      ? null
      : new DataView(buffer.buffer, buffer.byteOffset).getUint32(0, true);
    const record = (code: number) => {
      log.push({ dwSize, cb: cbIn, code });
      return code;
    };
    const cbIn = cb[0]!;
    if (options.failWith !== undefined) return record(options.failWith);
    if (dwSize !== null && !options.accepts.includes(dwSize)) return record(ERROR_INVALID_SIZE);
    const elementSize = dwSize ?? options.accepts[0]!;
    const needed = n * elementSize;
    if (buffer === null || cbIn < needed) {
      cb[0] = log.length < (options.understateCb ?? 0) ? Math.min(needed, cbIn) : needed;
      count[0] = n;
      return record(n === 0 && buffer === null ? 0 : ERROR_BUFFER_TOO_SMALL);
    }
    const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    for (let i = 0; i < n; i++) {
      layout.encodeInto(
        view,
        i * elementSize,
        { szEntryName: `entry ${i}` },
        layout.name,
        elementSize,
      );
    }
    cb[0] = needed;
    count[0] = n;
    return record(0);
  };
  return { call, log };
}

/** The `pick` of the tests: each element's name. */
const entryName = (e: unknown) => (e as { szEntryName: string }).szEntryName;

const range = (n: number) => Array.from({ length: n }, (_, i) => `entry ${i}`);

Deno.test("the fake plays Windows' size game: NULL buffer or too small gives 603 and the size", () => {
  const { call } = fakeEnum(RASCONNW, { accepts: [1388], elementsAt: () => 3 });
  const cb = new Uint32Array([0]);
  const count = new Uint32Array([0]);
  assert.equal(call(null, cb, count), ERROR_BUFFER_TOO_SMALL);
  assert.equal(cb[0], 3 * 1388);
  const one = RASCONNW.encode({});
  cb[0] = one.byteLength;
  assert.equal(call(one, cb, count), ERROR_BUFFER_TOO_SMALL);
  assert.equal(cb[0], 3 * 1388);
  assert.equal(call(RASCONNW.encode({}, { size: 820 }), cb, count), ERROR_INVALID_SIZE);
});

Deno.test("negotiateSize() tries the newest dwSize first, then older ones on 632", () => {
  resetNegotiatedSizes();
  const accepted = acceptsUpTo(RASCONNSTATUSW, 564); // Windows Vista: no Win7 endpoints
  const tried: number[] = [];
  const result = negotiateSize(RASCONNSTATUSW, (size) => {
    tried.push(size);
    return accepted.includes(size) ? 0 : ERROR_INVALID_SIZE;
  });
  assert.deepEqual(result, { code: 0, size: 564 });
  assert.deepEqual(tried, [608, 564]);
});

Deno.test("negotiateSize() remembers the size that worked and starts there next time", () => {
  resetNegotiatedSizes();
  const accepted = acceptsUpTo(RASCONNW, 1360); // Windows 2000
  let calls = 0;
  const attempt = (size: number) => {
    calls++;
    return accepted.includes(size) ? 0 : ERROR_INVALID_SIZE;
  };
  assert.equal(negotiateSize(RASCONNW, attempt).size, 1360);
  assert.equal(calls, 3); // 1388, 1372, 1360
  calls = 0;
  assert.equal(negotiateSize(RASCONNW, attempt).size, 1360);
  assert.equal(calls, 1);
  resetNegotiatedSizes();
  calls = 0;
  negotiateSize(RASCONNW, attempt);
  assert.equal(calls, 3, "resetNegotiatedSizes() forgets");
});

Deno.test("negotiateSize() still falls back below a remembered size that is later refused", () => {
  resetNegotiatedSizes();
  negotiateSize(RASCONNW, () => 0);
  const tried: number[] = [];
  const result = negotiateSize(RASCONNW, (size) => {
    tried.push(size);
    return size === 820 ? 0 : ERROR_INVALID_SIZE;
  });
  assert.deepEqual(result, { code: 0, size: 820 });
  assert.deepEqual(tried, [1388, 1372, 1360, 1344, 820]);
});

Deno.test("negotiateSize() returns 632 when no dwSize is accepted, having tried each once", () => {
  resetNegotiatedSizes();
  const tried: number[] = [];
  const result = negotiateSize(RASENTRYNAMEW, (size) => {
    tried.push(size);
    return ERROR_INVALID_SIZE;
  });
  assert.equal(result.code, ERROR_INVALID_SIZE);
  assert.deepEqual(tried, [1048, 520]);
});

Deno.test("negotiateSize() hands other results straight back without trying older sizes", () => {
  resetNegotiatedSizes();
  const tried: number[] = [];
  const result = negotiateSize(RASCONNW, (size) => {
    tried.push(size);
    return 6;
  });
  assert.deepEqual(result, { code: 6, size: 1388 });
  assert.deepEqual(tried, [1388]);
});

Deno.test("enumerate() answers in one call when the first buffer has room for all", () => {
  resetNegotiatedSizes();
  const fake = fakeEnum(RASENTRYNAMEW, { accepts: [1048, 520], elementsAt: () => 5 });
  const result = enumerate(RASENTRYNAMEW, fake.call, "RasEnumEntries", entryName);
  assert.equal(result.items.length, 5);
  assert.deepEqual(result.items, range(5));
  assert.deepEqual(fake.log.map((c) => c.cb), [FIRST_ROOM * 1048]);
});

Deno.test("enumerate() grows to the size Windows asks for and returns every element", () => {
  resetNegotiatedSizes();
  const n = FIRST_ROOM + 5;
  const fake = fakeEnum(RASENTRYNAMEW, { accepts: [1048, 520], elementsAt: () => n });
  const result = enumerate(RASENTRYNAMEW, fake.call, "RasEnumEntries", entryName);
  assert.equal(result.items.length, n);
  assert.equal(result.elementSize, 1048);
  assert.deepEqual(result.items, range(n));
  assert.deepEqual(fake.log.map((c) => c.code), [ERROR_BUFFER_TOO_SMALL, 0]);
  assert.deepEqual(fake.log.map((c) => c.cb), [FIRST_ROOM * 1048, n * 1048]);
  assert.ok(fake.log.every((c) => c.dwSize === 1048), "dwSize set in the first element");
});

Deno.test("enumerate() of nothing returns no elements", () => {
  resetNegotiatedSizes();
  const fake = fakeEnum(RASCONNW, { accepts: [1388], elementsAt: () => 0 });
  const result = enumerate(RASCONNW, fake.call, "RasEnumConnections", entryName);
  assert.equal(result.items.length, 0);
  assert.deepEqual(result.items, []);
});

Deno.test("enumerate() negotiates the element size on an older Windows and decodes each element at it", () => {
  resetNegotiatedSizes();
  const accepts = acceptsUpTo(RASCONNW, 1372); // Windows XP: no guidCorrelationId
  const n = FIRST_ROOM + 4;
  const fake = fakeEnum(RASCONNW, { accepts, elementsAt: () => n });
  const result = enumerate(RASCONNW, fake.call, "RasEnumConnections", (c) => ({
    name: c.szEntryName,
    dwSize: c.dwSize,
    guid: c.guidCorrelationId,
  }));
  assert.equal(result.elementSize, 1372);
  assert.equal(result.bufferSize, n * 1372);
  const conns = result.items;
  assert.deepEqual(conns.map((c) => c.name), range(n));
  assert.ok(conns.every((c) => c.dwSize === 1372));
  assert.ok(conns.every((c) => c.guid === "{00000000-0000-0000-0000-000000000000}"));
  assert.equal(fake.log[0]!.code, ERROR_INVALID_SIZE, "1388 was tried first");
  // Second enumeration: straight to 1372.
  const again = fakeEnum(RASCONNW, { accepts, elementsAt: () => n });
  enumerate(RASCONNW, again.call, "RasEnumConnections", entryName);
  assert.ok(again.log.every((c) => c.dwSize === 1372));
  assert.equal(again.log.length, 2);
});

Deno.test("enumerate() keeps growing while the data grows between calls, and ends with all of it", () => {
  resetNegotiatedSizes();
  // Three more connections appear on each of the first four calls, then the list settles.
  const fake = fakeEnum(RASCONNW, {
    accepts: [1388],
    elementsAt: (call) => FIRST_ROOM + 2 + 3 * Math.min(call, 4),
  });
  const result = enumerate(RASCONNW, fake.call, "RasEnumConnections", entryName);
  assert.equal(result.items.length, FIRST_ROOM + 14);
  assert.deepEqual(result.items, range(FIRST_ROOM + 14));
  assert.ok(fake.log.length > 2, "it took more than one grow");
});

Deno.test("enumerate() grows by at least one element when Windows asks for no more than it had", () => {
  resetNegotiatedSizes();
  const n = FIRST_ROOM + 2;
  const fake = fakeEnum(RASENTRYNAMEW, { accepts: [1048], elementsAt: () => n, understateCb: 2 });
  const result = enumerate(RASENTRYNAMEW, fake.call, "RasEnumEntries", entryName);
  assert.deepEqual(result.items, range(n));
  assert.deepEqual(fake.log.map((c) => c.cb), [
    FIRST_ROOM * 1048,
    (FIRST_ROOM + 1) * 1048,
    n * 1048,
  ]);
});

Deno.test("enumerate() gives up with RasError 603 when the data never stops growing", () => {
  resetNegotiatedSizes();
  const fake = fakeEnum(RASCONNW, {
    accepts: [1388],
    elementsAt: (call) => (call + 1) * 10 * FIRST_ROOM,
  });
  assert.throws(
    () => enumerate(RASCONNW, fake.call, "RasEnumConnections", entryName),
    (e: unknown) =>
      e instanceof RasError && e.code === ERROR_BUFFER_TOO_SMALL &&
      e.name === "ERROR_BUFFER_TOO_SMALL" && e.operation === "RasEnumConnections",
  );
  assert.ok(fake.log.length <= 16, `bounded number of calls, made ${fake.log.length}`);
  assert.ok(fake.log.length >= 2);
});

Deno.test("enumerate() turns any other failure into a RasError with code and operation", () => {
  resetNegotiatedSizes();
  const fake = fakeEnum(RASENTRYNAMEW, { accepts: [1048], elementsAt: () => 1, failWith: 621 });
  assert.throws(
    () => enumerate(RASENTRYNAMEW, fake.call, "RasEnumEntries", entryName),
    (e: unknown) =>
      e instanceof RasError && e.code === 621 && e.name === "ERROR_CANNOT_OPEN_PHONEBOOK" &&
      e.operation === "RasEnumEntries" && e.entry === null,
  );
  assert.equal(fake.log.length, 1);
});

Deno.test("enumerate() fails with RasError 632 when Windows knows none of the sizes", () => {
  resetNegotiatedSizes();
  const fake = fakeEnum(RASENTRYNAMEW, { accepts: [999], elementsAt: () => 1 });
  assert.throws(
    () => enumerate(RASENTRYNAMEW, fake.call, "RasEnumEntries", entryName),
    (e: unknown) => e instanceof RasError && e.code === ERROR_INVALID_SIZE,
  );
  assert.deepEqual(fake.log.map((c) => c.dwSize), [1048, 520]);
});

Deno.test("enumerate() lends its first buffer: each enumeration reads its own elements, none left behind", () => {
  resetNegotiatedSizes();
  const five = fakeEnum(RASENTRYNAMEW, { accepts: [1048], elementsAt: () => 5 });
  assert.deepEqual(
    enumerate(RASENTRYNAMEW, five.call, "RasEnumEntries", entryName).items,
    range(5),
  );
  // The same memory, lent again: the two elements written now, not five from before.
  const two = fakeEnum(RASENTRYNAMEW, { accepts: [1048], elementsAt: () => 2 });
  const seen: string[] = [];
  const result = enumerate(RASENTRYNAMEW, two.call, "RasEnumEntries", (e) => {
    seen.push(e.szEntryName);
    return e.dwSize;
  });
  assert.deepEqual(seen, range(2));
  assert.deepEqual(result.items, [1048, 1048]);
});
