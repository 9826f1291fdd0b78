import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { normaliseKey } from './fts-query';
import { SECTION_BITS, sectionRange } from '../database/section-keys';
import { encodeQuickSwitchDocs, QUICK_SWITCH_KINDS, type QuickSwitchKind } from './quick-switch-blob';
import { encodePageFacets, type PageFacetSource } from './page-facets';
import { pagePrior } from './page-score';
import { buildVocabulary, uncountPages } from './search-vocabulary';
import { acronymPairs, buildThesaurus, nameOfId } from './thesaurus';
import {
  FACET_TABLE_BLOB,
  FACET_VALUES_BLOB,
  GENERATION_BLOB,
  PRIORS_BLOB,
  QUICK_SWITCH_BLOB,
  SOURCE_BLOB,
  type TitleKeyKind,
} from './search-repository';

/** Part of the source fingerprint: bump it when the build changes what it writes, so existing indexes are rebuilt. */
const SEARCH_INDEX_VERSION = 8;

/** Strings that name a page exactly: its title in a few spellings and its file name, with how strongly each names it. */
export function titleKeys(title: string, id: string): { key: string; kind: TitleKeyKind }[] {
  const withoutParens = title.replace(/\([^)]*\)/g, ' ');
  const keys: { key: string; kind: TitleKeyKind }[] = [
    { key: normaliseKey(title), kind: 'title' },
    { key: normaliseKey(withoutParens), kind: 'title' },
    // "Rate Limiting Pattern" is what "rate limiting" asks for.
    { key: normaliseKey(withoutParens.replace(/\s+pattern\s*$/i, '')), kind: 'title' },
  ];
  for (const m of title.matchAll(/\(([^)]{1,40})\)/g))
    keys.push({ key: normaliseKey(m[1]!), kind: 'abbreviation' });
  // "Circuit Breaker: Fail Fast" and "Rate Limiting - Elite Engineering" are named by their head too, less strongly.
  const head = withoutParens.split(/\s[-–—:|]\s|:\s/)[0]!;
  keys.push({ key: normaliseKey(head), kind: 'head' });
  keys.push({ key: nameOfId(id), kind: 'file' });
  return keys.filter((k) => k.key !== '');
}

/**
 * What the index is built from, in a few milliseconds: every page's id and blob SHA, the
 * section ids, the alias targets. Sections are rewritten whenever their file changes, so
 * equal fingerprints mean equal content.
 */
function sourceFingerprint(db: Database): string {
  const row = db
    .prepare(
      `SELECT
         (SELECT count(*) || ':' || coalesce(sum(id), 0) || ':' || coalesce(max(id), 0) FROM sections),
         (SELECT group_concat(id || '=' || blob_sha, ',') FROM (SELECT id, blob_sha FROM pages ORDER BY id)),
         (SELECT group_concat(id || '>' || coalesce(target_id, '') || '#' || coalesce(target_anchor, ''), ',')
            FROM (SELECT id, target_id, target_anchor FROM aliases ORDER BY id))`,
    )
    .raw(true)
    .get() as unknown[];
  return createHash('sha1')
    .update(JSON.stringify([SEARCH_INDEX_VERSION, ...row]))
    .digest('hex');
}

export interface BuildOptions {
  /** Rebuild even when the content looks unchanged (for edits that bypass the importer, which keep files' blob SHAs). */
  force?: boolean;
  /** From dropPagesFromIndex: only pages outside `keptNos` get new FTS rows; null or absent: a full rebuild. */
  delta?: IndexDelta | null;
}

/** What an import left of the FTS index: the page numbers whose section rows are still in it. */
export interface IndexDelta {
  keptNos: Set<number>;
  removed: number;
}

function storedFingerprint(db: Database): string | undefined {
  return db.prepare('SELECT value FROM search_blobs WHERE name = ?').pluck(true).get(SOURCE_BLOB) as
    string | undefined;
}

/**
 * Call inside the import transaction BEFORE the importer deletes or rewrites the files at
 * `paths`: takes their pages' sections out of sections_fts while their text is still there
 * (an external-content FTS5 index deletes a row only by the values it indexed). Every other
 * page's rows hold exactly what a rebuild would write, because a section row is derived
 * from its own page only (title, tags, description, heading, body). Null when the index was
 * not built from the current content (never built, an older build, a stale one): the build
 * then rebuilds everything.
 */
