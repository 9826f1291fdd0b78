import { describe, expect, it } from 'vitest';
import { latestAnswer } from '../../../src/renderer/src/stores/latest-answer';

/** A request whose answer arrives when the test says so. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** What a store does: ask, and apply the answer only if its ticket still counts. */
function makeStore() {
  const guard = latestAnswer();
  const state = { shown: '' };
  async function ask(answer: Promise<string>): Promise<void> {
    const ticket = guard.next();
    const value = await answer;
    if (ticket.isLatest()) state.shown = value;
  }
  return { guard, state, ask };
}

describe('latestAnswer', () => {
  it('drops a late answer to an older request', async () => {
    const { state, ask } = makeStore();
    const older = deferred<string>();
    const newer = deferred<string>();
    const first = ask(older.promise);
    const second = ask(newer.promise);
    newer.resolve('newer');
    await second;
    older.resolve('older');
    await first;
    expect(state.shown).toBe('newer');
  });

  it('applies answers that arrive in order', async () => {
    const { state, ask } = makeStore();
    await ask(Promise.resolve('a'));
    await ask(Promise.resolve('b'));
    expect(state.shown).toBe('b');
  });

  it('invalidate makes the request in flight stale', async () => {
    const { guard, state, ask } = makeStore();
    const pending = deferred<string>();
    const done = ask(pending.promise);
    guard.invalidate();
    pending.resolve('too late');
    await done;
    expect(state.shown).toBe('');
  });

  it('claimScreen lets an older answer through until a newer one is on screen', () => {
    const guard = latestAnswer();
    const a = guard.next();
    const b = guard.next();
    const c = guard.next();
    expect(b.claimScreen()).toBe(true);
    expect(a.claimScreen()).toBe(false);
    expect(c.claimScreen()).toBe(true);
    expect(b.isLatest()).toBe(false);
    expect(c.isLatest()).toBe(true);
  });
});
