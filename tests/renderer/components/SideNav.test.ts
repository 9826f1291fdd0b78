// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NavNode } from '../../../src/shared/domain';
import { unexpected, useFakeApi } from '../fake-api';
import { mountInApp, settle } from '../mount-app';
import SideNav from '../../../src/renderer/src/components/SideNav.vue';
import { useContentStore } from '../../../src/renderer/src/stores/content';
import { useLibraryStore } from '../../../src/renderer/src/stores/library';
import { usePageStore } from '../../../src/renderer/src/stores/page';
import { useUiStore } from '../../../src/renderer/src/stores/ui';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

beforeAll(() => {
  HTMLElement.prototype.scrollIntoView ??= () => {};
});
afterEach(() => {
  document.body.innerHTML = '';
});

const n = (title: string, pageId: string | null, children: NavNode[] = []): NavNode => ({
  title,
  pageId,
  children,
});
const NAV = [
  n('Home', 'index'),
  n('Patterns', null, [
    n('Resilience', 'patterns/resilience/index', [
      n('Circuit Breaker', 'patterns/resilience/circuit-breaker'),
      n('Retry', 'patterns/resilience/retry'),
    ]),
  ]),
];

async function openNav(route: string, read: string[], { firstScreenShown = true } = {}) {
  useFakeApi({
    content: {
      getStatus: async () => ({ pages: 4, commit: 'abcdef123456' }) as never,
      getNav: async () => NAV,
      getPages: async ([id]) => [{ id, title: id } as never],
    },
    user: {
      listReadPageIds: async () => read,
      getReadingState: async (pageId) => ({
        pageId,
        read: read.includes(pageId),
        scrollRatio: 0,
        updatedAt: '',
      }),
      saveReadingState: async (pageId, s) => ({
        pageId,
        read: s.read ?? false,
        scrollRatio: 0,
        updatedAt: '',
      }),
      recordVisit: async () => undefined,
    },
  });
  const mounted = await mountInApp(SideNav, { route });
  void useContentStore().load();
  void useLibraryStore().loadReadIds();
  // The app marks it once the first page is painted (App.vue).
  if (firstScreenShown) useUiStore().markFirstScreenShown();
  await settle();
  const rowOf = (title: string) =>
    mounted.wrapper
      .findAll('.nav-row')
      .find((r) => r.find('.nav-link').exists() && r.get('.nav-link').text() === title)!;
  return { ...mounted, rowOf };
}

describe('SideNav', () => {
  it('draws the tree only once the first screen is shown, then reveals the current page', async () => {
    const { wrapper } = await openNav('/page/patterns/resilience/retry', [], { firstScreenShown: false });
    expect(wrapper.find('.nav-row').exists()).toBe(false);
    useUiStore().markFirstScreenShown();
    await settle();
    expect(wrapper.get('[aria-current="page"]').text()).toBe('Retry');
  });

  it('reveals and highlights the current page', async () => {
    const { wrapper, rowOf } = await openNav('/page/patterns/resilience/retry', []);
    expect(rowOf('Retry').get('.nav-link').attributes('aria-current')).toBe('page');
    expect(wrapper.findAll('[aria-current="page"]')).toHaveLength(1);
    // One label per row: a link, a section button or a missing-file note.
    for (const row of wrapper.findAll('.nav-row'))
      expect(row.findAll('.nav-link, .nav-section, .nav-missing')).toHaveLength(1);
    expect(wrapper.text()).toContain('4 pages · abcdef1');
  });

  it('marks the pages read, and follows the page view marking one', async () => {
    const { rowOf, wrapper } = await openNav('/page/patterns/resilience/retry', [
      'patterns/resilience/circuit-breaker',
    ]);
    expect(rowOf('Circuit Breaker').find('[data-testid="nav-read-mark"]').exists()).toBe(true);
    expect(rowOf('Circuit Breaker').text()).toContain('(read)');
    expect(rowOf('Retry').find('[data-testid="nav-read-mark"]').exists()).toBe(false);
    for (const row of wrapper.findAll('.nav-row'))
      expect(row.findAll('.nav-link, .nav-section, .nav-missing')).toHaveLength(1);

    const page = usePageStore();
    await page.open('patterns/resilience/retry');
    await page.setRead(true);
    await settle();
    expect(rowOf('Retry').find('[data-testid="nav-read-mark"]').exists()).toBe(true);
    await page.setRead(false);
    await settle();
    expect(rowOf('Retry').find('[data-testid="nav-read-mark"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="nav-read-mark"]')).toHaveLength(1);
    expect(unexpected).toEqual([]);
  });

  it('expands and collapses a section', async () => {
    const { wrapper } = await openNav('/', []);
    expect(wrapper.text()).not.toContain('Resilience');
    await wrapper.get('button[aria-label="Expand Patterns"]').trigger('click');
    expect(wrapper.text()).toContain('Resilience');
    await wrapper.get('button[aria-label="Collapse Patterns"]').trigger('click');
    expect(wrapper.text()).not.toContain('Resilience');
  });
});
