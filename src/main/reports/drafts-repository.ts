import type { Database } from 'better-sqlite3';
import { prepareAll, type Statements } from '../database/prepare-all';
import type { ReportDraft, ReportDraftSummary } from '../../shared/contract';
import type { ReportValues } from '../../shared/templates';

interface DraftRow {
  id: string;
  templateId: string;
  templateVersion: number;
  valuesJson: string;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, template_id AS templateId, template_version AS templateVersion, values_json AS valuesJson,
  created_at AS createdAt, updated_at AS updatedAt`;

/** A draft with what the drafts list shows without parsing its values. */
export interface StoredDraft extends ReportDraft {
  name: string;
  pageId: string | null;
}

/** Every statement over user.db's report_drafts. */
const DRAFTS_SQL = {
  list: `SELECT id, template_id AS templateId, name, page_id AS pageId, created_at AS createdAt,
      updated_at AS updatedAt FROM report_drafts ORDER BY updated_at DESC, rowid DESC`,
  find: `SELECT ${COLUMNS} FROM report_drafts WHERE id = ?`,
  insert: `INSERT INTO report_drafts (id, template_id, template_version, page_id, name, values_json, created_at, updated_at)
      VALUES (@id, @templateId, @templateVersion, @pageId, @name, @valuesJson, @createdAt, @updatedAt)`,
  update: `UPDATE report_drafts SET values_json = @valuesJson, name = @name, page_id = @pageId, updated_at = @updatedAt
      WHERE id = @id`,
  delete: 'DELETE FROM report_drafts WHERE id = ?',
} as const;

/** SQL over user.db's report_drafts. */
export class DraftsRepository {
  private readonly s: Statements<typeof DRAFTS_SQL>;

  constructor(db: Database) {
    this.s = prepareAll(db, DRAFTS_SQL);
  }

  list(): ReportDraftSummary[] {
    return this.s.list.all() as ReportDraftSummary[];
  }

  find(id: string): ReportDraft | null {
    const r = this.s.find.get(id) as DraftRow | undefined;
    if (!r) return null;
    const { valuesJson, ...rest } = r;
    return { ...rest, values: JSON.parse(valuesJson) as ReportValues };
  }

  /** Fails on an id already present (a restored draft whose id was reused meanwhile). */
  insert(d: StoredDraft): void {
    this.s.insert.run({ ...d, valuesJson: JSON.stringify(d.values) });
  }

  /** False when the draft does not exist (deleted in another window). */
  update(id: string, values: ReportValues, name: string, pageId: string | null, updatedAt: string): boolean {
    return this.s.update.run({ id, valuesJson: JSON.stringify(values), name, pageId, updatedAt }).changes > 0;
  }

  delete(id: string): void {
    this.s.delete.run(id);
  }
}