export function dropPagesFromIndex(db: Database, paths: Iterable<string>): IndexDelta | null {
  if (storedFingerprint(db) !== sourceFingerprint(db)) return null;
  const keptNos = new Set(db.prepare('SELECT no FROM search_pages').pluck(true).all() as number[]);
  const noAt = db.prepare('SELECT no FROM pages WHERE path = ?').pluck(true);
  const drop = db.prepare(
    `INSERT INTO sections_fts (sections_fts, rowid, title, heading, keywords, body)
       SELECT 'delete', id, title, heading, keywords, body FROM search_source WHERE id BETWEEN ? AND ?`,
  );
  const dropped: number[] = [];
  for (const path of paths) {
    const no = noAt.get(path) as number | undefined;
    if (no === undefined || !keptNos.delete(no)) continue;
    drop.run(...sectionRange(no));
    dropped.push(no);
  }
  uncountPages(db, dropped);
  return { keptNos, removed: dropped.length };
}

/**
 * (Re)builds every search structure from the content tables (pages, aliases, sections):
 * the per-page search rows, the FTS5 index, the title keys, the thesaurus, the vocabulary with its trigram
 * index, the section → page map and the quick switcher's entries — unless the content is
 * what the index was last built from (a re-import that changed nothing). The importer calls
 * it inside its import transaction after writing pages and sections; it is idempotent. The
 * text-heavy work runs in SQLite (tokenizing in JS cost several times as much).
 */
