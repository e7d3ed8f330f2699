/**
 * Every RAS struct rasctl passes to or receives from rasapi32, declared field by field in
 * ras.h order with the WINVER level that added each field, each in its own module under
 * ./structs/ (ras/ imports the one it passes, so a command loads only its own structs: a
 * struct's layout is computed when its module loads). This is their index, and
 * {@link ALL_STRUCTS} for table-driven tests. Offsets, sizes and the dwSize of each Windows
 * version are computed by `defineStruct` (./layout.ts); tests pin them to the SDK facts in
 * `../shared/abi/rasapi32.x64.json`.
 *
 * @module
 */

export {
  GUID,
  GUID_FIELDS,
  LUID,
  LUID_FIELDS,
  RASIPADDR,
  RASIPADDR_FIELDS,
  RASIPV4ADDR,
  RASIPV4ADDR_FIELDS,
  RASIPV6ADDR,
  RASIPV6ADDR_FIELDS,
} from "./structs/basic.ts";
export { RASENTRYW, RASENTRYW_FIELDS } from "./structs/rasentryw.ts";
export { RASDIALPARAMSW, RASDIALPARAMSW_FIELDS } from "./structs/rasdialparamsw.ts";
export { RASCONNW, RASCONNW_FIELDS } from "./structs/rasconnw.ts";
export {
  RASCONNSTATUSW,
  RASCONNSTATUSW_FIELDS,
  RASTUNNELENDPOINT,
  RASTUNNELENDPOINT_FIELDS,
} from "./structs/rasconnstatusw.ts";
export { RASENTRYNAMEW, RASENTRYNAMEW_FIELDS, REN_ALL_USERS } from "./structs/rasentrynamew.ts";
export { RASSUBENTRYW, RASSUBENTRYW_FIELDS } from "./structs/rassubentryw.ts";
export { RASDEVINFOW, RASDEVINFOW_FIELDS } from "./structs/rasdevinfow.ts";
export { RASCREDENTIALSW, RASCREDENTIALSW_FIELDS } from "./structs/rascredentialsw.ts";
export { RAS_STATS, RAS_STATS_FIELDS } from "./structs/ras_stats.ts";
export { RASEAPINFO, RASEAPINFO_FIELDS } from "./structs/raseapinfo.ts";
export { RASDEVSPECIFICINFO, RASDEVSPECIFICINFO_FIELDS } from "./structs/rasdevspecificinfo.ts";
export { RASDIALEXTENSIONS, RASDIALEXTENSIONS_FIELDS } from "./structs/rasdialextensions.ts";
export {
  RAS_PROJECTION_INFO,
  RAS_PROJECTION_INFO_FIELDS,
  RASIKEV2_PROJECTION_INFO,
  RASIKEV2_PROJECTION_INFO_FIELDS,
  RASPPP_PROJECTION_INFO,
  RASPPP_PROJECTION_INFO_FIELDS,
} from "./structs/projection.ts";

import { GUID, LUID, RASIPADDR, RASIPV4ADDR, RASIPV6ADDR } from "./structs/basic.ts";
import { RASENTRYW } from "./structs/rasentryw.ts";
import { RASDIALPARAMSW } from "./structs/rasdialparamsw.ts";
import { RASCONNW } from "./structs/rasconnw.ts";
import { RASCONNSTATUSW, RASTUNNELENDPOINT } from "./structs/rasconnstatusw.ts";
import { RASENTRYNAMEW } from "./structs/rasentrynamew.ts";
import { RASSUBENTRYW } from "./structs/rassubentryw.ts";
import { RASDEVINFOW } from "./structs/rasdevinfow.ts";
import { RASCREDENTIALSW } from "./structs/rascredentialsw.ts";
import { RAS_STATS } from "./structs/ras_stats.ts";
import { RASEAPINFO } from "./structs/raseapinfo.ts";
import { RASDEVSPECIFICINFO } from "./structs/rasdevspecificinfo.ts";
import { RASDIALEXTENSIONS } from "./structs/rasdialextensions.ts";
import {
  RAS_PROJECTION_INFO,
  RASIKEV2_PROJECTION_INFO,
  RASPPP_PROJECTION_INFO,
} from "./structs/projection.ts";

/** Every struct layout declared here, by ras.h name (for table-driven tests). */
export const ALL_STRUCTS = {
  GUID,
  LUID,
  RASIPADDR,
  RASIPV4ADDR,
  RASIPV6ADDR,
  RASENTRYW,
  RASDIALPARAMSW,
  RASCONNW,
  RASTUNNELENDPOINT,
  RASCONNSTATUSW,
  RASENTRYNAMEW,
  RASSUBENTRYW,
  RASDEVINFOW,
  RASCREDENTIALSW,
  RAS_STATS,
  RASEAPINFO,
  RASDEVSPECIFICINFO,
  RASDIALEXTENSIONS,
  RASPPP_PROJECTION_INFO,
  RASIKEV2_PROJECTION_INFO,
  RAS_PROJECTION_INFO,
} as const;

/** Length limits of ras.h, for validation above this layer. */
export { LIMITS } from "./limits.ts";
