import { deepEqual, ok } from "node:assert/strict";
import { loadAbiFacts } from "../tests/_abi.ts";
import { rasapi32Symbols } from "./symbols.ts";

type Facts = {
  functions: Record<string, { ffi_signature: { parameters: string[]; result: string } }>;
};

Deno.test("every rasapi32 symbol's parameters and result are functions.json's FFI signature", async () => {
  const facts = new Map(Object.entries((await loadAbiFacts("functions.json") as Facts).functions));
  for (const [name, symbol] of Object.entries(rasapi32Symbols)) {
    const fact = facts.get(name);
    ok(fact, `${name} is in functions.json`);
    deepEqual(
      { parameters: [...symbol.parameters], result: symbol.result },
      fact.ffi_signature,
      name,
    );
  }
});
