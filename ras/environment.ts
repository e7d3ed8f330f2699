/**
 * The environment variables rasctl reads (%APPDATA%, %ProgramData%, %LOCALAPPDATA%, a
 * `--password-env` variable): the process's own, or the ones a program that runs rasctl
 * in-process hands to one run (`main(args, io)` with `io.env`).
 *
 * The process environment is shared by everything in the process (`deno test --parallel` runs
 * test modules as threads of one process), while module state is per isolate: so a run that
 * brings its own environment sets it here, not with `Deno.env.set`.
 *
 * @module
 */

/** Reads one environment variable. */
export type EnvReader = (name: string) => string | undefined;

const processEnv: EnvReader = (name) => Deno.env.get(name);
let current: EnvReader = processEnv;

/**
 * Reads an environment variable from the running program's environment.
 *
 * @param name The variable's name.
 * @returns Its value, or undefined when it is not set.
 * @example
 * ```ts ignore
 * getEnv("APPDATA"); // "C:\\Users\\alice\\AppData\\Roaming"
 * ```
 */
export function getEnv(name: string): string | undefined {
  return current(name);
}

/**
 * Runs `action` with `env` as the environment every {@link getEnv} reads, then restores the
 * previous one.
 *
 * @param env The run's environment (undefined: the process's).
 * @param action What runs in it.
 * @returns What `action` returns.
 */
export async function withEnvironment<T>(
  env: EnvReader | undefined,
  action: () => Promise<T>,
): Promise<T> {
  if (!env) return await action();
  const previous = current;
  current = env;
  try {
    return await action();
  } finally {
    current = previous;
  }
}
