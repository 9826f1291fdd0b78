import type { Database, Statement } from 'better-sqlite3';
import type { PageId } from '../../shared/domain';
import { SECTION_BITS } from '../database/section-keys';
import { PageFacets } from './page-facets';

/** Keys in search_blobs. The generation changes on every rebuild, so a running service knows to drop its caches. */
export const GENERATION_BLOB = 'generation';
/** The page facets' values and table (see page-facets.ts). */
export const FACET_VALUES_BLOB = 'facet-values';
export const FACET_TABLE_BLOB = 'facet-table';
/** Each page's prior (see page-score.ts), float32 by page number. */
export const PRIORS_BLOB = 'page-priors';
/** Fingerprint of the content the index was built from (see buildSearchIndex). */
export const SOURCE_BLOB = 'source';
export const QUICK_SWITCH_BLOB = 'quick-switch';

/** How a title key names a page, strongest first: its title, the abbreviation in it, a redirect's name, the title's head, its file name. */
export type TitleKeyKind = 'title' | 'abbreviation' | 'alias' | 'head' | 'file';

/** A page's id and title by its number in content.db. */
export interface PageName {
  no: number;
  pageId: PageId;
  title: string;
}

/** What a result shows: its page's name, its best section's heading and text, and the page's lead when it needs one. */
export interface HitText extends PageName {
  /** Null when the result is the page itself (or its section is gone). */
  sectionId: number | null;
  heading: string | null;
  anchor: string | null;
  /** The section's text ('' without a section). */
  text: string;
  /** The page's description, or the first words of its first section when it has none and the result has no section text to show; else null. */
  lead: string | null;
}

/** Every statement of the search service (exported for the query-plan tests). */
export const SEARCH_SQL = {
  generation: `SELECT value FROM search_blobs WHERE name = '${GENERATION_BLOB}'`,
  blob: 'SELECT value FROM search_blobs WHERE name = ?',
  state: `SELECT name, value FROM search_blobs WHERE name IN ('${GENERATION_BLOB}', '${FACET_VALUES_BLOB}', '${FACET_TABLE_BLOB}', '${PRIORS_BLOB}')`,
  pageNames: 'SELECT no, id AS pageId, title FROM search_pages ORDER BY no',
  // Section id and rank (bm25 with the column weights set by migration 002) of every
  // matching section; the service groups them by page in JS with its section → page map
  // (a join and a window function here cost as much again as ranking itself).
  matchSections: 'SELECT rowid, rank FROM sections_fts WHERE sections_fts MATCH ?',
  // The matching sections of the listed pages, ranked: the page filter runs before rank is
  // computed, so only their sections are ranked (with the statistics of the whole expression).
  matchPagesSections: `
    SELECT rowid, rank FROM sections_fts WHERE sections_fts MATCH ?
      AND (rowid >> ${SECTION_BITS}) IN (SELECT value FROM json_each(?))`,
  // Pages (numbers) whose names or summary match, and whether their names do (bm25 with the
  // summary weighted 0 is 0 when only the summary matched). One row per page: next to nothing.
  aboutPages: 'SELECT rowid, bm25(search_about, 1.0, 0.0) < 0 FROM search_about WHERE search_about MATCH ?',
  // How many sections match, and which, without ranking them (an order of magnitude cheaper).
  countSections: 'SELECT count(*) FROM sections_fts WHERE sections_fts MATCH ?',
  sectionIds: 'SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?',
  // Rank is computed when read, after the IN filter: only the listed sections are ranked,
  // with the statistics of the whole expression.
  matchListedSections:
    'SELECT rowid, rank FROM sections_fts WHERE sections_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))',
  // For each result ([page no, section id or null]): its page's name, its section's text (the
  // service cuts the snippet itself), and the page's lead: the description, else (read only
  // when the result has no section text) the first words of the page's first section.
  hitTexts: `
    SELECT sp.no, sp.id AS pageId, sp.title, s.id AS sectionId, s.heading, s.anchor,
           coalesce(section_text(s.body), '') AS text,
           CASE
             WHEN sp.description <> '' THEN sp.description
             WHEN s.id IS NULL OR s.body = '' THEN coalesce(
               (SELECT substr(section_text(f.body), 1, 240) FROM sections f
                WHERE f.id BETWEEN sp.no << ${SECTION_BITS} AND ((sp.no + 1) << ${SECTION_BITS}) - 1
                ORDER BY f.id LIMIT 1), '')
           END AS lead
    FROM json_each(?) h
    JOIN search_pages sp ON sp.no = h.value ->> 0
    LEFT JOIN sections s ON s.id = h.value ->> 1`,
  // The thesaurus's alternatives for any of the listed normalised phrases (a JSON array).
  alternatives: 'SELECT key, alt, weight FROM search_thesaurus WHERE key IN (SELECT value FROM json_each(?))',
  titleMatches: `
    SELECT sp.no, t.kind FROM search_titles t JOIN search_pages sp ON sp.id = t.page_id WHERE t.key = ?`,
  // A corpus word's forms: every corpus word with its stem (none while stems are not built yet).
  wordForms: `
    SELECT f.term FROM search_terms q LEFT JOIN search_terms f ON f.stem = q.stem WHERE q.term = ?`,
  stemForms: 'SELECT term FROM search_terms WHERE stem = ?',
  termsWithStemPrefix: 'SELECT term FROM search_terms WHERE stem >= ? AND stem < ? LIMIT ?',
  // The range form uses the UNIQUE index on term (LIKE would not, being case-insensitive).
  termsWithPrefix: 'SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY freq DESC LIMIT ?',
  // Completions used in page names, those used by most pages' names first.
  nameTermsWithPrefix: `
    SELECT term FROM search_terms WHERE term >= ? AND term < ? AND name_freq > 0
    ORDER BY name_freq DESC, freq DESC LIMIT ?`,
  // No ORDER BY rank: ranking every word that shares a trigram is costly on common trigrams;
  // the expression already asks for two shared trigrams, and the length window does the rest.
  trigramCandidates: `
    SELECT t.term, t.freq FROM search_terms_tri JOIN search_terms t ON t.id = search_terms_tri.rowid
    WHERE search_terms_tri MATCH ? AND length(t.term) BETWEEN ? AND ? LIMIT ?`,
} as const;

