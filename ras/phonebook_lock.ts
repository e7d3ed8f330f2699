/**
 * One writer at a time for a phone book, across processes. rasapi32 serialises each call, but
 * a change is several calls (find the entry, read it, write it, read it back), and two
 * processes interleaving them lose each other's changes, resurrect removed entries or
 * overwrite a new entry of the same name. Every rasctl read-modify-write of a phone book or of
 * an entry's saved credentials runs inside {@link withPhonebookLock}.
 *
 * The lock is an exclusive `Deno.FsFile.lock()` (flock(2) on Linux, LockFileEx on Windows) on
 * a lock file per phone book, kept in `%ProgramData%\rasctl\locks\` so that every user's
 * processes meet on the same file (ProgramData lets every user create files; a user who
 * cannot even open it there falls back to `%LOCALAPPDATA%\rasctl\locks\`, which then excludes
 * only that user's own processes). The file is named after the book and a SHA-256 of its
 * full path (case-folded on Windows), and is never deleted: removing a lock file while another
 * process waits on it would let two processes hold "the" lock. The OS releases the lock when
 * its holder exits or is killed, so a crash never leaves the book locked.
 *
 * Why not beside the book: a lock file there needs the book's folder, which `entry new` may
 * have to create and must remove again when the create fails; a lock whose place depended on
 * whether the folder exists yet would let two processes hold different locks for one book.
 * Why not a named mutex: a Win32 mutex is owned by a thread, and Deno runs a waiting
 * (nonblocking) FFI call on a pool thread that is not the one that would release it, so it
 * would have to be waited for on the main thread, blocking `--timeout` and Ctrl+C; and it
 * cannot be tested on the Linux build machines. A file lock is waited for off the main thread
 * and cancelled by an AbortSignal.
 *
 * @module
 */

import { getEnv } from "./environment.ts";
import { InvalidInputError } from "./input_error.ts";
import {
  allUsersPhonebook,
  type PhonebookOptions,
  phonebookPath,
  userPhonebook,
} from "./phonebook.ts";

/** How long and how to wait for the lock. */
export interface LockOptions {
  /** Aborting it stops the wait; its reason is thrown (a timeout, Ctrl+C). */
  signal?: AbortSignal | undefined;
  /** Called once when the lock is not granted at once (another process holds it). */
  onWait?: ((book: string) => void) | undefined;
}

/**
 * No lock folder can be created or opened for the phone book (reported against the
 * `phonebook` input, whose lock it is).
 */
export class PhonebookLockError extends InvalidInputError {
  /**
   * Says which book and why.
   *
   * @param message What is wrong, in the user's terms.
   */
  constructor(message: string) {
    super("phonebook", message);
  }
}

/** Books this process holds locked (a nested call for the same book runs inside the lock). */
const held = new Set<string>();

/** After this long without the lock, `onWait` is told (a courtesy note, never a decision). */
const WAIT_NOTE_MS = 250;

/**
 * Runs `fn` while holding the exclusive lock of a phone book: an explicit book, the all-users
 * book, or (when neither is given) both default books, since an entry is then looked up in
 * both. Several books are locked in one order (by path), so two callers never deadlock.
 *
 * @param book Which phone book (as the operation is given it).
 * @param options The abort signal that bounds the wait, and a callback when waiting.
 * @param fn The read-modify-write; it may be async.
 * @returns What `fn` returns.
 * @throws {Error} The signal's reason when it aborts the wait (TimeoutError, InterruptedError).
 * @throws {PhonebookLockError} When no lock folder can be created or opened.
 * @example
 * ```ts ignore
 * await withPhonebookLock({ phonebook: "C:\\vpn.pbk" }, { signal: AbortSignal.timeout(30_000) }, () => {
 *   // read, change, write, read back
 * });
 * ```
 */
