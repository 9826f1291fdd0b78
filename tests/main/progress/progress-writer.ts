/**
 * Child process of progress-kill.test.ts: changes checklist item states in a loop through
 * the real ProgressService on real user.db/content.db files, printing `committed N` after
 * each change has been committed. The change numbered N is fully determined by N
 * (see changeOf), so the test knows which change was in flight when it killed this process.
 *
 * Usage: node --import tsx progress-writer.ts CONTENT_DB USER_DB PAGE_ID FIRST_N
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ITEM_STATES, type ItemState } from '../../../src/shared/contract/progress';
import { openContentDb, openUserDb } from '../../../src/main/database/connection';
import { ProgressService } from '../../../src/main/progress/progress-service';

/** The item, state and note of change number `n` over `keys`. */
export function changeOf(
  n: number,
  keys: readonly string[],
): { itemKey: string; state: ItemState; note: string } {
  return {
    itemKey: keys[n % keys.length]!,
    state: ITEM_STATES[n % ITEM_STATES.length]!,
    note: `change ${n}`,
  };
}

// The test holds this process's stdin open: when the test is gone, stop.
process.stdin.on('close', () => process.exit(1)).resume();

async function main(contentFile: string, userFile: string, pageId: string, first: number): Promise<void> {
  const progress = new ProgressService(openUserDb(userFile), openContentDb(contentFile, { readonly: true }));
  const keys = (await progress.getPage(pageId, null)).checklists.flatMap((l) => l.items.map((i) => i.key));
  process.stdout.write('ready\n');
  // Bounded so that an orphaned child (its test gone) stops by itself.
  for (let n = first; n < first + 100_000; n++) {
    await progress.setItem({ pageId, runId: null, ...changeOf(n, keys) });
    // Writes to a pipe are synchronous on Linux: once this returns, the line survives a SIGKILL.
    process.stdout.write(`committed ${n}\n`);
    // setItem never waits on I/O, so without this turn the stdin close above is never seen.
    await nextTurn();
  }
}

const [contentFile, userFile, pageId, first] = process.argv.slice(2);
if (process.argv[1]?.endsWith('progress-writer.ts'))
  await main(contentFile!, userFile!, pageId!, Number(first));
