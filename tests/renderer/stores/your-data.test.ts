import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { callsOf, unexpected, useFakeApi } from '../fake-api';
import { describeCounts, useYourDataStore } from '../../../src/renderer/src/stores/your-data';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

beforeEach(() => setActivePinia(createPinia()));

/** What the rest of the app reloads after an import. */
const reloads = {
  user: { listBookmarks: async () => [], listReadPageIds: async () => [], getSettings: async () => ({}) },
  progress: { listRuns: async () => [] },
};

describe('your-data store', () => {
  it('imports the picked file through user.importAllData, then reloads what the app shows', async () => {
    const result = {
      mode: 'replace' as const,
      exportedAt: '2026-01-01T00:00:00.000Z',
      counts: { bookmarks: 2, progress_runs: 1, history: 0 },
      backupFile: '/x/backups/user-1.db',
    };
    useFakeApi({
      user: { ...reloads.user, importAllData: async () => result },
      progress: reloads.progress,
    });
    const store = useYourDataStore();
    await store.importFile(new File(['{"format":"dstudio-user-data"}'], 'backup.json'), 'replace');
    expect(callsOf('user', 'importAllData')).toEqual([['{"format":"dstudio-user-data"}', 'replace']]);
    expect(store.imported).toEqual(result);
    expect(store.error).toBeNull();
    expect(callsOf('user', 'listBookmarks')).toHaveLength(1);
    expect(callsOf('progress', 'listRuns')).toHaveLength(1);
    expect(unexpected).toEqual([]);
  });

  it('says which file could not be imported and why', async () => {
    useFakeApi({
      user: {
        importAllData: async () => {
          throw new Error(
            'This is not a DStudio user-data backup. Nothing was imported; your data is unchanged.',
          );
        },
      },
    });
    const store = useYourDataStore();
    await store.importFile(new File(['{}'], 'notes.json'), 'merge');
    expect(store.error).toMatch(
      /^Could not import notes\.json: This is not a DStudio user-data backup.*unchanged/,
    );
    expect(store.imported).toBeNull();
    expect(store.failed).toBe('import');
    store.clearOutcome();
    expect(store.error).toBeNull();
  });

  it('names the counts in words, leaving out empty tables', () => {
    expect(describeCounts({ bookmarks: 1, history: 0, progress_items: 12, report_drafts: 2 })).toBe(
      '1 bookmark, 12 checklist item states, 2 report drafts',
    );
    expect(describeCounts({ bookmarks: 0 })).toBe('nothing (the backup was empty)');
  });
});
