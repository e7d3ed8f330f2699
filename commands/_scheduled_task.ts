/**
 * Task Scheduler definitions for `rasctl task install`: a pure builder of the Task Scheduler
 * 1.2 XML that keeps a connection up by running `rasctlw.exe ensure NAME ...`.
 *
 * Nothing here touches the system. The XML declares `encoding="UTF-16"`; whoever writes it to a
 * file for `schtasks /Create /XML` must write UTF-16LE with a byte-order mark (see
 * {@link encodeTaskXml}). Every character outside printable ASCII is written as a character
 * reference, so the document means the same whatever encoding it ends up in.
 *
 * No secret is ever part of a task: the task dials with the credentials saved for the entry
 * (`rasctl creds set`), and {@link buildTaskXml} refuses any option that could carry one.
 *
 * @module
 */

import { ENSURE_COMMAND, ENSURE_OPTIONS } from "./ensure.ts";
import { GLOBAL_OPTIONS } from "./_spec.ts";

/** The folder of Task Scheduler's library that holds rasctl's tasks. */
export const TASK_FOLDER = "\\RasCtl\\";

/** The Windows event that RasClient logs when a connection drops ("The connection ... was terminated"). */
export const RAS_DISCONNECT_EVENT = {
  log: "Application",
  provider: "RasClient",
  id: 20226,
} as const;

/** The well-known SID of LocalSystem, the principal of machine-wide tasks. */
export const LOCAL_SYSTEM_SID = "S-1-5-18";

/** How long one non-`keep` run may take before Task Scheduler stops it. */
export const DEFAULT_EXECUTION_TIME_LIMIT = "PT1H";

/** Options of {@link buildTaskXml}. Nothing in here may carry a password or key. */
export interface TaskOptions {
  /** The phone-book entry the task keeps connected. */
  entry: string;
  /** Absolute path of `rasctlw.exe` (the no-console build), used as the Exec command. */
  exePath: string;
  /** Run at logon (of `userId` for a user task, of any user for a machine task). */
  atLogon?: boolean;
  /** Run at system start (machine tasks only: a user task cannot run before its user logs on). */
  atStartup?: boolean;
  /** Run when RasClient logs event 20226 (a connection was terminated). */
  onDisconnect?: boolean;
  /** Run every N minutes (1 to 44640, i.e. 31 days). */
  everyMinutes?: number;
  /**
   * A task of the current user (runs only while that user is logged on, with the user's
   * least-privileged token and the user's phone book). Otherwise a machine task that runs as
   * LocalSystem, which only sees the all-users phone book.
   */
  userTask?: boolean;
  /** The account of a user task, `DOMAIN\user` or a SID. Required when `userTask` is set. */
  userId?: string;
  /** Phone-book file of the entry; a machine task without it uses `--all-users`. */
  phonebook?: string;
  /** User name for the dial (the password comes from the entry's saved credentials). */
  user?: string;
  /** Domain for the dial. */
  domain?: string;
  /** Prerequisite entry dialed first (`--via`). */
  via?: string;
  /** User name for the prerequisite. */
  viaUser?: string;
  /** Domain for the prerequisite. */
  viaDomain?: string;
  /** Dial timeout in seconds (`--timeout`). */
  timeoutSeconds?: number;
  /** Redial attempts (`--retries`). */
  retries?: number;
  /** Keep running and redial on drops (`--keep`); the task then has no execution time limit. */
  keep?: boolean;
  /** Seconds between checks with `keep` (`--check-interval`). */
  checkIntervalSeconds?: number;
  /** Log file for the unattended runs (`--log-file`). */
  logFile?: string;
  /** Execution time limit of a run without `keep`, an ISO 8601 duration. Default PT1H. */
  executionTimeLimit?: string;
  /** StartBoundary of the repetition trigger, local time `YYYY-MM-DDTHH:MM:SS`. */
  startBoundary?: string;
  /** RegistrationInfo/Description. */
  description?: string;
  /** RegistrationInfo/Author. */
  author?: string;
}

const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  "entry",
  "exePath",
  "atLogon",
  "atStartup",
  "onDisconnect",
  "everyMinutes",
  "userTask",
  "userId",
  "phonebook",
  "user",
  "domain",
  "via",
  "viaUser",
  "viaDomain",
  "timeoutSeconds",
  "retries",
  "keep",
  "checkIntervalSeconds",
  "logFile",
  "executionTimeLimit",
  "startBoundary",
  "description",
  "author",
]);

