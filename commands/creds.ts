/**
 * `rasctl creds show | set | clear NAME`: saved credentials. `show` never prints a secret;
 * `set` reads secrets only from stdin or environment variables. `--default` saves (or clears)
 * an all-users entry's default credentials, the ones LocalSystem (a machine task) and users
 * without their own dial with; Windows allows that only from an elevated prompt.
 *
 * @module
 */

import { clearCredentials, getCredentials, setCredentials } from "../ras/credentials.ts";
import { checkedName, credentialOptions, PHONEBOOK_OPTIONS, phonebookOf } from "./_options.ts";
import { credentialsFrom } from "./_dial_options.ts";
import type { CommandSpec } from "./_spec.ts";
import { UsageError } from "./_output.ts";
import { passwordFrom } from "./_secrets.ts";

type Options = Record<string, unknown> & {
  phonebook?: string;
  allUsers?: boolean;
  default?: boolean;
};

const DEFAULT_OPTION = {
  flags: "--default",
  description:
    "the entry's default credentials for all users and LocalSystem (RASCM_DefaultCreds): all-users entries only, needs an elevated prompt",
};

function scopeOf(o: Options) {
  const where = phonebookOf(o);
  return o.default ? { ...where, default: true } : where;
}

async function saveCredentials(name: string, o: Options) {
  checkedName(name);
  const where = scopeOf(o);
  const { user, domain, password } = await credentialsFrom(o, "", "password");
  const psk = await passwordFrom(
    { passwordStdin: o.pskStdin as boolean, passwordEnv: o.pskEnv as string },
    "pre-shared key",
  );
  if (psk !== undefined && psk.length > 256) {
    throw new UsageError("the pre-shared key is at most 256 characters");
  }
  if ([user, domain, password, psk].every((v) => v === undefined)) {
    throw new UsageError("creds set needs --user, --domain, a password or a pre-shared key");
  }
  if (o.default && psk !== undefined) {
    // A pre-shared key belongs to the entry itself; RASCM_PreSharedKey takes no other flag.
    throw new UsageError(
      "--default is for user, domain and password; give the pre-shared key without it",
      "default",
    );
  }
  return setCredentials(name, { user, domain, password, psk }, where);
}

/** The `creds` command group. */
export const spec: CommandSpec = {
  name: "creds",
  description: "saved credentials",
  subcommands: [
    {
      name: "show",
      description: "what is saved (never the secrets)",
      args: ["<name>"],
      options: PHONEBOOK_OPTIONS,
      run: ({ args: [name], options }, ctx) =>
        ctx.result(getCredentials(checkedName(name!), phonebookOf(options as Options))),
    },
    {
      name: "set",
      description: "save credentials",
      args: ["<name>"],
      options: [
        ...PHONEBOOK_OPTIONS,
        DEFAULT_OPTION,
        ...credentialOptions("", "the entry"),
        {
          flags: "--psk-stdin",
          description: "read the pre-shared key from the next line of stdin",
        },
        {
          flags: "--psk-env <variable>",
          description: "read the pre-shared key from this environment variable",
        },
      ],
      run: async ({ args: [name], options }, ctx) =>
        ctx.result(await saveCredentials(name!, options as Options)),
    },
    {
      name: "clear",
      description: "forget saved credentials",
      args: ["<name>"],
      options: [
        ...PHONEBOOK_OPTIONS,
        DEFAULT_OPTION,
        {
          flags: "--psk",
          description: "forget the pre-shared key instead of user/password/domain",
        },
      ],
      run: ({ args: [name], options }, ctx) => {
        if (options.psk && options.default) {
          throw new UsageError("give --psk or --default, not both", "default");
        }
        return ctx.result(
          clearCredentials(
            checkedName(name!),
            options.psk ? "psk" : "credentials",
            scopeOf(options as Options),
          ),
        );
      },
    },
  ],
};
