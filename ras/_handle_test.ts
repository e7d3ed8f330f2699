import { equal, throws } from "node:assert/strict";
import { handlePointer, handleText } from "./_handle.ts";

Deno.test("handleText and handlePointer turn a handle value into text and back", () => {
  for (const value of [1n, 0x10001n, 0xffff_ffff_ffffn, 0xffff_ffff_ffff_ffffn]) {
    const text = handleText(value);
    equal(text, `0x${value.toString(16)}`);
    equal(BigInt(Deno.UnsafePointer.value(handlePointer(text))), value);
  }
});

Deno.test("handlePointer refuses text that is not a hex handle", () => {
  for (const bad of ["", "10001", "0x", "0xZZ", "0x10001 ", "0x1ffffffffffffffff"]) {
    throws(() => handlePointer(bad), RangeError, bad);
  }
});
