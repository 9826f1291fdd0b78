import { defineStore } from 'pinia';
import { ref } from 'vue';
import { saveExport } from '../save-export';
import { api } from '../api';
import { messageOf } from './errors';

/** Format tag of the export file, so a later import can tell what it reads. */
export const USER_EXPORT_FORMAT = 'dstudio-user-data/1';

/** "Export My Data": the user's own records from user.db in one JSON file they keep. */
export const useUserExportStore = defineStore('user-export', () => {
  const error = ref<string | null>(null);
  const savedTo = ref<string | null>(null);

  async function exportUserData(now: Date = new Date()): Promise<void> {
    try {
      const [bookmarks, history, settings, readPageIds] = await Promise.all([
        api.user.listBookmarks(),
        api.user.listHistory(100_000),
        api.user.getSettings(),
        api.user.listReadPageIds(),
      ]);
      const doc = {
        format: USER_EXPORT_FORMAT,
        exportedAt: now.toISOString(),
        bookmarks,
        history,
        readPageIds,
        settings,
      };
      const outcome = await saveExport({
        suggestedName: `dstudio-my-data-${now.toISOString().slice(0, 10)}.json`,
        mime: 'application/json',
        text: `${JSON.stringify(doc, null, 2)}\n`,
      });
      savedTo.value = outcome.kind === 'saved' ? outcome.path : null;
      error.value = null;
    } catch (e) {
      error.value = `Could not export your data: ${messageOf(e)}`;
    }
  }

  return { error, savedTo, exportUserData };
});
