import type { Database, Statement } from 'better-sqlite3';
import type { Checklist, ChecklistSource, PageId } from '../../shared/domain';

interface ItemRow {
  listId: number;
  sectionSlug: string;
  sectionTitle: string;
  source: ChecklistSource;
  key: string;
  text: string;
  authorChecked: number;
  line: number | null;
  grp: string | null;
}

/** SQL over content.db's checklists: what a page asks the user to do, as of the loaded content. */
export class ChecklistRepository {
  private readonly s: Record<'items' | 'title' | 'titles', Statement>;

  constructor(db: Database) {
    this.s = {
      items:
        db.prepare(`SELECT c.id AS listId, c.section_slug AS sectionSlug, c.section_title AS sectionTitle,
          c.source, i.key, i.text, i.author_checked AS authorChecked, i.line, i.group_name AS grp
        FROM checklists c JOIN checklist_items i ON i.checklist_id = c.id
        WHERE c.page_id = ? ORDER BY c.ord, i.ord`),
      title: db.prepare('SELECT title FROM pages WHERE id = ?').pluck(),
      titles: db.prepare('SELECT id, title FROM pages'),
    };
  }

  /** The page's title, or null when it is not in the content. */
  findTitle(pageId: PageId): string | null {
    return (this.s.title.get(pageId) as string | undefined) ?? null;
  }

  /** Every page's title by id (one query for a list of runs). */
  allTitles(): Map<PageId, string> {
    const rows = this.s.titles.all() as { id: PageId; title: string }[];
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /** The page's checklists in page order. */
  findByPage(pageId: PageId): Checklist[] {
    const lists = new Map<number, Checklist>();
    for (const r of this.s.items.all(pageId) as ItemRow[]) {
      let list = lists.get(r.listId);
      if (!list)
        lists.set(
          r.listId,
          (list = {
            pageId,
            sectionSlug: r.sectionSlug,
            sectionTitle: r.sectionTitle,
            source: r.source,
            items: [],
          }),
        );
      list.items.push({
        key: r.key,
        text: r.text,
        authorChecked: r.authorChecked === 1,
        line: r.line,
        group: r.grp,
      });
    }
    return [...lists.values()];
  }
}
