// bin/rasctl, the launcher the RasCtl module runs off Windows ($env:RASCTL_EXE): exactly the
// compiled exe's permissions, and the simulator unless RASCTL_RASAPI32 says otherwise.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { RUN_PERMISSIONS } from "../scripts/compile.ts";
import { createSimHome } from "./sim/harness.ts";

const LAUNCHER = fileURLToPath(new URL("../bin/rasctl", import.meta.url));
const posix = Deno.build.os !== "windows";

Deno.test("bin/rasctl runs deno with exactly the compile task's permissions", async () => {
  const text = await Deno.readTextFile(LAUNCHER);
  const exec = text.slice(text.indexOf('exec "$deno" run'));
  const flags = [...exec.matchAll(/--(?:allow-[a-z-]+(?:=\S+)?|no-prompt|deny-[a-z-]+)/g)]
    .map((m) => m[0]);
  // Off Windows the compiled exe's --allow-run=schtasks.exe is left out (RUN_PERMISSIONS).
  const expected = RUN_PERMISSIONS.filter((p) => !p.startsWith("--allow-run"));
  assert.deepEqual(flags.sort(), [...expected].sort());
});

Deno.test({
  name: "bin/rasctl loads the simulator when RASCTL_RASAPI32 is unset",
  ignore: !posix,
  async fn() {
    await using home = await createSimHome({ world: "[machine]\nwindows=win10\n" });
    const env = { ...home.env };
    delete env["RASCTL_RASAPI32"];
    const out = await new Deno.Command(LAUNCHER, {
      args: ["devices"],
      env: { ...env, RASCTL_RASAPI32: "" },
      clearEnv: false,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const devices = JSON.parse(new TextDecoder().decode(out.stdout)) as { type: string }[];
    assert.ok(devices.some((d) => d.type === "vpn"), "the simulator's VPN miniports");
  },
});
