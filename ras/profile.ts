/**
 * Desired state for entries: read the actual state of a profile's entries, test it, make it so
 * (one entry at a time, each either fully changed or as it was), and export a machine's entries
 * as a profile that `setProfile` accepts unchanged.
 *
 * @module
 */

import { RASENTRYW } from "../ffi/structs/rasentryw.ts";
import {
  ERROR_ALREADY_EXISTS,
  ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
  ERROR_CANNOT_OPEN_PHONEBOOK,
  RasError,
} from "../ffi/errors.ts";
import { createEntry, deleteEntry, getEntry, listEntries, updateEntry } from "./entries.ts";
import type { Entry } from "./entry.ts";
import { chooseDevice, newEntryStruct, windowsDefaultEntry } from "./entry_defaults.ts";
import { listDevices } from "./devices.ts";
import { diffEntries, type RasEntryStruct, readSettings, writeSettings } from "./entry_settings.ts";
import { getCredentials, type SavedCredentials, setCredentials } from "./credentials.ts";
import { withPhonebookLock } from "./phonebook_lock.ts";
import { findConnection } from "./connections.ts";
import { hangUp } from "./dial.ts";
import { allUsersPhonebook, userPhonebook } from "./phonebook.ts";
import { readNotCarried } from "./phonebook_keys.ts";
import { getCustomAuthData, setCustomAuthData } from "./custom_auth.ts";
import type { Profile, ProfileEntry, SecretSource } from "./profile_schema.ts";
import type { EntryType } from "./constants.ts";

export type { Profile, ProfileEntry, SecretSource };

/** An entry read back differs from what was written (named like rasctl's other internal errors). */
export class ProfileStateError extends Error {
  /** `InternalError`: one of the error names rasctl documents. */
  override readonly name = "InternalError";
}

/** The keys of a profile entry that are not entry settings. */
const ENTRY_KEYS = new Set([
  "name",
  "scope",
  "phonebook",
  "ensure",
  "credentials",
  "customAuthData",
  "notCarried",
]);

/** Which phone book a profile entry lives in. */
export interface EntryPlace {
  /** The entry's name, as the profile gives it. */
  name: string;
  /** `user`, `allUsers` or `file`. */
  scope: "user" | "allUsers" | "file";
  /** The phone-book file. */
  phonebook: string;
}

/**
 * The phone book a profile entry names.
 *
 * @param entry The profile entry.
 * @returns Its name, scope and phone-book path.
 */
export function placeOf(entry: Pick<ProfileEntry, "name" | "scope" | "phonebook">): EntryPlace {
  if (entry.phonebook !== undefined) {
    return { name: entry.name, scope: "file", phonebook: entry.phonebook };
  }
  if (entry.scope === "allUsers") {
    return { name: entry.name, scope: "allUsers", phonebook: allUsersPhonebook() };
  }
  return { name: entry.name, scope: "user", phonebook: userPhonebook() };
}

/** The settings of a profile entry (everything but name, scope, phonebook, ensure, credentials). */
export function settingsOf(entry: ProfileEntry): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([k]) => !ENTRY_KEYS.has(k)));
}

/** An entry's saved credentials as a profile shows them: names, never secrets. */
export interface CredentialsState {
  /** The saved user name, or null. */
  user: string | null;
  /** The saved domain, or null. */
  domain: string | null;
  /** `set` when a password is saved, else null. */
  password: "set" | null;
  /** `set` when a pre-shared key is saved, else null. */
  psk: "set" | null;
}

/** What is on the machine for one profile entry. */
export interface ActualEntry {
  /** Where it is (or would be). */
  place: EntryPlace;
  /** The entry as read, or null when it does not exist. */
  entry: Entry | null;
  /** Its saved credentials (user or default ones, as the profile asks), or null. */
  credentials: CredentialsState | null;
  /** Its custom authentication data (EAP configuration) in base64, "" when none. */
  customAuthData: string;
}

function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** An entry's custom authentication data in base64 ("" when it has none). */
function customAuthOf(name: string, phonebook: string): string {
  return toBase64(getCustomAuthData(name, phonebook));
}

