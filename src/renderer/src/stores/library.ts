import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Bookmark, HistoryEntry } from '../../../shared/contract';
import type { PageId } from '../../../shared/domain';
import { api } from '../api';
import { messageOf } from './errors';

/** Bookmarks, reading history and read markers: the user's own data in user.db. */
export const useLibraryStore = defineStore('library', () => {
  const bookmarks = ref<Bookmark[]>([]);
  const history = ref<HistoryEntry[]>([]);
  const bookmarksLoaded = ref(false);
  const historyLoading = ref(false);
  const error = ref<string | null>(null);
  /** Pages visited in this session, most recent first (the quick switcher ranks them first). */
  const recentIds = ref<PageId[]>([]);
  /** Pages marked as read, for the markers in the tree and the catalogue. */
  const readIds = ref<ReadonlySet<PageId>>(new Set());

  const bookmarkedIds = computed(() => new Set(bookmarks.value.map((b) => b.pageId)));

  async function loadBookmarks(): Promise<void> {
    try {
      bookmarks.value = await api.user.listBookmarks();
      error.value = null;
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      bookmarksLoaded.value = true;
    }
  }

  async function addBookmark(pageId: PageId, title: string, anchor: string | null = null): Promise<void> {
    try {
      await api.user.addBookmark(pageId, title, anchor);
      await loadBookmarks();
    } catch (e) {
      error.value = `Could not add the bookmark: ${messageOf(e)}`;
    }
  }

  async function removeBookmark(pageId: PageId): Promise<void> {
    try {
      await api.user.removeBookmark(pageId);
      bookmarks.value = bookmarks.value.filter((b) => b.pageId !== pageId);
    } catch (e) {
      error.value = `Could not remove the bookmark: ${messageOf(e)}`;
    }
  }

  function toggleBookmark(pageId: PageId, title: string): Promise<void> {
    return bookmarkedIds.value.has(pageId) ? removeBookmark(pageId) : addBookmark(pageId, title);
  }

  async function loadHistory(limit = 200): Promise<void> {
    historyLoading.value = true;
    try {
      history.value = await api.user.listHistory(limit);
      error.value = null;
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      historyLoading.value = false;
    }
  }

  /** Records a visit; losing one history row is not worth interrupting the reader for. */
  async function recordVisit(pageId: PageId, title: string): Promise<void> {
    recentIds.value = [pageId, ...recentIds.value.filter((id) => id !== pageId)].slice(0, 50);
    try {
      await api.user.recordVisit(pageId, title);
    } catch {
      /* history is best effort */
    }
  }

  async function loadReadIds(): Promise<void> {
    try {
      readIds.value = new Set(await api.user.listReadPageIds());
    } catch {
      /* markers are a convenience: the page view still shows and sets its own */
    }
  }

  /** Keeps the markers in step after the page view saved a page's read state. */
  function noteRead(pageId: PageId, read: boolean): void {
    if (readIds.value.has(pageId) === read) return;
    const next = new Set(readIds.value);
    if (read) next.add(pageId);
    else next.delete(pageId);
    readIds.value = next;
  }

  return {
    bookmarks,
    history,
    bookmarksLoaded,
    historyLoading,
    error,
    bookmarkedIds,
    loadBookmarks,
    addBookmark,
    removeBookmark,
    toggleBookmark,
    loadHistory,
    recordVisit,
    recentIds,
    readIds,
    loadReadIds,
    noteRead,
  };
});
