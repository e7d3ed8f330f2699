/**
 * RasSetEntryProperties refuses a new entry without the members its page lists as required
 * (tests/sim/README.md "Phone books").
 */
import { equal } from "node:assert/strict";
import { buildSim, createSimHome } from "./harness.ts";
import { setEntry, vpnEntry } from "./_ras.ts";

await buildSim();

Deno.test("RasSetEntryProperties: a new entry without a required member is ERROR_INVALID_PARAMETER", async () => {
  await using h = await createSimHome();
  h.activate();
  const book = h.userPbk;
  await Deno.mkdir(book.slice(0, book.lastIndexOf("/")), { recursive: true });
  await Deno.writeTextFile(book, "");
  for (
    const [what, fields] of [
      ["szDeviceName", { szDeviceName: "" }],
      ["szDeviceType", { szDeviceType: "" }],
      ["szLocalPhoneNumber", { szLocalPhoneNumber: "" }],
      ["dwFramingProtocol", { dwFramingProtocol: 0 }],
    ] as const
  ) {
    equal(setEntry("New", vpnEntry("vpn.example.com", fields), book), 87, what);
  }
  equal(await Deno.readTextFile(book), "", "nothing was written");
  equal(setEntry("New", vpnEntry("vpn.example.com"), book), 0);
  // A broadband entry may leave its service name empty.
  equal(
    setEntry("DSL", {
      dwType: 5,
      szDeviceType: "PPPoE",
      szDeviceName: "WAN Miniport (PPPOE)",
      dwFramingProtocol: 1,
    }, book),
    0,
  );
});
