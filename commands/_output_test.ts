import { deepEqual, equal, ok } from "node:assert/strict";
import { asciiJson } from "./_output.ts";
import { describeError } from "./_report.ts";
import { UsageError } from "./_errors.ts";
import { displayWidth, renderTable } from "./_table.ts";
import { RasError } from "../ras/errors.ts";

Deno.test("renderTable() lays a list out as columns under its keys, raw left out", () => {
  const text = renderTable([
    { name: "Corp VPN", scope: "user", raw: { dwfOptions: 1 } },
    { name: "ISP", scope: "allUsers", raw: { dwfOptions: 2 } },
  ]);
  deepEqual(text.split("\n"), ["name      scope", "Corp VPN  user", "ISP       allUsers"]);
});

Deno.test("renderTable() shows one object as field/value lines with nested fields dotted", () => {
  const text = renderTable({ name: "Corp", ipv4: { address: "10.0.0.5", dns: ["1.1.1.1"] } });
  deepEqual(text.split("\n"), [
    "name          Corp",
    "ipv4.address  10.0.0.5",
    "ipv4.dns      1.1.1.1",
  ]);
});

Deno.test("renderTable() of nothing to show says (none)", () => {
  deepEqual([renderTable([]), renderTable({}), renderTable({ raw: {} })], [
    "(none)",
    "(none)",
    "(none)",
  ]);
});

Deno.test("describeError() gives RAS, usage and other errors the same keys", () => {
  const reports = [
    new RasError(691, { operation: "RasDial", entry: "Corp" }),
    new UsageError("--timeout takes seconds", "timeout"),
    new Error("boom"),
  ].map((e) => describeError(e, "linux"));
  for (const { report } of reports) {
    deepEqual(Object.keys(report), [
      "code",
      "name",
      "message",
      "hint",
      "operation",
      "entry",
      "field",
    ]);
  }
  deepEqual(reports.map((r) => r.status), [3, 2, 1]);
  equal(reports[1]!.report.field, "timeout");
  equal(describeError(new RasError(691, { operation: "RasDial" }), "windows").status, 691);
});

Deno.test("asciiJson() escapes every non-ASCII character", () => {
  equal(asciiJson({ name: "Büro Ω" }, 0), '{"name":"B\\u00fcro \\u03a9"}');
});

Deno.test("the failures admins meet most have hints, in rasctl's terms", async () => {
  const { hintFor } = await import("./_hints.ts");
  for (const code of [5, 691, 703, 718, 720, 789, 800, 806, 809, 812, 868, 13801, 13806]) {
    const hint = hintFor(code);
    ok(hint !== null && hint.length > 20, `hint for ${code}`);
  }
  equal(hintFor(600), null);
  equal(
    describeError(new RasError(691, { operation: "RasDial" }), "linux").report.hint,
    hintFor(691),
  );
});

Deno.test("renderTable() counts East Asian wide characters as two columns", () => {
  equal(displayWidth("東京 VPN"), 8);
  const text = renderTable([{ name: "東京 VPN", scope: "user" }, { name: "ISP", scope: "file" }]);
  deepEqual(text.split("\n"), ["name      scope", "東京 VPN  user", "ISP       file"]);
});

Deno.test("renderTable() labels nested values as columns instead of joining them unlabelled", () => {
  const text = renderTable([{ entry: "Corp", device: { type: "vpn", name: "WAN Miniport" } }]);
  deepEqual(text.split("\n"), [
    "entry  device.type  device.name",
    "Corp   vpn          WAN Miniport",
  ]);
});
