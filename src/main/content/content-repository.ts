import type { Database } from 'better-sqlite3';
import { prepareAll, type Statements } from '../database/prepare-all';
import { inflateRawSync } from 'node:zlib';
import { sectionRange } from '../database/section-keys';
import { rewriteLinks } from './link-rewriter';
import type {
  ContentStatus,
  Heading,
  ImportWarning,
  NavNode,
  PageId,
  PageLink,
  PageMeta,
  PageSummary,
} from '../../shared/domain';

/** A row of `pages` as stored: the summary's own columns under their names, the rest in snake_case. */
interface PageRowDb extends Pick<
  PageSummary,
  'id' | 'title' | 'description' | 'tier' | 'type' | 'category' | 'status' | 'relevance' | 'difficulty'
> {
  no: number;
  path: string;
  blob_sha: string;
  introduced_year: number | null;
  is_template: number;
  meta_json: string;
  html: Buffer;
  word_count: number;
  reading_minutes: number;
}

const SUMMARY_COLUMNS = `id, title, tier, type, category, status, relevance, difficulty, description,
  introduced_year AS introducedYear, is_template AS isTemplate`;

/** Every statement of the reader over content.db. */
const CONTENT_SQL = {
  meta: 'SELECT key, value FROM meta',
  counts: 'SELECT (SELECT count(*) FROM pages) AS pages, (SELECT count(*) FROM aliases) AS aliases',
  summaries: `SELECT ${SUMMARY_COLUMNS} FROM pages ORDER BY id`,
  page: 'SELECT * FROM pages WHERE id = ?',
  exists: 'SELECT 1 FROM pages WHERE id = ?',
  alias: 'SELECT target_id AS targetId FROM aliases WHERE id = ?',
  aliasesOf: 'SELECT id FROM aliases WHERE target_id = ? ORDER BY id',
  headings: `SELECT level, heading AS text, anchor AS id, coalesce(alt_anchors, '[]') AS altIds
      FROM sections WHERE id BETWEEN ? AND ? AND heading IS NOT NULL ORDER BY sections.id`,
  links: `SELECT href, line, target_id AS targetId, anchor, broken, candidate, asset FROM links WHERE page_no = ? ORDER BY ord`,
  warnings: 'SELECT path, kind, message, line FROM warnings WHERE path = ? ORDER BY rowid',
  nav: 'SELECT tree FROM nav WHERE id = 1',
} as const;

/** Read-only SQL over content.db for the reader. */
export class ContentRepository {
  private readonly s: Statements<typeof CONTENT_SQL>;

  constructor(db: Database) {
    this.s = prepareAll(db, CONTENT_SQL);
  }

  status(): ContentStatus {
    const meta = new Map(
      (this.s.meta.all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
    );
    const c = this.s.counts.get() as { pages: number; aliases: number };
    return {
      pages: c.pages,
      aliases: c.aliases,
      source: meta.get('source') ?? null,
      commit: meta.get('commit') || null,
      importedAt: meta.get('importedAt') ?? null,
    };
  }

  listSummaries(): PageSummary[] {
    return (this.s.summaries.all() as (Omit<PageSummary, 'isTemplate'> & { isTemplate: number })[]).map(
      (r) => ({ ...r, isTemplate: !!r.isTemplate }),
    );
  }

  findPage(id: PageId) {
    const r = this.s.page.get(id) as PageRowDb | undefined;
    if (!r) return null;
    const headings = (
      this.s.headings.all(...sectionRange(r.no)) as (Omit<Heading, 'altIds'> & { altIds: string })[]
    ).map((h) => ({ ...h, altIds: JSON.parse(h.altIds) as string[] }));
    const rows = this.s.links.all(r.no) as (Omit<PageLink, 'broken'> & { broken: number; asset: number })[];
    const outcomes = rows.map((l) => ({ ...l, broken: !!l.broken, asset: !!l.asset }));
    const links: PageLink[] = outcomes.filter((l) => !l.asset).map(({ asset: _asset, ...l }) => l);
    return {
      id: r.id,
      path: r.path,
      blobSha: r.blob_sha,
      title: r.title,
      tier: r.tier,
      type: r.type,
      category: r.category,
      status: r.status,
      relevance: r.relevance,
      difficulty: r.difficulty,
      description: r.description,
      introducedYear: r.introduced_year,
      isTemplate: !!r.is_template,
      html: rewriteLinks(inflateRawSync(r.html).toString('utf8'), outcomes),
      meta: JSON.parse(r.meta_json) as PageMeta,
      headings,
      links,
      warnings: this.s.warnings.all(r.path) as ImportWarning[],
      aliases: (this.s.aliasesOf.all(id) as { id: string }[]).map((a) => a.id),
      wordCount: r.word_count,
      readingMinutes: r.reading_minutes,
    };
  }

  hasPage(id: PageId): boolean {
    return this.s.exists.get(id) !== undefined;
  }

  /** The page an alias points at (null for an unknown id or a broken redirect). */
  aliasTarget(id: PageId): PageId | null {
    return (this.s.alias.get(id) as { targetId: string | null } | undefined)?.targetId ?? null;
  }

  nav(): NavNode[] {
    const r = this.s.nav.get() as { tree: string } | undefined;
    return r ? (JSON.parse(r.tree) as NavNode[]) : [];
  }
}
