import type { Database } from 'better-sqlite3';
import {
  ApiError,
  type ItemChange,
  type ItemProgress,
  type PageProgress,
  type ProgressApi,
  type RunSummary,
  type ExportFormat,
} from '../../shared/contract';
import type { DataRecovery } from '../../shared/contract/progress';
import type { Checklist, ChecklistItem, PageId } from '../../shared/domain';
import { countProgress } from '../../shared/progress-count';
import { UserRepository } from '../user/user-repository';
import { ChecklistRepository } from './checklist-repository';
import { LearningPathRepository } from './learning-path-repository';
import { inProgress, learningPathProgress } from './learning-paths';
import { exportRun, type RunExport } from './progress-export';
import { ProgressRepository, type RunRow } from './progress-repository';
import { rematch } from './rematch';

/** A run's states set against the page's current items. */
interface RunState {
  items: Record<string, ItemProgress>;
  orphans: ItemProgress[];
}

/** A page's items with their section, in page order and by key. */
interface PageItems {
  current: (ChecklistItem & { sectionSlug: string })[];
  byKey: Map<string, ChecklistItem & { sectionSlug: string }>;
}

/**
 * Checklist runs and item states (user.db) over the checklists of the loaded content
 * (content.db). Saved states follow their items across content updates (see rematch).
 */
export class ProgressService implements ProgressApi {
  private readonly runs: ProgressRepository;
  private readonly lists: ChecklistRepository;
  private readonly pageItems = new WeakMap<Checklist[], PageItems>();
  private readonly paths: LearningPathRepository;
  private readonly reading: UserRepository;

  constructor(
    userDb: Database,
    contentDb: Database,
    private readonly now: () => string = () => new Date().toISOString(),
    private recovery: DataRecovery | null = null,
  ) {
    this.runs = new ProgressRepository(userDb);
    this.lists = new ChecklistRepository(contentDb);
    this.paths = new LearningPathRepository(contentDb);
    this.reading = new UserRepository(userDb);
  }

  private learningPaths() {
    return learningPathProgress(this.paths, this.reading.listReadPageIds());
  }

  async learningPath(pageId: PageId) {
    return this.learningPaths().find((p) => p.pageId === pageId) ?? null;
  }

  async learningPathsInProgress() {
    return inProgress(this.learningPaths());
  }

  private requirePage(pageId: PageId): { title: string; checklists: Checklist[] } {
    const title = this.lists.findTitle(pageId);
    if (title === null)
      throw new ApiError('not-found', `There is no page “${pageId}” in the loaded content.`);
    return { title, checklists: this.lists.findByPage(pageId) };
  }

  private requireRun(runId: number, deleted = false): RunRow {
    const run = this.runs.findRun(runId);
    if (!run || (run.deletedAt !== null) !== deleted)
      throw new ApiError('not-found', `There is no ${deleted ? 'deleted ' : ''}checklist run ${runId}.`);
    return run;
  }

  /** A page's items in page order with their section, and by key: built once per page, not per run (listRuns). */
  private itemsOf(checklists: Checklist[]): PageItems {
    let items = this.pageItems.get(checklists);
    if (!items) {
      const current = checklists.flatMap((l) => l.items.map((it) => ({ ...it, sectionSlug: l.sectionSlug })));
      items = { current, byKey: new Map(current.map((c) => [c.key, c])) };
      this.pageItems.set(checklists, items);
    }
    return items;
  }

  /**
   * Sets a run's saved states against the page's current items; states whose key
   * changed are moved to their re-matched item (in one transaction), the rest are orphans.
   */
  private stateOf(runId: number, checklists: Checklist[]): RunState {
    const saved = this.runs.listItems(runId);
    const { current, byKey } = this.itemsOf(checklists);
    const result = rematch(saved, current);
    const moves = result.matched.filter((m) => m.previousKey !== m.currentKey);
    if (moves.length)
      this.runs.transaction(() => {
        for (const m of moves) {
          const c = byKey.get(m.currentKey)!;
          this.runs.rekeyItem(runId, m.previousKey, { ...c, match: m.kind });
        }
      });
    const savedByKey = new Map(saved.map((s) => [s.key, s]));
    const items: Record<string, ItemProgress> = {};
    for (const m of result.matched) {
      const s = savedByKey.get(m.previousKey)!;
      const c = byKey.get(m.currentKey)!;
      items[m.currentKey] =
        m.kind === 'exact'
          ? s
          : { ...s, key: c.key, text: c.text, sectionSlug: c.sectionSlug, match: m.kind };
    }
    return { items, orphans: result.orphaned.map((k) => savedByKey.get(k)!) };
  }

  private summarise(
    run: RunRow,
    title: string | null,
    checklists: Checklist[],
    items: Record<string, Pick<ItemProgress, 'state'>>,
    orphaned: number,
  ): RunSummary {
    return {
      id: run.id,
      pageId: run.pageId,
      pageTitle: title,
      name: run.name,
      archived: run.archived,
      createdAt: run.createdAt,
      updatedAt: run.updatedAt,
      count: countProgress(this.itemsOf(checklists).current, items),
      orphaned,
    };
  }

  private summaryOfState(run: RunRow, title: string | null, checklists: Checklist[], state: RunState) {
    return this.summarise(run, title, checklists, state.items, state.orphans.length);
  }

  private summaryOf(run: RunRow): RunSummary {
    const title = this.lists.findTitle(run.pageId);
    const checklists = title === null ? [] : this.lists.findByPage(run.pageId);
    return this.summaryOfState(run, title, checklists, this.stateOf(run.id, checklists));
  }

