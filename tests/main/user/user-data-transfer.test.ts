import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openUserDb } from '../../../src/main/database/connection';
import { userBackupDir } from '../../../src/main/database/health';
import { exportUserData, parseUserData } from '../../../src/main/user/user-data-backup';
import { UserService } from '../../../src/main/user/user-service';

/** A user.db file with its backup folder beside it, as the app opens it. */
function profile(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `dstudio-${name}-`));
  const file = join(dir, 'user.db');
  const db = openUserDb(file);
  const backups = userBackupDir(file);
  return { db, backups, user: new UserService(db, undefined, backups) };
}

async function seed(p: ReturnType<typeof profile>) {
  await p.user.addBookmark('pattern-library/resilience/circuit-breaker', 'Circuit Breaker', 'states');
  await p.user.recordVisit('pattern-library/resilience/circuit-breaker', 'Circuit Breaker');
  await p.user.saveReadingState('pattern-library/resilience/circuit-breaker', {
    read: true,
    scrollRatio: 0.4,
  });
  await p.user.setSetting('theme', 'dark');
  const now = '2026-01-01T00:00:00.000Z';
  p.db
    .prepare('INSERT INTO progress_runs (page_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run('excellence/migrations/2pc-to-saga', 'Payments', now, now);
  p.db
    .prepare(
      `INSERT INTO progress_items (run_id, item_key, state, note, item_text, section_slug, updated_at)
       VALUES (1, 'k1', 'blocked', 'waiting on budget', 'Trace every saga', 'readiness', ?)`,
    )
    .run(now);
}

const tables = (p: ReturnType<typeof profile>) => exportUserData(p.db, 'now').tables;

describe('user.exportAllData / importAllData (the app\'s "Your data")', () => {
  it('exports a backup document that imports into an empty user.db with the identical state', async () => {
    const laptop = profile('old-laptop');
    await seed(laptop);
    const doc = await laptop.user.exportAllData();
    expect(doc.mime).toBe('application/json');
    expect(doc.suggestedName).toMatch(/^dstudio-user-data-\d{4}-\d{2}-\d{2}\.json$/);
    // The same document the CLI writes: it passes the backup schema.
    expect(parseUserData(JSON.parse(doc.text)).tables.progress_items).toHaveLength(1);

    const fresh = profile('new-laptop');
    const done = await fresh.user.importAllData(doc.text, 'replace');
    expect(tables(fresh)).toEqual(tables(laptop));
    expect(done.counts).toMatchObject({ bookmarks: 1, history: 1, progress_runs: 1, progress_items: 1 });
    // The state before the import was backed up first.
    expect(existsSync(done.backupFile)).toBe(true);
    expect(done.backupFile.startsWith(fresh.backups)).toBe(true);
  });

  it('merge keeps what is there; replace removes it', async () => {
    const laptop = profile('source');
    await seed(laptop);
    const { text } = await laptop.user.exportAllData();

    const other = profile('target');
    await other.user.addBookmark('core-principles/laws/correlated-failure', 'Correlated failure', null);
    await other.user.importAllData(text, 'merge');
    expect((await other.user.listBookmarks()).map((b) => b.pageId).sort()).toEqual([
      'core-principles/laws/correlated-failure',
      'pattern-library/resilience/circuit-breaker',
    ]);
    await other.user.importAllData(text, 'replace');
    expect(tables(other)).toEqual(tables(laptop));
  });

  it('a bad file is a clear error and changes nothing (no backup taken either)', async () => {
    const p = profile('bad');
    await seed(p);
    const before = tables(p);
    await expect(p.user.importAllData('{"bookmarks": [', 'replace')).rejects.toThrow(
      /not readable JSON.*unchanged/,
    );
    await expect(p.user.importAllData('{"format":"dstudio-my-data/1"}', 'replace')).rejects.toThrow(
      /not a DStudio user-data backup.*unchanged/,
    );
    const good = JSON.parse((await p.user.exportAllData()).text);
    good.tables.progress_items.push({ run_id: 1, item_key: 'x', state: 'not-a-state' });
    await expect(p.user.importAllData(JSON.stringify(good), 'replace')).rejects.toThrow(
      /could not be applied.*unchanged/,
    );
    expect(tables(p)).toEqual(before);
    // Only the last attempt got past validation, so only it took a backup.
    expect(readdirSync(p.backups)).toHaveLength(1);
  });

  it('refuses to import without a backup folder rather than skip the backup', async () => {
    const db = openUserDb(':memory:');
    const user = new UserService(db);
    await expect(user.importAllData((await user.exportAllData()).text, 'merge')).rejects.toThrow(
      /needs a backup folder/,
    );
  });
});
