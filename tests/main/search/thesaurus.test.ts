import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openContentDb } from '../../../src/main/database/connection';
import { SearchService } from '../../../src/main/search/search-index';
import { acronymPairs, titlePairs } from '../../../src/main/search/thesaurus';
import { seedContent, type SeedPage } from './seed-content';

describe('acronymPairs', () => {
  it('pairs an acronym with the words before it whose initials spell it, a digit standing for its number word', () => {
    expect(
      acronymPairs(
        'Commit with Two-Phase Commit (2PC); keep a Write-Ahead Log (WAL) and many Conflict Free Types (CFTs).',
      ),
    ).toEqual([
      ['2pc', 'two phase commit'],
      ['wal', 'write ahead log'],
      ['cft', 'conflict free types'],
    ]);
  });

  it('ignores parentheses whose capitals are not the initials of the words before them', () => {
    expect(acronymPairs('The big server (XYZ) and a note (see above) and an Example (E).')).toEqual([]);
  });
});

describe('titlePairs', () => {
  it("names a page by its title's parenthesis and subtitle", () => {
    expect(titlePairs('Sharding (Data Partitioning)')).toEqual([
      { key: 'data partitioning', alt: 'sharding', weight: 0.9 },
    ]);
    expect(titlePairs('Circuit Breaker Pattern: Fail Fast')).toEqual([
      { key: 'fail fast', alt: 'circuit breaker', weight: 0.7 },
    ]);
  });
});

const PAGES: SeedPage[] = [
  {
    id: 'pattern-library/data/write-ahead-log',
    title: 'Write-Ahead Log',
    type: 'pattern',
    sections: [
      [
        null,
        'A write-ahead log appends every change to a durable journal before the data files are touched.',
      ],
    ],
  },
  {
    id: 'case-studies/storage/kv-store',
    title: 'Key-Value Store',
    type: 'case-study',
    sections: [[null, 'Durability comes from a write-ahead log (WAL) flushed on every commit.']],
  },
  {
    id: 'pattern-library/data/sharding',
    title: 'Sharding (Data Partitioning)',
    type: 'pattern',
    sections: [[null, 'Rows are spread over nodes by a key.']],
  },
];

describe('the thesaurus in search (seeded content.db)', () => {
  let dir: string;
  let db: Database;
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const seeded = (): SearchService => {
    dir = mkdtempSync(join(tmpdir(), 'dstudio-thesaurus-'));
    db = openContentDb(join(dir, 'content.db'));
    seedContent(db, PAGES, [['patterns/journaling', 'pattern-library/data/write-ahead-log']]);
    return new SearchService(db);
  };

  it('is mined by the index build from section texts, titles and redirects', () => {
    seeded();
    const rows = db.prepare('SELECT key, alt FROM search_thesaurus ORDER BY key, alt').all();
    expect(rows).toEqual(
      expect.arrayContaining([
        { key: 'wal', alt: 'write ahead log' },
        { key: 'write ahead log', alt: 'wal' },
        { key: 'data partitioning', alt: 'sharding' },
        { key: 'journaling', alt: 'write ahead log' },
      ]),
    );
  });

  it('finds the page an alternative names, says which alternative found it, and marks its words in the snippet', async () => {
    const search = seeded();
    // Only the case study has "wal"; the write-ahead-log page is found through the expansion the case study gave,
    // and as the page that alternative names exactly it comes first, with a smaller title bonus than a typed title.
    const wal = search.explainSync({ text: 'wal' });
    expect(wal.map((h) => h.id)).toEqual([
      'pattern-library/data/write-ahead-log',
      'case-studies/storage/kv-store',
    ]);
    expect(wal[0]!.parts.via).toBe('write ahead log');
    expect(wal[0]!.parts.synonym).toBeLessThan(1);
    expect(wal[0]!.parts.title * wal[0]!.parts.synonym).toBeLessThan(wal[0]!.parts.title);
    expect(wal[1]!.parts).toMatchObject({ synonym: 1, via: null });
    // its snippet marks the words of the alternative that found it
    const found = (await search.search({ text: 'wal appends' })).results;
    expect(found[0]!.id).toBe('pattern-library/data/write-ahead-log');
    expect(found[0]!.snippet).toContain('<mark>write-ahead log</mark> <mark>appends</mark>');
    // Without the thesaurus the typed word alone finds only the case study.
    db.exec('DELETE FROM search_thesaurus');
    expect(new SearchService(db).explainSync({ text: 'wal' }).map((h) => h.id)).toEqual([
      'case-studies/storage/kv-store',
    ]);
  });
});
