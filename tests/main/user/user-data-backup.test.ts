import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openUserDb } from '../../../src/main/database/connection';
import { exportUserData, importUserData, parseUserData } from '../../../src/main/user/user-data-backup';
import { USER_DATA_TABLES } from '../../../src/main/user/user-data-tables';
import { UserService } from '../../../src/main/user/user-service';

const dstudio = (...args: string[]) =>
  promisify(execFile)(process.execPath, [resolve(import.meta.dirname, '../../../bin/dstudio.mjs'), ...args]);

function seeded(dir: string) {
  const db = openUserDb(join(dir, 'user.db'));
  const user = new UserService(db);
  void user.addBookmark('a/b', 'A B', null);
  void user.recordVisit('a/b', 'A B');
  void user.saveReadingState('a/b', { read: true, scrollRatio: 0.5 });
  void user.setSetting('theme', 'dark');
  const now = '2026-01-01T00:00:00.000Z';
  db.prepare('INSERT INTO progress_runs (page_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    'm/g',
    'Payments',
    now,
    now,
  );
  db.prepare(
    `INSERT INTO progress_items (run_id, item_key, state, note, item_text, section_slug, updated_at) VALUES (1, 'k', 'blocked', 'budget', 'Trace', 's', ?)`,
  ).run(now);
  return db;
}

const dump = (db: ReturnType<typeof openUserDb>) => {
  const d = exportUserData(db, 'now');
  return d.tables;
};

describe('user-data backup', () => {
  it('lists every user.db table with all its columns', () => {
    const db = openUserDb(':memory:');
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    expect(USER_DATA_TABLES.map((t) => t.name).sort()).toEqual(tables);
    for (const t of USER_DATA_TABLES)
      expect([...t.columns].sort()).toEqual(
        (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t.name) as string[]).sort(),
      );
  });

  it('round trip: export → import into an empty user.db → identical state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-userdata-'));
    const source = seeded(dir);
    const backup = JSON.parse(JSON.stringify(exportUserData(source)));
    const target = openUserDb(join(dir, 'empty.db'));
    importUserData(target, parseUserData(backup), 'replace');
    expect(dump(target)).toEqual(dump(source));
    expect(dump(target).progress_items).toHaveLength(1);
    // Merging the same backup again changes nothing: the run and the visit are recognised.
    importUserData(target, parseUserData(backup), 'merge');
    expect(dump(target)).toEqual(dump(source));
  });

  it("merge: a run the machine has takes the backup's state; another run with the same id is added", () => {
    const addRun = (db: ReturnType<typeof openUserDb>, name: string, at: string) =>
      db
        .prepare('INSERT INTO progress_runs (page_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run('m/g', name, at, at);
    const source = seeded(mkdtempSync(join(tmpdir(), 'dstudio-userdata-')));
    source.prepare("UPDATE progress_items SET state = 'done', note = 'paid'").run();
    source.prepare("UPDATE progress_runs SET name = 'Payments: 2PC to Saga' WHERE id = 1").run();
    addRun(source, 'Inventory', '2026-03-01T00:00:00.000Z');
    const backup = parseUserData(JSON.parse(JSON.stringify(exportUserData(source))));
    // The same run (id 1), and the target's own run under the id the backup's second run has.
    const target = seeded(mkdtempSync(join(tmpdir(), 'dstudio-userdata-')));
    addRun(target, 'Orders', '2026-02-01T00:00:00.000Z');
    importUserData(target, backup, 'merge');
    const runs = dump(target).progress_runs as { id: number; name: string }[];
    expect(runs.map((r) => [r.id, r.name])).toEqual([
      [1, 'Payments: 2PC to Saga'],
      [2, 'Orders'],
      [3, 'Inventory'],
    ]);
    expect(dump(target).progress_items).toEqual([
      expect.objectContaining({ run_id: 1, state: 'done', note: 'paid' }),
    ]);
  });

  it('rejects a bad backup and changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-userdata-'));
    const db = seeded(dir);
    const before = dump(db);
    const good = exportUserData(db);
    expect(() => parseUserData({ ...good, version: 99 })).toThrow(
      /not a DStudio user-data backup.*unchanged/,
    );
    expect(() => parseUserData({ ...good, tables: { evil: [] } })).toThrow(/does not know: "evil"/);
    const halfBad = {
      ...good,
      tables: {
        ...good.tables,
        progress_items: [...good.tables.progress_items!, { run_id: 1, item_key: 'x', state: 'nope' }],
      },
    };
    expect(() => importUserData(db, parseUserData(halfBad), 'replace')).toThrow(
      /could not be applied.*unchanged/,
    );
    expect(dump(db)).toEqual(before);
  });

  it('dstudio user export / import through the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-userdata-'));
    seeded(dir).close();
    const out = join(dir, 'backup.json');
    await dstudio('user', 'export', '--user-db', join(dir, 'user.db'), '--out', out);
    const imported = await dstudio('user', 'import', '--user-db', join(dir, 'new.db'), '--replace', out);
    expect(imported.stdout).toContain('progress_items: 1');
    writeFileSync(join(dir, 'bad.json'), '{"format":"other"}');
    await expect(
      dstudio('user', 'import', '--user-db', join(dir, 'new.db'), join(dir, 'bad.json')),
    ).rejects.toThrow(/not a DStudio user-data backup/);
  });
});
