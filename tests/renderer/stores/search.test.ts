import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { deferred, useFakeApi } from '../fake-api';
import { useSearchStore } from '../../../src/renderer/src/stores/search';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

beforeEach(() => setActivePinia(createPinia()));

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
