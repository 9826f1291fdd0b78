import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { QuickSwitchHit } from '../../../src/shared/contract';
import { callsOf, deferred, unexpected, useFakeApi } from '../fake-api';
import { SWITCHER_LIMIT, useSearchStore } from '../../../src/renderer/src/stores/search';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

const hit = (id: string, label = id): QuickSwitchHit => ({
  id,
  title: id,
  kind: 'title',
  label,
  anchor: null,
  tier: null,
});

beforeEach(() => setActivePinia(createPinia()));

describe('search store: quick switcher', () => {
  it('asks at every keystroke with a small limit, and a late answer to an older keystroke never replaces a newer one', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<QuickSwitchHit[]>>>();
    useFakeApi({
      search: {
        quickSwitch: (text) => {
          const d = deferred<QuickSwitchHit[]>();
          answers.set(text, d);
          return d.promise;
        },
      },
    });
    const search = useSearchStore();
    const sa = search.quickSwitch('sa');
    const sag = search.quickSwitch('sag');
    const saga = search.quickSwitch('saga');
    expect(callsOf('search', 'quickSwitch')).toEqual([
      ['sa', SWITCHER_LIMIT],
      ['sag', SWITCHER_LIMIT],
      ['saga', SWITCHER_LIMIT],
    ]);

    // 'sag' arrives first: newer than what is shown (nothing), so it is shown.
    answers.get('sag')!.resolve([hit('sag')]);
    await sag;
    expect(search.switcherHits.map((h) => h.id)).toEqual(['sag']);
    expect(search.switcherText).toBe('sag');
    // 'sa' is older than what is shown: dropped.
    answers.get('sa')!.resolve([hit('sa')]);
    await sa;
    expect(search.switcherText).toBe('sag');
    // The latest one wins.
    answers.get('saga')!.resolve([hit('saga')]);
    await saga;
    expect(search.switcherHits.map((h) => h.id)).toEqual(['saga']);
    expect(unexpected).toEqual([]);
  });

  it('answers a text asked before from its cache at once, until the switcher is opened again', async () => {
    useFakeApi({ search: { quickSwitch: async (text) => [hit(`for-${text}`)] } });
    const search = useSearchStore();
    await search.quickSwitch('ci');
    await search.quickSwitch('cir');
    void search.quickSwitch('ci'); // backspace: no call, shown synchronously
    expect(search.switcherHits.map((h) => h.id)).toEqual(['for-ci']);
    expect(callsOf('search', 'quickSwitch')).toHaveLength(2);

    search.resetSwitcher();
    await search.quickSwitch('ci');
    expect(callsOf('search', 'quickSwitch')).toHaveLength(3);
  });

  it('settles once the latest answer is in, and reports a failure of the latest query', async () => {
    const d = deferred<QuickSwitchHit[]>();
    useFakeApi({
      search: {
        quickSwitch: (text) =>
          text === 'x' ? d.promise : Promise.reject(new Error('index is being rebuilt')),
      },
    });
    const search = useSearchStore();
    void search.quickSwitch('x');
    let settled = false;
    void search.switcherSettled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    d.resolve([hit('x')]);
    await search.switcherSettled();
    expect(settled).toBe(true);

    await search.quickSwitch('y');
    expect(search.switcherError).toBe('index is being rebuilt');
    expect(search.switcherHits.map((h) => h.id)).toEqual(['x']);
  });
});

describe('search store: search page', () => {
  it('drops the answer of an older search and clears on empty text', async () => {
    const first = deferred<never>();
    useFakeApi({
      search: {
        search: (q) =>
          q.text === 'old' ? first.promise : Promise.resolve({ results: [], total: 0, facets: {} } as never),
      },
    });
    const search = useSearchStore();
    const old = search.search('old');
    await search.search('new', { tier: ['gold'] });
    expect(search.response?.total).toBe(0);
    expect(search.filters).toEqual({ tier: ['gold'] });
    first.reject(new Error('late failure'));
    await old;
    expect(search.error).toBeNull();
    await search.search('   ');
    expect(search.response).toBeNull();
  });
});
