import type { ItemProgress, ProgressCount } from './contract';
import type { ChecklistItem } from './domain';

/** x of y over the given items: n/a items leave the total; an item without a state is to do. */
export function countProgress(
  items: Iterable<Pick<ChecklistItem, 'key'>>,
  states: Record<string, Pick<ItemProgress, 'state'> | undefined>,
): ProgressCount {
  const count: ProgressCount = { done: 0, total: 0, inProgress: 0, blocked: 0, notApplicable: 0 };
  for (const it of items) {
    const state = states[it.key]?.state ?? 'todo';
    if (state === 'n/a') {
      count.notApplicable++;
      continue;
    }
    count.total++;
    if (state === 'done') count.done++;
    else if (state === 'in-progress') count.inProgress++;
    else if (state === 'blocked') count.blocked++;
  }
  return count;
}
