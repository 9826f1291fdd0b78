import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Bookmark } from '../../../src/shared/contract';
import { callsOf, unexpected, useFakeApi } from '../fake-api';
import { useLibraryStore } from '../../../src/renderer/src/stores/library';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

beforeEach(() => setActivePinia(createPinia()));

/** A user.db stand-in: bookmarks kept in a list, newest first. */
function bookmarkServer() {
  let list: Bookmark[] = [];
  return {
    listBookmarks: async () => list,
    addBookmark: async (pageId: string, title: string, anchor: string | null) => {
      const b = { pageId, title, anchor, createdAt: `t${list.length}` };
      list = [b, ...list.filter((x) => x.pageId !== pageId)];
      return b;
    },
    removeBookmark: async (pageId: string) => {
      list = list.filter((x) => x.pageId !== pageId);
    },
  };
}

describe('library store', () => {
  it('adds, lists, toggles and removes bookmarks through user.db', async () => {
    useFakeApi({ user: bookmarkServer() });
    const library = useLibraryStore();
    await library.loadBookmarks();
    expect(library.bookmarksLoaded).toBe(true);
    await library.toggleBookmark('a', 'A');
    await library.toggleBookmark('b', 'B');
    expect(library.bookmarks.map((b) => b.pageId)).toEqual(['b', 'a']);
    expect(library.bookmarkedIds.has('a')).toBe(true);
    await library.toggleBookmark('a', 'A');
    expect(library.bookmarks.map((b) => b.pageId)).toEqual(['b']);
    expect(callsOf('user', 'removeBookmark')).toEqual([['a']]);
    expect(unexpected).toEqual([]);
  });

  it('says when a bookmark could not be saved, and keeps the list as it was', async () => {
    useFakeApi({
      user: {
        listBookmarks: async () => [],
        addBookmark: async () => {
          throw new Error('disk full');
        },
      },
    });
    const library = useLibraryStore();
    await library.loadBookmarks();
    await library.addBookmark('a', 'A');
    expect(library.error).toBe('Could not add the bookmark: disk full');
    expect(library.bookmarks).toEqual([]);
  });

  it('loads the read markers and keeps them in step with the page view', async () => {
    useFakeApi({ user: { listReadPageIds: async () => ['a', 'b'] } });
    const library = useLibraryStore();
    await library.loadReadIds();
    expect([...library.readIds]).toEqual(['a', 'b']);
    const before = library.readIds;
    library.noteRead('a', true); // no change: same set kept, nothing re-renders
    expect(library.readIds).toBe(before);
    library.noteRead('a', false);
    library.noteRead('c', true);
    expect([...library.readIds].sort()).toEqual(['b', 'c']);
  });

  it('records visits as best effort: a failure does not surface', async () => {
    useFakeApi({
      user: {
        recordVisit: async () => {
          throw new Error('locked');
        },
      },
    });
    const library = useLibraryStore();
    await expect(library.recordVisit('a', 'A')).resolves.toBeUndefined();
    expect(library.error).toBeNull();
  });
});
