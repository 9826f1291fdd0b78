import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import type { QuickSwitchData, QuickSwitchHit } from '../../../src/shared/contract';
import { callsOf, deferred, unexpected, useFakeApi } from '../fake-api';
import { useContentStore } from '../../../src/renderer/src/stores/content';
import { useLibraryStore } from '../../../src/renderer/src/stores/library';
import { SWITCHER_LIMIT, useQuickSwitcherStore } from '../../../src/renderer/src/stores/quick-switcher';

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

describe('quick switcher store', () => {
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
    const search = useQuickSwitcherStore();
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
    const search = useQuickSwitcherStore();
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
    const search = useQuickSwitcherStore();
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

describe('quick switcher store on local data', () => {
  const data: QuickSwitchData = {
    generation: 'g1',
    pages: [
      [1, 'p/bulkhead', 'Bulkhead', 'gold'],
      [2, 'p/backpressure', 'Backpressure', null],
      [3, 'p/batching', 'Batching', null],
    ],
    docs: [
      [0, 'Bulkhead', [1, '']],
      [0, 'Backpressure', [2, '']],
      [0, 'Batching', [3, '']],
    ],
    headings: [],
    recent: ['p/batching'],
  };

  it('asks the main side until the data is in, then answers synchronously, recent visits first', async () => {
    const arrives = deferred<QuickSwitchData>();
    useFakeApi({
      search: {
        quickSwitch: async (text) => [hit(`remote-${text}`)],
        quickSwitchData: () => arrives.promise,
      },
      user: { recordVisit: async () => {} },
    });
    const search = useQuickSwitcherStore();
    const loaded = search.loadSwitcherData();
    await search.quickSwitch('b');
    expect(search.switcherHits.map((h) => h.id)).toEqual(['remote-b']);
    expect(search.switcherLocal).toBe(false);

    arrives.resolve(data);
    await loaded;
    expect(search.switcherLocal).toBe(true);
    void search.quickSwitch('');
    expect(search.switcherHits.map((h) => h.id)).toEqual(['p/batching']); // recent as main knew them
    await useLibraryStore().recordVisit('p/backpressure', 'Backpressure');
    void search.quickSwitch('');
    expect(search.switcherHits.map((h) => h.id)).toEqual(['p/backpressure', 'p/batching']);
    void search.quickSwitch('b'); // no await: answered in the call itself
    expect(search.switcherText).toBe('b');
    expect(search.switcherHits.map((h) => h.id).at(-1)).toBe('p/bulkhead'); // not read recently
    expect(callsOf('search', 'quickSwitch')).toEqual([['b', SWITCHER_LIMIT]]);
    expect(callsOf('search', 'quickSwitchData')).toHaveLength(1);
    await search.loadSwitcherData(); // once only
    expect(callsOf('search', 'quickSwitchData')).toHaveLength(1);
    expect(unexpected).toEqual([]);
  });

  it('keeps asking the main side when the data cannot be loaded, and tries again next time', async () => {
    let fail = true;
    useFakeApi({
      search: {
        quickSwitch: async (text) => [hit(`remote-${text}`)],
        quickSwitchData: async () => {
          if (fail) throw new Error('offline');
          return data;
        },
      },
    });
    const search = useQuickSwitcherStore();
    await search.loadSwitcherData();
    await search.quickSwitch('b');
    expect(search.switcherHits.map((h) => h.id)).toEqual(['remote-b']);
    expect(search.switcherError).toBeNull();
    fail = false;
    await search.loadSwitcherData();
    expect(search.switcherLocal).toBe(true);
    expect(callsOf('search', 'quickSwitchData')).toHaveLength(2);
  });

  it('drops its data when the content changes, and loads the new data', async () => {
    let version = 1;
    useFakeApi({
      search: {
        quickSwitch: async (text) => [hit(`remote-${text}`)],
        quickSwitchData: async () => ({ ...data, generation: `g${version}` }),
      },
    });
    const content = useContentStore();
    content.status = { pages: 3, aliases: 0, source: null, commit: 'a', importedAt: '2026-01-01T00:00:00Z' };
    const search = useQuickSwitcherStore();
    await search.loadSwitcherData();
    expect(search.switcherLocal).toBe(true);
    version = 2;
    content.status = { ...content.status, commit: 'b', importedAt: '2026-02-01T00:00:00Z' };
    await nextTick();
    expect(search.switcherLocal).toBe(false);
    await search.quickSwitch('b');
    expect(search.switcherHits.map((h) => h.id)).toEqual(['remote-b']);
    await vi.waitFor(() => expect(search.switcherLocal).toBe(true), { timeout: 5000 });
    expect(callsOf('search', 'quickSwitchData')).toHaveLength(2);
  });
});
