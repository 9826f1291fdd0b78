import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import { SECTION_BITS } from '../../../src/main/database/section-keys';
import { dropPagesFromIndex, SearchService } from '../../../src/main/search/search-index';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';

const QUERIES = ['consensus', 'circuit breaker', 'raft leader election', 'kafka partitions', 'cap theorem'];

/**
 * Everything search reads, keyed by page id and section ordinal instead of page numbers
 * (an updated page is renumbered, so numbers differ from a fresh import's by design).
 */
function searchState(db: Database): Record<string, unknown[]> {
  const all = (sql: string) => db.prepare(sql).raw(true).all();
  const mask = (1 << SECTION_BITS) - 1;
  db.exec(`DROP TABLE IF EXISTS temp.fts_cols;
    CREATE VIRTUAL TABLE temp.fts_cols USING fts5vocab(main, sections_fts, col);`);
  const state = {
    ftsTerms: all('SELECT term, col, doc, cnt FROM temp.fts_cols ORDER BY term, col'),
    ftsRows: all(`SELECT sp.id, f.rowid & ${mask}, f.title, f.heading, f.keywords, f.body
      FROM sections_fts f JOIN search_pages sp ON sp.no = f.rowid >> ${SECTION_BITS} ORDER BY sp.id, f.rowid & ${mask}`),
    pages: all('SELECT id, title, tags, description FROM search_pages ORDER BY id'),
    about: all(
      'SELECT sp.id, a.names, a.summary FROM search_about a JOIN search_pages sp ON sp.no = a.rowid ORDER BY sp.id',
    ),
    titles: all('SELECT key, page_id, kind FROM search_titles ORDER BY key, page_id, kind'),
    terms: all('SELECT term, freq, stem, name_freq FROM search_terms ORDER BY term'),
    thesaurus: all('SELECT key, alt, weight FROM search_thesaurus ORDER BY key, alt'),
  };
  db.exec('DROP TABLE temp.fts_cols');
  return state;
}

/** Each query's ranked matches as (page id, section ordinal, bm25 score). */
function ranked(db: Database, query: string): unknown[] {
  const mask = (1 << SECTION_BITS) - 1;
  return db
    .prepare(
      `SELECT sp.id, f.rowid & ${mask}, round(f.rank, 9) FROM sections_fts f
       JOIN search_pages sp ON sp.no = f.rowid >> ${SECTION_BITS}
       WHERE sections_fts MATCH ? ORDER BY f.rank, sp.id, f.rowid & ${mask}`,
    )
    .raw(true)
    .all(query);
}

describe.skipIf(!corpusAvailable())('incremental search index (real corpus snap-4 → snap-5)', () => {
  if (!corpusAvailable()) it.skip(SKIP_MESSAGE, () => {});
  let dir: string;
  let updated: Database;
  let fresh: Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dstudio-search-incremental-'));
    updated = openContentDb(join(dir, 'updated.db'));
    fresh = openContentDb(join(dir, 'fresh.db'));
    await importCorpus(updated, realCorpusAt('snap-4'));
    // The importer re-indexes incrementally exactly when the index is current; prove it is here.
    expect(updated.transaction(() => dropPagesFromIndex(updated, []))()).not.toBeNull();
    await importCorpus(updated, realCorpusAt('snap-5'));
    await importCorpus(fresh, realCorpusAt('snap-5'));
  }, 900_000);

  afterAll(() => {
    updated?.close();
    fresh?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes FTS5 integrity checks against its external content', () => {
    updated.prepare(`INSERT INTO sections_fts (sections_fts, rank) VALUES ('integrity-check', 1)`).run();
    // The vocabulary's trigram index is maintained word by word too.
    updated
      .prepare(`INSERT INTO search_terms_tri (search_terms_tri, rank) VALUES ('integrity-check', 1)`)
      .run();
  });

  it('holds the same search tables as a fresh import of snap-5', () => {
    const a = searchState(updated);
    const b = searchState(fresh);
    expect(a.ftsRows.length).toBeGreaterThan(1000);
    for (const key of Object.keys(b)) expect(a[key], key).toEqual(b[key]);
  });

  it('ranks queries and answers search exactly as a fresh import does', async () => {
    const a = new SearchService(updated);
    const b = new SearchService(fresh);
    for (const q of QUERIES) {
      const matches = ranked(fresh, q.split(' ').join(' AND '));
      expect(matches.length, q).toBeGreaterThan(0);
      expect(ranked(updated, q.split(' ').join(' AND ')), q).toEqual(matches);
      const got = await a.search({ text: q, limit: 20 });
      const want = await b.search({ text: q, limit: 20 });
      // Same pages, sections, snippets and facets; scores agree to a thousandth (query-time
      // arithmetic runs over page numbers, which differ between the two histories).
      const withoutScores = (r: typeof got) => ({
        ...r,
        results: r.results.map((h) => ({ ...h, score: 0 })),
      });
      expect(withoutScores(got), q).toEqual(withoutScores(want));
      got.results.forEach((h, i) =>
        expect(Math.abs(h.score - want.results[i]!.score), `${q} #${i}`).toBeLessThanOrEqual(
          want.results[i]!.score / 1000,
        ),
      );
    }
  });

  it('an update that rewrites no page still keeps the index whole', async () => {
    await importCorpus(updated, realCorpusAt('snap-5'));
    updated.prepare(`INSERT INTO sections_fts (sections_fts, rank) VALUES ('integrity-check', 1)`).run();
    expect(searchState(updated).ftsTerms).toEqual(searchState(fresh).ftsTerms);
  });
});