export function buildSearchIndex(db: Database, opts: BuildOptions = {}): void {
  const run = db.transaction(() => {
    const source = sourceFingerprint(db);
    const delta = opts.force ? null : (opts.delta ?? null);
    // Rows taken out by dropPagesFromIndex must be put back even when the fingerprint looks unchanged.
    if (!opts.force && !delta?.removed && storedFingerprint(db) === source) return;
    db.exec(`
      DELETE FROM search_pages;
      -- Numbered as the pages are: a section's page number is its id's high bits (section-keys.ts).
      INSERT INTO search_pages (no, id, title, tags, description)
        SELECT no, id, title,
               CASE WHEN json_valid(meta_json) AND json_type(meta_json, '$.tags') = 'array'
                    THEN (SELECT json_group_array(value) FROM json_each(meta_json, '$.tags') WHERE type = 'text')
                    ELSE '[]' END,
               coalesce(description, '')
        FROM pages ORDER BY id;
    `);
    // The pages whose rows are not in the index (rewritten or new); null: every page.
    const added = delta
      ? (db.prepare('SELECT no FROM search_pages').pluck(true).all() as number[]).filter(
          (no) => !delta.keptNos.has(no),
        )
      : null;
    if (added) {
      const add = db.prepare(
        `INSERT INTO sections_fts (rowid, title, heading, keywords, body)
           SELECT id, title, heading, keywords, body FROM search_source WHERE id BETWEEN ? AND ?`,
      );
      for (const no of added) add.run(...sectionRange(no));
    } else {
      // External content: the index is rebuilt from the search_source view in one pass. No
      // 'optimize' afterwards: it took a fifth of the build and saved little of the index.
      db.exec(`INSERT INTO sections_fts (sections_fts) VALUES ('rebuild')`);
    }

    const pages = db.prepare('SELECT id, title FROM search_pages').all() as { id: string; title: string }[];
    const aliases = db
      .prepare(
        'SELECT a.id, a.target_id AS targetId, a.target_anchor AS anchor, sp.no FROM aliases a JOIN search_pages sp ON sp.id = a.target_id',
      )
      .all() as { id: string; targetId: string; anchor: string | null; no: number }[];

    // Title keys.
    db.prepare('DELETE FROM search_titles').run();
    const insertTitle = db.prepare(
      'INSERT OR IGNORE INTO search_titles (key, page_id, kind) VALUES (?, ?, ?)',
    );
    for (const p of pages) for (const k of titleKeys(p.title, p.id)) insertTitle.run(k.key, p.id, k.kind);
    for (const a of aliases) {
      const key = nameOfId(a.id);
      if (key) insertTitle.run(key, a.targetId, 'alias');
    }

    // What each page is about: its names (title, redirects' names, tags) and its summary (description).
    db.exec(`DELETE FROM search_about`);
    const aliasNames = new Map<number, string[]>();
    for (const a of aliases) aliasNames.set(a.no, [...(aliasNames.get(a.no) ?? []), nameOfId(a.id)]);
    const insertAbout = db.prepare('INSERT INTO search_about (rowid, names, summary) VALUES (?, ?, ?)');
    for (const p of db.prepare('SELECT no, title, tags, description FROM search_pages').all() as {
      no: number;
      title: string;
      tags: string;
      description: string;
    }[])
      insertAbout.run(p.no, [p.title, ...(aliasNames.get(p.no) ?? []), p.tags].join(' '), p.description);

    buildThesaurus(db, sectionAcronyms(db, delta));

    buildVocabulary(db, added);

    // Quick switcher: titles, tags, alias names and headings (but a top heading that repeats the title).
    const entries = db
      .prepare(
        `SELECT 'title' AS kind, title AS label, no, NULL AS anchor FROM search_pages
         UNION ALL
         SELECT DISTINCT 'tag', j.value, sp.no, NULL FROM search_pages sp, json_each(sp.tags) j
         UNION ALL
         SELECT * FROM (SELECT 'heading', s.heading, sp.no, s.anchor FROM sections s JOIN search_pages sp ON sp.no = s.id >> ${SECTION_BITS}
           WHERE s.heading IS NOT NULL AND s.anchor IS NOT NULL AND NOT (s.level = 1 AND lower(s.heading) = lower(sp.title))
           ORDER BY s.id)`,
      )
      .all() as { kind: QuickSwitchKind; label: string; no: number; anchor: string | null }[];
    for (const a of aliases) {
      const label = nameOfId(a.id);
      if (label) entries.push({ kind: 'alias', label, no: a.no, anchor: a.anchor });
    }
    entries.sort((a, b) => QUICK_SWITCH_KINDS.indexOf(a.kind) - QUICK_SWITCH_KINDS.indexOf(b.kind));

    const pageRows = db
      .prepare(
        `SELECT sp.no, p.id, p.title, p.tier, p.type, p.category, p.status, p.relevance, p.difficulty
         FROM search_pages sp JOIN pages p ON p.id = sp.id`,
      )
      .all() as PageFacetSource[];
    const facets = encodePageFacets(pageRows);
    // Each page's prior by its number, as little-endian float32 (read back as a typed-array view).
    const priors = Buffer.alloc((Math.max(0, ...pageRows.map((p) => p.no)) + 1) * 4);
    for (const p of pageRows) priors.writeFloatLE(pagePrior(p), p.no * 4);
    // Every blob is rewritten (one an older build wrote and this one does not goes too).
    db.prepare('DELETE FROM search_blobs').run();
    const insertBlob = db.prepare('INSERT INTO search_blobs (name, value) VALUES (?, ?)');
    insertBlob.run(QUICK_SWITCH_BLOB, encodeQuickSwitchDocs(entries));
    insertBlob.run(FACET_VALUES_BLOB, facets.values);
    insertBlob.run(FACET_TABLE_BLOB, facets.table);
    insertBlob.run(PRIORS_BLOB, priors);
    insertBlob.run(SOURCE_BLOB, source);
    insertBlob.run(GENERATION_BLOB, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  });
  run();
}

/**
 * The thesaurus's acronym pairs of every section, kept per page in search_acronyms: only the
 * pages the delta does not keep (rewritten or new) are re-mined, because inflating and
 * scanning every section's text was most of an update's index build. A page's pairs come
 * from its own sections only, as its FTS rows do.
 */
function sectionAcronyms(db: Database, delta: IndexDelta | null): [string, string][] {
  db.exec(
    delta
      ? 'DELETE FROM search_acronyms WHERE page_id NOT IN (SELECT id FROM search_pages)'
      : 'DELETE FROM search_acronyms',
  );
  const texts = db.prepare('SELECT section_text(body) FROM sections WHERE id BETWEEN ? AND ?').pluck(true);
  const forget = db.prepare('DELETE FROM search_acronyms WHERE page_id = ?');
  const keep = db.prepare('INSERT INTO search_acronyms (page_id, acronym, expansion) VALUES (?, ?, ?)');
  for (const p of db.prepare('SELECT no, id FROM search_pages').all() as { no: number; id: string }[]) {
    if (delta?.keptNos.has(p.no)) continue;
    if (delta) forget.run(p.id);
    for (const text of texts.all(...sectionRange(p.no)) as string[])
      for (const [acronym, expansion] of acronymPairs(text)) keep.run(p.id, acronym, expansion);
  }
  return db.prepare('SELECT acronym, expansion FROM search_acronyms').raw(true).all() as [string, string][];
}

export { SearchService } from './search-service';
