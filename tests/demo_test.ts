/**
 * The README's first command runs rasctl's main job on the simulator (`deno task demo`): it must
 * keep working, since a new user meets it first.
 */

import assert from "node:assert/strict";

Deno.test("the demo (README's first command) dials the two-stage VPN and exits 0", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL("../scripts/demo.ts", import.meta.url).pathname],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 0, text + new TextDecoder().decode(out.stderr));
  assert.match(text, /\$ rasctl dial "Corp VPN"/);
  assert.match(text, /"state": "connected"/);
  assert.match(text, /\$ rasctl hangup ISP/);
  // As a standard user: the entries went to the user's own phone book.
  assert.match(text, /"scope": "user"/);
  assert.doesNotMatch(text, /"scope": "allUsers"/);
});