function isMissing(error: unknown): boolean {
  return error instanceof RasError &&
    (error.code === ERROR_CANNOT_FIND_PHONEBOOK_ENTRY ||
      error.code === ERROR_CANNOT_OPEN_PHONEBOOK);
}

function credentialsState(saved: SavedCredentials, wantDefault: boolean): CredentialsState {
  const source = wantDefault ? saved.default : saved;
  return {
    user: source?.user ?? null,
    domain: source?.domain ?? null,
    password: source?.passwordSaved ? "set" : null,
    psk: saved.pskSaved ? "set" : null,
  };
}

/**
 * Reads what the machine has for one profile entry.
 *
 * @param entry The profile entry.
 * @returns The entry (or null) and its credentials' state.
 * @throws {RasError} When the phone book cannot be read.
 */
export function readActual(entry: ProfileEntry): ActualEntry {
  const place = placeOf(entry);
  let found: Entry | null = null;
  try {
    found = getEntry(entry.name, { phonebook: place.phonebook });
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const credentials = found && entry.credentials
    ? credentialsState(
      getCredentials(found.name, { phonebook: place.phonebook }),
      entry.credentials.default ?? false,
    )
    : null;
  const customAuthData = found ? customAuthOf(found.name, place.phonebook) : "";
  return { place, entry: found, credentials, customAuthData };
}

/** The zeroed struct that settings are written into to predict an outcome. */
function emptyStruct(): RasEntryStruct {
  return RASENTRYW.decode(RASENTRYW.encode({}));
}

/**
 * The entry's settings after writing a patch over them, as Windows would store them. A new
 * entry starts where createEntry starts it: Windows' default entry for the book.
 */
function predict(
  before: Record<string, unknown> | null,
  patch: Record<string, unknown>,
  phonebook?: string,
) {
  const base = before === null
    ? newEntryStruct((patch.type as EntryType) ?? "vpn", windowsDefaultEntry(phonebook))
    : { ...emptyStruct(), ...writeSettings(emptyStruct(), before) };
  return readSettings({ ...emptyStruct(), ...writeSettings(base, patch) });
}

/**
 * A profile that names no device (`device.name` empty, as in books Windows wrote without
 * `Device=`) takes the one the machine has: device names are localized and the machine's own,
 * and a new entry gets one of its type from RasEnumDevices (createEntry), as
 * RasSetEntryProperties requires one.
 */
function withActualDevice<T>(expected: T, actual: Record<string, unknown> | null): T {
  if (expected === null || typeof expected !== "object") return expected;
  const want = (expected as { device?: { name?: unknown; type?: unknown } }).device;
  if (!want) return expected;
  const have = actual?.device as { name?: unknown; type?: unknown } | undefined;
  const fields = { szDeviceType: String(want.type ?? ""), szDeviceName: String(want.name ?? "") };
  // A device this machine does not list (another machine's, or none) is replaced as
  // createEntry/updateEntry replace it: the entry's own when it has one of that type, else
  // the machine's choice.
  const listed = listDevices();
  const known = listed.some((d) =>
    d.type.toLowerCase() === fields.szDeviceType.toLowerCase() &&
    d.name.toLowerCase() === fields.szDeviceName.toLowerCase()
  );
  if (known) return expected;
  const sameType = have?.name && String(have.type ?? "").toLowerCase() ===
      fields.szDeviceType.toLowerCase();
  let name: unknown = sameType ? have!.name : undefined;
  if (name === undefined) {
    try {
      name = chooseDevice(fields, false, listed);
    } catch {
      return expected; // no device of the type: createEntry reports it
    }
  }
  return { ...expected, device: { ...want, name } };
}

/** The settings of an entry as read (without name and phone book). */
function settingsOfEntry(entry: Entry): Record<string, unknown> {
  const { name: _n, phonebook: _p, ...settings } = entry;
  return settings;
}

/** One difference between the desired and the actual state. */
export interface Change {
  /** The property's JSON path: `server`, `ipv4.metric`, `ensure`, `credentials.password`. */
  path: string;
  /** Its actual value (secrets only as `set` or null). */
  before: unknown;
  /** Its desired value (secrets only as `set`). */
  after: unknown;
}

/** How one entry compares with the profile. */
export interface EntryComparison {
  /** Where it is. */
  place: EntryPlace;
  /** `present` or `absent`, as the profile asks. */
  ensure: "present" | "absent";
  /** Whether it already is as the profile says. */
  inDesiredState: boolean;
  /** What would change: `none`, `create`, `update` or `remove`. */
  action: "none" | "create" | "update" | "remove";
  /** The differing properties with their actual and desired values. */
  diff: Change[];
  /** The entry as it is, or null. */
  actual: ActualEntry;
  /** Its settings after a set (null when absent). */
  expected: Record<string, unknown> | null;
  /** Whether credentials would be written. */
  writesCredentials: boolean;
}

/**
 * Compares one profile entry with the machine.
 *
 * @param entry The profile entry.
 * @param actual What the machine has (default: read now).
 * @returns Whether it is in the desired state, and what differs.
 */
export function compareEntry(
  entry: ProfileEntry,
  actual: ActualEntry = readActual(entry),
): EntryComparison {
  const ensure = entry.ensure ?? "present";
  const base = { place: actual.place, ensure, actual };
  if (ensure === "absent") {
    return actual.entry === null
      ? {
        ...base,
        inDesiredState: true,
        action: "none",
        diff: [],
        expected: null,
        writesCredentials: false,
      }
      : {
        ...base,
        inDesiredState: false,
        action: "remove",
        diff: [{ path: "ensure", before: "present", after: "absent" }],
        expected: null,
        writesCredentials: false,
      };
  }
  const patch = settingsOf(entry);
  const diff: Change[] = [];
  let expected: Record<string, unknown>;
  if (actual.entry === null) {
    expected = withActualDevice(predict(null, patch, actual.place.phonebook), null);
    diff.push({ path: "ensure", before: "absent", after: "present" });
  } else {
    const before = settingsOfEntry(actual.entry);
    expected = withActualDevice(predict(before, patch), before);
    diff.push(...diffEntries(before, expected));
  }
  if (entry.customAuthData !== undefined && entry.customAuthData !== actual.customAuthData) {
    diff.push({
      path: "customAuthData",
      before: actual.customAuthData,
      after: entry.customAuthData,
    });
  }
  const creds = credentialChanges(entry, actual);
  diff.push(...creds);
  const action = actual.entry === null ? "create" : diff.length ? "update" : "none";
  return {
    ...base,
    inDesiredState: diff.length === 0,
    action,
    diff,
    expected,
    writesCredentials: creds.length > 0,
  };
}

/**
 * The credential properties that differ. A saved password or key is not rewritten (nobody can
 * read it back to compare); the user and domain are compared.
 */
function credentialChanges(entry: ProfileEntry, actual: ActualEntry): Change[] {
  const wanted = entry.credentials;
  if (!wanted) return [];
  const have = actual.credentials ?? { user: null, domain: null, password: null, psk: null };
  const out: Change[] = [];
  if (wanted.user !== undefined && wanted.user !== have.user) {
    out.push({ path: "credentials.user", before: have.user, after: wanted.user });
  }
  if (wanted.domain !== undefined && wanted.domain !== have.domain) {
    out.push({ path: "credentials.domain", before: have.domain, after: wanted.domain });
  }
  const userChanged = out.length > 0;
  if (wanted.password !== undefined && (have.password === null || userChanged)) {
    out.push({ path: "credentials.password", before: have.password, after: "set" });
  }
  if (wanted.psk !== undefined && have.psk === null) {
    out.push({ path: "credentials.psk", before: null, after: "set" });
  }
  return out;
}

/**
 * A profile entry of what is on the machine: what `export` prints and `setProfile` accepts.
 *
 * @param entry The entry as read.
 * @param scope Which book it came from.
 * @param phonebook The book's file, read for the keys no API reaches (`notCarried`).
 * @returns The profile entry.
 */
export function profileEntryOf(
  entry: Entry,
  scope: "user" | "allUsers" | "file",
  phonebook?: string,
): ProfileEntry {
  const where = scope === "file"
    ? { phonebook: entry.phonebook ?? "" }
    : scope === "allUsers"
    ? { scope: "allUsers" as const }
    : { scope: "user" as const };
  return {
    name: entry.name,
    ...where,
    ensure: "present",
    ...settingsOfEntry(entry),
    ...(phonebook === undefined ? {} : withBookData(entry.name, phonebook)),
  } as ProfileEntry;
}

/** What export and get add from outside RASENTRY: the custom auth data and the keys not carried. */
function withBookData(
  name: string,
  phonebook: string,
  customAuthData = customAuthOf(name, phonebook),
) {
  return {
    ...(customAuthData ? { customAuthData } : {}),
    notCarried: readNotCarried(phonebook, name),
  };
}

/** The state `get` reports for one profile entry. */
export function stateOf(actual: ActualEntry): Record<string, unknown> {
  const { place, entry, credentials } = actual;
  const where = place.scope === "file" ? { phonebook: place.phonebook } : { scope: place.scope };
  if (entry === null) return { name: place.name, ...where, ensure: "absent" };
  return {
    name: entry.name,
    ...where,
    ensure: "present",
    ...settingsOfEntry(entry),
    ...(credentials ? { credentials } : {}),
    ...withBookData(entry.name, place.phonebook, actual.customAuthData),
  };
}

/**
 * Exports the machine's entries as a profile.
 *
 * @param options `names`: only these (case-insensitive); `phonebook`: one book instead of both
 * default books.
 * @returns A profile `setProfile` accepts unchanged.
 * @throws {RasError} When a phone book cannot be read.
 */
export function exportProfile(
  options: { names?: string[] | undefined; phonebook?: string | undefined } = {},
): Profile {
  const wanted = options.names?.map((n) => n.toLowerCase());
  const listed = listEntries(
    options.phonebook === undefined ? {} : { phonebook: options.phonebook },
  )
    .filter((e) => !wanted || wanted.includes(e.name.toLowerCase()));
  const missing = wanted?.filter((n) => !listed.some((e) => e.name.toLowerCase() === n)) ?? [];
  if (missing.length) {
    // Every unknown name in one error (623 for the first; the message names them all).
    const asGiven = [...new Set(missing)].map((m) =>
      options.names!.find((n) => n.toLowerCase() === m)!
    );
    const where = { operation: "RasGetEntryProperties", phonebook: options.phonebook };
    const error = new RasError(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, {
      ...where,
      entry: asGiven[0]!,
    });
    if (asGiven.length > 1) {
      error.message = new RasError(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, {
        ...where,
        entry: asGiven.join('", "'),
      }).message;
    }
    throw error;
  }
  return {
    entries: listed.map((e) =>
      profileEntryOf(getEntry(e.name, { phonebook: e.phonebook }), e.scope, e.phonebook)
    ),
  };
}

/** Reads a secret from its source (the command layer knows stdin, files and the environment). */
export type SecretReader = (source: SecretSource, path: string) => Promise<string> | string;

/** Options of {@link setProfile}. */
export interface SetProfileOptions {
  /** Only report what would change. */
  whatIf?: boolean | undefined;
  /** Reads the secrets the profile names (needed only when credentials are written). */
  secrets?: SecretReader | undefined;
}

/** What `set` did (or would do) to one entry. */
export interface EntryOutcome {
  /** The entry's name. */
  name: string;
  /** `user`, `allUsers` or `file`. */
  scope: string;
  /** The phone-book file. */
  phonebook: string;
  /** `present` or `absent`. */
  ensure: "present" | "absent";
  /** `none`, `create`, `update` or `remove`. */
  action: "none" | "create" | "update" | "remove";
  /** Whether the machine changed (with what-if: would change). */
  changed: boolean;
  /** The changed properties, before and after. */
  diff: Change[];
  /** The steps done, in order (`hung up`, `created`, `updated`, `saved credentials`, ...). */
  done: string[];
}

/** The result of {@link setProfile}. */
export interface SetResult {
  /** Whether anything changed (with what-if: would change). */
  changed: boolean;
  /** Whether it was a what-if run (nothing changed). */
  whatIf: boolean;
  /** One outcome per entry, in profile order, up to the one that failed. */
  entries: EntryOutcome[];
  /** The entry that failed (it is as it was) and the error, or null. */
  failed: { name: string; error: unknown } | null;
}

/**
 * Makes the machine as the profile says, one entry at a time: creates missing entries, changes
 * only what differs, removes `absent` ones (hanging up a connected one first), saves
 * credentials. An entry whose change fails is put back as it was (read back and compared),
 * and the run stops there; the result lists what was done.
 *
 * @param profile The validated profile.
 * @param options What-if, and how to read secrets.
 * @returns What changed.
 */
export async function setProfile(
  profile: Profile,
  options: SetProfileOptions = {},
): Promise<SetResult> {
  const whatIf = options.whatIf ?? false;
  const plans = profile.entries.map((e) => ({ entry: e, plan: compareEntry(e) }));
  // Every secret is read before anything changes, so a missing one changes nothing.
  const secrets = new Map<ProfileEntry, { password?: string; psk?: string }>();
  if (!whatIf) {
    for (const [i, e] of profile.entries.entries()) {
      const plan = plans[i]!.plan;
      if (!plan.writesCredentials && !(plan.action === "create" && e.credentials)) continue;
      const c = e.credentials!;
      const read = options.secrets ?? (() => {
        throw new TypeError("this profile names secrets, but no way to read them was given");
      });
      const got: { password?: string; psk?: string } = {};
      if (c.password) got.password = await read(c.password, `entries.${i}.credentials.password`);
      if (c.psk) got.psk = await read(c.psk, `entries.${i}.credentials.psk`);
      secrets.set(e, got);
    }
  }
  const outcomes: EntryOutcome[] = [];
  for (const { entry, plan } of plans) {
    const outcome: EntryOutcome = {
      name: entry.name,
      scope: plan.place.scope,
      phonebook: plan.place.phonebook,
      ensure: plan.ensure,
      action: plan.action,
      changed: plan.action !== "none",
      diff: plan.diff,
      done: [],
    };
    outcomes.push(outcome);
    if (whatIf || plan.action === "none") continue;
    try {
      await applyEntry(entry, plan, secrets.get(entry), outcome.done);
      // Another run made it so while this one waited for the lock: nothing was changed here.
      if (outcome.done.length === 0) outcome.changed = false;
    } catch (error) {
      return {
        changed: outcomes.some((o) => o.done.length > 0),
        whatIf,
        entries: outcomes,
        failed: { name: entry.name, error },
      };
    }
  }
  return { changed: outcomes.some((o) => o.changed), whatIf, entries: outcomes, failed: null };
}

/**
 * Applies one entry's plan holding its phone book's lock (withPhonebookLock) throughout,
 * comparing again once the lock is held.
 */
function applyEntry(
  entry: ProfileEntry,
  plan: EntryComparison,
  secrets: { password?: string; psk?: string } | undefined,
  done: string[],
): Promise<void> {
  return withPhonebookLock(
    { phonebook: plan.place.phonebook },
    {},
    () => {
      // Compared again under the lock: another run may have changed the entry since.
      const fresh = compareEntry(entry);
      if (fresh.action === "none") return;
      return applyLocked(entry, fresh, secrets, done);
    },
  );
}

async function applyLocked(
  entry: ProfileEntry,
  plan: EntryComparison,
  secrets: { password?: string; psk?: string } | undefined,
  done: string[],
): Promise<void> {
  const { place } = plan;
  const book = { phonebook: place.phonebook };
  if (plan.action === "remove") {
    const connection = findConnection(place.name);
    if (connection) {
      await hangUp(connection.handle, { entry: place.name, timeoutMs: 10_000 });
      done.push("hung up");
    }
    try {
      await deleteEntry(place.name, book);
    } catch (error) {
      if (!isMissing(error)) throw error; // another run removed it first: the same end
    }
    done.push("removed");
    return;
  }
  const settings = settingsOf(entry);
  const before = plan.actual.entry;
  let created = false;
  let authWritten = false;
  try {
    if (plan.action === "create") {
      try {
        await createEntry(entry.name, settings, book);
        created = true;
        done.push("created");
      } catch (error) {
        // Another run created it between our read and our write: change it instead.
        if (!(error instanceof RasError && error.code === ERROR_ALREADY_EXISTS)) throw error;
        await updateEntry(entry.name, settings, book);
        done.push("updated");
      }
    } else if (
      plan.diff.some((c) => !c.path.startsWith("credentials.") && c.path !== "customAuthData")
    ) {
      await updateEntry(entry.name, settings, book);
      done.push("updated");
    }
    const readBack = settingsOfEntry(getEntry(entry.name, book));
    const wrong = diffEntries(withActualDevice(plan.expected, readBack), readBack);
    if (wrong.length) {
      throw new ProfileStateError(
        `Cannot change "${entry.name}": Windows stored ${
          wrong.map((c) => c.path).join(", ")
        } differently than asked`,
      );
    }
    const wantAuth = entry.customAuthData;
    if (wantAuth !== undefined && (created || wantAuth !== plan.actual.customAuthData)) {
      setCustomAuthData(entry.name, fromBase64(wantAuth), place.phonebook);
      authWritten = true;
      done.push("saved custom authentication data");
      if (customAuthOf(entry.name, place.phonebook) !== wantAuth) {
        throw new ProfileStateError(
          `Cannot change "${entry.name}": Windows stored customAuthData differently than asked`,
        );
      }
    }
    if (entry.credentials && (plan.writesCredentials || created)) {
      const c = entry.credentials;
      await setCredentials(entry.name, {
        ...(c.user !== undefined ? { user: c.user } : {}),
        ...(c.domain !== undefined ? { domain: c.domain } : {}),
        ...(secrets?.password !== undefined ? { password: secrets.password } : {}),
        ...(secrets?.psk !== undefined ? { psk: secrets.psk } : {}),
      }, { ...book, default: c.default ?? false });
      done.push("saved credentials");
    }
  } catch (error) {
    await restore(
      entry.name,
      book,
      before,
      created || plan.action === "create" && before === null,
      done,
      authWritten ? plan.actual.customAuthData : undefined,
    );
    throw error;
  }
}

/**
 * Puts an entry back as it was (removing it if it did not exist), then checks by reading back:
 * its settings, and its custom authentication data when it was rewritten (`authBefore`, base64).
 */
async function restore(
  name: string,
  book: { phonebook: string },
  before: Entry | null,
  removeIt: boolean,
  done: string[],
  authBefore?: string,
): Promise<void> {
  if (done.length === 0) return;
  if (before === null) {
    if (removeIt) {
      try {
        await deleteEntry(name, book);
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    done.push("rolled back (removed again)");
    return;
  }
  const settings = settingsOfEntry(before);
  await updateEntry(name, settings, book);
  const left = diffEntries(settings, settingsOfEntry(getEntry(name, book)));
  if (authBefore !== undefined) {
    setCustomAuthData(name, fromBase64(authBefore), book.phonebook);
    if (customAuthOf(name, book.phonebook) !== authBefore) {
      left.push({ path: "customAuthData", before: authBefore, after: null });
    }
  }
  done.push(
    left.length ? `rollback incomplete: ${left.map((c) => c.path).join(", ")}` : "rolled back",
  );
}

/**
 * The whole profile's state, for `test`: each entry's comparison and whether all are in state.
 *
 * @param profile The validated profile.
 * @returns The comparisons, in profile order.
 */
export function testProfile(
  profile: Profile,
): { inDesiredState: boolean; entries: EntryComparison[] } {
  const entries = profile.entries.map((e) => compareEntry(e));
  return { inDesiredState: entries.every((e) => e.inDesiredState), entries };
}
