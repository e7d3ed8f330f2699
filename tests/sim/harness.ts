/**
 * Test harness for the simulated rasapi32 (tests/sim/README.md): a fresh temporary "machine"
 * folder per test, a typed world.ini writer, and the simulator's test controls
 * (RasSimCommand / RasSimQuery) bound through Deno FFI.
 *
 * @example
 * ```ts ignore
 * await using home = await createSimHome({ world: { servers: { "vpn.example.com": {} } } });
 * home.activate(); // RASSIM_HOME for in-process FFI calls
 * home.command("unreachable vpn.example.com");
 * const state = home.query();
 * ```
 *
 * @module
 */

import { equal } from "node:assert/strict";
import { fileURLToPath } from "node:url";

/** A VPN protocol a simulated server speaks. */
export type SimProtocol = "ikev2" | "sstp" | "l2tp" | "pptp";

/** A `[server NAME]` section: a VPN server by the name/IP in RASENTRY.szLocalPhoneNumber. */
export interface ServerSpec {
  protocols?: readonly SimProtocol[];
  user?: string;
  password?: string;
  domain?: string;
  psk?: string;
  ipv4?: string;
  ipv6?: string;
  serverIpv4?: string;
  reachable?: boolean;
  latencyMs?: number;
}

/** A `[phone NUMBER]` section: a dial-up number (or PPPoE service name) that answers. */
export interface PhoneSpec {
  user?: string;
  password?: string;
  domain?: string;
  ipv4?: string;
  ipv6?: string;
  serverIpv4?: string;
  latencyMs?: number;
}

/** The emulated Windows version; it decides which dwSize values are accepted. */
/** The emulated Windows (home.c): win10 is 2004 and later (and Windows 11), the default. */
export type SimWindows = "win7" | "win8" | "win81" | "win10-1709" | "win10" | "win11";

/** world.ini as an object. */
export interface WorldSpec {
  machine?: {
    windows?: SimWindows;
    ipNetwork?: boolean;
    releaseDelayMs?: number;
    dialStepMs?: number;
    localIpv4?: string;
    /** RasConnectionNotification fires once for own-process connections (DotRas issue 105). */
    notifyOnlyOnce?: boolean;
    /** Test control: after this many more RasGetEntryProperties of an entry, windows= ... */
    switchWindowsAfterGets?: number;
    /** ... becomes this. */
    switchWindowsTo?: SimWindows;
  };
  servers?: Record<string, ServerSpec>;
  phones?: Record<string, PhoneSpec>;
  /** Phone-book keys that change Windows' default entry (RasGetEntryProperties(pbk, "")). */
  defaultEntry?: Record<string, string | number>;
}

/** One connection in the simulator's state (RasSimQuery "state"). */
export interface SimConnection {
  handle: string;
  entry: string;
  phonebook: string;
  state: number;
  error: number;
  hungUp: boolean;
  connected: boolean;
  dropped: boolean;
  /** RasDial references (RasDial remarks: a dial of a connected entry references it). */
  refs: number;
  deviceType: string;
  deviceName: string;
  phoneNumber: string;
  protocol: "" | SimProtocol;
  grown: boolean;
  startMs: number;
}

/** The simulator's state as RasSimQuery("state") reports it. */
export interface SimState {
  connections: SimConnection[];
  counters: {
    dials: number;
    hangups: number;
    leakedHandles: number;
    openHandles: number;
  };
  /** dwSize of the last RASENTRY written and of the last RASDIALPARAMS dialed (0: none). */
  lastSizes: { RASENTRY: number; RASDIALPARAMS: number };
  /**
   * This process only: how many RasHangUp calls gave up waiting for a notifier that was inside
   * a RasDialFunc1 callback (the sim's fuse against a caller blocking its callback's thread),
   * and how many of its notifier threads are inside a callback right now.
   */
  process: { callbacksRunning: number; hangUpCallbackTimeouts: number };
}

/** A temporary simulated machine. */
export interface SimHome extends AsyncDisposable {
  /** The folder standing for the machine (RASSIM_HOME). */
  readonly path: string;
  /** Environment for a child process: RASSIM_HOME and RASCTL_RASAPI32. */
  readonly env: Record<string, string>;
  /** %APPDATA%\...\Pbk\rasphone.pbk inside the home. */
  readonly userPbk: string;
  /** %ProgramData%\...\Pbk\rasphone.pbk inside the home. */
  readonly allUsersPbk: string;
  /** Replaces world.ini. */
  writeWorld(world: string | WorldSpec): Promise<void>;
  /**
   * Points in-process FFI calls at this home: binds the calling thread to it in the sim
   * (RasSimCommand "bind"; `deno test --parallel` runs modules as threads of one process, so
   * the process environment cannot tell them apart) and sets RASSIM_HOME/RASCTL_RASAPI32.
   */
  activate(): void;
  /** Runs a RasSimCommand; throws if it returns non-zero. */
  command(cmd: string): void;
  /** RasSimQuery("state"), parsed. */
  query(): SimState;
}

