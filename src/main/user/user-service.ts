import type { Database } from 'better-sqlite3';
import type { SettingValue, UserApi } from '../../shared/contract';
import type { PageId } from '../../shared/domain';
import { UserRepository } from './user-repository';

/** Bookmarks, history, reading state and settings: the user's own data in user.db. */
export class UserService implements UserApi {
  private readonly repo: UserRepository;

  constructor(
    db: Database,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.repo = new UserRepository(db);
  }

  async listBookmarks() {
    return this.repo.listBookmarks();
  }

  async addBookmark(pageId: PageId, title: string, anchor: string | null) {
    return this.repo.upsertBookmark(pageId, title, anchor, this.now());
  }

  async removeBookmark(pageId: PageId) {
    this.repo.deleteBookmark(pageId);
  }

  async recordVisit(pageId: PageId, title: string) {
    this.repo.insertVisit(pageId, title, this.now());
  }

  async listHistory(limit: number) {
    return this.repo.recentVisits(limit);
  }

  /** Page ids of the most recent visits, newest first (for the quick switcher). */
  recentPageIds(limit = 20): PageId[] {
    return this.repo.recentVisits(limit).map((h) => h.pageId);
  }

  async getReadingState(pageId: PageId) {
    return this.repo.findReadingState(pageId);
  }

  async listReadPageIds() {
    return this.repo.listReadPageIds();
  }

  async saveReadingState(pageId: PageId, state: { read?: boolean; scrollRatio?: number }) {
    return this.repo.upsertReadingState(pageId, state.read, state.scrollRatio, this.now());
  }

  async getSettings() {
    return this.repo.allSettings();
  }

  async setSetting(key: string, value: SettingValue) {
    this.repo.upsertSetting(key, value);
  }
}
