import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  ExportFormat,
  ItemState,
  PageProgress,
  ProgressCount,
  RunSummary,
} from '../../../shared/contract';
import type { PageId } from '../../../shared/domain';
import { countProgress } from '../../../shared/progress-count';
import { api } from '../api';
import { saveExport } from '../save-export';
import { messageOf } from './errors';

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

  const itemCount = computed(() => page.value?.checklists.reduce((n, l) => n + l.items.length, 0) ?? 0);

  /** The run to show when its page opens next ("My migrations" links to a run, not just a page). */
  let preferred: { pageId: PageId; runId: number } | null = null;
  function preferRun(pageId: PageId, runId: number): void {
    preferred = { pageId, runId };
  }

  async function loadPage(pageId: PageId, runId: number | null = null): Promise<void> {
    if (runId === null && preferred?.pageId === pageId) runId = preferred.runId;
    preferred = null;
    try {
      page.value = await api.progress.getPage(pageId, runId);
      error.value = null;
    } catch (e) {
      page.value = null;
      error.value = `Could not load this page's checklists: ${messageOf(e)}`;
    }
  }

  /** Sets an item's state and/or note; the page's first change creates its run. */
  async function setItem(itemKey: string, change: { state?: ItemState; note?: string }): Promise<void> {
    const p = page.value;
    if (!p) return;
    try {
      const { run, item } = await api.progress.setItem({
        pageId: p.pageId,
        runId: p.run?.id ?? null,
        itemKey,
        ...change,
      });
      if (page.value !== p) return;
      p.items = { ...p.items, [itemKey]: item };
      p.run = run;
      p.runs = [run, ...p.runs.filter((r) => r.id !== run.id)];
      error.value = null;
    } catch (e) {
      error.value = `Could not save the change: ${messageOf(e)}`;
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
  };
});
