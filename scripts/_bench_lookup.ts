/**
 * `deno task bench` part 6 (issue 9, "look an entry up, do not list the world"): peak RSS of
 * commands that take NAME on a phone book of 1,000,000 entries next to the same command on a
 * 5-entry book. `entry show NAME` finds the last entry; `dial x` asks for one that does not
 * exist (623 before any RasDial), both through the direct lookup (RasGetEntryProperties on the
 * name, one per book). rasctl's process includes the simulator, so its parse of the book is in
 * the number: `RasGetEntryProperties` alone (a bare FFI script) is measured too.
 * `BENCH_ONLY=lookup` runs only this part.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { RUN_PERMISSIONS } from "./compile.ts";
import { rusage } from "./_bench_rusage.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const sim = `${root}tests/sim/build/librasapi32sim.so`;

/** Writes a phone book of `count` VPN entries in 10,000-entry chunks (fast, flat memory). */
async function writeBook(path: string, count: number): Promise<void> {
  using file = await Deno.open(path, { write: true, create: true, truncate: true });
  const encoder = new TextEncoder();
  const chunk = 10_000;
  for (let start = 1; start <= count; start += chunk) {
    let text = "";
    for (let i = start; i < start + chunk && i <= count; i++) {
      text += `[VPN ${i}]\r\nEncoding=1\r\nType=2\r\nVpnStrategy=7\r\n\r\nMEDIA=rastapi\r\n` +
        `Port=VPN2-0\r\nDevice=WAN Miniport (IKEv2)\r\n\r\nDEVICE=vpn\r\n` +
        `PhoneNumber=vpn${i}.example.com\r\n\r\n`;
    }
    const bytes = encoder.encode(text);
    for (let written = 0; written < bytes.length;) {
      written += await file.write(bytes.subarray(written));
    }
  }
}

async function makeHome(entries: number): Promise<string> {
  const home = await Deno.makeTempDir({ prefix: "rasctl-bench-lookup-" });
  const dir = `${home}/AppData/Roaming/Microsoft/Network/Connections/Pbk`;
  await Deno.mkdir(dir, { recursive: true });
  await writeBook(`${dir}/rasphone.pbk`, entries);
  await Deno.writeTextFile(`${home}/world.ini`, "[machine]\nipNetwork=1\n");
  return home;
}

/** Exit status, wall ms and peak RSS (KiB) of one run, via python's getrusage. */
function measure(
  args: string[],
  home: string,
): Promise<{ code: number; ms: number; rssKiB: number }> {
  return rusage(args, {
    RASSIM_HOME: home,
    RASCTL_RASAPI32: sim,
    NO_COLOR: "1",
    // Windows always sets these; without them rasctl cannot name the books and lists them.
    APPDATA: `${home}/AppData/Roaming`,
    ProgramData: `${home}/ProgramData`,
    RASSIM_PBK_MAX_BYTES: String(2 ** 31), // the sim refuses books over 4 MiB otherwise
  });
}

/** Runs the lookup benchmark and prints one line per command. */
export async function benchLookup(): Promise<void> {
  const BIG = Number(Deno.env.get("BENCH_LOOKUP_ENTRIES") ?? 1_000_000);
  const t0 = performance.now();
  const big = await makeHome(BIG);
  const bookBytes = (await Deno.stat(
    `${big}/AppData/Roaming/Microsoft/Network/Connections/Pbk/rasphone.pbk`,
  )).size;
  console.log(
    `lookup: generated a ${BIG.toLocaleString("en")}-entry book ` +
      `(${(bookBytes / 2 ** 20).toFixed(0)} MiB) in ${
        ((performance.now() - t0) / 1000).toFixed(1)
      } s`,
  );
  const small = await makeHome(5);
  const bare = await Deno.makeTempFile({ suffix: ".ts" });
  // The simulator's RasGetEntryPropertiesW alone, on the name that does not exist.
  await Deno.writeTextFile(
    bare,
    `const lib = Deno.dlopen(Deno.env.get("RASCTL_RASAPI32")!, { RasGetEntryPropertiesW: ` +
      `{ parameters: ["buffer", "buffer", "buffer", "buffer", "buffer", "buffer"], result: "u32" } });\n` +
      `const w = (s: string) => new Uint16Array([...s].map((c) => c.charCodeAt(0)).concat(0));\n` +
      `const pbk = w(Deno.env.get("APPDATA") + "/Microsoft/Network/Connections/Pbk/rasphone.pbk");\n` +
      `import { RASENTRYW } from ${
        JSON.stringify(new URL("../ffi/structs.ts", import.meta.url).href)
      };\n` +
      `const entry = RASENTRYW.encode({});\n` +
      `const size = new Uint32Array([entry.byteLength]);\n` +
      `const rc = lib.symbols.RasGetEntryPropertiesW(pbk, w("x"), entry, size, null, null);\n` +
      `Deno.exit(rc === 623 ? 0 : 1);\n`,
  );
  const deno = Deno.execPath();
  const cli = (...a: string[]) => [deno, "run", ...RUN_PERMISSIONS, `${root}cli.ts`, ...a];
  const cases = [
    {
      name: `rasctl entry show "VPN ${BIG}"`,
      small: cli("entry", "show", "VPN 5"),
      big: cli("entry", "show", `VPN ${BIG}`),
    },
    { name: "rasctl dial x (623)", small: cli("dial", "x"), big: cli("dial", "x") },
    {
      name: "bare RasGetEntryPropertiesW(x)",
      small: [deno, "run", "-A", bare],
      big: [deno, "run", "-A", bare],
    },
  ];
  try {
    for (const c of cases) {
      await measure(c.small, small); // warm Deno's module cache
      const s = await measure(c.small, small);
      const b = await measure(c.big, big);
      console.log(
        `lookup: ${c.name}: peak RSS ${
          (s.rssKiB / 1024).toFixed(1)
        } MiB (5 entries, exit ${s.code}) ` +
          `vs ${(b.rssKiB / 1024).toFixed(1)} MiB (${
            BIG.toLocaleString("en")
          } entries, exit ${b.code}, ` +
          `${(b.ms / 1000).toFixed(1)} s): ratio ${(b.rssKiB / s.rssKiB).toFixed(2)}`,
      );
    }
  } finally {
    await Deno.remove(big, { recursive: true });
    await Deno.remove(small, { recursive: true });
    await Deno.remove(bare);
  }
}

if (import.meta.main) await benchLookup();
