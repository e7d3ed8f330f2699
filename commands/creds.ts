/**
 * `rasctl creds show | set | clear NAME`: saved credentials. `show` never prints a secret;
 * `set` reads secrets only from stdin or environment variables.
 *
 * @module
 */

import { clearCredentials, getCredentials, setCredentials } from "../ras/credentials.ts";
import { checkedName, credentialOptions, PHONEBOOK_OPTIONS, phonebookOf } from "./_options.ts";
import { credentialsFrom } from "./_dial_options.ts";
import type { CommandSpec } from "./_spec.ts";
import { UsageError } from "./_output.ts";
import { passwordFrom } from "./_secrets.ts";

type Options = Record<string, unknown> & { phonebook?: string; allUsers?: boolean };

async function saveCredentials(name: string, o: Options) {
  checkedName(name);
  const where = phonebookOf(o);
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
        {
          flags: "--psk",
          description: "forget the pre-shared key instead of user/password/domain",
        },
      ],
      run: ({ args: [name], options }, ctx) =>
        ctx.result(
          clearCredentials(
            checkedName(name!),
            options.psk ? "psk" : "credentials",
            phonebookOf(options as Options),
          ),
        ),
    },
  ],
};
