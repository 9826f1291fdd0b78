import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DiffLine, SyncProgress, SyncReport, SyncStatus } from '../../../shared/contract';
import { api } from '../api';
import { useContentStore } from './content';
import { messageOf } from './errors';

/** The user setting (user.db) that asks for a check at start-up; off unless the user turns it on. */
export const CHECK_ON_START = 'sync.checkOnStart';

/** How often the running update's progress is asked for. */
const POLL_MS = 250;
/** The longest a lost update request is followed before giving up on it. */
const SETTLE_LIMIT_MS = 15 * 60_000;

/** Content updates: check, update with progress and cancel, the last report, revert. */
export const useUpdatesStore = defineStore('updates', () => {
  const status = ref<SyncStatus | null>(null);
  const progress = ref<SyncProgress | null>(null);
  const report = ref<SyncReport | null>(null);
  const busy = ref<'checking' | 'updating' | 'reverting' | null>(null);
  const error = ref<string | null>(null);
  const notice = ref<string | null>(null);
  const diffs = ref<Record<string, DiffLine[] | 'loading' | { error: string }>>({});

  const updateAvailable = computed(() => status.value?.updateAvailable === true);

  async function refresh(): Promise<void> {
    try {
      status.value = await api.sync.getStatus();
      report.value = await api.sync.lastReport();
    } catch (e) {
      error.value = messageOf(e);
    }
  }

  async function run<T>(kind: NonNullable<typeof busy.value>, job: () => Promise<T>): Promise<T | null> {
    if (busy.value) return null;
    busy.value = kind;
    error.value = null;
    notice.value = null;
    try {
      return await job();
    } catch (e) {
      error.value = messageOf(e);
      return null;
    } finally {
      busy.value = null;
      await refresh();
    }
  }

  async function check(): Promise<void> {
    const r = await run('checking', () => api.sync.check());
    if (r) notice.value = r.upToDate ? 'The content is up to date.' : 'An update is available.';
  }

  /** After an update or revert, the reader shows the new content. */
  async function applied(r: SyncReport | null): Promise<void> {
    if (!r) return;
    report.value = r;
    diffs.value = {};
    if (r.upToDate) {
      notice.value = 'The content is up to date.';
      return;
    }
    const content = useContentStore();
    await content.load();
    if (content.pages.length > 0) content.pages = await api.content.listPages();
  }

  /**
   * Waits for the server's running update to end and returns its last progress. Over HTTP a
   * long update can outlive its request (the server's request timeout); the update goes on.
   */
  async function settle(): Promise<SyncProgress | null> {
    for (let waited = 0; waited < SETTLE_LIMIT_MS; waited += POLL_MS * 2) {
      try {
        if (!(await api.sync.getStatus()).running) return await api.sync.getProgress();
      } catch {
        // the server is busy applying: ask again
      }
      await new Promise((r) => setTimeout(r, POLL_MS * 2));
    }
    return null;
  }

  async function update(): Promise<void> {
    progress.value = null;
    const timer = setInterval(() => {
      void api.sync
        .getProgress()
        .then((p) => (progress.value = p))
        .catch(() => undefined);
    }, POLL_MS);
    try {
      const r = await run('updating', async () => {
        try {
          return await api.sync.update();
        } catch (e) {
          const end = await settle();
          if (end?.phase === 'done') return api.sync.lastReport();
          throw end?.error ? new Error(end.error) : e;
        }
      });
      await applied(r);
    } finally {
      clearInterval(timer);
      progress.value = await api.sync.getProgress().catch(() => null);
    }
  }

  function cancel(): Promise<void> {
    return api.sync.cancel();
  }

  async function revert(): Promise<void> {
    await applied(await run('reverting', () => api.sync.revert()));
  }

  /** At start-up: reads the status, and checks when the user asked for it and the machine is online. */
  async function startUp(checkWanted: boolean): Promise<void> {
    await refresh();
    if (checkWanted && navigator.onLine) await check();
  }

  /** Sets, replaces or (null) removes the GitHub token; the next check or update uses it. */
  async function saveToken(token: string | null): Promise<boolean> {
    error.value = null;
    notice.value = null;
    try {
      await api.sync.setToken(token);
      notice.value = token === null ? 'The token is removed.' : 'The token is saved; the next check uses it.';
      await refresh();
      return true;
    } catch (e) {
      error.value = messageOf(e);
      return false;
    }
  }

  async function loadDiff(id: string): Promise<void> {
    if (diffs.value[id] && diffs.value[id] !== 'loading' && !('error' in (diffs.value[id] as object))) return;
    diffs.value = { ...diffs.value, [id]: 'loading' };
    try {
      diffs.value = { ...diffs.value, [id]: await api.sync.fileDiff(id) };
    } catch (e) {
      diffs.value = { ...diffs.value, [id]: { error: messageOf(e) } };
    }
  }

  return {
    status,
    progress,
    report,
    busy,
    error,
    notice,
    diffs,
    updateAvailable,
    refresh,
    startUp,
    check,
    update,
    cancel,
    revert,
    saveToken,
    loadDiff,
  };
});
