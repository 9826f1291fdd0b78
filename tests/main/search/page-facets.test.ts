import { describe, expect, it } from 'vitest';
import { encodePageFacets, PageFacets, type PageFacetSource } from '../../../src/main/search/page-facets';

const page = (
  no: number,
  id: string,
  title: string,
  facets: Partial<PageFacetSource> = {},
): PageFacetSource => ({
  no,
  id,
  title,
  tier: null,
  type: null,
  category: null,
  status: null,
  relevance: null,
  difficulty: null,
  ...facets,
});

const PAGES = [
  page(3, 'patterns/saga', 'Saga', { tier: 'silver', type: 'pattern', category: 'data' }),
  page(1, 'patterns/circuit-breaker', 'Circuit Breaker', {
    tier: 'gold',
    type: 'pattern',
    category: 'resilience',
  }),
  page(7, 'case-studies/zoom', 'Zoom', { type: 'case-study', category: 'resilience' }),
  page(4, 'patterns/bulkhead', 'bulkhead', { tier: 'gold', type: 'pattern', category: 'resilience' }),
  page(9, 'patterns/lamport', 'Lamport Clocks', { tier: 'bronze', type: 'pattern', category: '' }),
];

/** Decoded from a copy at an odd offset, as SQLite may hand a blob over. */
function stored(pages: readonly PageFacetSource[]): PageFacets {
  const { values, table } = encodePageFacets(pages);
  const shifted = Buffer.alloc(table.length + 1);
  table.copy(shifted, 1);
  return new PageFacets({ values, table: shifted.subarray(1) });
}

describe('page facets', () => {
  it('round-trips every page’s values by its number, and knows which numbers are pages', () => {
    const f = stored(PAGES);
    for (const p of PAGES) {
      expect(f.has(p.no)).toBe(true);
      expect(f.value(p.no, 'tier')).toBe(p.tier);
      expect(f.value(p.no, 'type')).toBe(p.type);
      expect(f.value(p.no, 'category')).toBe(p.category || null);
    }
    for (const no of [0, 2, 5, 8, 10, 1000]) expect(f.has(no)).toBe(false);
  });

  it('orders by id for ties and browses by tier, then title as people sort it', () => {
    const f = stored(PAGES);
    const ids = new Map(PAGES.map((p) => [p.no, p.id]));
    expect([1, 3, 4, 7, 9].sort((a, b) => f.compareIds(a, b)).map((no) => ids.get(no))).toEqual(
      [...ids.values()].sort(),
    );
    // "bulkhead" sorts before "Circuit Breaker" (case-insensitive), untiered pages last
    expect(f.browseOrder()).toEqual([4, 1, 3, 9, 7]);
  });

  it('filters by any of a facet’s values and every facet; an unknown value matches nothing', () => {
    const f = stored(PAGES);
    const all = PAGES.map((p) => p.no);
    const kept = (filters: Parameters<PageFacets['filter']>[0]) =>
      all.filter((no) => f.matches(no, f.filter(filters)));
    expect(kept({})).toEqual(all);
    expect(kept({ tier: ['gold', 'silver'] })).toEqual([3, 1, 4]);
    expect(kept({ tier: ['gold'], category: ['resilience'] })).toEqual([1, 4]);
    expect(kept({ type: ['no-such-type'] })).toEqual([]);
  });

  it('counts each facet with the other facets’ filters applied: tiers in tier order, others by count', () => {
    const f = stored(PAGES);
    const counts = f.count(
      PAGES.map((p) => p.no),
      f.filter({ tier: ['gold'] }),
    );
    // the tier filter does not hide the other tiers' counts…
    expect(counts.tier).toEqual([
      { value: 'gold', count: 2 },
      { value: 'silver', count: 1 },
      { value: 'bronze', count: 1 },
    ]);
    // …but narrows every other facet
    expect(counts.type).toEqual([{ value: 'pattern', count: 2 }]);
    expect(counts.category).toEqual([{ value: 'resilience', count: 2 }]);
    expect(f.count([], f.filter({})).tier).toEqual([]);
    // without a filter every page counts
    expect(f.acceptsAll(f.filter({}))).toBe(true);
    expect(f.acceptsAll(f.filter({ tier: ['gold'] }))).toBe(false);
    expect(
      f
        .count(
          PAGES.map((p) => p.no),
          f.filter({}),
        )
        .tier.reduce((n, c) => n + c.count, 0),
    ).toBe(PAGES.filter((p) => p.tier).length);
  });

  it('is empty without a stored table (an index not built yet)', () => {
    const f = new PageFacets(null);
    expect(f.has(1)).toBe(false);
    expect(f.browseOrder()).toEqual([]);
    expect(f.count([1], f.filter({ tier: ['gold'] })).tier).toEqual([]);
  });
});
