/**
 * `rasctl task install | show | remove NAME`: a Task Scheduler task that runs
 * `rasctlw.exe ensure NAME` at logon, at startup, on RasClient's disconnect event 20226 and/or
 * every N minutes. `--xml` prints the definition instead of registering it (any OS). No secret
 * is ever put in a task: the dial uses the entry's saved credentials (`rasctl creds set`).
 * Every argument baked into the task is declared by `ensure` itself, so it is checked here
 * exactly as the task's own runs would check it.
 *
 * @module
 */

import {
  BAKED,
  buildTaskXml,
  encodeTaskXml,
  MAX_INTERVAL_MINUTES,
  taskName,
  type TaskOptions,
} from "./_scheduled_task.ts";
import type { Context } from "./_context.ts";
import {
  argument,
  command,
  type CommandModule,
  flag,
  option,
  type Parsed,
  types,
} from "./_spec.ts";
import { UsageError } from "./_errors.ts";
import { ENSURE_OPTIONS } from "./ensure.ts";
import { LIMITS } from "../ras/values.ts";
import { getEnv } from "../ras/environment.ts";
import { getCredentials } from "../ras/credentials.ts";
import { getEntry } from "../ras/entries.ts";

/** dwCustomAuthKey of EAP-TLS ("Smart Card or other certificate"), which needs no password. */
const EAP_TLS = 13;

/**
 * What is wrong with a machine task for this entry, or null: the task runs as LocalSystem, which
 * sees only the all-users phone book (or the given one) and dials with the entry's default
 * credentials (RASCM_DefaultCreds), unless the entry authenticates with a certificate.
 */
function machineTaskProblem(name: string, phonebook: string | undefined): string | null {
  const where = phonebook !== undefined ? { phonebook } : { allUsers: true };
  const entry = getEntry(name, where);
  if (entry.authentication.includes("eap") && entry.raw.dwCustomAuthKey === EAP_TLS) return null;
  const saved = getCredentials(entry.name, where);
  if (saved.default?.passwordSaved) return null;
  const book = phonebook !== undefined ? `--phonebook "${phonebook}"` : "--all-users";
  return `a machine task runs as LocalSystem, which dials "${entry.name}" with its default ` +
    `credentials, and none are saved. From an elevated prompt run: rasctl creds set ` +
    `"${entry.name}" ${book} --default --user USER --password-stdin ` +
    `(or install a user task with --user-task)`;
}

/** Where the installer puts rasctlw.exe, for a task printed away from an installed rasctl. */
export const DEFAULT_EXE = "C:\\Program Files\\rasctl\\rasctlw.exe";

const NAME = argument("name", "the entry the task keeps connected", { type: types.entryName() });

const { default: _retriesDefault, ...retries } = ENSURE_OPTIONS.retries;
const { default: _intervalDefault, ...checkInterval } = ENSURE_OPTIONS.checkInterval;

/** The options of `task install`: its triggers, and the `ensure` options it bakes in. */
const INSTALL_OPTIONS = {
  atLogon: flag("--at-logon", "run at logon"),
  atStartup: flag("--at-startup", "run at system start (machine task)", {
    conflicts: ["--user-task"],
  }),
  onDisconnect: flag("--on-disconnect", "run when a RAS connection drops (RasClient 20226)"),
  every: option(
    "--every",
    types.count({ min: 1, max: MAX_INTERVAL_MINUTES, metavar: "MINUTES" }),
    "run every N minutes",
  ),
  userTask: flag(
    "--user-task",
    "a task of the current user (default: a machine task as LocalSystem)",
  ),
  userId: option(
    "--user-id",
    types.text({ maxLength: LIMITS.userName, metavar: "ACCOUNT" }),
    "the account of a user task (DOMAIN\\user or a SID)",
    { requires: ["--user-task"] },
  ),
  phonebook: ENSURE_OPTIONS.phonebook,
  user: { ...ENSURE_OPTIONS.user, description: "user name for the dial (password: saved creds)" },
  domain: ENSURE_OPTIONS.domain,
  via: ENSURE_OPTIONS.via,
  viaUser: ENSURE_OPTIONS.viaUser,
  viaDomain: ENSURE_OPTIONS.viaDomain,
  timeout: ENSURE_OPTIONS.timeout,
  retries,
  keep: ENSURE_OPTIONS.keep,
  checkInterval: { ...checkInterval, requires: ["--keep"] },
  taskLogFile: option(
    "--task-log-file",
    types.path(),
    "where the task's runs log (JSON lines; its ensure --log-file)",
  ),
  exe: option(
    "--exe",
    types.path(),
    `the rasctlw.exe the task runs (default: beside this rasctl, else ${DEFAULT_EXE})`,
  ),
  xml: flag("--xml", "print the task XML instead of registering it"),
} as const;

/** The rasctlw.exe beside this rasctl.exe, or the default install location. */
function exePath(): string {
  const own = Deno.execPath();
  if (/[\\/]rasctlw?(-arm64)?\.exe$/i.test(own)) {
    return own.replace(/rasctlw?((-arm64)?\.exe)$/i, "rasctlw$1");
  }
  return DEFAULT_EXE;
}

function currentUser(): string | undefined {
  const domain = getEnv("USERDOMAIN");
  const user = getEnv("USERNAME");
  return domain && user ? `${domain}\\${user}` : getEnv("USER");
}

