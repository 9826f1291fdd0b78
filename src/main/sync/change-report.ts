import type { ChangedFile, GuideChange, SyncReport, TierMove } from '../../shared/contract/sync';
import type { FileState } from './sync-repository';

/**
 * Counts, for one changed guide or checklist page, how many of the user's checklist items
 * were re-matched or orphaned. Provided by progress tracking when it exists (wired by the
 * composition root); sync itself never opens user.db.
 */
export type ChecklistRematch = (change: GuideChange) => { rematched: number; orphaned: number } | null;

export type ChangeParts = Pick<
  SyncReport,
  'added' | 'changed' | 'removed' | 'tierMoves' | 'files' | 'guides'
>;

/** What differs between two generations' file states (keyed by docs path). */
export function describeChanges(
  before: Map<string, FileState>,
  after: Map<string, FileState>,
  rematch?: ChecklistRematch,
): ChangeParts {
  const files: ChangedFile[] = [];
  const tierMoves: TierMove[] = [];
  const guides: GuideChange[] = [];
  const note = (s: FileState, change: ChangedFile['change']) => {
    const file = { id: s.id, title: s.title, change };
    files.push(file);
    if (s.guide || s.checklistItems > 0) {
      const g: GuideChange = { ...file, checklistItems: s.checklistItems, rematched: null, orphaned: null };
      const counts = rematch?.(g);
      if (counts) Object.assign(g, counts);
      guides.push(g);
    }
  };
  for (const [path, now] of after) {
    const was = before.get(path);
    if (!was) note(now, 'added');
    else if (was.sha !== now.sha) note(now, 'changed');
    if (was && was.tier !== now.tier) tierMoves.push({ id: now.id, from: was.tier, to: now.tier });
  }
  for (const [path, was] of before) if (!after.has(path)) note(was, 'removed');
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  files.sort(byId);
  tierMoves.sort(byId);
  guides.sort(byId);
  const ids = (change: ChangedFile['change']) => files.filter((f) => f.change === change).map((f) => f.id);
  return { added: ids('added'), changed: ids('changed'), removed: ids('removed'), tierMoves, files, guides };
}
