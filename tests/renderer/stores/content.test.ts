import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { callsOf, useFakeApi } from '../fake-api';
import { useContentStore } from '../../../src/renderer/src/stores/content';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

beforeEach(() => setActivePinia(createPinia()));

const status = { pages: 2 } as never;

describe('content store', () => {
  it('loads status and tree at start, and the page list only when a view asks, once', async () => {
    useFakeApi({
      content: {
        getStatus: async () => status,
        getNav: async () => [],
        listPages: async () => [{ id: 'a' } as never],
      },
    });
    const content = useContentStore();
    await content.load();
    expect(callsOf('content', 'listPages')).toHaveLength(0);
    await Promise.all([content.ensurePages(), content.ensurePages()]);
    await content.ensurePages();
    expect(callsOf('content', 'listPages')).toHaveLength(1);
    expect(content.pagesById.has('a')).toBe(true);
    await content.load();
    expect(callsOf('content', 'listPages')).toHaveLength(1);
  });

  it('asks for a page list that failed again on "Try again"', async () => {
    let fail = true;
    useFakeApi({
      content: {
        getStatus: async () => status,
        getNav: async () => [],
        listPages: async () => {
          if (fail) throw new Error('database is locked');
          return [{ id: 'a' } as never];
        },
      },
    });
    const content = useContentStore();
    await content.load();
    await content.ensurePages();
    expect(content.error).toBe('database is locked');
    fail = false;
    await content.load();
    expect(content.error).toBeNull();
    expect(content.pages).toHaveLength(1);
  });
});
