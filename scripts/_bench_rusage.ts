/**
 * One run of a command under python's getrusage: its exit status, wall time and peak RSS, as
 * the bench's start-up and lookup parts measure them.
 *
 * @module
 */

/**
 * Runs `args` once in a python parent, which reports the child's peak RSS (RUSAGE_CHILDREN);
 * the command's output is dropped.
 *
 * @param args The command line.
 * @param env The whole environment of the run.
 * @returns Exit status, wall ms and peak RSS in KiB.
 */
export async function rusage(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; ms: number; rssKiB: number }> {
  const probe = "import resource,subprocess,sys,time\n" +
    "t=time.perf_counter();r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL," +
    "stderr=subprocess.DEVNULL)\n" +
    "e=(time.perf_counter()-t)*1000\n" +
    "print(r.returncode,e,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)";
  const out = await new Deno.Command("python3", {
    args: ["-c", probe, ...args],
    env,
    stdout: "piped",
  }).output();
  const [code, ms, rss] = new TextDecoder().decode(out.stdout).trim().split(" ").map(Number);
  return { code: code!, ms: ms!, rssKiB: rss! };
}
