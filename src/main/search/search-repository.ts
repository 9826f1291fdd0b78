import type { Database, Statement } from 'better-sqlite3';
import type { PageId, Tier } from '../../shared/domain';

/** The key in search_blobs that changes on every rebuild, so a running service knows to drop its caches. */
export const GENERATION_BLOB = 'generation';

/** Marks snippet() puts around matched terms: control characters that cannot occur in section text, replaced by <mark> after escaping. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Tokens of context in a snippet. */
const SNIPPET_TOKENS = 18;

/** How a title key names a page, strongest first: its title, the abbreviation in it, a redirect's name, the title's head, its file name. */
export type TitleKeyKind = 'title' | 'abbreviation' | 'alias' | 'head' | 'file';

/** The metadata the service filters and facets on, one row per page. */
export interface PageFacetRow {
  id: PageId;
  title: string;
  tier: Tier | null;
  type: string | null;
  category: string | null;
  status: string | null;
  relevance: string | null;
  difficulty: string | null;
}

/** The best-matching section of one page. */
export interface PageMatch {
  pageId: PageId;
  sectionId: number;
  /** bm25 of the best three sections (1, ½, ¼): lower is better (FTS5 convention). */
  bm25: number;
}

export interface SectionText {
  heading: string | null;
  anchor: string | null;
  snippet: string;
}

/** All SQL of the search service, as prepared statements. */
export class SearchRepository {
  private readonly sql: Record<string, string>;
  private readonly prepared = new Map<string, Statement>();

  constructor(private readonly db: Database) {
    const p = (sql: string): string => sql;
    this.sql = {
      generation: p(`SELECT value FROM search_blobs WHERE name = '${GENERATION_BLOB}'`),
      blob: p('SELECT value FROM search_blobs WHERE name = ?'),
      pages: p('SELECT id, title, tier, type, category, status, relevance, difficulty FROM pages'),
      // One row per page: its best section (lowest rank: bm25 with the column weights set
      // by migration 002) and a page score that adds its 2nd and 3rd best sections at half
      // and quarter weight — a page that treats the words in several sections is more about
      // them than one that mentions them once (nDCG@10 0.865 → 0.883 on the judged set).
      // MATERIALIZED: flattened into the aggregate, rank is not available.
      matchPages: p(`
        WITH h AS MATERIALIZED (SELECT rowid AS sid, rank AS score FROM sections_fts WHERE sections_fts MATCH ?),
        r AS (
          SELECT s.page_id AS pageId, h.sid, h.score,
                 row_number() OVER (PARTITION BY s.page_id ORDER BY h.score) AS rn
          FROM h JOIN sections s ON s.id = h.sid
        )
        SELECT pageId, max(CASE WHEN rn = 1 THEN sid END) AS sectionId,
               sum(CASE rn WHEN 1 THEN score WHEN 2 THEN score / 2 WHEN 3 THEN score / 4 ELSE 0 END) AS bm25
        FROM r GROUP BY pageId`),
      // rowid = ? lets FTS5 seek straight to the row: the snippet is computed for this section
      // only. CAST: better-sqlite3 binds JS numbers as REAL, and FTS5 then silently ignores
      // the rowid constraint (every matching row comes back).
      snippet: p(`
        SELECT s.heading, s.anchor,
               snippet(sections_fts, 3, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS}) AS snippet
        FROM sections_fts JOIN sections s ON s.id = sections_fts.rowid
        WHERE sections_fts MATCH ? AND sections_fts.rowid = CAST(? AS INTEGER)`),
      lead: p(`
        SELECT s.heading, s.anchor, coalesce(p.description, substr(s.body, 1, 240)) AS snippet
        FROM pages p LEFT JOIN sections s ON s.page_id = p.id
        WHERE p.id = ? ORDER BY s.ord LIMIT 1`),
      titleMatches: p('SELECT page_id AS pageId, kind FROM search_titles WHERE key = ?'),
      hasTerm: p('SELECT 1 FROM search_terms WHERE term = ?'),
      // The range form uses the UNIQUE index on term (LIKE would not, being case-insensitive).
      termsWithPrefix: p(`SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY freq DESC LIMIT ?`),
      // No ORDER BY rank: ranking every word that shares a trigram cost up to 10 ms; the
      // expression already asks for two shared trigrams, and the length window does the rest.
      trigramCandidates: p(`
        SELECT t.term, t.freq FROM search_terms_tri JOIN search_terms t ON t.id = search_terms_tri.rowid
        WHERE search_terms_tri MATCH ? AND length(t.term) BETWEEN ? AND ? LIMIT ?`),
    };
  }

  /** Statements are prepared on first use: a search that never corrects a typo never pays for preparing that SQL (start-up time). */
  private st(name: string): Statement {
    let stmt = this.prepared.get(name);
    if (!stmt) {
      stmt = this.db.prepare(this.sql[name]!);
      this.prepared.set(name, stmt);
    }
    return stmt;
  }

  /** Changes whenever the index is rebuilt. */
  generation(): string | null {
    return (this.st('generation').get() as { value: string } | undefined)?.value ?? null;
  }

  blob(name: string): string | null {
    return (this.st('blob').get(name) as { value: string } | undefined)?.value ?? null;
  }

  listPageFacets(): PageFacetRow[] {
    return this.st('pages').all() as PageFacetRow[];
  }

  /** Every page with at least one section matching the FTS5 expression, with its best section. */
  findMatchingPages(match: string): PageMatch[] {
    return this.st('matchPages').all(match) as PageMatch[];
  }

  /** Heading, anchor and a marked snippet of one matched section. */
  findSectionSnippet(match: string, sectionId: number): SectionText | null {
    return (this.st('snippet').get(match, sectionId) as SectionText | undefined) ?? null;
  }

  /** The lead section of a page and its description (or its first words): for pages shown without a text match. */
  findLead(pageId: PageId): SectionText | null {
    const row = this.st('lead').get(pageId) as { heading: string | null; anchor: string | null; snippet: string | null } | undefined;
    return row ? { heading: row.heading, anchor: row.anchor, snippet: row.snippet ?? '' } : null;
  }

  /** Pages whose title, abbreviation, file or alias name equals the normalised key. */
  findByTitleKey(key: string): { pageId: PageId; kind: TitleKeyKind }[] {
    return this.st('titleMatches').all(key) as { pageId: PageId; kind: TitleKeyKind }[];
  }

  hasTerm(term: string): boolean {
    return this.st('hasTerm').get(term) !== undefined;
  }

  /** The most frequent corpus words that start with prefix. */
  findTermsWithPrefix(prefix: string, limit: number): string[] {
    return (this.st('termsWithPrefix').all(prefix, prefix + '\u{10FFFF}', limit) as { term: string }[]).map((r) => r.term);
  }

  /** Corpus words of a length within [minLength, maxLength] that match a trigram MATCH expression. */
  findTrigramCandidates(match: string, minLength: number, maxLength: number, limit: number): { term: string; freq: number }[] {
    return this.st('trigramCandidates').all(match, minLength, maxLength, limit) as { term: string; freq: number }[];
  }
}
