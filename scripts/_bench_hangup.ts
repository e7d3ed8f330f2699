/**
 * Part of the events bench (scripts/_bench_events.ts): dials "Bench Hangup" and hangs it up N
 * times in this process, printing how many ms after the release each hangUp() returned, as a
 * JSON array. The release is taken as the time hangUp() was called plus the world's
 * releaseDelayMs (RasHangUp itself comes a little later, so the figure is an upper bound).
 * Run with or without RASCTL_KERNEL32 to compare the notification with the back-off poll.
 *
 * @module
 */

import { dialEntry, hangUp } from "../ras/dial.ts";

const rounds = Number(Deno.args[0] ?? 30);
const releaseMs = Number(Deno.env.get("BENCH_RELEASE_MS") ?? 40);
const home = Deno.env.get("RASSIM_HOME")!;
await Deno.writeTextFile(
  `${home}/world.ini`,
  `[machine]\nipNetwork=1\ndialStepMs=0\nreleaseDelayMs=${releaseMs}\n\n[server vpn.example.com]\n`,
);
const late: number[] = [];
for (let i = 0; i < rounds; i++) {
  const { handle } = await dialEntry("Bench Hangup", {
    credentials: { user: "alice", password: "bench" },
  });
  const called = Date.now();
  await hangUp(handle, { entry: "Bench Hangup" });
  late.push(Date.now() - (called + releaseMs));
}
console.log(JSON.stringify(late));
Deno.exit(0); // the shared RasDial notifier is never closed (ras/dial.ts), so end explicitly
