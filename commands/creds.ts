/**
 * `rasctl creds list`, `rasctl creds show | set | clear NAME`: saved credentials. `list` and
 * `show` never print a secret;
 * `set` reads secrets only from stdin or environment variables. `--default` saves (or clears)
 * an all-users entry's default credentials, the ones LocalSystem (a machine task) and users
 * without their own dial with; Windows allows that only from an elevated prompt.
 *
 * @module
 */

import {
  clearCredentials,
  getCredentials,
  listCredentials,
  setCredentials,
} from "../ras/credentials.ts";
import {
  CREDENTIAL_OPTIONS,
  LOCK_OPTIONS,
  PHONEBOOK_OPTIONS,
  phonebookOf,
  phonebookWait,
} from "./_options.ts";
import { argument, command, type CommandModule, flag, option, types } from "./_spec.ts";
import { UsageError } from "./_errors.ts";
import { readStdinSecrets, secretOf } from "./_secrets.ts";

const DEFAULT_OPTION = flag(
  "--default",
  "the entry's default credentials for all users and LocalSystem (RASCM_DefaultCreds): " +
    "all-users entries only, needs an elevated prompt",
);

function scopeOf(
  o: {
    phonebook?: string | undefined;
    allUsers?: boolean | undefined;
    default?: boolean | undefined;
  },
) {
  const where = phonebookOf(o);
  return o.default ? { ...where, default: true } : where;
}

const NAME = argument("name", "the entry's name", { type: types.entryName() });

const list = command({
  path: ["creds", "list"],
  summary: "what is saved for every entry (never the secrets)",
  details: "Both default phone books (all users first, then yours), or the one --phonebook or " +
    "--all-users names; each element as creds show prints it.",
  args: [],
  options: PHONEBOOK_OPTIONS,
  examples: ["rasctl creds list", "rasctl creds list --all-users --format table"],
  run: ({ options }, ctx) => ctx.result(listCredentials(phonebookOf(options))),
});

const show = command({
  path: ["creds", "show"],
  summary: "what is saved (never the secrets)",
  args: [NAME],
  options: PHONEBOOK_OPTIONS,
  examples: ['rasctl creds show "Corp VPN"'],
  run: ({ args, options }, ctx) => ctx.result(getCredentials(args.name!, phonebookOf(options))),
});

const set = command({
  path: ["creds", "set"],
  summary: "save credentials",
  details: "Secrets are read from stdin one line each, in this order: --password-stdin, then " +
    "--psk-stdin.",
  args: [NAME],
  options: {
    ...PHONEBOOK_OPTIONS,
    default: DEFAULT_OPTION,
    ...CREDENTIAL_OPTIONS,
    pskStdin: flag("--psk-stdin", "read the pre-shared key from the next line of stdin", {
      conflicts: ["--psk-env", "--default"],
      secret: true,
    }),
    pskEnv: option(
      "--psk-env",
      types.envName(),
      "read the pre-shared key from this environment variable",
      { conflicts: ["--psk-stdin", "--default"], secret: true },
    ),
    ...LOCK_OPTIONS,
  },
  examples: [
    '$env:PW | rasctl creds set "Corp VPN" --user alice --password-stdin',
    'rasctl creds set "Corp L2TP" --psk-env L2TP_PSK',
  ],
  run: async ({ args, options: o }, ctx) => {
    const stdin = await readStdinSecrets(ctx, o);
    const password = secretOf(stdin.passwordStdin, o.passwordEnv, "--password-env");
    const psk = secretOf(stdin.pskStdin, o.pskEnv, "--psk-env");
    const { user, domain } = o;
    if ([user, domain, password, psk].every((v) => v === undefined)) {
      throw new UsageError(
        "creds set needs --user, --domain, a password or a pre-shared key",
        null,
        "see rasctl creds set --help",
      );
    }
    using wait = phonebookWait(o.timeout, ctx);
    ctx.result(
      await setCredentials(args.name!, { user, domain, password, psk }, { ...scopeOf(o), ...wait }),
    );
  },
});

const clear = command({
  path: ["creds", "clear"],
  summary: "forget saved credentials",
  args: [NAME],
  options: {
    ...PHONEBOOK_OPTIONS,
    default: DEFAULT_OPTION,
    psk: flag("--psk", "forget the pre-shared key instead of user/password/domain", {
      conflicts: ["--default"],
    }),
    ...LOCK_OPTIONS,
  },
  examples: ['rasctl creds clear "Corp VPN"', 'rasctl creds clear "Corp L2TP" --psk'],
  run: async ({ args, options }, ctx) => {
    using wait = phonebookWait(options.timeout, ctx);
    const what = options.psk ? "psk" : "credentials";
    ctx.result(await clearCredentials(args.name!, what, { ...scopeOf(options), ...wait }));
  },
});

/** The `creds` commands. */
export const commands: CommandModule["commands"] = [list, show, set, clear];
