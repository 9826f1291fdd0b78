import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../../../src/main/corpus/import-service';
import { openContentDb } from '../../../../../src/main/database/connection';
import { contentMigrations } from '../../../../../src/main/database/migrations/content';
import { SearchService } from '../../../../../src/main/search/search-index';
import { SEARCH_SQL } from '../../../../../src/main/search/search-repository';
import { STARTER_CORPUS } from '../../../../helpers/corpus';
import { previousReleaseDb } from './previous-release';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('content migration 004 (word stems)', () => {
  it('adds the stem column to an imported database; search works before the rebuild and marks every form after it', async () => {
    // The previous release's database, imported.
    let file: string;
    ({ dir, file } = previousReleaseDb('Word stems in the vocabulary'));
    {
      const db = openContentDb(file);
      await importCorpus(db, STARTER_CORPUS);
      // as version 3 left it: no stems, and an index built by the previous release
      db.prepare('UPDATE search_terms SET stem = NULL').run();
      db.prepare(`UPDATE search_blobs SET value = 'built by version 3' WHERE name = 'source'`).run();
      const search = new SearchService(db);
      const before = search.searchSync({ text: 'failures' });
      expect(before.results.length).toBeGreaterThan(0);
      expect(before.results.some((r) => r.snippet.includes('<mark>failures</mark>'))).toBe(true);
      db.close();
    }
    const db = openContentDb(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(contentMigrations.length);
      // the next import sees the index was built by an older release and rebuilds it
      await importCorpus(db, STARTER_CORPUS);
      expect(db.prepare('SELECT count(*) FROM search_terms WHERE stem IS NULL').pluck().get()).toBe(0);
      expect(db.prepare(`SELECT stem FROM search_terms WHERE term = 'failures'`).pluck().get()).toBe(
        'failur',
      );
      // a word's forms are read by index, never by a scan of the vocabulary
      for (const sql of [SEARCH_SQL.wordForms, SEARCH_SQL.stemForms]) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[])
          .map((r) => r.detail)
          .join('; ');
        expect(plan).toMatch(/USING INDEX search_terms_stem \(stem=\?\)/);
        expect(plan).not.toMatch(/SCAN/);
      }
      // every form of the stem is marked, and nothing else
      const after = new SearchService(db).searchSync({ text: 'failures' });
      const marked = after.results.flatMap((r) =>
        [...r.snippet.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!.toLowerCase()),
      );
      expect(marked).toContain('failures');
      expect(marked.every((w) => w === 'failure' || w === 'failures')).toBe(true);
    } finally {
      db.close();
    }
  });
});
