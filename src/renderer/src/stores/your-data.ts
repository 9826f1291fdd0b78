import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { UserDataImport, UserDataImportMode } from '../../../shared/contract';
import { api } from '../api';
import { saveExport } from '../save-export';
import { messageOf } from './errors';
import { useLibraryStore } from './library';
import { useProgressStore } from './progress';
import { useSettingsStore } from './settings';

/** How each user.db table of a backup is named to the user. */
const TABLE_LABELS: Record<string, [one: string, many: string]> = {
  bookmarks: ['bookmark', 'bookmarks'],
  history: ['history entry', 'history entries'],
  reading_state: ['reading state', 'reading states'],
  settings: ['setting', 'settings'],
  progress_runs: ['checklist run', 'checklist runs'],
  progress_items: ['checklist item state', 'checklist item states'],
  report_drafts: ['report draft', 'report drafts'],
};

/** "3 bookmarks, 1 checklist run, …" from an import's row counts (empty tables left out). */
export function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => {
      const [one, many] = TABLE_LABELS[table] ?? [table, table];
      return `${n} ${n === 1 ? one : many}`;
    });
  return parts.length ? parts.join(', ') : 'nothing (the backup was empty)';
}

/**
 * "Your data": the whole of user.db exported as one backup file and imported back (a new
 * laptop), through the same main-side code as `dstudio user export|import`.
 */
export const useYourDataStore = defineStore('your-data', () => {
  const busy = ref(false);
  const error = ref<string | null>(null);
  /** Which action the error is about, so it shows beside that action. */
  const failed = ref<'export' | 'import' | null>(null);
  /** Where the last export went ("Saved to …" / "Downloaded …"), or null. */
  const exported = ref<string | null>(null);
  const imported = ref<UserDataImport | null>(null);

  function fail(action: 'export' | 'import', message: string | null): void {
    error.value = message;
    failed.value = message === null ? null : action;
  }

  async function exportAll(): Promise<void> {
    busy.value = true;
    fail('export', null);
    try {
      const doc = await api.user.exportAllData();
      const outcome = await saveExport(doc);
      exported.value =
        outcome.kind === 'saved'
          ? `Saved to ${outcome.path}`
          : outcome.kind === 'download'
            ? `Downloaded ${doc.suggestedName}`
            : null;
    } catch (e) {
      fail('export', `Could not export your data: ${messageOf(e)}`);
    } finally {
      busy.value = false;
    }
  }

  async function importFile(file: File, mode: UserDataImportMode): Promise<void> {
    busy.value = true;
    imported.value = null;
    fail('import', null);
    try {
      imported.value = await api.user.importAllData(await file.text(), mode);
      // What the rest of the app shows came from the data just replaced or merged into.
      await Promise.all([
        useLibraryStore().loadBookmarks(),
        useLibraryStore().loadReadIds(),
        useSettingsStore().load(),
        useProgressStore().loadRuns(),
      ]);
    } catch (e) {
      fail('import', `Could not import ${file.name}: ${messageOf(e)}`);
    } finally {
      busy.value = false;
    }
  }

  /** Forgets the last outcome (a new file is being picked). */
  function clearOutcome(): void {
    imported.value = null;
    fail('import', null);
  }

  return { busy, error, failed, exported, imported, exportAll, importFile, clearOutcome };
});