type Name = keyof typeof SEARCH_SQL;
/**
 * Statements (nearly) every first search runs: prepared when the repository is made, which
 * the app does at start-up, before anyone types. The rest are prepared on first use.
 */
const EAGER: readonly Name[] = ['state', 'matchSections', 'titleMatches', 'wordForms', 'hitTexts'];

/** All SQL of the search service, as prepared statements. */
export class SearchRepository {
  private readonly prepared = new Map<Name, Statement>();

  constructor(private readonly db: Database) {
    for (const name of EAGER) this.st(name);
  }

  private st(name: Name): Statement {
    let stmt = this.prepared.get(name);
    if (!stmt) {
      stmt = this.db.prepare(SEARCH_SQL[name]);
      this.prepared.set(name, stmt);
    }
    return stmt;
  }

  /** Changes whenever the index is rebuilt. */
  generation(): string | null {
    const v = (this.st('generation').get() as { value: string | Buffer } | undefined)?.value;
    return v === undefined ? null : String(v);
  }

  blob(name: string): Buffer | null {
    const v = (this.st('blob').get(name) as { value: Buffer | string } | undefined)?.value;
    return v === undefined ? null : Buffer.isBuffer(v) ? v : Buffer.from(v);
  }

  /** What the service keeps per index generation: the generation, the pages' facets and their priors. */
  loadState(): { generation: string | null; facets: PageFacets; priors: Float32Array } {
    const blobs = new Map(this.st('state').raw(true).all() as [string, string | Buffer][]);
    const values = blobs.get(FACET_VALUES_BLOB);
    const table = blobs.get(FACET_TABLE_BLOB);
    const priors = blobs.get(PRIORS_BLOB);
    return {
      generation: blobs.has(GENERATION_BLOB) ? String(blobs.get(GENERATION_BLOB)) : null,
      // A copy, so that the view is aligned.
      priors: Buffer.isBuffer(priors)
        ? new Float32Array(priors.buffer.slice(priors.byteOffset, priors.byteOffset + priors.byteLength))
        : new Float32Array(0),
      facets: new PageFacets(
        values !== undefined && Buffer.isBuffer(table) ? { values: String(values), table } : null,
      ),
    };
  }

