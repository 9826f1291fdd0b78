import type { Database } from 'better-sqlite3';
import type { ContentApi } from '../../shared/contract';
import type { Page, PageId } from '../../shared/domain';
import { ContentRepository } from './content-repository';

/** The reader's view of content.db. */
export class ContentService implements ContentApi {
  private readonly repo: ContentRepository;

  constructor(db: Database) {
    this.repo = new ContentRepository(db);
  }

  async getStatus() {
    return this.repo.status();
  }

  async listPages() {
    return this.repo.listSummaries();
  }

  async getPages(ids: PageId[]): Promise<Page[]> {
    const out: Page[] = [];
    for (const id of ids) {
      const target = this.resolve(id);
      const page = target ? this.repo.findPage(target) : null;
      if (page) out.push(page);
    }
    return out;
  }

  async getNav() {
    return this.repo.nav();
  }

  async resolveId(id: PageId) {
    return this.resolve(id);
  }

  private resolve(id: PageId): PageId | null {
    if (this.repo.hasPage(id)) return id;
    return this.repo.aliasTarget(id);
  }
}
