/**
 * `rasctl creds show | set | clear NAME`: saved credentials. `show` never prints a secret;
 * `set` reads secrets only from stdin or environment variables.
 *
 * @module
 */

import { Command } from "commander";
import { clearCredentials, getCredentials, setCredentials } from "../ras/credentials.ts";
import { withContext } from "./_context.ts";
import { phonebookOf, withPhonebook } from "./_options.ts";
import { UsageError } from "./_output.ts";
import { passwordFrom } from "./_secrets.ts";
import { checkedName } from "./_settings.ts";

/** Builds the `creds` command group. */
export function command(): Command {
  const creds = new Command("creds").description("saved credentials");

  withPhonebook(
    creds.command("show").description("what is saved (never the secrets)").argument("<name>"),
  )
    .action((name: string, o: Record<string, unknown>, cmd: Command) =>
      withContext(cmd, (ctx) => ctx.result(getCredentials(checkedName(name), phonebookOf(o))))
    );

  withPhonebook(creds.command("set").description("save credentials").argument("<name>"))
    .option("--user <name>", "user name")
    .option("--domain <domain>", "domain")
    .option("--password-stdin", "read the password from a line of stdin")
    .option("--password-env <variable>", "read the password from this environment variable")
    .option("--psk-stdin", "read the pre-shared key from the next line of stdin")
    .option("--psk-env <variable>", "read the pre-shared key from this environment variable")
    .action((name: string, o: Record<string, unknown>, cmd: Command) =>
      withContext(cmd, async (ctx) => {
        checkedName(name);
        const where = phonebookOf(o);
        const user = o.user as string | undefined;
        const domain = o.domain as string | undefined;
        if (user !== undefined && user.length > 256) {
          throw new UsageError("--user is at most 256 characters", "user");
        }
        if (domain !== undefined && domain.length > 15) {
          throw new UsageError("--domain is at most 15 characters", "domain");
        }
        const password = await passwordFrom(
          { passwordStdin: o.passwordStdin as boolean, passwordEnv: o.passwordEnv as string },
          "password",
        );
        const psk = await passwordFrom(
          { passwordStdin: o.pskStdin as boolean, passwordEnv: o.pskEnv as string },
          "pre-shared key",
        );
        for (const [secret, what] of [[password, "password"], [psk, "pre-shared key"]] as const) {
          if (secret !== undefined && secret.length > 256) {
            throw new UsageError(`the ${what} is at most 256 characters`);
          }
        }
        if ([user, domain, password, psk].every((v) => v === undefined)) {
          throw new UsageError("creds set needs --user, --domain, a password or a pre-shared key");
        }
        ctx.result(setCredentials(name, { user, domain, password, psk }, where));
      })
    );

  withPhonebook(creds.command("clear").description("forget saved credentials").argument("<name>"))
    .option("--psk", "forget the pre-shared key instead of user/password/domain")
    .action((name: string, o: Record<string, unknown>, cmd: Command) =>
      withContext(
        cmd,
        (ctx) =>
          ctx.result(
            clearCredentials(checkedName(name), o.psk ? "psk" : "credentials", phonebookOf(o)),
          ),
      )
    );

  return creds;
}
