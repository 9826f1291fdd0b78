import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../../../src/main/corpus/import-service';
import { openContentDb } from '../../../../../src/main/database/connection';
import { migrate } from '../../../../../src/main/database/migrator';
import { contentMigrations } from '../../../../../src/main/database/migrations/content';
import { SearchService } from '../../../../../src/main/search/search-index';
import { STARTER_CORPUS } from '../../../../helpers/corpus';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('content migration 009 (search thesaurus)', () => {
  it('adds an empty thesaurus to an existing database, and the next import fills it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dstudio-m009-'));
    const file = join(dir, 'content.db');
    const m009 = contentMigrations.findIndex((m) => m.why.startsWith('Search adds weaker alternatives'));
    expect(m009).toBeGreaterThan(0);
    // The previous release's database: every migration before this one, imported.
    {
      const old = new BetterSqlite3(file);
      old.function('section_text', { deterministic: true }, (b: unknown) => b as string);
      migrate(old, contentMigrations.slice(0, m009), file);
      old.close();
    }
    {
      const db = openContentDb(file);
      expect(db.prepare('SELECT count(*) FROM search_thesaurus').pluck().get()).toBe(0);
      db.close();
    }
    const db = openContentDb(file);
    try {
      await importCorpus(db, STARTER_CORPUS);
      // the starter content spells out "Two-Phase Commit (2PC)"
      expect(db.prepare("SELECT alt FROM search_thesaurus WHERE key = '2pc'").pluck().all()).toContain(
        'two phase commit',
      );
      expect(new SearchService(db).explainSync({ text: '2pc' }).length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
