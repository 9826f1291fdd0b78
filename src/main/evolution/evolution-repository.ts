import type { Database } from 'better-sqlite3';
import { prepareAll, type Statements } from '../database/prepare-all';
import { MAX_SECTIONS_PER_PAGE } from '../database/section-keys';
import type { PageId, PageMeta, PageSummary } from '../../shared/domain';

/** A page with what lineage and the timeline need of it. */
export interface EvolutionPageRow extends Pick<
  PageSummary,
  'id' | 'title' | 'tier' | 'type' | 'category' | 'status'
> {
  meta: PageMeta;
}

/** A stored timeline fact with the heading of the section it was read from (when any). */
export interface FactRow {
  pageId: PageId;
  field: string;
  year: number;
  month: number | null;
  value: string;
  conflict: number;
  heading: string | null;
}

export interface AliasRow {
  id: PageId;
  targetId: PageId | null;
}

/** Every statement of the timeline and lineage reader over content.db. */
const EVOLUTION_SQL = {
  changes: 'SELECT total_changes() AS n',
  pages: 'SELECT id, title, tier, type, category, status, meta_json AS metaJson FROM pages ORDER BY id',
  // A text fact's field is `text:<anchor>`; its section is found within the page's id range.
  facts: `SELECT f.page_id AS pageId, f.field, f.year, f.month, f.value, f.conflict,
      (SELECT s.heading FROM sections s
        WHERE f.field LIKE 'text:%' AND s.anchor = substr(f.field, 6)
          AND s.id BETWEEN p.no * ${MAX_SECTIONS_PER_PAGE} AND p.no * ${MAX_SECTIONS_PER_PAGE} + ${MAX_SECTIONS_PER_PAGE - 1}
        ORDER BY s.id LIMIT 1) AS heading
    FROM timeline_facts f JOIN pages p ON p.id = f.page_id
    ORDER BY f.year, f.page_id, f.rowid`,
  aliases: 'SELECT id, target_id AS targetId FROM aliases ORDER BY id',
} as const;

/** Read-only SQL over content.db for timelines and lineage. */
export class EvolutionRepository {
  private readonly s: Statements<typeof EVOLUTION_SQL>;

  constructor(private readonly db: Database) {
    this.s = prepareAll(db, EVOLUTION_SQL);
  }

  /**
   * Changes whenever content.db does: `data_version` counts commits by other connections
   * (an import or sync in another process), `total_changes()` those made through this one.
   */
  stateKey(): string {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    return `${version}:${(this.s.changes.get() as { n: number }).n}`;
  }

  listPages(): EvolutionPageRow[] {
    return (this.s.pages.all() as (Omit<EvolutionPageRow, 'meta'> & { metaJson: string })[]).map(
      ({ metaJson, ...r }) => ({ ...r, meta: JSON.parse(metaJson) as PageMeta }),
    );
  }

  listFacts(): FactRow[] {
    return this.s.facts.all() as FactRow[];
  }

  listAliases(): AliasRow[] {
    return this.s.aliases.all() as AliasRow[];
  }
}
