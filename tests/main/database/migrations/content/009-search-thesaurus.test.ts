import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../../../src/main/corpus/import-service';
import { openContentDb } from '../../../../../src/main/database/connection';
import { SearchService } from '../../../../../src/main/search/search-index';
import { STARTER_CORPUS } from '../../../../helpers/corpus';
import { previousReleaseDb } from './previous-release';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('content migration 009 (search thesaurus)', () => {
  it('adds an empty thesaurus to an existing database, and the next import fills it', async () => {
    // The previous release's database: every migration before this one, imported.
    let file: string;
    ({ dir, file } = previousReleaseDb('Search adds weaker alternatives'));
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
