import type { Database } from 'better-sqlite3';
import { prepareAll, type Statements } from '../database/prepare-all';
import type { ItemProgress, ItemState, MatchKind } from '../../shared/contract';
import type { PageId } from '../../shared/domain';

/** A run as stored. */
export interface RunRow {
  id: number;
  pageId: PageId;
  name: string;
  archived: boolean;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const RUN_COLUMNS = `id, page_id AS pageId, name, archived, deleted_at AS deletedAt,
  created_at AS createdAt, updated_at AS updatedAt`;
const ITEM_COLUMNS = `item_key AS key, state, note, updated_at AS updatedAt, item_text AS text,
  section_slug AS sectionSlug, match_kind AS match`;

type RawRun = Omit<RunRow, 'archived'> & { archived: number };
const toRun = (r: RawRun | undefined): RunRow | null => (r ? { ...r, archived: r.archived === 1 } : null);

/** Every statement over user.db's checklist runs and item states. */
const PROGRESS_SQL = {
  run: `SELECT ${RUN_COLUMNS} FROM progress_runs WHERE id = ?`,
  runsOfPage: `SELECT ${RUN_COLUMNS} FROM progress_runs WHERE page_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC`,
  allRuns: `SELECT ${RUN_COLUMNS} FROM progress_runs WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC`,
  insertRun: 'INSERT INTO progress_runs (page_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
  rename: 'UPDATE progress_runs SET name = ?, updated_at = ? WHERE id = ?',
  archive: 'UPDATE progress_runs SET archived = ?, updated_at = ? WHERE id = ?',
  setDeleted: 'UPDATE progress_runs SET deleted_at = ? WHERE id = ?',
  touch: 'UPDATE progress_runs SET updated_at = ? WHERE id = ?',
  items: `SELECT ${ITEM_COLUMNS} FROM progress_items WHERE run_id = ?`,
  statesOfRuns: `SELECT i.run_id AS runId, i.item_key AS key, i.state FROM progress_items i
      JOIN progress_runs r ON r.id = i.run_id WHERE r.deleted_at IS NULL`,
  item: `SELECT ${ITEM_COLUMNS} FROM progress_items WHERE run_id = ? AND item_key = ?`,
  upsertItem: `INSERT INTO progress_items (run_id, item_key, state, note, item_text, section_slug, match_kind, updated_at)
      VALUES (@runId, @key, @state, @note, @text, @sectionSlug, 'exact', @now)
      ON CONFLICT (run_id, item_key) DO UPDATE SET state = excluded.state, note = excluded.note,
        item_text = excluded.item_text, section_slug = excluded.section_slug, updated_at = excluded.updated_at`,
  rekey: `UPDATE progress_items SET item_key = @to, item_text = @text, section_slug = @sectionSlug, match_kind = @match
      WHERE run_id = @runId AND item_key = @from`,
} as const;

/** SQL over user.db's checklist runs and item states. */
export class ProgressRepository {
  private readonly s: Statements<typeof PROGRESS_SQL>;

  constructor(private readonly db: Database) {
    this.s = prepareAll(db, PROGRESS_SQL);
  }

  /** Runs `fn` in one transaction (a change is all or nothing). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  findRun(id: number): RunRow | null {
    return toRun(this.s.run.get(id) as RawRun | undefined);
  }

  listRunsOfPage(pageId: PageId): RunRow[] {
    return (this.s.runsOfPage.all(pageId) as RawRun[]).map((r) => toRun(r)!);
  }

  listRuns(): RunRow[] {
    return (this.s.allRuns.all() as RawRun[]).map((r) => toRun(r)!);
  }

  insertRun(pageId: PageId, name: string, now: string): number {
    return Number(this.s.insertRun.run(pageId, name, now, now).lastInsertRowid);
  }

  updateName(id: number, name: string, now: string): void {
    this.s.rename.run(name, now, id);
  }

  updateArchived(id: number, archived: boolean, now: string): void {
    this.s.archive.run(archived ? 1 : 0, now, id);
  }

  /** Marks a run deleted (`at`) or brings it back (null). */
  updateDeleted(id: number, at: string | null): void {
    this.s.setDeleted.run(at, id);
  }

  touchRun(id: number, now: string): void {
    this.s.touch.run(now, id);
  }

  listItems(runId: number): ItemProgress[] {
    return this.s.items.all(runId) as ItemProgress[];
  }

  /** Every saved item's key and state, by run (runs not deleted): what counts need, no texts or notes. */
  listStatesOfRuns(): Map<number, { key: string; state: ItemState }[]> {
    const out = new Map<number, { key: string; state: ItemState }[]>();
    for (const row of this.s.statesOfRuns.all() as { runId: number; key: string; state: ItemState }[]) {
      let list = out.get(row.runId);
      if (!list) out.set(row.runId, (list = []));
      list.push({ key: row.key, state: row.state });
    }
    return out;
  }

  findItem(runId: number, key: string): ItemProgress | null {
    return (this.s.item.get(runId, key) as ItemProgress | undefined) ?? null;
  }

  upsertItem(
    runId: number,
    item: { key: string; state: ItemState; note: string; text: string; sectionSlug: string },
    now: string,
  ): void {
    this.s.upsertItem.run({ runId, ...item, now });
  }

  /** Moves a saved state to the item it was re-matched to. */
  rekeyItem(
    runId: number,
    from: string,
    to: { key: string; text: string; sectionSlug: string; match: MatchKind },
  ): void {
    this.s.rekey.run({
      runId,
      from,
      to: to.key,
      text: to.text,
      sectionSlug: to.sectionSlug,
      match: to.match,
    });
  }
}
