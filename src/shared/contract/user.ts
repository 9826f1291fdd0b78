import type { PageId } from '../domain';

export interface Bookmark {
  pageId: PageId;
  anchor: string | null;
  title: string;
  createdAt: string;
}

export interface HistoryEntry {
  pageId: PageId;
  title: string;
  visitedAt: string;
}

export interface ReadingState {
  pageId: PageId;
  read: boolean;
  scrollRatio: number;
  updatedAt: string;
}

/** JSON value of a setting. */
export type SettingValue =
  string | number | boolean | null | SettingValue[] | { [key: string]: SettingValue };

/** The user's own data: lives in user.db, never written by import or sync. */
export interface UserApi {
  /** Bookmarks, newest first. */
  listBookmarks(): Promise<Bookmark[]>;
  /** Adds (or updates) a bookmark on a page. */
  addBookmark(pageId: PageId, title: string, anchor: string | null): Promise<Bookmark>;
  /** Removes a bookmark; removing a missing one is not an error. */
  removeBookmark(pageId: PageId): Promise<void>;
  /** Records that a page was opened. */
  recordVisit(pageId: PageId, title: string): Promise<void>;
  /** Recent visits, newest first. */
  listHistory(limit: number): Promise<HistoryEntry[]>;
  /** Reading state (read marker, scroll position) of a page, or null. */
  getReadingState(pageId: PageId): Promise<ReadingState | null>;
  /** Ids of every page marked as read (for the read markers of the tree and the catalogue). */
  listReadPageIds(): Promise<PageId[]>;
  /** Saves the read marker and/or scroll position of a page. */
  saveReadingState(pageId: PageId, state: { read?: boolean; scrollRatio?: number }): Promise<ReadingState>;
  /** All settings as a key → JSON value map. */
  getSettings(): Promise<Record<string, SettingValue>>;
  /** Sets one setting. */
  setSetting(key: string, value: SettingValue): Promise<void>;
}
