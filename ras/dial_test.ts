import { deepEqual, equal } from "node:assert/strict";
import { createSimHome } from "../tests/sim/harness.ts";
import { createEntry } from "./entries.ts";
import { setCredentials } from "./credentials.ts";
import { dialEntry, hangUp } from "./dial.ts";

const WORLD = {
  machine: { ipNetwork: true, dialStepMs: 2, releaseDelayMs: 20 },
  servers: {
    "vpn.example.com": { protocols: ["ikev2"] as const, user: "alice", password: "pw-1" },
  },
};

Deno.test("dialEntry asks for a password only when none is given and none is saved", async () => {
  await using home = await createSimHome({ world: WORLD });
  home.activate();
  const phonebook = home.userPbk;
  await createEntry("Corp", { server: "vpn.example.com", strategy: "ikev2-only" }, { phonebook });
  const asked: string[] = [];
  const askPassword = (entry: string, user: string) => {
    asked.push(`${user}@${entry}`);
    return Promise.resolve("pw-1");
  };

  const first = await dialEntry("Corp", { phonebook, credentials: { user: "alice" }, askPassword });
  equal(first.state, "connected");
  deepEqual(asked, ["alice@Corp"]);
  await hangUp(first.handle);

  const given = await dialEntry("Corp", {
    phonebook,
    credentials: { user: "alice", password: "pw-1" },
    askPassword,
  });
  equal(given.state, "connected");
  await hangUp(given.handle);

  await setCredentials("Corp", { user: "alice", password: "pw-1" }, { phonebook });
  const saved = await dialEntry("Corp", { phonebook, askPassword });
  equal(saved.state, "connected");
  await hangUp(saved.handle);
  deepEqual(asked, ["alice@Corp"], "not asked again: given, then saved");
});