const SECRET_LIKE = /pass|pwd|psk|secret|cred|token|key/i;
const DEFAULT_START_BOUNDARY = "2000-01-01T00:00:00";
/** The longest repetition interval Task Scheduler takes: 31 days, in minutes. */
export const MAX_INTERVAL_MINUTES = 44640;

/**
 * Quotes one argument for a Windows command line so that `CommandLineToArgvW` (and the MSVC/Rust
 * runtimes, which Deno uses) give it back unchanged.
 *
 * An argument without space, tab, newline, vertical tab or quote is returned as is (unless
 * `force`); otherwise it is wrapped in quotes, every quote is escaped with a backslash, and the
 * backslashes that precede a quote or the closing quote are doubled. Backslashes elsewhere are
 * literal and stay single.
 *
 * @param arg the argument
 * @param options `force`: always wrap in quotes
 * @returns the argument as it must appear on the command line
 * @throws {RangeError} if the argument contains a NUL character, which no command line can carry
 * @example
 * ```ts
 * quoteWindowsArg('Corp "VPN"\\'); // => "Corp \"VPN\"\\\\" (as typed: "Corp \"VPN\"\\")
 * ```
 */
export function quoteWindowsArg(arg: string, options: { force?: boolean } = {}): string {
  if (arg.includes("\0")) throw new RangeError("A command-line argument cannot contain NUL");
  if (!options.force && arg !== "" && !/[ \t\n\v"]/.test(arg)) return arg;
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === "\\") {
      backslashes++;
      continue;
    }
    if (ch === '"') {
      out += "\\".repeat(backslashes * 2 + 1) + '"';
    } else {
      out += "\\".repeat(backslashes) + ch;
    }
    backslashes = 0;
  }
  return out + "\\".repeat(backslashes * 2) + '"';
}

/**
 * The full Task Scheduler path of the task that keeps `entry` connected: `\RasCtl\<entry>`.
 *
 * Characters that Task Scheduler forbids in a task name (`\ / : * ? " < > |`, control
 * characters) and `%` itself are percent-encoded (`%5C`), so distinct entries get distinct tasks.
 *
 * @param entry the phone-book entry name
 * @returns the task path, e.g. `\RasCtl\Corp VPN`
 * @throws {RangeError} if the entry name is empty
 * @example
 * ```ts
 * taskName("Corp VPN"); // => "\\RasCtl\\Corp VPN"
 * ```
 */
