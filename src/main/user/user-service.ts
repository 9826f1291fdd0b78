import type { Database } from 'better-sqlite3';
import type { SettingValue, UserApi, UserDataImportMode } from '../../shared/contract';
import type { PageId } from '../../shared/domain';
import { exportUserDataDocument, importUserDataText } from './user-data-transfer';
import { UserRepository } from './user-repository';

/** Bookmarks, history, reading state and settings: the user's own data in user.db. */
export class UserService implements UserApi {
  private readonly repo: UserRepository;

  /** `backupDir`: where an import first backs up the data it may overwrite (see userBackupDir). */
  constructor(
    private readonly db: Database,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly backupDir: string | null = null,
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

  async exportAllData() {
    return exportUserDataDocument(this.db, new Date(this.now()));
  }

  async importAllData(text: string, mode: UserDataImportMode) {
    // Refused rather than imported without the backup the import promises.
    if (!this.backupDir) throw new Error('Importing needs a backup folder; none was configured.');
    return importUserDataText(this.db, this.backupDir, text, mode);
  }
}
