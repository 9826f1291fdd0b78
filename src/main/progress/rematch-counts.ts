import type { Database } from 'better-sqlite3';
import type { ChecklistRematch } from '../sync/change-report';
import { ChecklistRepository } from './checklist-repository';
import { ProgressRepository } from './progress-repository';
import { rematch } from './rematch';

/**
 * The sync change report's hook: for a changed guide, how many of the user's saved item
 * states (every live run of the page) now belong to an item whose key changed, and how many
 * found no item; null when the user saved nothing there. Only reads user.db — the states
 * move to their new keys when the page's progress is next opened. Runs inside the update's
 * transaction, so `contentDb` already shows the new checklists.
 */
export function checklistRematch(userDb: Database, contentDb: Database): ChecklistRematch {
  const runs = new ProgressRepository(userDb);
  const lists = new ChecklistRepository(contentDb);
  return (change) => {
    const current = lists
      .findByPage(change.id)
      .flatMap((l) => l.items.map((it) => ({ ...it, sectionSlug: l.sectionSlug })));
    let saved = 0;
    let rematched = 0;
    let orphaned = 0;
    for (const run of runs.listRunsOfPage(change.id)) {
      const items = runs.listItems(run.id);
      saved += items.length;
      const r = rematch(items, current);
      rematched += r.matched.filter((m) => m.kind !== 'exact').length;
      orphaned += r.orphaned.length;
    }
    return saved > 0 ? { rematched, orphaned } : null;
  };
}