export function taskName(entry: string): string {
  if (entry === "") throw new RangeError("The entry name is empty");
  const encoded = entry.replace(
    // deno-lint-ignore no-control-regex
    /[\\/:*?"<>|%\x00-\x1f]|[. ]$/g,
    (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"),
  );
  return TASK_FOLDER + encoded;
}

/**
 * The command line arguments (without the program) that the task passes to `rasctlw.exe`.
 *
 * @param options the task options (validated as by {@link buildTaskXml})
 * @returns the argument vector, e.g. `["ensure", "Corp", "--quiet"]`
 * @throws {TypeError} on an unknown or secret-carrying option
 * @throws {RangeError} on an invalid value
 * @example
 * ```ts
 * ensureArgs({ entry: "Corp", exePath: "C:\\rasctl\\rasctlw.exe", atLogon: true, keep: true });
 * // => ["ensure", "Corp", "--all-users", "--keep", "--quiet"]
 * ```
 */
export function ensureArgs(options: TaskOptions): string[] {
  return ensureTokens(options).map((t) => t.arg);
}

/**
 * The Arguments of the task's Exec action: {@link ensureArgs} quoted for Windows. The entry name
 * and every text value (paths, user names) are always quoted; flags and numbers are not. An entry
 * name that starts with `-` is put last, after `--`, so it cannot be taken for an option.
 *
 * @param options the task options
 * @returns the command line after the program, e.g. `ensure "Corp" --all-users --quiet`
 * @throws {TypeError} on an unknown or secret-carrying option
 * @throws {RangeError} on an invalid value
 * @example
 * ```ts
 * ensureCommandLine({ entry: "Corp VPN", exePath: "C:\\rasctl\\rasctlw.exe", userTask: true, userId: "PC\\ann", atLogon: true });
 * // => 'ensure "Corp VPN" --quiet'
 * ```
 */
export function ensureCommandLine(options: TaskOptions): string {
  return ensureTokens(options).map((t) => quoteWindowsArg(t.arg, { force: t.text })).join(" ");
}

interface Token {
  arg: string;
  /** a user-supplied text value, always quoted */
  text: boolean;
}

/**
 * Which `ensure` option each task option is baked into: the argument list is built from the
 * `ensure` declaration itself, so a flag renamed there is renamed here, and each value is
 * checked by that option's own type (`task install` copies its options through this table too).
 */
export const BAKED = [
  ["phonebook", "phonebook"],
  ["user", "user"],
  ["domain", "domain"],
  ["via", "via"],
  ["viaUser", "viaUser"],
  ["viaDomain", "viaDomain"],
  ["timeoutSeconds", "timeout"],
  ["retries", "retries"],
  ["keep", "keep"],
  ["checkIntervalSeconds", "checkInterval"],
] as const satisfies readonly (readonly [keyof TaskOptions, keyof typeof ENSURE_OPTIONS])[];

function ensureTokens(options: TaskOptions): Token[] {
  validate(options);
  const o = options;
  const flag = (arg: string): Token => ({ arg, text: false });
  const text = (arg: string): Token => ({ arg, text: true });
  const rest: Token[] = [];
  const add = (name: string, value: string | number | boolean | undefined) => {
    if (value === undefined || value === false) return;
    rest.push(flag(name));
    if (value !== true) {
      rest.push(typeof value === "number" ? flag(String(value)) : text(value));
    }
  };
  if (o.phonebook === undefined && !o.userTask) rest.push(flag(ENSURE_OPTIONS.allUsers.flag));
  for (const [key, option] of BAKED) add(ENSURE_OPTIONS[option].flag, o[key]);
  add(GLOBAL_OPTIONS.logFile.flag, o.logFile);
  rest.push(flag(GLOBAL_OPTIONS.quiet.flag));
  const [command] = ENSURE_COMMAND.path;
  return o.entry.startsWith("-")
    ? [flag(command!), ...rest, flag("--"), text(o.entry)]
    : [flag(command!), text(o.entry), ...rest];
}

/**
 * Builds the Task Scheduler 1.2 XML definition of the task that keeps an entry connected.
 *
 * Triggers: LogonTrigger (`atLogon`), BootTrigger (`atStartup`), an EventTrigger on RasClient
 * event 20226 in the Application log (`onDisconnect`), a repeating TimeTrigger (`everyMinutes`).
 * Settings: IgnoreNew, StartWhenAvailable, runs on batteries, hidden, no time limit with `keep`.
 * Principal: the given user with InteractiveToken and LeastPrivilege, or LocalSystem
 * (S-1-5-18) for a machine task, which dials the all-users phone book.
 *
 * The string starts with `<?xml version="1.0" encoding="UTF-16"?>`: write it with
 * {@link encodeTaskXml} (UTF-16LE with BOM), which is what `schtasks /Create /XML` reads.
 *
 * @param options the task options; at least one trigger
 * @returns the XML document
 * @throws {TypeError} on an unknown option, any option that could carry a secret (password, PSK,
 * ...), a relative `exePath`, no trigger, or `atStartup` on a user task
 * @throws {RangeError} on an empty entry, an invalid number or duration, `%VAR%` in an argument,
 * or characters XML cannot carry (control characters, lone surrogates)
 * @example
 * ```ts
 * const xml = buildTaskXml({
 *   entry: "Corp VPN",
 *   exePath: "C:\\Program Files\\rasctl\\rasctlw.exe",
 *   atLogon: true,
 *   onDisconnect: true,
 *   userTask: true,
 *   userId: "CONTOSO\\ann",
 * });
 * ```
 */
export function buildTaskXml(options: TaskOptions): string {
  const args = ensureCommandLine(options); // validates
  const o = options;
  const lines: string[] = [];
  const el = (indent: number, name: string, text: string) =>
    lines.push(`${"  ".repeat(indent)}<${name}>${escapeXml(text)}</${name}>`);
  const open = (indent: number, tag: string) => lines.push(`${"  ".repeat(indent)}<${tag}>`);
  const close = (indent: number, name: string) => lines.push(`${"  ".repeat(indent)}</${name}>`);

  lines.push('<?xml version="1.0" encoding="UTF-16"?>');
  open(0, 'Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"');
  open(1, "RegistrationInfo");
  el(2, "Description", o.description ?? `Keeps the connection "${o.entry}" up (rasctl ensure).`);
  if (o.author !== undefined) el(2, "Author", o.author);
  el(2, "URI", taskName(o.entry));
  close(1, "RegistrationInfo");

  open(1, "Triggers");
  if (o.atLogon) {
    open(2, "LogonTrigger");
    el(3, "Enabled", "true");
    if (o.userTask && o.userId !== undefined) el(3, "UserId", o.userId);
    close(2, "LogonTrigger");
  }
  if (o.atStartup) {
    open(2, "BootTrigger");
    el(3, "Enabled", "true");
    close(2, "BootTrigger");
  }
  if (o.onDisconnect) {
    open(2, "EventTrigger");
    el(3, "Enabled", "true");
    el(3, "Subscription", disconnectSubscription());
    close(2, "EventTrigger");
  }
  if (o.everyMinutes !== undefined) {
    open(2, "TimeTrigger");
    open(3, "Repetition");
    el(4, "Interval", `PT${o.everyMinutes}M`);
    el(4, "StopAtDurationEnd", "false");
    close(3, "Repetition");
    el(3, "StartBoundary", o.startBoundary ?? DEFAULT_START_BOUNDARY);
    el(3, "Enabled", "true");
    close(2, "TimeTrigger");
  }
  close(1, "Triggers");

  open(1, "Principals");
  open(2, 'Principal id="Author"');
  if (o.userTask) {
    el(3, "UserId", o.userId ?? "");
    el(3, "LogonType", "InteractiveToken");
    el(3, "RunLevel", "LeastPrivilege");
  } else {
    el(3, "UserId", LOCAL_SYSTEM_SID);
    el(3, "RunLevel", "HighestAvailable");
  }
  close(2, "Principal");
  close(1, "Principals");

  open(1, "Settings");
  el(2, "MultipleInstancesPolicy", "IgnoreNew");
  el(2, "DisallowStartIfOnBatteries", "false");
  el(2, "StopIfGoingOnBatteries", "false");
  el(2, "AllowHardTerminate", "true");
  el(2, "StartWhenAvailable", "true");
  el(2, "RunOnlyIfNetworkAvailable", "false");
  open(2, "IdleSettings");
  el(3, "StopOnIdleEnd", "false");
  el(3, "RestartOnIdle", "false");
  close(2, "IdleSettings");
  el(2, "AllowStartOnDemand", "true");
  el(2, "Enabled", "true");
  el(2, "Hidden", "true");
  el(2, "RunOnlyIfIdle", "false");
  el(2, "WakeToRun", "false");
  el(
    2,
    "ExecutionTimeLimit",
    o.keep ? "PT0S" : (o.executionTimeLimit ?? DEFAULT_EXECUTION_TIME_LIMIT),
  );
  el(2, "Priority", "7");
  close(1, "Settings");

  open(1, 'Actions Context="Author"');
  open(2, "Exec");
  el(3, "Command", o.exePath);
  el(3, "Arguments", args);
  el(3, "WorkingDirectory", o.exePath.replace(/[\\/][^\\/]*$/, "") || o.exePath);
  close(2, "Exec");
  close(1, "Actions");
  close(0, "Task");
  return lines.join("\r\n") + "\r\n";
}

/**
 * Encodes a task definition the way `schtasks /Create /XML` expects a file declared UTF-16:
 * UTF-16LE with a byte-order mark.
 *
 * @param xml the document from {@link buildTaskXml}
 * @returns the bytes to write
 * @example
 * ```ts
 * const bytes = encodeTaskXml(buildTaskXml({ entry: "Corp", exePath: "C:\\r\\rasctlw.exe", atLogon: true }));
 * ```
 */
export function encodeTaskXml(xml: string): Uint8Array {
  const bytes = new Uint8Array(2 + xml.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < xml.length; i++) {
    const unit = xml.charCodeAt(i);
    bytes[2 + i * 2] = unit & 0xff;
    bytes[3 + i * 2] = unit >> 8;
  }
  return bytes;
}

/**
 * The event query of the `onDisconnect` trigger (plain text; escaped when placed in the XML).
 *
 * @returns the QueryList selecting RasClient event 20226 in the Application log
 * @example
 * ```ts
 * disconnectSubscription().includes("EventID=20226"); // => true
 * ```
 */
export function disconnectSubscription(): string {
  const { log, provider, id } = RAS_DISCONNECT_EVENT;
  return `<QueryList><Query Id="0" Path="${log}"><Select Path="${log}">` +
    `*[System[Provider[@Name='${provider}'] and EventID=${id}]]</Select></Query></QueryList>`;
}

function validate(o: TaskOptions): void {
  if (typeof o !== "object" || o === null) throw new TypeError("Task options must be an object");
  for (const key of Object.keys(o)) {
    if (SECRET_LIKE.test(key) && !KNOWN_OPTIONS.has(key)) {
      throw new TypeError(
        `Option "${key}" looks like a secret; a task never carries one. Save the credentials ` +
          `with "rasctl creds set" and the task dials with them`,
      );
    }
    if (!KNOWN_OPTIONS.has(key)) throw new TypeError(`Unknown task option "${key}"`);
  }
  if (typeof o.entry !== "string" || o.entry === "") {
    throw new RangeError("The entry name is empty");
  }
  if (typeof o.exePath !== "string" || !/^([A-Za-z]:\\|\\\\)/.test(o.exePath)) {
    throw new TypeError(`exePath must be an absolute Windows path, got "${String(o.exePath)}"`);
  }
  if (!o.atLogon && !o.atStartup && !o.onDisconnect && o.everyMinutes === undefined) {
    throw new TypeError(
      "A task needs at least one trigger (atLogon, atStartup, onDisconnect, everyMinutes)",
    );
  }
  if (o.userTask) {
    if (o.userId === undefined || o.userId === "") {
      throw new TypeError("A user task needs userId (DOMAIN\\user or a SID)");
    }
    if (o.atStartup) {
      throw new TypeError(
        "atStartup needs a machine task: a user task runs only while its user is logged on",
      );
    }
  }
  checkCount("everyMinutes", o.everyMinutes, 1, MAX_INTERVAL_MINUTES);
  for (const [key, option] of BAKED) {
    const value = o[key];
    if (typeof value !== "number") continue;
    try {
      ENSURE_OPTIONS[option].type?.parse(String(value), ENSURE_OPTIONS[option].flag);
    } catch (error) {
      throw new RangeError(`${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (
    o.executionTimeLimit !== undefined &&
    !/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/.test(o.executionTimeLimit)
  ) {
    throw new RangeError(`executionTimeLimit must be an ISO 8601 duration like PT1H`);
  }
  if (
    o.startBoundary !== undefined &&
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(o.startBoundary)
  ) {
    throw new RangeError(`startBoundary must look like 2026-01-01T00:00:00`);
  }
  const texts: Array<[string, string | undefined]> = [
    ["entry", o.entry],
    ["exePath", o.exePath],
    ["userId", o.userId],
    ["phonebook", o.phonebook],
    ["user", o.user],
    ["domain", o.domain],
    ["via", o.via],
    ["viaUser", o.viaUser],
    ["viaDomain", o.viaDomain],
    ["logFile", o.logFile],
    ["description", o.description],
    ["author", o.author],
  ];
  for (const [name, value] of texts) {
    if (value === undefined) continue;
    if (typeof value !== "string") throw new TypeError(`${name} must be a string`);
    // deno-lint-ignore no-control-regex
    if (/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/.test(value)) {
      throw new RangeError(`${name} contains a control character that XML cannot carry`);
    }
    if (!value.isWellFormed()) {
      throw new RangeError(`${name} contains a lone UTF-16 surrogate`);
    }
    if (
      name !== "exePath" && name !== "description" && name !== "author" && /%[^%]+%/.test(value)
    ) {
      // Task Scheduler expands %VARIABLE% in an action's arguments; there is no escape.
      throw new RangeError(`${name} contains %...%, which Task Scheduler would expand`);
    }
  }
}

function checkCount(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

/** Escapes text for element content or a double-quoted attribute; non-ASCII as &#x...;. */
function escapeXml(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === '"') out += "&quot;";
    else if (ch === "'") out += "&apos;";
    else if (cp < 0x20 || cp > 0x7e) out += `&#x${cp.toString(16).toUpperCase()};`;
    else out += ch;
  }
  return out;
}
