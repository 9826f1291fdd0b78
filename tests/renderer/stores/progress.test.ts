import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { callsOf, deferred, unexpected, useFakeApi } from '../fake-api';
import type { ItemChange, ItemProgress, PageProgress, RunSummary } from '../../../src/shared/contract';
import { useProgressStore } from '../../../src/renderer/src/stores/progress';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

beforeEach(() => setActivePinia(createPinia()));

const PAGE = 'migration/x-to-y';
const item = (key: string) => ({ key, text: `Item ${key}`, authorChecked: false, line: null, group: null });
const count = (done: number) => ({ done, total: 3, inProgress: 0, blocked: 0, notApplicable: 0 });
const RUN: RunSummary = {
  id: 7,
  pageId: PAGE,
  pageTitle: 'X to Y',
  name: 'X to Y',
  archived: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  count: count(0),
  orphaned: 0,
};
const PAGE_PROGRESS: PageProgress = {
  pageId: PAGE,
  checklists: [
    {
      pageId: PAGE,
      sectionSlug: 'before',
      sectionTitle: 'Before',
      source: 'task-list',
      items: [item('a'), item('b')],
    },
    { pageId: PAGE, sectionSlug: 'after', sectionTitle: 'After', source: 'task-list', items: [item('c')] },
  ],
  runs: [RUN],
  run: RUN,
  items: {},
  orphans: [],
};

/** What the main side answers for a saved change (as ProgressService does). */
function saved(change: ItemChange, done: number): { run: RunSummary; item: ItemProgress } {
  return {
    run: { ...RUN, count: count(done), updatedAt: '2026-01-02T00:00:00.000Z' },
    item: {
      key: change.itemKey,
      state: change.state ?? 'todo',
      note: change.note ?? '',
      updatedAt: '2026-01-02T00:00:00.000Z',
      text: `Item ${change.itemKey}`,
      sectionSlug: change.itemKey === 'c' ? 'after' : 'before',
      match: 'exact',
    },
  };
}

/** A fake setItem whose answers the test gives, one call at a time. */
function heldSetItem() {
  const held: {
    change: ItemChange;
    answer: ReturnType<typeof deferred<{ run: RunSummary; item: ItemProgress }>>;
  }[] = [];
  useFakeApi({
    progress: {
      getPage: async () => structuredClone(PAGE_PROGRESS),
      setItem: (change) => {
        const answer = deferred<{ run: RunSummary; item: ItemProgress }>();
        held.push({ change, answer });
        return answer.promise;
      },
    },
  });
  return held;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('progress store: a toggle is painted before it is saved', () => {
  it('shows the new state, the section and the run counts at once, then takes the saved item', async () => {
    const held = heldSetItem();
    const store = useProgressStore();
    await store.loadPage(PAGE);
    const saving = store.toggleDone('a');

    expect(store.page!.items.a?.state).toBe('done');
    expect(store.sectionProgress.before).toMatchObject({ done: 1, total: 2 });
    expect(store.page!.run!.count).toMatchObject({ done: 1, total: 3 });
    expect(held).toHaveLength(1);
    expect(held[0]!.change).toEqual({ pageId: PAGE, runId: 7, itemKey: 'a', state: 'done' });

    held[0]!.answer.resolve(saved(held[0]!.change, 1));
    await saving;
    expect(store.page!.items.a).toEqual(saved(held[0]!.change, 1).item);
    expect(store.page!.run!.updatedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(store.error).toBeNull();
    expect(unexpected).toEqual([]);
  });

  it('rolls a refused change back, counts included, and says so', async () => {
    const held = heldSetItem();
    const store = useProgressStore();
    await store.loadPage(PAGE);
    const saving = store.setItem('c', { state: 'blocked', note: 'waiting' });
    expect(store.page!.items.c).toMatchObject({ state: 'blocked', note: 'waiting' });
    expect(store.page!.run!.count.blocked).toBe(1);

    held[0]!.answer.reject(new Error('a note holds at most 10000 characters'));
    await saving;
    expect(store.page!.items.c).toBeUndefined();
    expect(store.page!.run!.count).toEqual(count(0));
    expect(store.sectionProgress.after).toMatchObject({ done: 0, blocked: 0 });
    expect(store.error).toBe(
      'Could not save the change, the item is back to its saved state: a note holds at most 10000 characters',
    );
  });

  it('rapid toggles of one item: sent in order, one at a time, the last one wins on screen and in what is saved', async () => {
    const held = heldSetItem();
    const store = useProgressStore();
    await store.loadPage(PAGE);
    const saving = store.toggleDone('a'); // done, sent
    void store.toggleDone('a'); // todo, waits
    void store.toggleDone('a'); // done again: replaces the waiting change
    expect(store.page!.items.a?.state).toBe('done');
    expect(held).toHaveLength(1);

    held[0]!.answer.resolve(saved(held[0]!.change, 1));
    await tick();
    // The first answer does not repaint over the newer change; the newest is sent next.
    expect(store.page!.items.a?.state).toBe('done');
    expect(held).toHaveLength(2);
    expect(held[1]!.change.state).toBe('done');
    void store.toggleDone('a'); // todo: the last click
    expect(store.page!.items.a?.state).toBe('todo');

    held[1]!.answer.resolve(saved(held[1]!.change, 1));
    await tick();
    expect(store.page!.items.a?.state).toBe('todo');
    expect(held).toHaveLength(3);
    held[2]!.answer.resolve(saved(held[2]!.change, 0));
    await saving;
    expect(callsOf('progress', 'setItem').map(([c]) => (c as ItemChange).state)).toEqual([
      'done',
      'done',
      'todo',
    ]);
    expect(store.page!.items.a?.state).toBe('todo');
    expect(store.page!.run!.count.done).toBe(0);
  });

  it('a refused change takes the later changes of the same item with it, back to the last saved state', async () => {
    const held = heldSetItem();
    const store = useProgressStore();
    await store.loadPage(PAGE);
    const saving = store.toggleDone('b'); // done
    void store.setItem('b', { note: 'after the done' });
    expect(store.page!.items.b).toMatchObject({ state: 'done', note: 'after the done' });
    held[0]!.answer.reject(new Error('There is no checklist run 7.'));
    await saving;
    expect(held).toHaveLength(1);
    expect(store.page!.items.b).toBeUndefined();
    expect(store.error).toMatch(
      /^Could not save the change, the item is back to its saved state: There is no checklist run 7\./,
    );
  });
});
