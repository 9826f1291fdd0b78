import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../../../src/main/corpus/import-service';
import { openContentDb } from '../../../../../src/main/database/connection';
import { SearchService } from '../../../../../src/main/search/search-index';
import { STARTER_CORPUS } from '../../../../helpers/corpus';
import { previousReleaseDb } from './previous-release';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('content migration 005 (what pages are about)', () => {
  it('adds the about index and name counts to an imported database; search works before the rebuild and ranks by them after it', async () => {
    // The previous release's database: every migration before this one, imported.
    let file: string;
    ({ dir, file } = previousReleaseDb('Search ranks by what a page is about'));
    {
      const db = openContentDb(file);
      await importCorpus(db, STARTER_CORPUS);
      // as the previous release left it: no about rows, no name counts, no priors, an index built by it
      db.exec(`DELETE FROM search_about; UPDATE search_terms SET name_freq = 0;
               DELETE FROM search_blobs WHERE name = 'page-priors';
               UPDATE search_blobs SET value = 'built by the previous release' WHERE name = 'source';`);
      const before = new SearchService(db).explainSync({ text: 'circuit breaker' });
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((h) => h.parts.about === 0 && h.parts.prior === 1)).toBe(true);
      db.close();
    }
    const db = openContentDb(file);
    try {
      await importCorpus(db, STARTER_CORPUS);
      const pages = db.prepare('SELECT count(*) FROM search_pages').pluck().get() as number;
      expect(db.prepare('SELECT count(*) FROM search_about').pluck().get()).toBe(pages);
      expect(
        db.prepare('SELECT count(*) FROM search_terms WHERE name_freq > 0').pluck().get(),
      ).toBeGreaterThan(0);
      const after = new SearchService(db).explainSync({ text: 'circuit breaker' });
      expect(after[0]!.parts.about).toBe(1);
      expect(after.some((h) => h.parts.prior !== 1)).toBe(true);
    } finally {
      db.close();
    }
  });
});
