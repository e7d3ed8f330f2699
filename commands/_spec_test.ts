import assert from "node:assert/strict";
import fc from "fast-check";
import { COMMANDS } from "./main.ts";
import {
  type CommandSpec,
  fastParse,
  GLOBAL_OPTIONS,
  type Invocation,
  parseFlags,
} from "./_spec.ts";
import { parseWithCommander } from "./_commander.ts";

/** Every runnable command with the path of names that leads to it. */
async function runnableCommands(): Promise<
  { root: CommandSpec; path: string[]; leaf: CommandSpec }[]
> {
  const out: { root: CommandSpec; path: string[]; leaf: CommandSpec }[] = [];
  for (const entry of Object.values(COMMANDS)) {
    const root = (await entry.load()).spec;
    const walk = (spec: CommandSpec, path: string[]) => {
      if (spec.run) out.push({ root, path, leaf: spec });
      for (const sub of spec.subcommands ?? []) walk(sub, [...path, sub.name]);
    };
    walk(root, [root.name]);
  }
  return out;
}

/** The same spec tree, with every action replaced by one that records what it received. */
function recording(spec: CommandSpec, seen: Invocation[]): CommandSpec {
  return {
    ...spec,
    subcommands: spec.subcommands?.map((s) => recording(s, seen)),
    run: spec.run ? (invocation) => void seen.push(invocation) : undefined,
  } as CommandSpec;
}

/** What commander makes of a command line (or undefined when it refuses it). */
async function commanderParse(spec: CommandSpec, argv: string[]): Promise<Invocation | undefined> {
  const seen: Invocation[] = [];
  const status = await parseWithCommander(argv, recording(spec, seen), {}, "0.0.0");
  return status === 0 ? seen[0] : undefined;
}

const commands = await runnableCommands();

/** Command lines a script would write: options with plain values, in any order. */
function commandLine(path: string[], leaf: CommandSpec) {
  const value = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._:]{0,12}$/);
  const options = [
    // Not --format (it is checked) nor --log-file (it is written to).
    ...GLOBAL_OPTIONS.filter((o) => !/format|log-file/.test(o.flags)),
    ...(leaf.options ?? []),
  ];
  const optionArgs = fc.subarray(options).chain((chosen) =>
    fc.tuple(...chosen.map((o) => {
      const flag = parseFlags(o.flags);
      const name = `--${flag.long}`;
      return flag.takesValue
        ? fc.tuple(value, fc.boolean()).map((
          [v, inline],
        ) => (inline ? [`${name}=${v}`] : [name, v]))
        : fc.constant([name]);
    }))
  );
  const positional = (leaf.args ?? []).map(() => value);
  return fc.tuple(optionArgs, fc.tuple(...positional), fc.nat(3)).map(([opts, args, at]) => {
    const flat = opts.flat();
    // Options may come before or after the positional arguments.
    const split = Math.min(at * 2, flat.length);
    return [...path, ...flat.slice(0, split), ...args, ...flat.slice(split)];
  });
}

for (const { root, path, leaf } of commands) {
  Deno.test(`fastParse and commander read "${path.join(" ")}" command lines alike`, async () => {
    await fc.assert(
      fc.asyncProperty(commandLine(path, leaf), async (argv) => {
        const fast = fastParse(root, argv);
        const slow = await commanderParse(root, argv);
        // Plain lines take the fast path, and commander reads them identically.
        assert.ok(fast, `the fast parser refused: ${argv.join(" ")}`);
        assert.deepEqual(fast.invocation, slow, argv.join(" "));
      }),
      { numRuns: 40 },
    );
  });
}

Deno.test("fastParse handles the plain lines scripts write (so they skip commander)", async () => {
  const entry = (await COMMANDS.entry!.load()).spec;
  const parsed = fastParse(entry, ["--json", "entry", "show", "Corp VPN", "--phonebook=C:\\t.pbk"]);
  assert.ok(parsed);
  assert.equal(parsed.command.name, "show");
  assert.deepEqual(parsed.invocation, {
    args: ["Corp VPN"],
    options: { json: true, phonebook: "C:\\t.pbk" },
  });
  const dial = (await COMMANDS.dial!.load()).spec;
  const d = fastParse(dial, ["dial", "Corp", "--no-prerequisite", "-q", "--retries", "2"]);
  assert.deepEqual(d?.invocation.options, {
    prerequisite: false,
    quiet: true,
    retries: "2",
    retryDelay: "1000",
  });
});

Deno.test("fastParse leaves help, unknown options, missing or extra arguments to commander", async () => {
  const entry = (await COMMANDS.entry!.load()).spec;
  for (
    const argv of [
      ["entry", "show", "--help"],
      ["entry", "show", "X", "-h"],
      ["entry", "show", "X", "--bogus"],
      ["entry", "show"],
      ["entry", "show", "X", "Y"],
      ["entry", "show", "X", "--phonebook"],
      ["entry", "show", "X", "--phonebook", "--all-users"],
      ["entry", "--phonebook", "p", "show", "X"],
      ["entry", "show", "--", "X"],
      ["entry"],
      ["entry", "nope"],
      ["entry", "show", "X", "--all-users=yes"],
    ]
  ) {
    assert.equal(fastParse(entry, argv), undefined, argv.join(" "));
  }
});

Deno.test("a lone --no-x option defaults to true, as in commander", async () => {
  const dial = (await COMMANDS.dial!.load()).spec;
  assert.equal(fastParse(dial, ["dial", "X"])?.invocation.options.prerequisite, true);
  assert.deepEqual(
    await commanderParse(dial, ["dial", "X"]),
    fastParse(dial, ["dial", "X"])?.invocation,
  );
});
