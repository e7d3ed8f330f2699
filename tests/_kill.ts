/**
 * Kill trials: a writing rasctl command is killed with SIGKILL at a random point, then the
 * phone book must still load (no torn book), the next writing command must succeed within its
 * lock wait (the lock was released), and after it no temporary file may be left. Shared by
 * `tests/pbk_kill_test.ts` (10 trials) and `scripts/pbk_kill_stress.ts` (100 and more).
 *
 * @module
 */

import { cliHome, rasctlProcess as rasctl, spawnRasctl } from "./_support/cli.ts";

/** What the trials saw. */
export interface KillFigures {
  trials: number;
  /** Killed while still running (the others had finished before the kill). */
  killedMidRun: number;
  /** Temporary files found right after a kill, before the next command. */
  tempFilesAfterKill: number;
  /** Books that no longer loaded (must be 0). */
  tornBooks: number;
  /** Next commands that failed (must be 0; a held lock would show as TimeoutError). */
  nextCommandFailures: number;
  /** Temporary files left after the next command (must be 0). */
  tempFilesLeft: number;
  /** Per command, how many trials ran it. */
  byCommand: Record<string, number>;
  /** What went wrong, for messages. */
  problems: string[];
}

async function tempFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) found.push(...await tempFiles(path));
    else if (/\.tmp\d/.test(e.name)) found.push(path);
  }
  return found;
}

/**
 * Runs kill trials in one sim home.
 *
 * @param trials How many.
 * @param random A source of numbers in [0, 1) (seeded by the caller for reproducible runs).
 * @returns The figures.
 */
export async function killTrials(trials: number, random: () => number): Promise<KillFigures> {
  await using home = await cliHome();
  const book = `${home.path}/kill.pbk`;
  const pb = ["--phonebook", book];
  const env = { KILL_PW: "pw-1" };
  const figures: KillFigures = {
    trials,
    killedMidRun: 0,
    tempFilesAfterKill: 0,
    tornBooks: 0,
    nextCommandFailures: 0,
    tempFilesLeft: 0,
    byCommand: {},
    problems: [],
  };
  const ensureT = async () => {
    const made = await rasctl(home, ["entry", "new", "T", ...pb, "--server", "vpn.example.com"]);
    if (made.code !== 0 && made.error?.code !== 183) figures.problems.push(`setup: ${made.stderr}`);
  };
  for (let i = 0; i < trials; i++) {
    await ensureT();
    const commands: [string, string[]][] = [
      ["entry set", ["entry", "set", "T", ...pb, "--redial-attempts", String(i)]],
      ["entry new", ["entry", "new", `N${i}`, ...pb, "--server", "vpn.example.com"]],
      [
        "entry new (new book)",
        [
          "entry",
          "new",
          "X",
          "--phonebook",
          `${home.path}/new${i}/sub/b.pbk`,
          "--server",
          "v.example.com",
        ],
      ],
      ["entry remove", ["entry", "remove", "T", ...pb]],
      ["entry rename", ["entry", "rename", "T", `T${i}`, ...pb]],
      ["creds set", ["creds", "set", "T", ...pb, "--user", "u", "--password-env", "KILL_PW"]],
      ["creds clear", ["creds", "clear", "T", ...pb]],
    ];
    const [label, args] = commands[Math.floor(random() * commands.length)]!;
    figures.byCommand[label] = (figures.byCommand[label] ?? 0) + 1;
    const child = spawnRasctl(home, args, { env });
    let finished = false;
    const done = child.output().then(() => (finished = true));
    await new Promise((r) => setTimeout(r, Math.floor(random() * 700)));
    if (!finished) {
      figures.killedMidRun++;
      try {
        child.kill("SIGKILL");
      } catch {
        // it ended meanwhile
      }
    }
    await done;
    figures.tempFilesAfterKill += (await tempFiles(home.path)).length;
    const list = await rasctl(home, ["entry", "list", ...pb]);
    if (list.code !== 0) {
      figures.tornBooks++;
      figures.problems.push(`trial ${i} (${label}): book does not load: ${list.stderr}`);
    }
    await ensureT();
    const next = await rasctl(home, [
      "entry",
      "set",
      "T",
      ...pb,
      "--redial-pause",
      String(i % 100),
      "--timeout",
      "20",
    ]);
    const creds = await rasctl(home, [
      "creds",
      "set",
      "T",
      ...pb,
      "--user",
      "v",
      "--timeout",
      "20",
    ]);
    for (const r of [next, creds]) {
      if (r.code !== 0) {
        figures.nextCommandFailures++;
        figures.problems.push(`trial ${i} (${label}): next command failed: ${r.stderr}`);
      }
    }
    const left = await tempFiles(home.path);
    figures.tempFilesLeft += left.length;
    if (left.length) figures.problems.push(`trial ${i} (${label}): left ${left.join(", ")}`);
  }
  return figures;
}

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
