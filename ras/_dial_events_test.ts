import { deepEqual } from "node:assert/strict";
import { DialEvents } from "./_dial_events.ts";

Deno.test("DialEvents replays notifications that came before RasDial returned the handle", () => {
  const events = new DialEvents();
  events.begin();
  events.deliver(0x10001n, 0, 0); // RASCS_OpenPort, before the handle is known
  events.deliver(0x10001n, 1, 0);
  const seen: [number, number][] = [];
  events.listen(0x10001n, (state, error) => seen.push([state, error]));
  events.deliver(0x10001n, 2, 0);
  deepEqual(seen, [[0, 0], [1, 0], [2, 0]]);
  events.forget(0x10001n);
  events.end();
});

Deno.test("DialEvents drops late notifications once no dial is in flight", () => {
  const events = new DialEvents();
  events.begin();
  events.end();
  events.deliver(0x10002n, 0x2001, 0); // a late call of a dial that has ended
  const seen: number[] = [];
  events.begin();
  events.listen(0x10002n, (state) => seen.push(state));
  deepEqual(seen, []);
  events.end();
});
