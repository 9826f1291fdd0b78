import { describe, expect, it } from 'vitest';
import type { FactRow } from '../../../src/main/evolution/evolution-repository';
import { buildTimeline, rowOf } from '../../../src/main/evolution/timeline-items';
import { pageRow } from './page-rows';

const fact = (
  pageId: string,
  field: string,
  year: number,
  value = String(year),
  heading: string | null = null,
): FactRow => ({
  pageId,
  field,
  year,
  month: null,
  value,
  conflict: 0,
  heading,
});

const actor = pageRow('pattern-library/coordination/actor-model', 'Actor Model', {
  excellence_tier: 'bronze',
  type: 'pattern',
  category: 'coordination',
  introduced: '1973-01',
});
const study = pageRow('case-studies/shop/checkout', 'Checkout', {
  type: 'case-study',
  year_implemented: 2012,
  introduced: 2010,
});
const history = pageRow('reference/history', 'History', {});

describe('buildTimeline', () => {
  const items = buildTimeline(
    [actor, study, history],
    [
      fact(actor.id, 'introduced', 1973, '1973-01'),
      fact(study.id, 'introduced', 2010),
      fact(study.id, 'year_implemented', 2012),
      fact(history.id, 'text:summary', 1960, 'From the Actor Model (1960) to today (2023).', 'Summary'),
      fact(history.id, 'text:summary', 2023, 'From the Actor Model (1960) to today (2023).', 'Summary'),
      fact(history.id, 'text:', 1999, 'Something (1999) happened'),
    ],
    [],
  );

  it('keeps each fact with its page, row and a readable source', () => {
    expect(items).toHaveLength(6);
    expect(items[0]).toMatchObject({
      id: actor.id,
      tier: 'bronze',
      category: 'coordination',
      year: 1973,
      field: 'introduced',
      origin: 'front-matter',
      source: 'front matter: introduced',
      anchor: null,
    });
    expect(items.find((i) => i.year === 2023)).toMatchObject({
      field: 'section',
      origin: 'section',
      source: 'section “Summary”',
      anchor: 'summary',
      conflict: false,
    });
    expect(items.find((i) => i.year === 1999)).toMatchObject({
      source: 'page text',
      anchor: null,
      conflict: false,
    });
  });

  it('flags a page whose two front-matter origin years differ, naming the other source', () => {
    const mine = items.filter((i) => i.id === study.id);
    expect(mine.map((i) => [i.conflict, i.conflictWith])).toEqual([
      [true, ['front matter: year_implemented = 2012']],
      [true, ['front matter: introduced = 2010']],
    ]);
  });

  it('flags a pattern dated differently by name in another page, on both sides', () => {
    expect(items.find((i) => i.id === actor.id)).toMatchObject({
      conflict: true,
      conflictWith: ['section “Summary” of reference/history = 1960'],
    });
    expect(items.find((i) => i.year === 1960)).toMatchObject({
      conflict: true,
      conflictWith: [`${actor.id}: front matter: introduced = 1973`],
    });
  });

  it('rows pages by category, else by folder', () => {
    expect(rowOf(actor)).toBe('coordination');
    expect(rowOf(study)).toBe('shop');
    expect(rowOf(history)).toBe('reference');
  });
});
