import type { Database } from 'better-sqlite3';
import type { PageId } from '../../shared/domain';

/** Which pages of content.db link to a page (the links table the importer writes). */
export class PageLinksRepository {
  private readonly linkingTo;

  constructor(db: Database) {
    // No index on target_id: this runs once per report composer opened, over one table scan.
    this.linkingTo = db.prepare<[string], { id: PageId }>(
      `SELECT DISTINCT p.id AS id FROM links l JOIN pages p ON p.no = l.page_no
       WHERE l.target_id = ? AND l.broken = 0`,
    );
  }

  /** The ids of the pages with a working link to `pageId`. */
  findPagesLinkingTo(pageId: PageId): PageId[] {
    return this.linkingTo.all(pageId).map((row) => row.id);
  }
}
