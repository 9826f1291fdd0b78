import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCorpus } from '../../../../../src/main/corpus/import-service';
import { openContentDb } from '../../../../../src/main/database/connection';
import { migrate } from '../../../../../src/main/database/migrator';
import { m001 } from '../../../../../src/main/database/migrations/content/001-initial';
import { m002 } from '../../../../../src/main/database/migrations/content/002-search';
import { contentMigrations } from '../../../../../src/main/database/migrations/content';
import { pageNoOfSection } from '../../../../../src/main/database/section-keys';
import { SearchService } from '../../../../../src/main/search/search-index';
import { STARTER_CORPUS } from '../../../../helpers/corpus';

/** A content.db at version 2 holding one imported-looking page, as the previous release left it. */
function version2Db(file: string): void {
  const db = new BetterSqlite3(file);
  migrate(db, [m001, m002], file);
  db.exec(`
    INSERT INTO files VALUES ('a.md', 'sha', 'page', NULL);
    INSERT INTO pages (id, path, blob_sha, title, meta_json, html, word_count, reading_minutes)
      VALUES ('a', 'a.md', 'sha', 'A', '{}', x'00', 1, 1);
    INSERT INTO sections (page_id, ord, level, body) VALUES ('a', 0, 0, 'text');
    INSERT INTO links (page_id, ord, href, line, broken) VALUES ('a', 0, 'b.md', 1, 0);
    INSERT INTO checklists (page_id, ord, section_slug, section_title, source) VALUES ('a', 0, '', '', 'task-list');
  `);
  db.close();
}

describe('content migration 003 (integer page keys)', () => {
  it('recreates the page tables empty and clears the bookkeeping, so the next import rebuilds everything', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dstudio-m003-')), 'content.db');
    version2Db(file);
    const db = openContentDb(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(contentMigrations.at(-1)!.version);
      const count = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      for (const table of ['pages', 'sections', 'links', 'checklists', 'files', 'search_blobs'])
        expect(count(table)).toBe(0);
      const columns = (table: string) =>
        (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns('pages')).toContain('no');
      expect(columns('sections')).not.toContain('page_id');
      expect(columns('links')).toContain('page_no');

      const report = await importCorpus(db, STARTER_CORPUS);
      expect(report.pages).toBeGreaterThan(0);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // every section's id names a page that exists
      const pageNos = new Set(db.prepare('SELECT no FROM pages').pluck().all() as number[]);
      for (const id of db.prepare('SELECT id FROM sections').pluck().all() as number[])
        expect(pageNos.has(pageNoOfSection(id))).toBe(true);
      const hits = await new SearchService(db).search({ text: 'circuit breaker' });
      expect(hits.results.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
