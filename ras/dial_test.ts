import { fileURLToPath } from "node:url";
import { deepEqual, equal, ok, rejects } from "node:assert/strict";
import { RasError } from "../ffi/errors.ts";
import { createSimHome } from "../tests/sim/harness.ts";
import { createEntry } from "./entries.ts";
import { setCredentials } from "./credentials.ts";
import { dialEntry, hangUp } from "./dial.ts";
import { connectionStatus } from "./connections.ts";

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

const SLOW = { ...WORLD, machine: { ...WORLD.machine, dialStepMs: 60 } };
// Slow enough that a child process starts well before the dial could finish (13 steps).
const SLOWER = { ...WORLD, machine: { ...WORLD.machine, dialStepMs: 300 } };

async function dialing(home: { query(): { connections: { handle: string }[] } }): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const c = home.query().connections[0];
    if (c) return c.handle;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the dial never started");
}

Deno.test("dialEntry: a link that drops during the dial fails with the code it dropped with, and is hung up", async () => {
  await using home = await createSimHome({ world: SLOW });
  home.activate();
  const phonebook = home.userPbk;
  await createEntry("Corp", { server: "vpn.example.com", strategy: "ikev2-only" }, { phonebook });
  const states: string[] = [];
  const dial = dialEntry("Corp", {
    phonebook,
    credentials: { user: "alice", password: "pw-1" },
    onProgress: (p) => states.push(p.state),
  });
  const handle = await dialing(home);
  home.command(`drop ${handle} 629`);
  await rejects(dial, (e: unknown) => e instanceof RasError && e.code === 629);
  ok(!states.includes("connected"), states.join());
  equal(home.query().counters.openHandles, 0, "the dropped dial's handle was hung up");
});

Deno.test("dialEntry: a hang-up by another process during the dial ends it (631), not a timeout", async () => {
  await using home = await createSimHome({ world: SLOWER });
  home.activate();
  const phonebook = home.userPbk;
  await createEntry("Corp", { server: "vpn.example.com", strategy: "ikev2-only" }, { phonebook });
  const dial = dialEntry("Corp", { phonebook, credentials: { user: "alice", password: "pw-1" } });
  // Watch the outcome from now on: the dial ends while the child is still running.
  const ended = rejects(dial, (e: unknown) => e instanceof RasError && e.code === 631);
  const handle = await dialing(home);
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      fileURLToPath(new URL("../tests/sim/_child.ts", import.meta.url)),
      "hangup",
      handle,
    ],
    env: home.env,
  }).output();
  equal(out.code, 0);
  await ended;
});

Deno.test("dialEntry: an exception in onProgress settles the dial with it, and the handle is hung up", async () => {
  await using home = await createSimHome({ world: WORLD });
  home.activate();
  const phonebook = home.userPbk;
  await createEntry("Corp", { server: "vpn.example.com", strategy: "ikev2-only" }, { phonebook });
  const broken = new Error("cannot append to --log-file");
  const dial = dialEntry("Corp", {
    phonebook,
    credentials: { user: "alice", password: "pw-1" },
    onProgress: (p) => {
      if (p.state === "authenticate") throw broken;
    },
  });
  await rejects(dial, (e: unknown) => e === broken);
  equal(home.query().counters.openHandles, 0);
});

Deno.test("dialEntry: an exception in onProgress at Connected still settles the dial and hangs up", async () => {
  await using home = await createSimHome({ world: WORLD });
  home.activate();
  const phonebook = home.userPbk;
  await createEntry("Corp", { server: "vpn.example.com", strategy: "ikev2-only" }, { phonebook });
  const broken = new Error("stderr is closed");
  const dial = dialEntry("Corp", {
    phonebook,
    credentials: { user: "alice", password: "pw-1" },
    onProgress: (p) => {
      if (p.state === "connected") throw broken;
    },
  });
  await rejects(dial, (e: unknown) => e === broken);
  equal(home.query().counters.openHandles, 0);
});

