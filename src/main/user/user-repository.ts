import type { Database } from 'better-sqlite3';
import { prepareAll, type Statements } from '../database/prepare-all';
import type { Bookmark, HistoryEntry, ReadingState, SettingValue } from '../../shared/contract';
import type { PageId } from '../../shared/domain';

const READING_COLUMNS = 'page_id AS pageId, read, scroll_ratio AS scrollRatio, updated_at AS updatedAt';

type ReadingRow = Omit<ReadingState, 'read'> & { read: number };

/** Every statement over user.db. */
const USER_SQL = {
  bookmarks:
    'SELECT page_id AS pageId, anchor, title, created_at AS createdAt FROM bookmarks ORDER BY created_at DESC, rowid DESC',
  upsertBookmark: `INSERT INTO bookmarks (page_id, anchor, title, created_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (page_id) DO UPDATE SET anchor = excluded.anchor, title = excluded.title`,
  bookmark:
    'SELECT page_id AS pageId, anchor, title, created_at AS createdAt FROM bookmarks WHERE page_id = ?',
  deleteBookmark: 'DELETE FROM bookmarks WHERE page_id = ?',
  insertVisit: 'INSERT INTO history (page_id, title, visited_at) VALUES (?, ?, ?)',
  // Keeps history bounded: only the newest visits are kept.
  trimHistory:
    'DELETE FROM history WHERE id <= (SELECT id FROM history ORDER BY id DESC LIMIT 1 OFFSET 5000)',
  history: `SELECT page_id AS pageId, title, max(visited_at) AS visitedAt FROM history
      GROUP BY page_id ORDER BY max(id) DESC LIMIT ?`,
  reading: `SELECT ${READING_COLUMNS} FROM reading_state WHERE page_id = ?`,
  readIds: 'SELECT page_id FROM reading_state WHERE read = 1 ORDER BY page_id',
  upsertReading: `INSERT INTO reading_state (page_id, read, scroll_ratio, updated_at) VALUES (@pageId, coalesce(@read, 0), coalesce(@scrollRatio, 0), @now)
      ON CONFLICT (page_id) DO UPDATE SET read = coalesce(@read, read), scroll_ratio = coalesce(@scrollRatio, scroll_ratio), updated_at = @now
      RETURNING ${READING_COLUMNS}`,
  settings: 'SELECT key, value FROM settings',
  upsertSetting:
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
} as const;

/** SQL over user.db: the user's own data. */
export class UserRepository {
  private readonly s: Statements<typeof USER_SQL>;

  constructor(db: Database) {
    this.s = prepareAll(db, USER_SQL);
  }

  listBookmarks(): Bookmark[] {
    return this.s.bookmarks.all() as Bookmark[];
  }

  upsertBookmark(pageId: PageId, title: string, anchor: string | null, now: string): Bookmark {
    this.s.upsertBookmark.run(pageId, anchor, title, now);
    return this.s.bookmark.get(pageId) as Bookmark;
  }

  deleteBookmark(pageId: PageId): void {
    this.s.deleteBookmark.run(pageId);
  }

  insertVisit(pageId: PageId, title: string, now: string): void {
    this.s.insertVisit.run(pageId, title, now);
    this.s.trimHistory.run();
  }

  recentVisits(limit: number): HistoryEntry[] {
    return this.s.history.all(limit) as HistoryEntry[];
  }

  findReadingState(pageId: PageId): ReadingState | null {
    const r = this.s.reading.get(pageId) as ReadingRow | undefined;
    return r ? { ...r, read: !!r.read } : null;
  }

  listReadPageIds(): PageId[] {
    return this.s.readIds.pluck().all() as PageId[];
  }

  upsertReadingState(
    pageId: PageId,
    read: boolean | undefined,
    scrollRatio: number | undefined,
    now: string,
  ): ReadingState {
    const r = this.s.upsertReading.get({
      pageId,
      read: read === undefined ? null : read ? 1 : 0,
      scrollRatio: scrollRatio ?? null,
      now,
    }) as ReadingRow;
    return { ...r, read: !!r.read };
  }

  allSettings(): Record<string, SettingValue> {
    const out: Record<string, SettingValue> = {};
    for (const r of this.s.settings.all() as { key: string; value: string }[])
      out[r.key] = JSON.parse(r.value) as SettingValue;
    return out;
  }

  upsertSetting(key: string, value: SettingValue): void {
    this.s.upsertSetting.run(key, JSON.stringify(value));
  }
}