export async function withPhonebookLock<T>(
  book: PhonebookOptions,
  options: LockOptions,
  fn: () => T | Promise<T>,
): Promise<T> {
  const books = lockedBooks(book);
  const keyed = books.map((b) => ({ book: b, key: canonical(b) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const acquired: { key: string; file: Deno.FsFile }[] = [];
  try {
    for (const { book: b, key } of keyed) {
      if (held.has(key) || acquired.some((a) => a.key === key)) continue;
      acquired.push({ key, file: await acquire(b, key, options) });
      held.add(key);
    }
    return await fn();
  } finally {
    for (const { key, file } of acquired.reverse()) {
      held.delete(key);
      try {
        file.unlockSync();
      } finally {
        file.close();
      }
    }
  }
}

/**
 * The lock file of a phone book (for documentation and tests: whoever holds an exclusive lock
 * on it is changing that book).
 *
 * @param book A phone-book path.
 * @returns The lock file's path in the first usable lock folder.
 * @example
 * ```ts ignore
 * phonebookLockPath("C:\\vpn.pbk"); // "C:\\ProgramData\\rasctl\\locks\\vpn.pbk-1f0c....lock"
 * ```
 */
export async function phonebookLockPath(book: string): Promise<string> {
  return join(lockFolders()[0] ?? ".", await lockName(book, canonical(book)));
}

/** The books an operation reads and writes. */
function lockedBooks(book: PhonebookOptions): string[] {
  const path = phonebookPath(book);
  if (path !== undefined) return [path];
  const books: string[] = [];
  for (const find of [allUsersPhonebook, userPhonebook]) {
    try {
      books.push(find());
    } catch {
      // %ProgramData% or %APPDATA% unset (not Windows): that book has no path to lock by.
    }
  }
  return books.length ? books : ["rasphone.pbk"];
}

const windows = Deno.build.os === "windows";
const SEP = windows ? "\\" : "/";

function join(...parts: string[]): string {
  return parts.map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, "") : p)).join(SEP);
}

/**
 * A phone book's identity: its absolute path with the existing folders resolved (symbolic
 * links, `..`), case-folded on Windows, whose file names are case-insensitive.
 */
function canonical(book: string): string {
  const absolute = /^([a-zA-Z]:)?[\\/]/.test(book) ? book : join(Deno.cwd(), book);
  const parts = absolute.split(/[\\/]+/);
  const rest: string[] = [];
  // Resolve the deepest folder that exists; the parts below it are kept as written.
  while (parts.length > 1) {
    rest.unshift(parts.pop()!);
    const folder = parts.join(SEP) || SEP;
    try {
      const real = Deno.realPathSync(windows && /^[a-zA-Z]:$/.test(folder) ? folder + SEP : folder);
      const path = join(real, ...rest.filter((p) => p !== "" && p !== "."));
      return windows ? path.toLowerCase() : path;
    } catch {
      // keep climbing
    }
  }
  return windows ? absolute.toLowerCase() : absolute;
}

/** `%ProgramData%\rasctl\locks`, then `%LOCALAPPDATA%\rasctl\locks` (or ~/.rasctl/locks). */
function lockFolders(): string[] {
  const env = (name: string) => getEnv(name) || undefined;
  const shared = env("ProgramData") ?? env("ALLUSERSPROFILE");
  const own = env("LOCALAPPDATA") ?? (windows ? undefined : env("HOME"));
  return [
    ...(shared ? [join(shared, "rasctl", "locks")] : []),
    ...(own ? [join(own, windows ? "rasctl" : ".rasctl", "locks")] : []),
  ];
}

async function lockName(book: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  const hex = [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  const base = (book.split(/[\\/]/).pop() ?? "book").replace(/[^\w.-]/g, "_").slice(0, 40);
  return `${base}-${hex}.lock`;
}

/** Opens the book's lock file in the first folder that allows it, and waits for the lock. */
async function acquire(book: string, key: string, options: LockOptions): Promise<Deno.FsFile> {
  const name = await lockName(book, key);
  const reasons: string[] = [];
  for (const folder of lockFolders()) {
    const path = join(folder, name);
    let file: Deno.FsFile;
    try {
      Deno.mkdirSync(folder, { recursive: true });
      file = Deno.openSync(path, { read: true, write: true, create: true });
    } catch (error) {
      try {
        // Another user made it: a read handle can hold the lock too.
        file = Deno.openSync(path, { read: true });
      } catch {
        reasons.push(`${folder}: ${(error as Error).message}`);
        continue;
      }
    }
    await lockWithin(file, book, options);
    return file;
  }
  throw new PhonebookLockError(
    `Cannot lock the phone book "${book}": no lock folder can be written (${
      reasons.join("; ") || "%ProgramData% and %LOCALAPPDATA% are not set"
    })`,
  );
}

/** Waits for the exclusive lock until the signal aborts (then the file is closed). */
async function lockWithin(file: Deno.FsFile, book: string, options: LockOptions): Promise<void> {
  const { signal, onWait } = options;
  if (signal?.aborted) {
    file.close();
    throw signal.reason;
  }
  let done = false;
  const locked = file.lock(true).then(() => {
    done = true;
  });
  // A lock granted after the wait was given up (the file closed) must not surface later.
  locked.catch(() => {});
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  aborted.catch(() => {});
  const note = setTimeout(() => done || onWait?.(book), WAIT_NOTE_MS);
  try {
    await Promise.race([locked, aborted]);
  } catch (error) {
    file.close();
    throw error;
  } finally {
    clearTimeout(note);
    signal?.removeEventListener("abort", onAbort);
  }
}