Deno.test("a library user's process exits by itself after dialEntry and hangUp", async () => {
  await using home = await createSimHome({ world: WORLD });
  const phonebook = home.userPbk;
  await Deno.mkdir(phonebook.slice(0, phonebook.lastIndexOf("/")), { recursive: true });
  await Deno.writeTextFile(
    phonebook,
    "[Corp]\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\nPhoneNumber=vpn.example.com\r\nType=2\r\n" +
      "Device=WAN Miniport (IKEv2)\r\nVpnStrategy=7\r\n",
  );
  const mod = new URL("../mod.ts", import.meta.url).href;
  const script = `import { dialEntry, hangUp } from ${JSON.stringify(mod)};
const c = await dialEntry("Corp", { phonebook: ${JSON.stringify(phonebook)},
  credentials: { user: "alice", password: "pw-1" } });
await hangUp(c.handle);
console.log(c.state);`;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["eval", "--ext=ts", script],
    env: home.env,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // A process the notifier keeps alive never exits: stop waiting after a generous bound.
  const watchdog = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const out = await child.output();
  clearTimeout(watchdog);
  equal(
    new TextDecoder().decode(out.stdout).trim(),
    "connected",
    new TextDecoder().decode(out.stderr),
  );
  equal(out.code, 0, "the process exited by itself");
});

// RasHangUp waits for a notifier inside its RasDialFunc1 callback (tests/sim/README.md
// "RasHangUp waits for the callback"), and Deno runs that callback on the JS thread: a
// RasHangUp made on the JS thread would wait for a callback that waits for it. The sim gives
// up after its fuse (ERROR_TIMEOUT, counted in `process.hangUpCallbackTimeouts`); Windows
// would wait for ever.
Deno.test("dialEntry then hangUp at once, still inside the notifier's Connected callback: released, no wait on the JS thread", async () => {
  await using home = await createSimHome({ world: WORLD });
  home.activate();
  const phonebook = home.userPbk;
  await createEntry("Corp", { server: "vpn.example.com", strategy: "ikev2-only" }, { phonebook });
  const c = await dialEntry("Corp", {
    phonebook,
    credentials: { user: "alice", password: "pw-1" },
  });
  await hangUp(c.handle);
  equal(home.query().process.hangUpCallbackTimeouts, 0, "RasHangUp never gave up waiting");
  equal(home.query().counters.openHandles, 0);
});

Deno.test("dialEntry aborted while the notifier waits in its next callback for the JS thread: hung up, no deadlock", async () => {
  await using home = await createSimHome({ world: SLOW });
  home.activate();
  const phonebook = home.userPbk;
  await createEntry("Corp", { server: "vpn.example.com", strategy: "ikev2-only" }, { phonebook });
  const stop = new AbortController();
  const reason = new Error("stopped");
  let armed = false;
  const dial = dialEntry("Corp", {
    phonebook,
    credentials: { user: "alice", password: "pw-1" },
    signal: stop.signal,
    onProgress: (p) => {
      if (p.state !== "open-port" || armed) return;
      armed = true;
      setTimeout(() => {
        // Hold the JS thread until the notifier is blocked in its next callback (which needs
        // this thread), then stop: the hang-up starts while that callback waits.
        for (let i = 0; home.query().process.callbacksRunning === 0; i++) {
          if (i > 1_000_000) throw new Error("the notifier never called again");
        }
        stop.abort(reason);
      }, 0);
    },
  });
  await rejects(dial, (e: unknown) => e === reason);
  equal(home.query().process.hangUpCallbackTimeouts, 0, "RasHangUp never gave up waiting");
  equal(home.query().counters.openHandles, 0, "the dial was hung up");
  equal(home.query().counters.hangups, 1);
});

Deno.test("nonblocking calls run on a worker thread: the sim finds the caller's machine by its book and handle, not RASSIM_HOME", async () => {
  await using home = await createSimHome({ world: WORLD });
  home.activate();
  const phonebook = home.userPbk;
  await createEntry("Corp", { server: "vpn.example.com", strategy: "ikev2-only" }, { phonebook });
  // What another test module's activate() does meanwhile (--parallel: one process).
  await using other = await createSimHome({ world: WORLD });
  Deno.env.set("RASSIM_HOME", other.path);
  try {
    const c = await dialEntry("Corp", {
      phonebook,
      credentials: { user: "alice", password: "pw-1" },
    });
    equal((await connectionStatus(c.handle))?.state, "connected");
    await hangUp(c.handle);
    equal(home.query().counters.dials, 1);
    equal(home.query().counters.openHandles, 0);
    equal(other.query().counters.dials, 0);
  } finally {
    Deno.env.set("RASSIM_HOME", home.path);
  }
});
