/**
 * `rasctl task install | show | remove NAME`: a Task Scheduler task that runs
 * `rasctlw.exe ensure NAME` at logon, at startup, on RasClient's disconnect event 20226 and/or
 * every N minutes. `--xml` prints the definition instead of registering it (any OS). No secret
 * is ever put in a task: the dial uses the entry's saved credentials (`rasctl creds set`).
 *
 * @module
 */

import { buildTaskXml, encodeTaskXml, taskName, type TaskOptions } from "../ras/scheduled_task.ts";
import { type Context, parseCount, parseSeconds } from "./_context.ts";
import type { CommandSpec } from "./_spec.ts";
import { UsageError } from "./_output.ts";
import { checkedName } from "./_options.ts";
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

function exePath(): string {
  const own = Deno.execPath();
  // The task runs the no-console build that sits beside rasctl.exe.
  return own.replace(/rasctl(\.exe)?$/i, "rasctlw.exe");
}

function taskOptions(name: string, o: Record<string, unknown>): TaskOptions {
  const options: TaskOptions = { entry: checkedName(name), exePath: String(o.exe ?? exePath()) };
  if (o.atLogon) options.atLogon = true;
  if (o.atStartup) options.atStartup = true;
  if (o.onDisconnect) options.onDisconnect = true;
  if (o.every !== undefined) options.everyMinutes = parseCount(String(o.every), "--every", 44640);
  if (
    !options.atLogon && !options.atStartup && !options.onDisconnect &&
    options.everyMinutes === undefined
  ) {
    throw new UsageError(
      "give at least one trigger: --at-logon, --at-startup, --on-disconnect or --every MINUTES",
    );
  }
  if (o.userTask) {
    options.userTask = true;
    const user = Deno.env.get("USERDOMAIN") && Deno.env.get("USERNAME")
      ? `${Deno.env.get("USERDOMAIN")}\\${Deno.env.get("USERNAME")}`
      : Deno.env.get("USER");
    options.userId = String(o.userId ?? user ?? "");
    if (!options.userId) {
      throw new UsageError("--user-task needs --user-id (cannot tell the current user)");
    }
  }
  for (
    const [key, option] of [["phonebook", "phonebook"], ["user", "user"], ["domain", "domain"], [
      "via",
      "via",
    ], ["logFile", "taskLogFile"]] as const
  ) {
    if (o[option] !== undefined) options[key] = String(o[option]);
  }
  if (o.timeout !== undefined) {
    options.timeoutSeconds = parseSeconds(String(o.timeout), "--timeout");
  }
  if (o.retries !== undefined) options.retries = parseCount(String(o.retries), "--retries", 100);
  if (o.keep) options.keep = true;
  return options;
}

async function schtasks(ctx: Context, args: string[]): Promise<string> {
  if (Deno.build.os !== "windows") {
    throw new UsageError(
      "registering tasks needs Windows' schtasks.exe; use --xml to print the definition",
    );
  }
  ctx.log("schtasks", { args });
  const out = await new Deno.Command("schtasks.exe", { args, stdout: "piped", stderr: "piped" })
    .output();
  const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  if (!out.success) throw new Error(`schtasks.exe failed (${out.code}): ${text.trim()}`);
  return text.trim();
}

async function install(name: string, o: Record<string, unknown>, ctx: Context): Promise<void> {
  const options = taskOptions(name, o);
  const xml = buildTaskXml(options);
  if (!options.userTask && !o.xml) {
    const problem = machineTaskProblem(options.entry, options.phonebook);
    if (problem) throw new UsageError(`Cannot install the task: ${problem}`, "userTask");
  }
  if (o.xml) {
    Deno.stdout.writeSync(new TextEncoder().encode(xml + (xml.endsWith("\n") ? "" : "\n")));
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
}

/** The `task` command group. */
export const spec: CommandSpec = {
  name: "task",
  description: "scheduled tasks that keep an entry connected",
  subcommands: [
    {
      name: "install",
      description: "register (or with --xml print) the task",
      args: ["<name>"],
      options: [
        { flags: "--at-logon", description: "run at logon" },
        { flags: "--at-startup", description: "run at system start (machine task)" },
        {
          flags: "--on-disconnect",
          description: "run when a RAS connection drops (RasClient event 20226)",
        },
        { flags: "--every <minutes>", description: "run every N minutes" },
        {
          flags: "--user-task",
          description: "a task of the current user (default: a machine task as LocalSystem)",
        },
        { flags: "--user-id <account>", description: "the account of a user task" },
        { flags: "--phonebook <path>", description: "the entry's phone book" },
        {
          flags: "--user <name>",
          description: "user name for the dial (the password comes from saved credentials)",
        },
        { flags: "--domain <domain>", description: "domain for the dial" },
        { flags: "--via <entry>", description: "dial this IP-network entry first" },
        { flags: "--timeout <seconds>", description: "dial timeout" },
        { flags: "--retries <count>", description: "retries of transient failures" },
        { flags: "--keep", description: "stay running and redial on drops" },
        {
          flags: "--task-log-file <path>",
          description: "where the task's runs log (JSON lines; its ensure --log-file)",
        },
        {
          flags: "--exe <path>",
          description: "the rasctlw.exe the task runs (default: beside this rasctl)",
        },
        { flags: "--xml", description: "print the task XML instead of registering it" },
      ],
      run: ({ args: [name], options }, ctx) => install(name!, options, ctx),
    },
    {
      name: "show",
      description: "show the registered task",
      args: ["<name>"],
      run: async ({ args: [name] }, ctx) => {
        const xml = await schtasks(ctx, ["/Query", "/TN", taskName(checkedName(name!)), "/XML"]);
        ctx.result({ task: taskName(name!), entry: name, xml });
      },
    },
    {
      name: "remove",
      description: "unregister the task",
      args: ["<name>"],
      run: async ({ args: [name] }, ctx) => {
        await schtasks(ctx, ["/Delete", "/TN", taskName(checkedName(name!)), "/F"]);
        ctx.result({ task: taskName(name!), entry: name, removed: true });
      },
    },
  ],
};