  async getPage(pageId: PageId, runId: number | null): Promise<PageProgress> {
    const { title, checklists } = this.requirePage(pageId);
    const rows = this.runs.listRunsOfPage(pageId);
    const states = new Map(rows.map((r) => [r.id, this.stateOf(r.id, checklists)]));
    const runs = rows.map((r) => this.summaryOfState(r, title, checklists, states.get(r.id)!));
    let chosen = runId === null ? (runs.find((r) => !r.archived) ?? runs[0] ?? null) : null;
    if (runId !== null) {
      chosen = runs.find((r) => r.id === runId) ?? null;
      if (!chosen) throw new ApiError('not-found', `Checklist run ${runId} is not a run of “${pageId}”.`);
    }
    const state = chosen ? states.get(chosen.id)! : { items: {}, orphans: [] };
    return { pageId, checklists, runs, run: chosen, items: state.items, orphans: state.orphans };
  }

  async setItem(change: ItemChange): Promise<{ run: RunSummary; item: ItemProgress }> {
    const { title, checklists } = this.requirePage(change.pageId);
    const list = checklists.find((l) => l.items.some((it) => it.key === change.itemKey));
    const target = list?.items.find((it) => it.key === change.itemKey);
    if (!list || !target)
      throw new ApiError('not-found', `“${change.itemKey}” is not a checklist item of “${change.pageId}”.`);
    const now = this.now();
    const runId = this.runs.transaction(() => {
      let id = change.runId;
      if (id === null) id = this.runs.listRunsOfPage(change.pageId).find((r) => !r.archived)?.id ?? null;
      if (id === null) id = this.runs.insertRun(change.pageId, title, now);
      else if (this.requireRun(id).pageId !== change.pageId)
        throw new ApiError('not-found', `Checklist run ${id} is not a run of “${change.pageId}”.`);
      const before = this.runs.findItem(id, change.itemKey);
      this.runs.upsertItem(
        id,
        {
          key: change.itemKey,
          state: change.state ?? before?.state ?? 'todo',
          note: change.note ?? before?.note ?? '',
          text: target.text,
          sectionSlug: list.sectionSlug,
        },
        now,
      );
      this.runs.touchRun(id, now);
      return id;
    });
    const run = this.requireRun(runId);
    const state = this.stateOf(runId, checklists);
    return { run: this.summaryOfState(run, title, checklists, state), item: state.items[change.itemKey]! };
  }

  async listRuns(): Promise<RunSummary[]> {
    const titles = this.lists.allTitles();
    const checklistsOf = new Map<PageId, Checklist[]>();
    const statesOf = this.runs.listStatesOfRuns();
    return this.runs.listRuns().map((run) => {
      const title = titles.get(run.pageId) ?? null;
      let checklists = checklistsOf.get(run.pageId);
      if (!checklists)
        checklistsOf.set(run.pageId, (checklists = title === null ? [] : this.lists.findByPage(run.pageId)));
      const saved = statesOf.get(run.id) ?? [];
      const { byKey } = this.itemsOf(checklists);
      // Every saved key still on the page (the usual case): counted from keys and states alone,
      // without reading texts and notes; otherwise re-matched first, as getPage does.
      if (saved.every((s) => byKey.has(s.key)))
        return this.summarise(run, title, checklists, Object.fromEntries(saved.map((s) => [s.key, s])), 0);
      return this.summaryOfState(run, title, checklists, this.stateOf(run.id, checklists));
    });
  }

  async listBlocked(runId: number): Promise<string[]> {
    const { checklists, items } = this.runExport(runId);
    return checklists.flatMap((l) =>
      l.items.filter((it) => items[it.key]?.state === 'blocked').map((it) => it.text),
    );
  }

  async createRun(pageId: PageId, name: string): Promise<RunSummary> {
    this.requirePage(pageId);
    const id = this.runs.insertRun(pageId, name, this.now());
    return this.summaryOf(this.requireRun(id));
  }

  async renameRun(runId: number, name: string): Promise<RunSummary> {
    this.requireRun(runId);
    this.runs.updateName(runId, name, this.now());
    return this.summaryOf(this.requireRun(runId));
  }

  async archiveRun(runId: number, archived: boolean): Promise<RunSummary> {
    this.requireRun(runId);
    this.runs.updateArchived(runId, archived, this.now());
    return this.summaryOf(this.requireRun(runId));
  }

  async deleteRun(runId: number): Promise<void> {
    this.requireRun(runId);
    this.runs.updateDeleted(runId, this.now());
  }

  async restoreRun(runId: number): Promise<RunSummary> {
    this.requireRun(runId, true);
    this.runs.updateDeleted(runId, null);
    return this.summaryOf(this.requireRun(runId));
  }

  /** Everything an export of one run needs. */
  private runExport(runId: number): RunExport {
    const run = this.requireRun(runId);
    const title = this.lists.findTitle(run.pageId);
    const checklists = title === null ? [] : this.lists.findByPage(run.pageId);
    const state = this.stateOf(run.id, checklists);
    return { run: this.summaryOfState(run, title, checklists, state), checklists, ...state };
  }

  /** One run with its guide's checklists and states (read-only): what a report prefilled from a run reads. */
  runDetail(runId: number): RunExport {
    return this.runExport(runId);
  }

  async exportRun(runId: number, format: ExportFormat) {
    return exportRun([this.runExport(runId)], format);
  }

  async dataRecovery() {
    return this.recovery;
  }

  async dismissDataRecovery() {
    this.recovery = null;
  }

  /** Every run (or those named `name`) ready for export: the CLI's `progress` command. */
  exportRuns(format: ExportFormat, name?: string) {
    const runs = this.runs.listRuns().filter((r) => name === undefined || r.name === name);
    if (name !== undefined && !runs.length)
      throw new ApiError('not-found', `There is no checklist run named “${name}”.`);
    return exportRun(
      runs.map((r) => this.runExport(r.id)),
      format,
    );
  }
}
