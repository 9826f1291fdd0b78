// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SettingValue } from '../../../src/shared/contract';
import type { PageSummary } from '../../../src/shared/domain';
import { callsOf, unexpected, useFakeApi } from '../fake-api';
import { mountInApp, settle } from '../mount-app';
import CatalogueView from '../../../src/renderer/src/views/CatalogueView.vue';
import { useLibraryStore } from '../../../src/renderer/src/stores/library';
import { useSettingsStore } from '../../../src/renderer/src/stores/settings';
import { useContentStore } from '../../../src/renderer/src/stores/content';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function pattern(id: string, tier: PageSummary['tier'], over: Partial<PageSummary> = {}): PageSummary {
  const title = id.split('/').pop()!.replace(/-/g, ' ');
  return {
    id: `pattern-library/${id}`,
    title,
    tier,
    type: 'pattern',
    category: id.split('/')[0]!,
    status: null,
    relevance: null,
    difficulty: null,
    description: `About ${title}`,
    introducedYear: null,
    isTemplate: false,
    ...over,
  };
}

const PAGES: PageSummary[] = [
  pattern('resilience/circuit-breaker', 'gold'),
  pattern('resilience/retry', 'gold'),
  pattern('data/saga', 'gold'),
  pattern('data/event-sourcing', 'silver'),
  pattern('data/two-phase-commit', 'bronze', { status: 'legacy' }),
  pattern('coordination/distributed-lock', 'bronze'),
  { ...pattern('case-studies/not-a-pattern', 'gold'), id: 'case-studies/amazon', type: 'case-study' },
];

/** Mounts the catalogue over a fake user.db holding `stored` settings. */
async function openCatalogue(
  stored: Record<string, SettingValue> = {},
  read: string[] = [],
  route = '/catalogue',
) {
  const saved: Record<string, SettingValue> = { ...stored };
  useFakeApi({
    content: {
      getStatus: async () => ({ pages: PAGES.length }) as never,
      getNav: async () => [],
      listPages: async () => PAGES,
    },
    user: {
      getSettings: async () => ({ ...saved }),
      setSetting: async (k, v) => void (saved[k] = v),
      listReadPageIds: async () => read,
    },
  });
  const mounted = await mountInApp(CatalogueView, { route });
  // What App.vue loads at start.
  void useSettingsStore().load();
  void useContentStore().load();
  void useLibraryStore().loadReadIds();
  await settle();
  const w = mounted.wrapper;
  const titles = () => w.findAll('[data-testid="pattern-cards"] .pattern-card-link').map((a) => a.text());
  return { ...mounted, saved, titles, w };
}

describe('CatalogueView', () => {
  it('shows gold patterns only by default (not case studies), and asks for the page list itself', async () => {
    const { titles, w } = await openCatalogue();
    expect(titles()).toEqual(['circuit breaker', 'retry', 'saga']);
    expect(w.get('[data-testid="tier-toggle-gold"]').attributes('aria-pressed')).toBe('true');
    expect(w.text()).toContain('3 of 6 patterns shown');
    expect(callsOf('content', 'listPages')).toHaveLength(1);
    expect(unexpected).toEqual([]);
  });

  it('filters by tier, facet and text, with counts', async () => {
    const { titles, w } = await openCatalogue();
    await w.get('[data-testid="tier-toggle-gold"]').trigger('click');
    await w.get('[data-testid="tier-toggle-bronze"]').trigger('click');
    expect(titles()).toEqual(['distributed lock', 'two phase commit']);
    expect(w.get('[data-testid="tier-toggle-silver"] .tier-toggle-count').text()).toBe('1');

    const dataFacet = w.findAll('.facet-option').find((o) => o.find('.facet-value').text() === 'data')!;
    expect(dataFacet.find('.facet-count').text()).toBe('1');
    await dataFacet.get('input').trigger('change');
    expect(titles()).toEqual(['two phase commit']);

    await dataFacet.get('input').trigger('change');
    await w.get('[data-testid="catalogue-text"]').setValue('lock');
    expect(titles()).toEqual(['distributed lock']);
    await w.get('[data-testid="catalogue-text"]').setValue('nothing like this');
    expect(w.text()).toContain('No pattern matches these filters');
  });

  it('restores the remembered filter and saves changes to user.db (not the browser)', async () => {
    const stored = {
      'catalogue.filter': {
        tiers: ['silver', 'bronze'],
        category: [],
        status: [],
        relevance: [],
        text: '',
        sort: 'tier',
      },
    };
    const { titles, w, saved } = await openCatalogue(stored);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(titles()).toEqual(['event sourcing', 'distributed lock', 'two phase commit']);
    expect((w.get('[data-testid="catalogue-sort"]').element as HTMLSelectElement).value).toBe('tier');

    await w.get('[data-testid="tier-toggle-silver"]').trigger('click');
    await w.get('[data-testid="catalogue-sort"]').setValue('name');
    vi.advanceTimersByTime(300);
    await settle();
    expect(saved['catalogue.filter']).toMatchObject({ tiers: ['bronze'], sort: 'name' });
    // One write for the burst of changes, and nothing kept in the browser's own storage.
    expect(callsOf('user', 'setSetting')).toHaveLength(1);
    expect(localStorage.length).toBe(0);
  });

  it('a ?tier= link narrows to that tier', async () => {
    const { titles, router } = await openCatalogue({}, [], '/catalogue?tier=bronze');
    expect(titles()).toEqual(['distributed lock', 'two phase commit']);
    expect(router.currentRoute.value.fullPath).toBe('/catalogue');
  });

  it('marks the patterns already read', async () => {
    const { w } = await openCatalogue({}, ['pattern-library/data/saga']);
    const cards = w.findAll('.pattern-card');
    const marked = cards
      .filter((c) => c.find('[data-testid="card-read-mark"]').exists())
      .map((c) => c.get('.pattern-card-link').text());
    expect(marked).toEqual(['saga']);
  });

  it('an empty library shows the shared "no content imported yet" message', async () => {
    useFakeApi({
      content: {
        getStatus: async () => ({ pages: 0 }) as never,
        getNav: async () => [],
        listPages: async () => [],
      },
      user: { getSettings: async () => ({}), listReadPageIds: async () => [] },
    });
    const { wrapper } = await mountInApp(CatalogueView);
    void useSettingsStore().load();
    void useContentStore().load();
    await settle();
    expect(wrapper.get('.state-empty h2').text()).toBe('No content imported yet');
    expect(wrapper.get('.state-empty p').text()).toContain('dstudio import --corpus DIR --db FILE');
    expect(wrapper.find('[data-testid="pattern-cards"]').exists()).toBe(false);
  });
});
