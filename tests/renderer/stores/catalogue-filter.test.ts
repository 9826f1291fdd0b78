import { describe, expect, it } from 'vitest';
import type { PageSummary } from '../../../src/shared/domain';
import {
  applyFilter,
  defaultFilter,
  facetCounts,
  filterFromSetting,
  filterToSetting,
} from '../../../src/renderer/src/stores/catalogue-filter';

function page(id: string, over: Partial<PageSummary> = {}): PageSummary {
  return {
    id,
    title: id.split('/').pop()!,
    tier: null,
    type: 'pattern',
    category: null,
    status: null,
    relevance: null,
    difficulty: null,
    description: null,
    introducedYear: null,
    isTemplate: false,
    ...over,
  };
}

const patterns = [
  page('pattern-library/resilience/circuit-breaker', {
    title: 'Circuit Breaker',
    tier: 'gold',
    category: 'resilience',
    status: 'recommended',
    introducedYear: 2007,
  }),
  page('pattern-library/resilience/retry', {
    title: 'Retry',
    tier: 'gold',
    category: 'resilience',
    status: 'recommended',
    introducedYear: 1990,
  }),
  page('pattern-library/data/saga', {
    title: 'Saga',
    tier: 'gold',
    category: 'data',
    status: 'recommended',
    description: 'Long-lived transactions',
  }),
  page('pattern-library/data/event-sourcing', {
    title: 'Event Sourcing',
    tier: 'silver',
    category: 'data',
    status: 'use-with-expertise',
  }),
  page('pattern-library/data/two-phase-commit', {
    title: 'Two-Phase Commit',
    tier: 'bronze',
    category: 'data',
    status: 'legacy',
    relevance: 'declining',
    introducedYear: 1978,
  }),
];

describe('catalogue filter', () => {
  it('shows gold only by default, sorted by name', () => {
    expect(applyFilter(patterns, defaultFilter()).map((p) => p.title)).toEqual([
      'Circuit Breaker',
      'Retry',
      'Saga',
    ]);
  });

  it('counts each facet among the patterns passing the other filters', () => {
    const f = { ...defaultFilter(), category: ['data'] };
    const counts = facetCounts(patterns, f);
    // Tier counts ignore the tier selection but respect the category.
    expect(counts.tier).toEqual([
      { value: 'gold', count: 1 },
      { value: 'silver', count: 1 },
      { value: 'bronze', count: 1 },
    ]);
    // Category counts ignore the category selection but respect the tier (gold).
    expect(counts.category).toEqual([
      { value: 'resilience', count: 2 },
      { value: 'data', count: 1 },
    ]);
    expect(applyFilter(patterns, f).map((p) => p.title)).toEqual(['Saga']);
  });

  it('keeps a selected value listed at zero so it can be unticked', () => {
    const counts = facetCounts(patterns, { ...defaultFilter(), status: ['legacy'] });
    expect(counts.status).toContainEqual({ value: 'legacy', count: 0 });
  });

  it('filters by words of the title, description or category, and sorts by tier or year', () => {
    const all = { ...defaultFilter(), tiers: [] };
    expect(applyFilter(patterns, { ...all, text: 'long transactions' }).map((p) => p.title)).toEqual([
      'Saga',
    ]);
    expect(applyFilter(patterns, { ...all, sort: 'tier' }).map((p) => p.tier)).toEqual([
      'gold',
      'gold',
      'gold',
      'silver',
      'bronze',
    ]);
    expect(
      applyFilter(patterns, { ...all, sort: 'introduced' })
        .map((p) => p.title)
        .slice(0, 3),
    ).toEqual(['Two-Phase Commit', 'Retry', 'Circuit Breaker']);
  });

  it('round-trips through a setting and drops values it does not understand', () => {
    const f = {
      tiers: ['bronze' as const],
      category: ['data'],
      status: [],
      relevance: ['declining'],
      text: 'x',
      sort: 'tier' as const,
    };
    expect(filterFromSetting(filterToSetting(f))).toEqual(f);
    expect(filterFromSetting({ tiers: ['platinum', 'gold', 3], sort: 'random', text: 5 })).toEqual({
      ...defaultFilter(),
      tiers: ['gold'],
    });
    expect(filterFromSetting(null)).toEqual(defaultFilter());
    expect(filterFromSetting('garbage')).toEqual(defaultFilter());
  });
});
