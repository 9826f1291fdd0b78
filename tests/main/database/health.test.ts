import { mkdtempSync, openSync, readdirSync, writeSync, closeSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentDb, openUserDb } from '../../../src/main/database/connection';
import {
  backupUserDb,
  backupUserDbDaily,
  listUserBackups,
  recoverContentDb,
  recoverUserDb,
  UserDbDamagedError,
} from '../../../src/main/database/health';
import { openServices } from '../../../src/main/services';
import { UserService } from '../../../src/main/user/user-service';

const tmp = () => mkdtempSync(join(tmpdir(), 'dstudio-health-'));

/** Overwrites the middle of a database file with garbage, as a failing disk would. */
function damage(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(Math.min(8192, size - 4096), 0xa5), 0, undefined, 4096);
  closeSync(fd);
}

async function userDbWithBookmark(dir: string) {
  const file = join(dir, 'user.db');
  const db = openUserDb(file);
  await new UserService(db).addBookmark('pattern-library/x', 'X', null);
  // enough rows to span several pages, so damage hits real data
  for (let i = 0; i < 300; i++) await new UserService(db).recordVisit(`p/${i}`, 'T'.repeat(200));
  return { file, db };
}

describe('database health', () => {
  it('leaves healthy databases alone', async () => {
    const dir = tmp();
    const { file, db } = await userDbWithBookmark(dir);
    db.close();
    expect(recoverUserDb(file, join(dir, 'backups'))).toBeNull();
    expect(recoverContentDb(join(dir, 'absent.db'))).toBeNull();
  });

  it('moves a damaged content.db aside so it is rebuilt', () => {
    const dir = tmp();
    const file = join(dir, 'content.db');
    const db = openContentDb(file);
    db.exec(
      'CREATE TABLE filler (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT randomblob(100) FROM n;',
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    damage(file);
    const moved = recoverContentDb(file);
    expect(moved).toMatch(/content\.db\.damaged-/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(moved!)).toBe(true);
  });

  it('restores a damaged user.db from the newest verified backup, keeping the damaged file', async () => {
    const dir = tmp();
    const backups = join(dir, 'backups');
    const { file, db } = await userDbWithBookmark(dir);
    const name = await backupUserDb(db, backups);
    expect(listUserBackups(backups).map((f) => f.endsWith(name))).toEqual([true]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    damage(file);
    const restored = recoverUserDb(file, backups);
    expect(restored?.restoredFrom).toContain(name);
    expect(restored?.message).toContain(`the damaged file is kept at ${restored?.damagedPath}`);
    expect(existsSync(restored!.damagedPath)).toBe(true);
    const bookmarks = await new UserService(openUserDb(file)).listBookmarks();
    expect(bookmarks.map((b) => b.pageId)).toEqual(['pattern-library/x']);
    expect(readdirSync(dir).some((f) => f.startsWith('user.db.damaged-'))).toBe(true);
  });

  it('never replaces a damaged user.db with an empty one when there is no backup', async () => {
    const dir = tmp();
    const { file, db } = await userDbWithBookmark(dir);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    damage(file);
    expect(() => recoverUserDb(file, join(dir, 'none'))).toThrow(UserDbDamagedError);
    expect(readdirSync(dir).some((f) => f.startsWith('user.db.damaged-'))).toBe(true);
  });

  it('keeps only the newest backups', async () => {
    const dir = tmp();
    const { db } = await userDbWithBookmark(dir);
    const backups = join(dir, 'b');
    // Backup names carry the second: a clock of our own steps through three of them.
    const names: string[] = [];
    for (const second of ['01', '02', '03'])
      names.push(await backupUserDb(db, backups, 2, () => new Date(`2026-01-02T03:04:${second}.500Z`)));
    expect(names).toEqual([
      'user-20260102T030401Z.db',
      'user-20260102T030402Z.db',
      'user-20260102T030403Z.db',
    ]);
    expect(listUserBackups(backups).map((f) => basename(f))).toEqual([names[2], names[1]]);
    db.close();
  });

  it('takes the automatic backup at most once a day', async () => {
    const dir = tmp();
    const { db } = await userDbWithBookmark(dir);
    const backups = join(dir, 'backups');
    const at = (iso: string) => () => new Date(iso);
    expect(await backupUserDbDaily(db, backups, at('2026-01-02T03:00:00Z'))).toBe('user-20260102T030000Z.db');
    expect(await backupUserDbDaily(db, backups, at('2026-01-03T02:59:59Z'))).toBeNull();
    expect(await backupUserDbDaily(db, backups, at('2026-01-03T03:00:00Z'))).toBe('user-20260103T030000Z.db');
    expect(listUserBackups(backups)).toHaveLength(2);
    db.close();
  });

  it('opens services on a user.db that is not a database: restores the backup and says so through the contract', async () => {
    const dir = tmp();
    const { file, db } = await userDbWithBookmark(dir);
    await backupUserDb(db, join(dir, 'backups'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Overwrite the SQLite header itself: the file no longer opens as a database.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('this is not a database at all'), 0, undefined, 0);
    closeSync(fd);
    const services = openServices({ contentDb: join(dir, 'content.db'), userDb: file });
    try {
      const recovery = await services.api.progress.dataRecovery();
      expect(recovery?.message).toMatch(/^Your data was restored from the automatic backup of \d{4}-/);
      expect(recovery?.message).toContain(recovery!.damagedPath);
      expect(existsSync(recovery!.damagedPath)).toBe(true);
      expect((await services.api.user.listBookmarks()).map((b) => b.pageId)).toEqual(['pattern-library/x']);
      expect(services.userDb.pragma('integrity_check', { simple: true })).toBe('ok');
      await services.api.progress.dismissDataRecovery();
      expect(await services.api.progress.dataRecovery()).toBeNull();
      await services.backup;
    } finally {
      services.close();
    }
  });
});
