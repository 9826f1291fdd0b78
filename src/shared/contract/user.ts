import type { PageId } from '../domain';
import type { ExportDocument } from './files';

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

/** How an imported backup meets the data already there. */
export const USER_DATA_IMPORT_MODES = ['merge', 'replace'] as const;
export type UserDataImportMode = (typeof USER_DATA_IMPORT_MODES)[number];

/** What an import of a user-data backup did. */
export interface UserDataImport {
  mode: UserDataImportMode;
  /** When the imported backup was taken (as written in the file). */
  exportedAt: string;
  /** Rows imported, by user.db table (bookmarks, history, reading_state, settings, progress_runs…). */
  counts: Record<string, number>;
  /** The automatic backup of the data as it was just before the import. */
  backupFile: string;
}

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
  /**
   * Every table of user.db as one versioned JSON backup (the file `dstudio user export`
   * writes), ready for `files.saveExport`: the way to move to a new laptop.
   */
  exportAllData(): Promise<ExportDocument>;
  /**
   * Imports a backup file's text (`dstudio user import`): validated first, the current data
   * backed up, then applied in one transaction. `merge` keeps what is here (the backup wins
   * on the same key); `replace` empties every table first. A bad file is a clear error and
   * changes nothing.
   */
  importAllData(text: string, mode: UserDataImportMode): Promise<UserDataImport>;
}
