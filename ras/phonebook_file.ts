/**
 * Making a new phone-book file (and its folders) for `entry new --phonebook NEW.pbk`, and
 * taking back exactly what was made when the create fails. Runs under the book's lock
 * ({@link withPhonebookLock}), so no other rasctl writes to the file meanwhile; and an empty
 * file is removed only while it is still empty, so a book another program wrote to is never
 * deleted.
 *
 * @module
 */

import { InvalidInputError } from "./input_error.ts";

/**
 * A phone-book file or folder that cannot be made or used: the `phonebook` input's problem
 * (the CLI reports it as a UsageError naming `--phonebook`).
 */
export class PhonebookFileError extends InvalidInputError {
  /** The path concerned. */
  readonly path: string;
  /**
   * Makes the error.
   *
   * @param path The phone book or folder.
   * @param message What went wrong, in words.
   * @param options The OS error as `cause`.
   */
  constructor(path: string, message: string, options?: ErrorOptions) {
    super("phonebook", message);
    this.path = path;
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** What {@link preparePhonebook} made, to be taken back with `undo()` if the create fails. */
export interface PreparedPhonebook {
  /** Whether this call created the file. */
  readonly createdFile: boolean;
  /** The folders this call created, outermost first. */
  readonly createdFolders: readonly string[];
  /** Removes the file (if still empty) and the folders (if empty) this call made. */
  undo(): void;
}

const REASONS: [new (...args: never[]) => Error, string][] = [
  [Deno.errors.PermissionDenied, "permission denied"],
  [Deno.errors.NotADirectory, "a part of the path is a file, not a folder"],
  [Deno.errors.IsADirectory, "it is a folder"],
  [Deno.errors.NotFound, "a folder of the path does not exist"],
  [Deno.errors.AlreadyExists, "something else exists there"],
  [Deno.errors.FilesystemLoop, "the path loops through symbolic links"],
];

/** The OS error in words (never the raw JS name). */
function reason(error: unknown): string {
  for (const [kind, words] of REASONS) if (error instanceof kind) return words;
  return error instanceof Error ? error.message : String(error);
}

function parentOf(path: string): string | null {
  const cut = path.replace(/[\\/]+$/, "").search(/[\\/][^\\/]*$/);
  if (cut < 0) return null;
  const parent = path.slice(0, cut);
  return parent === "" || /^[a-zA-Z]:$/.test(parent) ? null : parent;
}

function kindOf(path: string): "file" | "folder" | "other" | null {
  try {
    const info = Deno.statSync(path);
    return info.isFile ? "file" : info.isDirectory ? "folder" : "other";
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw new PhonebookFileError(path, `Cannot use the phone book "${path}": ${reason(error)}`, {
      cause: error,
    });
  }
}

/**
 * Makes sure a phone-book file exists, creating its missing folders and an empty file.
 * Call it while holding the book's lock.
 *
 * @param path The phone book.
 * @returns What was made, and how to take it back.
 * @throws {PhonebookFileError} When the path is a folder, or a folder or the file cannot be
 * created (with the reason in words).
 * @example
 * ```ts ignore
 * const made = preparePhonebook("C:\\new\\vpn.pbk");
 * try { write(); } catch (e) { made.undo(); throw e; }
 * ```
 */
export function preparePhonebook(path: string): PreparedPhonebook {
  const kind = kindOf(path);
  if (kind === "file") return prepared(path, false, []);
  if (kind !== null) {
    throw new PhonebookFileError(path, `Cannot use the phone book "${path}": it is not a file`);
  }
  const folders: string[] = [];
  try {
    // Missing folders, outermost first; each made with its own mkdir, so only those are ours.
    const missing: string[] = [];
    for (let f = parentOf(path); f !== null && kindOf(f) === null; f = parentOf(f)) {
      missing.unshift(f);
    }
    for (const folder of missing) {
      try {
        Deno.mkdirSync(folder);
        folders.push(folder);
      } catch (error) {
        if (!(error instanceof Deno.errors.AlreadyExists)) throw error;
      }
    }
    let createdFile = false;
    try {
      Deno.writeFileSync(path, new Uint8Array(), { createNew: true });
      createdFile = true;
    } catch (error) {
      // Another program made it meanwhile: it is not ours, and it is there.
      if (!(error instanceof Deno.errors.AlreadyExists) || kindOf(path) !== "file") throw error;
    }
    return prepared(path, createdFile, folders);
  } catch (error) {
    removeFolders(folders);
    if (error instanceof PhonebookFileError) throw error;
    throw new PhonebookFileError(
      path,
      `Cannot create the phone book "${path}": ${reason(error)}`,
      { cause: error },
    );
  }
}

function prepared(path: string, createdFile: boolean, createdFolders: string[]): PreparedPhonebook {
  return {
    createdFile,
    createdFolders,
    undo() {
      if (createdFile) {
        try {
          // Only while still empty: once anything was written, it is someone's book.
          if (Deno.statSync(path).size === 0) Deno.removeSync(path);
        } catch {
          // gone already, or not ours to remove
        }
      }
      removeFolders(createdFolders);
    },
  };
}

/** Removes folders innermost first, each only if empty (stops at the first that is not). */
function removeFolders(folders: readonly string[]): void {
  for (const folder of [...folders].reverse()) {
    try {
      Deno.removeSync(folder);
    } catch {
      return;
    }
  }
}
