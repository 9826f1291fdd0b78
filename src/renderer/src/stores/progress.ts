import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  ExportFormat,
  ItemChange,
  ItemProgress,
  PageProgress,
  ProgressCount,
  RunSummary,
} from '../../../shared/contract';
import type { ChecklistItem, PageId } from '../../../shared/domain';
import { countProgress } from '../../../shared/progress-count';
import { api } from '../api';
import { saveExport } from '../save-export';
import { messageOf } from './errors';

/** A change of one item's fields (absent ones keep their value). */
type ItemChangeFields = Pick<ItemChange, 'state' | 'note'>;

interface Unsaved {
  page: PageProgress;
  runId: number | null;
  itemKey: string;
  change: ItemChangeFields;
  /** The item as saved before this change (undefined: never set), shown again if the change is refused. */
  saved: ItemProgress | undefined;
}

/** A page's checklist items in page order, with their section: built once per loaded page. */
const pageItems = new WeakMap<PageProgress['checklists'], (ChecklistItem & { sectionSlug: string })[]>();
function itemsOf(p: PageProgress): (ChecklistItem & { sectionSlug: string })[] {
  let items = pageItems.get(p.checklists);
  if (!items) {
    items = p.checklists.flatMap((l) => l.items.map((it) => ({ ...it, sectionSlug: l.sectionSlug })));
    pageItems.set(p.checklists, items);
  }
  return items;
}