const SIM_DIR = new URL("./", import.meta.url);

/** The key=value lines of a world.ini section, skipping undefined values. */
function section(name: string, values: Record<string, unknown>): string {
  const lines = [`[${name}]`];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) lines.push(`${key}=${value.join(",")}`);
    else if (typeof value === "boolean") lines.push(`${key}=${value ? 1 : 0}`);
    else lines.push(`${key}=${String(value)}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Writes a {@link WorldSpec} as world.ini text.
 *
 * @param spec The world.
 * @returns The INI text.
 */
export function worldIni(spec: WorldSpec): string {
  const parts = [section("machine", { ...spec.machine })];
  for (const [name, server] of Object.entries(spec.servers ?? {})) {
    parts.push(section(`server ${name}`, { ...server }));
  }
  for (const [number, phone] of Object.entries(spec.phones ?? {})) {
    parts.push(section(`phone ${number}`, { ...phone }));
  }
  if (spec.defaultEntry) parts.push(section("default entry", { ...spec.defaultEntry }));
  return parts.join("\n");
}

/**
 * The path of the built simulator library (builds nothing; run `deno task sim` first).
 *
 * @returns tests/sim/build/librasapi32sim.so (rasapi32sim.dll on Windows).
 */
export function simLibraryPath(): string {
  const file = Deno.build.os === "windows" ? "rasapi32sim.dll" : "librasapi32sim.so";
  return fileURLToPath(new URL(`build/${file}`, SIM_DIR));
}

/**
 * The path of the built simulated kernel32 (Linux; on Windows the real kernel32.dll is used).
 *
 * @returns tests/sim/build/libkernel32sim.so.
 */
export function kernel32LibraryPath(): string {
  return fileURLToPath(new URL("build/libkernel32sim.so", SIM_DIR));
}

/** Environment naming both simulated libraries (RASCTL_KERNEL32 only where it is built). */
export function simLibraryEnv(): Record<string, string> {
  return Deno.build.os === "windows"
    ? { RASCTL_RASAPI32: simLibraryPath() }
    : { RASCTL_RASAPI32: simLibraryPath(), RASCTL_KERNEL32: kernel32LibraryPath() };
}

/**
 * Runs tests/sim/build.sh (fast when the library is up to date).
 *
 * @returns The library path.
 */
export async function buildSim(): Promise<string> {
  const out = await new Deno.Command("bash", {
    args: [fileURLToPath(new URL("build.sh", SIM_DIR))],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) throw new Error(`build.sh failed:\n${new TextDecoder().decode(out.stderr)}`);
  return simLibraryPath();
}

const controlSymbols = {
  RasSimCommand: { parameters: ["buffer"], result: "u32" },
  RasSimQuery: { parameters: ["buffer", "buffer", "u32"], result: "u32" },
} as const satisfies Deno.ForeignLibraryInterface;

let control: Deno.DynamicLibrary<typeof controlSymbols> | undefined;

function controls(): Deno.DynamicLibrary<typeof controlSymbols>["symbols"] {
  control ??= Deno.dlopen(simLibraryPath(), controlSymbols);
  return control.symbols;
}

function utf8z(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new TextEncoder().encode(text);
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  return out;
}

/**
 * Runs a simulator command for a home (RasSimCommand "home=<path>;<cmd>").
 *
 * @param home The RASSIM_HOME folder.
 * @param cmd e.g. `drop 0x10001 628`, `unreachable vpn.example.com`, `grow-next-enum entries 2`.
 * @returns The command's return code (0 = done).
 */
export function simCommand(home: string, cmd: string): number {
  return controls().RasSimCommand(utf8z(`home=${home};${cmd}`));
}

/**
 * Reads the simulator's state for a home.
 *
 * @param home The RASSIM_HOME folder.
 * @returns The parsed state.
 */
export function simQuery(home: string): SimState {
  const query = utf8z(`home=${home};state`);
  let size = 64 * 1024;
  for (;;) {
    const out = new Uint8Array(size);
    const rc = controls().RasSimQuery(query, out, out.length);
    if (rc === 603) {
      size = new DataView(out.buffer).getUint32(0, true);
      continue;
    }
    equal(rc, 0, `RasSimQuery failed with ${rc}`);
    const end = out.indexOf(0);
    return JSON.parse(new TextDecoder().decode(out.subarray(0, end))) as SimState;
  }
}

/** Options for {@link createSimHome}. */
export interface SimHomeOptions {
  /** world.ini content (default: an empty world, Windows 10 with a LAN). */
  world?: string | WorldSpec;
  /** Initial per-user rasphone.pbk content. */
  userPbk?: string;
  /** Initial all-users rasphone.pbk content. */
  allUsersPbk?: string;
  /**
   * Who the processes run as (RASSIM_USER / RASSIM_ELEVATED in `env`, identity.c). Default:
   * alice, elevated, so tests that write the all-users book need not say so; tests of the
   * standard-user and LocalSystem paths set it.
   */
  identity?: SimIdentity;
}

/** The calling account of a simulated process (tests/sim/README.md, "Who is calling"). */
export interface SimIdentity {
  /** The account name; `SYSTEM` is LocalSystem (always elevated). Default `alice`. */
  user?: string;
  /** Whether the token is an administrator's elevated one. Default true in tests. */
  elevated?: boolean;
}

/**
 * Creates a fresh temporary machine folder.
 *
 * @param options The world and initial phone books.
 * @returns The home; `await using` removes it.
 */
export async function createSimHome(options: SimHomeOptions = {}): Promise<SimHome> {
  const path = await Deno.makeTempDir({ prefix: "rassim-" });
  const pbkDir = "Microsoft/Network/Connections/Pbk";
  const userPbk = `${path}/AppData/Roaming/${pbkDir}/rasphone.pbk`;
  const allUsersPbk = `${path}/ProgramData/${pbkDir}/rasphone.pbk`;
  const write = async (file: string, text: string) => {
    await Deno.mkdir(file.slice(0, file.lastIndexOf("/")), { recursive: true });
    await Deno.writeTextFile(file, text);
  };
  const previous = { home: Deno.env.get("RASSIM_HOME") };
  let activated = false;
  const home: SimHome = {
    path,
    env: {
      RASSIM_HOME: path,
      ...simLibraryEnv(),
      RASSIM_USER: options.identity?.user ?? "alice",
      RASSIM_ELEVATED: options.identity?.elevated === false ? "0" : "1",
    },
    userPbk,
    allUsersPbk,
    async writeWorld(world) {
      await write(`${path}/world.ini`, typeof world === "string" ? world : worldIni(world));
    },
    activate() {
      activated = true;
      equal(simCommand(path, "bind"), 0);
      Deno.env.set("RASSIM_HOME", path);
      for (const [name, value] of Object.entries(simLibraryEnv())) Deno.env.set(name, value);
      // The identity is process-wide (identity.c reads the environment) and test files run
      // side by side in one process (--parallel workers), so in-process tests all run as the
      // default and never take it back: a dispose that restored "unset" made a parallel test
      // a standard user mid-run (623/5). Spawn a child (env) to run as anyone else.
      if (home.env.RASSIM_USER !== "alice" || home.env.RASSIM_ELEVATED !== "1") {
        throw new Error("activate() runs as the default identity; spawn a child with env");
      }
      Deno.env.set("RASSIM_USER", "alice");
      Deno.env.set("RASSIM_ELEVATED", "1");
    },
    command(cmd) {
      const rc = simCommand(path, cmd);
      if (rc !== 0) throw new Error(`RasSimCommand(${JSON.stringify(cmd)}) returned ${rc}`);
    },
    query() {
      return simQuery(path);
    },
    async [Symbol.asyncDispose]() {
      if (activated) {
        simCommand(path, "unbind");
        // RASCTL_RASAPI32 stays: it names the one simulator every in-process test loads, and
        // test modules run side by side in one process, so taking it back made a parallel
        // module's first rasapi32 load fail with LibraryNotFoundError (seen in
        // cli_contract_test.ts). RASSIM_HOME goes back as it was.
        if (previous.home === undefined) Deno.env.delete("RASSIM_HOME");
        else Deno.env.set("RASSIM_HOME", previous.home);
      }
      await Deno.remove(path, { recursive: true });
    },
  };
  await home.writeWorld(options.world ?? {});
  if (options.userPbk !== undefined) await write(userPbk, options.userPbk);
  if (options.allUsersPbk !== undefined) await write(allUsersPbk, options.allUsersPbk);
  return home;
}
