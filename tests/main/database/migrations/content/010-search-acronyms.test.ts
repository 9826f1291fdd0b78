import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../../../src/main/corpus/import-service';
import { openContentDb } from '../../../../../src/main/database/connection';
import { SOURCE_BLOB } from '../../../../../src/main/search/search-repository';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('content migration 010 (acronyms kept per page)', () => {
  it('an index built before the table existed is rebuilt whole by the next import, acronyms included', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dstudio-m010-'));
    const corpus = join(dir, 'corpus');
    mkdirSync(join(corpus, 'docs'), { recursive: true });
    writeFileSync(
      join(corpus, 'docs', 'crdt.md'),
      '# Replication\n\n## Merging\n\nParticipants vote in Two-Phase Commit (2PC) before anyone commits.\n',
    );
    writeFileSync(join(corpus, 'docs', 'other.md'), '# Other\n\nNo acronym here.\n');
    const db = openContentDb(join(dir, 'content.db'));
    try {
      await importCorpus(db, corpus);
      const pairs = () =>
        db.prepare('SELECT page_id, acronym, expansion FROM search_acronyms ORDER BY 1, 2, 3').all();
      const thesaurus = () => db.prepare('SELECT key, alt, weight FROM search_thesaurus ORDER BY 1, 2').all();
      const wanted = pairs();
      const wantedThesaurus = thesaurus();
      expect(wanted).toEqual([{ page_id: 'crdt', acronym: '2pc', expansion: 'two phase commit' }]);
      expect(wantedThesaurus.length).toBeGreaterThan(0);
      // What a database indexed by the previous release looks like after this migration: an
      // empty table next to an index fingerprinted by the older build.
      db.exec('DELETE FROM search_acronyms; DELETE FROM search_thesaurus');
      db.prepare('UPDATE search_blobs SET value = ? WHERE name = ?').run('older build', SOURCE_BLOB);
      // Nothing in the corpus changed: only the fingerprint tells the build to mine every page again.
      await importCorpus(db, corpus);
      expect(pairs()).toEqual(wanted);
      expect(thesaurus()).toEqual(wantedThesaurus);
    } finally {
      db.close();
    }
  });
});
