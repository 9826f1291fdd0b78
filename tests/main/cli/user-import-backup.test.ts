import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openUserDb } from '../../../src/main/database/connection';
import { userBackupDir } from '../../../src/main/database/health';
import { exportUserData } from '../../../src/main/user/user-data-backup';
import { UserService } from '../../../src/main/user/user-service';

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, '../../../bin/dstudio.mjs');
const dstudio = (...args: string[]) => run(process.execPath, [bin, ...args]);
const dir = mkdtempSync(join(tmpdir(), 'dstudio-user-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A user.db holding `bookmarks`, one read page and one setting. */
async function userDbWith(file: string, bookmarks: string[], read: string): Promise<void> {
  const db = openUserDb(file);
  const user = new UserService(db);
  for (const id of bookmarks) await user.addBookmark(id, `Title of ${id}`, null);
  await user.saveReadingState(read, { read: true, scrollRatio: 0.5 });
  db.close();
}

/** Everything the user has in a database file (the export, without its timestamp). */
function stateOf(file: string) {
  const db = openUserDb(file);
  try {
    return exportUserData(db, 'now').tables;
  } finally {
    db.close();
  }
}

describe('dstudio user import (through bin/dstudio.mjs)', () => {
  it('backs user.db up before it applies, and the backup holds the state before the import', async () => {
    const userDb = join(dir, 'user.db');
    await userDbWith(userDb, ['core/cap-theorem', 'patterns/saga'], 'core/cap-theorem');
    const before = stateOf(userDb);
    expect(before.bookmarks).toHaveLength(2);

    const other = join(dir, 'other.db');
    await userDbWith(other, ['patterns/outbox'], 'patterns/outbox');
    const backupJson = join(dir, 'other.json');
    const otherDb = openUserDb(other);
    writeFileSync(backupJson, JSON.stringify(exportUserData(otherDb)));
    otherDb.close();

    const { stderr } = await dstudio('user', 'import', '--user-db', userDb, '--replace', backupJson);
    const files = readdirSync(userBackupDir(userDb)).filter((f) => f.endsWith('.db'));
    expect(files).toHaveLength(1);
    const backup = join(userBackupDir(userDb), files[0]!);
    expect(stderr).toContain(`Backed up your current data to ${backup}`);
    expect(stateOf(backup)).toEqual(before);
    // The import did apply, so the backup is the only place the old state is left.
    expect(stateOf(userDb)).toEqual(stateOf(other));
    expect(stateOf(userDb)).not.toEqual(before);
  });

  it('takes no backup and changes nothing when the file is not a backup', async () => {
    const userDb = join(dir, 'bad', 'user.db');
    await userDbWith(userDb, ['core/cap-theorem'], 'core/cap-theorem');
    const before = stateOf(userDb);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'something else', tables: {} }));
    await expect(dstudio('user', 'import', '--user-db', userDb, bad)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not a DStudio user-data backup.*Nothing was imported/s),
    });
    expect(existsSync(userBackupDir(userDb))).toBe(false);
    expect(stateOf(userDb)).toEqual(before);
  });
});
