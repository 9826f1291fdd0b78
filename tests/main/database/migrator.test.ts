import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentDb, openUserDb } from '../../../src/main/database/connection';
import { DatabaseTooNewError, migrate } from '../../../src/main/database/migrator';

const tmp = () => mkdtempSync(join(tmpdir(), 'dstudio-db-'));

describe('migrations', () => {
  it('bring fresh databases to the latest version with WAL, foreign keys, and FULL sync for user.db', () => {
    const dir = tmp();
    const content = openContentDb(join(dir, 'content.db'));
    const user = openUserDb(join(dir, 'user.db'));
    expect(content.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    expect(content.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(content.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(user.pragma('synchronous', { simple: true })).toBe(2);
    expect(user.prepare("SELECT name FROM sqlite_master WHERE name = 'bookmarks'").get()).toBeTruthy();
    content.close();
    user.close();
  });

  it('waits 5 s for a lock on every connection, read-only ones (which skip the write pragmas) too', () => {
    const file = join(tmp(), 'content.db');
    openContentDb(file).close();
    const reader = openContentDb(file, { readonly: true });
    expect(reader.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(reader.prepare("SELECT section_text('plain') AS t").get()).toEqual({ t: 'plain' });
    reader.close();
    const writer = openUserDb(join(tmp(), 'user.db'));
    expect(writer.pragma('busy_timeout', { simple: true })).toBe(5000);
    writer.close();
  });

  it('refuses a database newer than the code with a clear error', () => {
    const file = join(tmp(), 'user.db');
    const db = new BetterSqlite3(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openUserDb(file)).toThrow(DatabaseTooNewError);
    expect(() => openUserDb(file)).toThrow(/newer DStudio/);
  });

  it('runs each migration in a transaction: a failing one leaves the previous version', () => {
    const db = new BetterSqlite3(':memory:');
    const ok = { version: 1, why: 't', up: (d: BetterSqlite3.Database) => void d.exec('CREATE TABLE a (x)') };
    const bad = {
      version: 2,
      why: 't',
      up: (d: BetterSqlite3.Database) => {
        d.exec('CREATE TABLE b (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [ok, bad], 'mem')).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('rejects a migration list that is not numbered 1..n', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [{ version: 2, why: '', up: () => {} }], 'mem')).toThrow(/numbered/);
  });
});