function taskOptions(name: string, o: Parsed<typeof INSTALL_OPTIONS>): TaskOptions {
  if (!o.atLogon && !o.atStartup && !o.onDisconnect && o.every === undefined) {
    throw new UsageError(
      "give at least one trigger: --at-logon, --at-startup, --on-disconnect or --every MINUTES",
    );
  }
  if (o.exe !== undefined && !/^([A-Za-z]:\\|\\\\)[^%]*$/.test(o.exe)) {
    throw new UsageError(
      `--exe takes an absolute Windows path such as ${DEFAULT_EXE}, got ${JSON.stringify(o.exe)}`,
      "--exe",
    );
  }
  if (o.via !== undefined && o.via.toLowerCase() === name.toLowerCase()) {
    throw new UsageError(`--via names "${o.via}" itself; give another entry`, "--via");
  }
  const options: TaskOptions = { entry: name, exePath: o.exe ?? exePath() };
  if (o.atLogon) options.atLogon = true;
  if (o.atStartup) options.atStartup = true;
  if (o.onDisconnect) options.onDisconnect = true;
  if (o.every !== undefined) options.everyMinutes = o.every;
  if (o.userTask) {
    options.userTask = true;
    options.userId = o.userId ?? currentUser() ?? "";
    if (!options.userId) {
      throw new UsageError(
        "--user-task needs --user-id (cannot tell the current user)",
        "--user-id",
      );
    }
  }
  const baked = options as unknown as Record<string, unknown>;
  for (const [key, option] of BAKED) {
    const value = o[option];
    if (value !== undefined && value !== false) baked[key] = value;
  }
  if (o.taskLogFile !== undefined) options.logFile = o.taskLogFile;
  return options;
}

/** The task's XML; what only the builder checks (`%VAR%`, XML-unsafe text) is a usage error. */
function taskXml(options: TaskOptions): string {
  try {
    return buildTaskXml(options);
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      throw new UsageError(`cannot build the task: ${error.message}`);
    }
    throw error;
  }
}

async function schtasks(ctx: Context, args: string[]): Promise<string> {
  if (Deno.build.os !== "windows") {
    throw new UsageError(
      "registering tasks needs Windows' schtasks.exe",
      null,
      "use --xml to print the definition",
    );
  }
  ctx.log("schtasks", { args });
  const out = await new Deno.Command("schtasks.exe", { args, stdout: "piped", stderr: "piped" })
    .output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  if (!out.success) throw new Error(`schtasks.exe failed (${out.code}): ${text.trim()}`);
  return text.trim();
}

const install = command({
  path: ["task", "install"],
  summary: "register (or with --xml print) the task",
  args: [NAME],
  options: INSTALL_OPTIONS,
  examples: [
    'rasctl task install "Corp VPN" --at-logon --on-disconnect --user-task',
    'rasctl task install "Corp VPN" --at-startup --keep --task-log-file C:\\ProgramData\\rasctl.log',
    'rasctl task install "Corp VPN" --every 15 --xml > corp-task.xml',
  ],
  run: async ({ args, options: o }, ctx) => {
    const name = args.name!;
    const options = taskOptions(name, o);
    const xml = taskXml(options);
    if (o.exe === undefined && options.exePath === DEFAULT_EXE) {
      ctx.note(`the task runs ${DEFAULT_EXE} (give --exe to name another rasctlw.exe)`);
    }
    if (!options.userTask && !o.xml) {
      const problem = machineTaskProblem(options.entry, options.phonebook);
      if (problem) throw new UsageError(`Cannot install the task: ${problem}`, "--user-task");
    }
    if (o.xml) {
      // Printed as UTF-8 text, so it says so (schtasks is given UTF-16 with a BOM below).
      ctx.print(
        xml.replace(
          /^<\?xml version="1.0" encoding="UTF-16"\?>/,
          '<?xml version="1.0" encoding="UTF-8"?>',
        ),
      );
      return;
    }
    const file = await Deno.makeTempFile({ suffix: ".xml" });
    try {
      await Deno.writeFile(file, encodeTaskXml(xml));
      await schtasks(ctx, ["/Create", "/TN", taskName(name), "/XML", file, "/F"]);
    } finally {
      await Deno.remove(file).catch(() => {});
    }
    ctx.result({ task: taskName(name), entry: name, installed: true });
  },
});

const show = command({
  path: ["task", "show"],
  summary: "show the registered task",
  args: [NAME],
  options: {},
  examples: ['rasctl task show "Corp VPN"'],
  run: async ({ args }, ctx) => {
    const xml = await schtasks(ctx, ["/Query", "/TN", taskName(args.name!), "/XML"]);
    ctx.result({ task: taskName(args.name!), entry: args.name, xml });
  },
});

const remove = command({
  path: ["task", "remove"],
  summary: "unregister the task",
  args: [NAME],
  options: {},
  examples: ['rasctl task remove "Corp VPN"'],
  run: async ({ args }, ctx) => {
    await schtasks(ctx, ["/Delete", "/TN", taskName(args.name!), "/F"]);
    ctx.result({ task: taskName(args.name!), entry: args.name, removed: true });
  },
});

/** The `task` commands. */
export const commands: CommandModule["commands"] = [install, show, remove];
