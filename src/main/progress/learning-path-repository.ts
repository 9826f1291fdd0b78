import type { Database, Statement } from 'better-sqlite3';
import type { PageId } from '../../shared/domain';

/** Where the corpus keeps its learning paths: every page under it but the folder's index. */
export const LEARNING_PATH_PREFIX = 'architects-handbook/learning-paths/';

/** SQL over content.db (read only): the learning-path pages and the library pages each links. */
export class LearningPathRepository {
  private readonly s: Record<'paths' | 'links', Statement>;

  constructor(db: Database) {
    // `substr` rather than LIKE: page ids may hold `_` and `%`, LIKE's wildcards.
    const isPath = `substr(p.id, 1, ${LEARNING_PATH_PREFIX.length}) = '${LEARNING_PATH_PREFIX}' AND p.id <> '${LEARNING_PATH_PREFIX}index'`;
    this.s = {
      paths: db.prepare(`SELECT p.id, p.title FROM pages p WHERE ${isPath} ORDER BY p.title`),
      // Distinct pages a path links to, other than itself and the learning paths (the index and its siblings).
      links: db.prepare(`SELECT DISTINCT p.id AS pathId, l.target_id AS targetId
        FROM pages p JOIN links l ON l.page_no = p.no
        WHERE ${isPath} AND l.broken = 0 AND l.asset = 0 AND l.target_id IS NOT NULL
          AND substr(l.target_id, 1, ${LEARNING_PATH_PREFIX.length}) <> '${LEARNING_PATH_PREFIX}'
          AND l.target_id <> '${LEARNING_PATH_PREFIX.slice(0, -1)}'`),
    };
  }

  /** Every learning path with the library pages it links, in title order. */
  listWithLinks(): { id: PageId; title: string; linked: PageId[] }[] {
    const linked = new Map<PageId, PageId[]>();
    for (const row of this.s.links.all() as { pathId: PageId; targetId: PageId }[]) {
      const list = linked.get(row.pathId) ?? [];
      list.push(row.targetId);
      linked.set(row.pathId, list);
    }
    return (this.s.paths.all() as { id: PageId; title: string }[]).map((p) => ({
      ...p,
      linked: linked.get(p.id) ?? [],
    }));
  }
}
