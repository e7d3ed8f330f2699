/**
 * rasctl: manage Windows dial-up and VPN connections (rasapi32.dll) from Deno programs and
 * from the command line.
 *
 * ```ts ignore
 * import { connect, hangUp, listEntries } from "./mod.ts";
 * const [dialup, vpn] = await connect("Corp VPN", { via: { entry: "ISP" } });
 * await hangUp(vpn!.handle); // the dial-up connection stays up
 * ```
 *
 * Run as a program (`deno run mod.ts --help`, or the compiled rasctl.exe) it is the CLI.
 *
 * Entry settings are declared once in `ras/entry_settings.ts` ({@link ENTRY_SETTINGS}); desired
 * state (profiles: get, test, set, export) is `ras/profile.ts` with its document in
 * `ras/profile_schema.ts`.
 *
 * @module
 */

export {
  createEntry,
  deleteEntry,
  type EntryName,
  findEntry,
  getEntry,
  listEntries,
  type NameValidation,
  renameEntry,
  updateEntry,
  validateEntryName,
} from "./ras/entries.ts";
export type { Entry, EntrySettings } from "./ras/entry.ts";
export type { RawFields } from "./ras/entry_schema.ts";
export {
  diffEntries,
  ENTRY_SETTINGS,
  type RasEntryStruct,
  type Setting,
  SETTING_OPTIONS,
  type SettingChange,
  type SettingCli,
  type SettingOption,
  type ValueType,
} from "./ras/entry_settings.ts";
export { entryNameSchema, entrySettingsSchema } from "./ras/entry_schema.ts";
export {
  type ActualEntry,
  type Change,
  compareEntry,
  type CredentialsState,
  type EntryComparison,
  type EntryOutcome,
  type EntryPlace,
  exportProfile,
  placeOf,
  profileEntryOf,
  ProfileStateError,
  readActual,
  type SecretReader,
  setProfile,
  type SetProfileOptions,
  type SetResult,
  settingsOf,
  stateOf,
  testProfile,
} from "./ras/profile.ts";
export {
  type Profile,
  type ProfileCredentials,
  type ProfileEntry,
  profileEntryJsonSchema,
  profileEntrySchema,
  profileJsonSchema,
  profileSchema,
  secretPath,
  type SecretSource,
} from "./ras/profile_schema.ts";
export { connect, type ConnectOptions, isTransient, type ViaEntry } from "./ras/connect.ts";
export {
  type Credentials,
  dialEntry,
  type DialOptions,
  type DialProgress,
  hangUp,
  type HangUpOptions,
} from "./ras/dial.ts";
export {
  clearStatistics,
  type Connection,
  type ConnectionName,
  connectionProjection,
  connectionStatistics,
  type ConnectionStatus,
  connectionStatus,
  describeAll,
  describeConnection,
  findConnection,
  type Handle,
  listConnections,
  type Projection,
  type Statistics,
} from "./ras/connections.ts";
export {
  clearCredentials,
  type CredentialsUpdate,
  getCredentials,
  type SavedCredentials,
  setCredentials,
} from "./ras/credentials.ts";
export { type Device, listDevices } from "./ras/devices.ts";
export { type ErrorInfo, explainError, RasError } from "./ras/errors.ts";
export { type PhonebookOptions } from "./ras/phonebook.ts";
export {
  AUTH_METHODS,
  type AuthMethod,
  ENCRYPTION_LEVELS,
  type EncryptionLevel,
  ENTRY_TYPES,
  type EntryType,
  VPN_STRATEGIES,
  type VpnStrategy,
} from "./ras/constants.ts";

if (import.meta.main) {
  const { main } = await import("./commands/main.ts");
  Deno.exit(await main(Deno.args));
}