  /** Every indexed page's id and title, by number. */
  findPageNames(): PageName[] {
    return this.st('pageNames').all() as PageName[];
  }

  /** [section id, rank] of every section matching the FTS5 expression, in section id order; lower rank is better. */
  findMatchingSections(match: string): [number, number][] {
    return this.st('matchSections').raw(true).all(match) as [number, number][];
  }

  countMatchingSections(match: string): number {
    return this.st('countSections').pluck(true).get(match) as number;
  }

  /** Ids of the sections matching the FTS5 expression, unranked. */
  findMatchingSectionIds(match: string): number[] {
    return this.st('sectionIds').pluck(true).all(match) as number[];
  }

  /** Like findMatchingSections, for the listed sections only. */
  findMatchingSectionsAmong(match: string, sectionIds: readonly number[]): [number, number][] {
    return this.st('matchListedSections').raw(true).all(match, JSON.stringify(sectionIds)) as [
      number,
      number,
    ][];
  }

  /** [section id, rank] of the listed pages' sections matching the FTS5 expression. */
  findMatchingSectionsOfPages(match: string, pageNos: readonly number[]): [number, number][] {
    return this.st('matchPagesSections').raw(true).all(match, JSON.stringify(pageNos)) as [number, number][];
  }

  /** [page number, 1 when its names match else 0] of the pages whose names or summary match the FTS5 expression. */
  findAboutPages(match: string): [number, number][] {
    return this.st('aboutPages').raw(true).all(match) as [number, number][];
  }

  /** The completions of a prefix used in page names, most used first. */
  findNameTermsWithPrefix(prefix: string, limit: number): string[] {
    return this.st('nameTermsWithPrefix')
      .pluck(true)
      .all(prefix, prefix + '\u{10FFFF}', limit) as string[];
  }

  /** What each listed result shows (one row per result whose page is indexed, in no particular order). */
  findHitTexts(hits: readonly { no: number; sectionId: number | null }[]): HitText[] {
    return this.st('hitTexts').all(JSON.stringify(hits.map((h) => [h.no, h.sectionId]))) as HitText[];
  }

  /** The thesaurus entries (thesaurus.ts) whose key is one of the phrases. */
  findAlternatives(keys: readonly string[]): { key: string; alt: string; weight: number }[] {
    return this.st('alternatives').all(JSON.stringify(keys)) as {
      key: string;
      alt: string;
      weight: number;
    }[];
  }

  /** The numbers of the pages whose title, abbreviation, file or alias name equals the normalised key. */
  findByTitleKey(key: string): { no: number; kind: TitleKeyKind }[] {
    return this.st('titleMatches').all(key) as { no: number; kind: TitleKeyKind }[];
  }

  /** The corpus words that share the word's stem (the word among them), or null when it is not a corpus word. */
  findWordForms(word: string): string[] | null {
    const forms = this.st('wordForms').pluck(true).all(word) as (string | null)[];
    return forms.length === 0 ? null : [word, ...forms.filter((f): f is string => f !== null && f !== word)];
  }

  /** Corpus words whose stem starts with `prefix`. */
  findTermsWithStemPrefix(prefix: string, limit: number): string[] {
    return this.st('termsWithStemPrefix')
      .pluck(true)
      .all(prefix, prefix + '\u{10FFFF}', limit) as string[];
  }

  /** The corpus words whose stem is `stem`. */
  findStemForms(stem: string): string[] {
    return this.st('stemForms').pluck(true).all(stem) as string[];
  }

  /** The most frequent corpus words that start with prefix. */
  findTermsWithPrefix(prefix: string, limit: number): string[] {
    return this.st('termsWithPrefix')
      .pluck(true)
      .all(prefix, prefix + '\u{10FFFF}', limit) as string[];
  }

  /** Corpus words of a length within [minLength, maxLength] that match a trigram MATCH expression. */
  findTrigramCandidates(
    match: string,
    minLength: number,
    maxLength: number,
    limit: number,
  ): { term: string; freq: number }[] {
    return this.st('trigramCandidates').all(match, minLength, maxLength, limit) as {
      term: string;
      freq: number;
    }[];
  }
}
