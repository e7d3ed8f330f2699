import assert from "node:assert/strict";
import { withScratch } from "./scratch.ts";

Deno.test("withScratch() lends zeroed bytes of the size asked, and zeroes them again after use", () => {
  let first: ArrayBuffer | undefined;
  withScratch(32, (bytes) => {
    assert.equal(bytes.byteLength, 32);
    assert.ok(bytes.every((b) => b === 0));
    bytes.fill(0xab);
    first = bytes.buffer;
  });
  withScratch(16, (bytes) => {
    assert.equal(bytes.buffer, first, "the same memory is lent again");
    assert.equal(bytes.byteLength, 16);
    assert.ok(
      new Uint8Array(bytes.buffer).every((b) => b === 0),
      "nothing of the last loan is left",
    );
  });
});

Deno.test("withScratch() gives a loan made while another is out memory of its own", () => {
  withScratch(8, (outer) => {
    outer.fill(1);
    withScratch(8, (inner) => {
      assert.notEqual(inner.buffer, outer.buffer);
      assert.ok(inner.every((b) => b === 0));
      inner.fill(2);
    });
    assert.ok(outer.every((b) => b === 1), "the inner loan did not write into the outer one");
  });
});

Deno.test("withScratch() returns what use returned, passes its error on, and refuses a promise", () => {
  assert.equal(withScratch(4, (bytes) => bytes.byteLength * 2), 8);
  assert.throws(() =>
    withScratch(4, () => {
      throw new RangeError("from use");
    }), /from use/);
  assert.throws(() => withScratch(4, () => Promise.resolve(1)), /synchronous calls only/);
  withScratch(4, (bytes) => assert.ok(bytes.every((b) => b === 0), "zeroed after a failed use"));
});

Deno.test("withScratch() lends more than it keeps: a larger loan is not held afterwards", () => {
  let big: ArrayBuffer | undefined;
  withScratch(1024 * 1024, (bytes) => {
    big = bytes.buffer;
  });
  withScratch(1024 * 1024, (bytes) => assert.notEqual(bytes.buffer, big));
});
