import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { SearchResponse } from '../../../src/shared/contract';
import { deferred, useFakeApi } from '../fake-api';
import { useInstantSearchStore } from '../../../src/renderer/src/stores/instant-search';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

beforeEach(() => setActivePinia(createPinia()));

const answer = (total: number): SearchResponse => ({ results: [], total, facets: {} }) as never;

describe('instant search store', () => {
  it('drops the late answer of an older keystroke and of a search cleared meanwhile', async () => {
    const old = deferred<SearchResponse>();
    useFakeApi({
      search: { search: (q) => (q.text === 'ol' ? old.promise : Promise.resolve(answer(q.text.length))) },
    });
    const instant = useInstantSearchStore();
    const first = instant.searchInstant('ol');
    await instant.searchInstant('old');
    expect(instant.instant?.total).toBe(3);
    old.resolve(answer(99));
    await first;
    expect(instant.instant?.total).toBe(3);

    const pending = deferred<SearchResponse>();
    useFakeApi({ search: { search: () => pending.promise } });
    const cleared = instant.searchInstant('late');
    instant.clearInstant();
    pending.resolve(answer(7));
    await cleared;
    expect(instant.instant).toBeNull();
    expect(instant.instantText).toBe('');
  });
});
