import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { migrate, type Migration } from './migrator';
import { contentMigrations } from './migrations/content';
import { userMigrations } from './migrations/user';

/**
 * Path of a separately built better-sqlite3 addon for Electron's ABI (see
 * build/scripts/prepare-electron-native.mjs). Set by the Electron entry point only;
 * Node (tests, CLI) uses the addon npm built.
 */
let nativeBinding: string | undefined;
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}
/** The addon set by useNativeBinding (undefined in Node), for code opening SQLite files itself. */
export function currentNativeBinding(): string | undefined {
  return nativeBinding;
}

const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  readonly?: boolean;
}

function open(
  file: string,
  migrations: readonly Migration[],
  synchronous: 'NORMAL' | 'FULL',
  opts: OpenOptions,
): Database {
  if (file !== ':memory:' && !opts.readonly) mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file, {
    readonly: opts.readonly ?? false,
    nativeBinding,
    fileMustExist: opts.readonly ?? false,
    // Wait this long for another connection's write lock (SQLite's busy_timeout).
    timeout: BUSY_TIMEOUT_MS,
  });
  // Section text is stored deflated; SQL (the FTS5 view, snippets) reads it through this.
  db.function('section_text', { deterministic: true }, (body: unknown) =>
    body instanceof Uint8Array ? inflateRawSync(body).toString('utf8') : (body as string | null),
  );
  // A read-only connection writes nothing, so it has no foreign keys to enforce (and each
  // pragma is a statement compiled on the first search's path).
  if (opts.readonly) return db;
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, file);
  return db;
}

/** content.db: derived from the corpus, rebuildable at any time. */
export function openContentDb(file: string, opts: OpenOptions = {}): Database {
  return open(file, contentMigrations, 'NORMAL', opts);
}

/** user.db: the user's own data; `synchronous=FULL` so an acknowledged write survives power loss. */
export function openUserDb(file: string, opts: OpenOptions = {}): Database {
  return open(file, userMigrations, 'FULL', opts);
}