/** Checklist runs and item states: the page's checklists with one run, and every run for "My migrations". */
export const useProgressStore = defineStore('progress', () => {
  const page = ref<PageProgress | null>(null);
  const runs = ref<RunSummary[]>([]);
  const runsLoaded = ref(false);
  const error = ref<string | null>(null);
  /** The run just deleted, for its undo. */
  const deleted = ref<RunSummary | null>(null);
  const exported = ref<string | null>(null);

  /** Progress per section (by heading id) of the run shown, n/a excluded. */
  const sectionProgress = computed(() => {
    const out: Record<string, ProgressCount> = {};
    const p = page.value;
    if (!p) return out;
    const slugs = new Set(p.checklists.map((l) => l.sectionSlug));
    for (const slug of slugs)
      out[slug] = countProgress(
        p.checklists.filter((l) => l.sectionSlug === slug).flatMap((l) => l.items),
        p.items,
      );
    return out;
  });

  const itemCount = computed(() => (page.value ? itemsOf(page.value).length : 0));

  /** The run to show when its page opens next ("My migrations" links to a run, not just a page). */
  let preferred: { pageId: PageId; runId: number } | null = null;
  function preferRun(pageId: PageId, runId: number): void {
    preferred = { pageId, runId };
  }

  async function loadPage(pageId: PageId, runId: number | null = null): Promise<void> {
    if (runId === null && preferred?.pageId === pageId) runId = preferred.runId;
    preferred = null;
    try {
      // What is loaded then holds every change already painted.
      await settled();
      page.value = await api.progress.getPage(pageId, runId);
      error.value = null;
    } catch (e) {
      page.value = null;
      error.value = `Could not load this page's checklists: ${messageOf(e)}`;
    }
  }

  /**
   * Changes painted but not saved yet, by page and item: sent one at a time in click order,
   * and a later change of the same item replaces an unsent one, so the last change wins on
   * screen and in user.db. `saved` is the item as last saved, for the rollback.
   */
  const unsaved = new Map<string, Unsaved>();
  let saving: Promise<void> | null = null;

  /** Resolves once every painted change has been answered. */
  async function settled(): Promise<void> {
    while (saving) await saving;
  }

  /** Shows `items` on page `p` now, and the run's x of y from what is shown. */
  function show(p: PageProgress, items: Record<string, ItemProgress | undefined>, run = p.run): void {
    const next = { ...p.items };
    for (const [key, item] of Object.entries(items)) {
      if (item) next[key] = item;
      else delete next[key];
    }
    p.items = next;
    if (!run) return;
    const shown = { ...run, count: countProgress(itemsOf(p), next) };
    p.run = shown;
    p.runs = [shown, ...p.runs.filter((r) => r.id !== shown.id)];
  }

  /**
   * Sets an item's state and/or note: painted at once, then saved (the page's first change
   * creates its run). A change the main side refuses is rolled back with a message.
   */
  function setItem(itemKey: string, change: ItemChangeFields): Promise<void> {
    const p = page.value;
    const item = p && itemsOf(p).find((i) => i.key === itemKey);
    if (!p || !item) return Promise.resolve();
    const id = `${p.pageId}\u0000${itemKey}`;
    const before = p.items[itemKey];
    const wanted = { ...unsaved.get(id)?.change, ...change };
    unsaved.set(id, {
      page: p,
      runId: p.run?.id ?? null,
      itemKey,
      change: wanted,
      saved: unsaved.get(id)?.saved ?? before,
    });
    show(p, {
      [itemKey]: {
        key: itemKey,
        state: change.state ?? before?.state ?? 'todo',
        note: change.note ?? before?.note ?? '',
        updatedAt: new Date().toISOString(),
        text: item.text,
        sectionSlug: item.sectionSlug,
        match: before?.match ?? 'exact',
      },
    });
    saving ??= saveAll().finally(() => (saving = null));
    return saving;
  }

  /** Sends the unsaved changes, oldest first, one at a time (see `unsaved`). */
  async function saveAll(): Promise<void> {
    for (let next = unsaved.entries().next(); !next.done; next = unsaved.entries().next()) {
      const [id, u] = next.value;
      unsaved.delete(id);
      try {
        const { run, item } = await api.progress.setItem({
          pageId: u.page.pageId,
          runId: u.runId,
          itemKey: u.itemKey,
          ...u.change,
        });
        error.value = null;
        const later = unsaved.get(id);
        if (later) later.saved = item;
        // A page loaded since shows what was saved; a later change of this item is already shown.
        if (page.value === u.page) show(u.page, later ? {} : { [u.itemKey]: item }, run);
      } catch (e) {
        // Changes of this item made after the refused one built on it: they go too.
        unsaved.delete(id);
        if (page.value === u.page) show(u.page, { [u.itemKey]: u.saved });
        error.value = `Could not save the change, the item is back to its saved state: ${messageOf(e)}`;
      }
    }
  }

  function toggleDone(itemKey: string): Promise<void> {
    const done = page.value?.items[itemKey]?.state === 'done';
    return setItem(itemKey, { state: done ? 'todo' : 'done' });
  }

  async function act<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
    try {
      const value = await fn();
      error.value = null;
      return value;
    } catch (e) {
      error.value = `Could not ${what}: ${messageOf(e)}`;
      return null;
    }
  }

  async function selectRun(runId: number): Promise<void> {
    if (page.value) await loadPage(page.value.pageId, runId);
  }

  async function createRun(name: string): Promise<void> {
    const p = page.value;
    if (!p) return;
    const run = await act('start a run', () => api.progress.createRun(p.pageId, name));
    if (run) await loadPage(p.pageId, run.id);
  }

  async function renameRun(runId: number, name: string): Promise<void> {
    const run = await act('rename the run', () => api.progress.renameRun(runId, name));
    if (run) await refresh(run.id);
  }

  async function archiveRun(runId: number, archived: boolean): Promise<void> {
    const run = await act('archive the run', () => api.progress.archiveRun(runId, archived));
    if (run) await refresh(run.id);
  }

  async function deleteRun(run: RunSummary): Promise<void> {
    const ok = await act('delete the run', () => api.progress.deleteRun(run.id));
    if (ok === null) return;
    deleted.value = run;
    await refresh(null);
  }

  async function undoDelete(): Promise<void> {
    const run = deleted.value;
    if (!run) return;
    const back = await act('restore the run', () => api.progress.restoreRun(run.id));
    deleted.value = null;
    if (back) await refresh(back.id);
  }

  /** Reloads what is on screen: the page's checklists (with `runId`) and the list of runs. */
  async function refresh(runId: number | null): Promise<void> {
    if (page.value) await loadPage(page.value.pageId, runId);
    if (runsLoaded.value) await loadRuns();
  }

  async function exportRun(runId: number, format: ExportFormat): Promise<void> {
    const doc = await act('export the run', () => api.progress.exportRun(runId, format));
    if (!doc) return;
    const outcome = await act('save the export', () => saveExport(doc));
    exported.value =
      outcome?.kind === 'saved'
        ? `Saved to ${outcome.path}`
        : outcome?.kind === 'download'
          ? `Downloaded ${doc.suggestedName}`
          : null;
  }

  /** Texts of runs' blocked items, by run id: fetched when a run's blocked list is opened. */
  const blocked = ref<Record<number, string[]>>({});
  async function loadBlocked(runId: number): Promise<void> {
    const texts = await act('list the blocked items', () => api.progress.listBlocked(runId));
    if (texts) blocked.value = { ...blocked.value, [runId]: texts };
  }

  /** Fetches every run; the list already held stays on screen meanwhile (a second visit opens at once). */
  async function loadRuns(): Promise<void> {
    const list = await act('list your runs', () => api.progress.listRuns());
    if (list) runs.value = list;
    runsLoaded.value = true;
  }

  return {
    page,
    runs,
    runsLoaded,
    error,
    deleted,
    exported,
    itemCount,
    sectionProgress,
    loadPage,
    preferRun,
    setItem,
    toggleDone,
    selectRun,
    createRun,
    renameRun,
    archiveRun,
    deleteRun,
    undoDelete,
    exportRun,
    loadRuns,
    blocked,
    loadBlocked,
  };
});
