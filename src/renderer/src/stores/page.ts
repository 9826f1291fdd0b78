import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ReadingState } from '../../../shared/contract';
import type { Page, PageId } from '../../../shared/domain';
import { api } from '../api';
import { messageOf } from './errors';
import { latestAnswer } from './latest-answer';
import { useLibraryStore } from './library';

export type OpenOutcome =
  | { kind: 'shown' }
  | { kind: 'redirect'; id: PageId }
  | { kind: 'missing' }
  | { kind: 'error' }
  | { kind: 'stale' };

/** The page being read, its reading state, and how it was loaded. */
export const usePageStore = defineStore('page', () => {
  const page = ref<Page | null>(null);
  const readingState = ref<ReadingState | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const missingId = ref<PageId | null>(null);
  const answers = latestAnswer();

  let inflight: { id: PageId; outcome: Promise<OpenOutcome> } | null = null;

  /**
   * Loads a page by id or alias. An alias resolves to a `redirect` outcome so the
   * route can show the canonical id; a newer call makes an older one `stale`. Asking
   * again for the page already on its way shares that request (main.ts asks for the
   * first page before the page view exists, and the page view asks again).
   */
  function open(id: PageId): Promise<OpenOutcome> {
    if (inflight?.id === id) return inflight.outcome;
    const outcome = load(id);
    const mine = { id, outcome };
    inflight = mine;
    void outcome.finally(() => {
      if (inflight === mine) inflight = null;
    });
    return outcome;
  }

  async function load(id: PageId): Promise<OpenOutcome> {
    const mine = answers.next();
    if (page.value?.id === id) return { kind: 'shown' };
    loading.value = true;
    error.value = null;
    missingId.value = null;
    try {
      // One round trip: getPages resolves aliases itself, so a different id back means an alias.
      const [found, state] = await Promise.all([api.content.getPages([id]), api.user.getReadingState(id)]);
      if (!mine.isLatest()) return { kind: 'stale' };
      if (!found[0]) {
        page.value = null;
        missingId.value = id;
        return { kind: 'missing' };
      }
      if (found[0].id !== id) return { kind: 'redirect', id: found[0].id };
      page.value = found[0];
      readingState.value = state;
      if (state) useLibraryStore().noteRead(id, state.read);
      void useLibraryStore().recordVisit(id, found[0].title);
      return { kind: 'shown' };
    } catch (e) {
      if (!mine.isLatest()) return { kind: 'stale' };
      error.value = messageOf(e);
      page.value = null;
      return { kind: 'error' };
    } finally {
      if (mine.isLatest()) loading.value = false;
    }
  }

  async function setRead(read: boolean): Promise<void> {
    const current = page.value;
    if (!current) return;
    try {
      readingState.value = await api.user.saveReadingState(current.id, { read });
      useLibraryStore().noteRead(current.id, readingState.value.read);
    } catch (e) {
      error.value = `Could not save the read marker: ${messageOf(e)}`;
    }
  }

  /** Remembers how far down a page the reader is, to come back to it later. */
  async function saveScroll(pageId: PageId, scrollRatio: number): Promise<void> {
    const ratio = Math.min(1, Math.max(0, Number.isFinite(scrollRatio) ? scrollRatio : 0));
    try {
      const saved = await api.user.saveReadingState(pageId, { scrollRatio: ratio });
      if (page.value?.id === pageId) readingState.value = saved;
    } catch {
      /* losing a scroll position is not worth an error banner */
    }
  }

  function forget(): void {
    answers.invalidate();
    inflight = null;
    page.value = null;
    loading.value = false;
  }

  return { page, readingState, loading, error, missingId, open, setRead, saveScroll, forget };
});
