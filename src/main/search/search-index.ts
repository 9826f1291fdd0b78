import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { normaliseKey } from './fts-query';
import { SECTION_BITS, sectionRange } from '../database/section-keys';
import { encodeQuickSwitchDocs, QUICK_SWITCH_KINDS, type QuickSwitchKind } from './quick-switch-blob';
import { encodePageFacets, type PageFacetSource } from './page-facets';
import { pagePrior } from './page-score';
import { buildThesaurus, nameOfId } from './thesaurus';
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
const SEARCH_INDEX_VERSION = 7;

/** Words shorter or longer than this are not worth correcting or expanding. */
const MIN_TERM_LENGTH = 2;
const MAX_TERM_LENGTH = 40;

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
  let removed = 0;
  for (const path of paths) {
    const no = noAt.get(path) as number | undefined;
    if (no === undefined || !keptNos.delete(no)) continue;
    drop.run(...sectionRange(no));
    removed++;
  }
  return { keptNos, removed };
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
    if (delta) {
      const add = db.prepare(
        `INSERT INTO sections_fts (rowid, title, heading, keywords, body)
           SELECT id, title, heading, keywords, body FROM search_source WHERE id BETWEEN ? AND ?`,
      );
      for (const no of db.prepare('SELECT no FROM search_pages').pluck(true).all() as number[])
        if (!delta.keptNos.has(no)) add.run(...sectionRange(no));
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

    buildThesaurus(db);

    // Vocabulary: the unstemmed words of every section and page, counted by a throwaway
    // contentless FTS5 index (unicode61 like the main index, without porter) and read back
    // through fts5vocab: the tokenizing runs in C. freq = how many rows use the word.
    db.exec(`
      DROP TABLE IF EXISTS temp.search_vocab_terms;
      DROP TABLE IF EXISTS temp.search_vocab;
      CREATE VIRTUAL TABLE temp.search_vocab USING fts5(
        text, content = '', detail = 'none', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO temp.search_vocab (search_vocab, rank) VALUES ('hashsize', 8388608);
      INSERT INTO temp.search_vocab (rowid, text) SELECT id, coalesce(heading, '') || ' ' || section_text(body) FROM sections;
      -- rowids above every section's: a smaller rowid would make FTS5 flush its pending terms mid-build
      INSERT INTO temp.search_vocab (rowid, text)
        SELECT 1000000000000 + no, title || ' ' || tags || ' ' || description FROM search_pages;
      CREATE VIRTUAL TABLE temp.search_vocab_terms USING fts5vocab(temp, search_vocab, row);
      DELETE FROM search_terms;
      INSERT INTO search_terms (term, freq)
        SELECT term, doc FROM temp.search_vocab_terms
        WHERE length(term) BETWEEN ${MIN_TERM_LENGTH} AND ${MAX_TERM_LENGTH} AND term GLOB '*[^0-9]*'
        ORDER BY term;
      DROP TABLE temp.search_vocab_terms;
      DROP TABLE temp.search_vocab;
      -- Each word's stem as sections_fts's tokenizer makes it (so marking matched words agrees with
      -- matching them): one word per row of a throwaway porter index, read back through
      -- fts5vocab, whose instance rows give each row's (here: each word's) one token.
      DROP TABLE IF EXISTS temp.search_stems_terms;
      DROP TABLE IF EXISTS temp.search_stems;
      CREATE VIRTUAL TABLE temp.search_stems USING fts5(
        term, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
      INSERT INTO temp.search_stems (rowid, term) SELECT id, term FROM search_terms;
      CREATE VIRTUAL TABLE temp.search_stems_terms USING fts5vocab(temp, search_stems, instance);
      UPDATE search_terms SET stem = v.term FROM temp.search_stems_terms v WHERE v.doc = search_terms.id;
      DROP TABLE temp.search_stems_terms;
      DROP TABLE temp.search_stems;
      -- How many pages use each word in their names (unstemmed, as the vocabulary is).
      DROP TABLE IF EXISTS temp.search_names_terms;
      DROP TABLE IF EXISTS temp.search_names;
      CREATE VIRTUAL TABLE temp.search_names USING fts5(
        names, content = '', detail = 'none', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO temp.search_names (rowid, names) SELECT rowid, names FROM search_about;
      CREATE VIRTUAL TABLE temp.search_names_terms USING fts5vocab(temp, search_names, row);
      UPDATE search_terms SET name_freq = v.doc FROM temp.search_names_terms v WHERE v.term = search_terms.term;
      DROP TABLE temp.search_names_terms;
      DROP TABLE temp.search_names;
      -- Filled row by row rather than by 'rebuild', which was ten times slower here.
      INSERT INTO search_terms_tri (search_terms_tri) VALUES ('delete-all');
      INSERT INTO search_terms_tri (rowid, term) SELECT id, term FROM search_terms;
    `);

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

export { SearchService } from './search-service';
