import { describe, expect, it } from 'vitest';
import {
  applyTimelineFilter,
  defaultTimelineFilter,
  layoutTimeline,
  matchesText,
  sortItems,
  stepTimeline,
  toCsv,
} from '../../../src/renderer/src/stores/timeline-model';
import { timelineItem } from './timeline-item';

const item = timelineItem;

const items = [
  item({ id: 'p/a', title: 'Alpha', year: 2000 }),
  item({ id: 'p/b', title: 'Beta', year: 2000, tier: 'bronze' }),
  item({
    id: 'p/c',
    title: 'Gamma',
    year: 2000,
    origin: 'section',
    field: 'section',
    source: 'section “History”',
    value: 'In 2000, "x", y',
  }),
  item({
    id: 'p/d',
    title: 'Delta',
    year: 2005,
    category: 'coordination',
    tier: null,
    conflict: true,
    conflictWith: ['front matter: year_implemented = 2007'],
  }),
];

describe('layoutTimeline', () => {
  it('gives items of one row and year successive lanes, and sizes each row by its deepest stack', () => {
    const l = layoutTimeline(items);
    expect(l.rows.map((r) => [r.name, r.lanes, r.offset])).toEqual([
      ['coordination', 1, 0],
      ['data', 3, 1],
    ]);
    const lanes = l.placed.filter((p) => p.item.category === 'data').map((p) => [p.item.title, p.lane]);
    // Front-matter facts first (gold before bronze), then text facts.
    expect(lanes).toEqual([
      ['Alpha', 0],
      ['Beta', 1],
      ['Gamma', 2],
    ]);
    expect(new Set(l.placed.map((p) => p.key)).size).toBe(items.length);
    expect([l.minYear, l.maxYear, l.lanes]).toEqual([2000, 2005, 4]);
  });
});

describe('filters, search, sort and CSV', () => {
  it('filters by tier (with "no tier"), category and origin; search only matches', () => {
    const f = defaultTimelineFilter();
    expect(applyTimelineFilter(items, { ...f, tiers: ['gold'] }).map((i) => i.title)).toEqual([
      'Alpha',
      'Gamma',
    ]);
    expect(applyTimelineFilter(items, { ...f, tiers: ['none'] }).map((i) => i.title)).toEqual(['Delta']);
    expect(applyTimelineFilter(items, { ...f, category: 'coordination' })).toHaveLength(1);
    expect(applyTimelineFilter(items, { ...f, origin: 'section' }).map((i) => i.title)).toEqual(['Gamma']);
    expect(applyTimelineFilter(items, { ...f, text: 'nothing matches this' })).toHaveLength(4);
    expect(matchesText(items[2]!, 'gamma history')).toBe(true);
    expect(matchesText(items[2]!, 'gamma alpha')).toBe(false);
    expect(matchesText(items[2]!, '  ')).toBe(false);
  });

  it('sorts by a column either way, ties by year then title', () => {
    expect(sortItems(items, 'tier', false).map((i) => i.title)).toEqual(['Alpha', 'Gamma', 'Beta', 'Delta']);
    expect(sortItems(items, 'year', true)[0]!.title).toBe('Delta');
    expect(sortItems(items, 'conflict', false)[0]!.title).toBe('Delta');
  });

  it('writes RFC 4180 CSV, quoting commas and quotes', () => {
    const lines = toCsv(items).split('\r\n');
    expect(lines).toHaveLength(items.length + 2);
    expect(lines[0]).toBe(
      'year,month,id,title,tier,type,category,status,field,source,value,conflict,conflict_with',
    );
    expect(lines[3]).toContain('"In 2000, ""x"", y"');
    expect(lines[4]).toMatch(/,true,front matter: year_implemented = 2007$/);
  });
});

describe('stepTimeline (keyboard order of the chart bars)', () => {
  // Row "data": 1990 A, 2000 B and C stacked (two lines), 2010 D. Row "ops": 1995 E, 2008 F.
  const items = [
    item({ id: 'p/a', title: 'A', year: 1990 }),
    item({ id: 'p/b', title: 'B', year: 2000 }),
    item({ id: 'p/c', title: 'C', year: 2000 }),
    item({ id: 'p/d', title: 'D', year: 2010 }),
    item({ id: 'p/e', title: 'E', year: 1995, category: 'ops' }),
    item({ id: 'p/f', title: 'F', year: 2008, category: 'ops' }),
  ];
  const layout = layoutTimeline(items);
  const keyOf = (id: string) => layout.placed.find((p) => p.item.id === id)!.key;
  const idOf = (key: string | null) => layout.placed.find((p) => p.key === key)?.item.id ?? null;
  const step = (id: string, key: Parameters<typeof stepTimeline>[2]) =>
    idOf(stepTimeline(layout, keyOf(id), key));

  it('walks a row in time order with ← → and stops at its ends', () => {
    const order: string[] = ['p/a'];
    for (let at = step('p/a', 'ArrowRight'); at; at = step(at, 'ArrowRight')) order.push(at);
    expect(order).toEqual(['p/a', 'p/b', 'p/c', 'p/d']);
    expect(step('p/a', 'ArrowLeft')).toBeNull();
    expect(step('p/c', 'ArrowLeft')).toBe('p/b');
  });

  it('jumps to the ends of the row with Home and End', () => {
    expect(step('p/b', 'End')).toBe('p/d');
    expect(step('p/d', 'Home')).toBe('p/a');
    expect(step('p/f', 'Home')).toBe('p/e');
  });

  it('moves ↑ ↓ line by line, through stacked lanes into the next row, to the nearest year', () => {
    expect(step('p/b', 'ArrowDown')).toBe('p/c');
    expect(step('p/c', 'ArrowUp')).toBe('p/b');
    expect(step('p/c', 'ArrowDown')).toBe('p/e');
    // D sits on the row's first line; the line below holds only C.
    expect(step('p/d', 'ArrowDown')).toBe('p/c');
    expect(step('p/d', 'ArrowUp')).toBeNull();
    expect(step('p/f', 'ArrowUp')).toBe('p/c');
    expect(step('p/a', 'ArrowUp')).toBeNull();
    expect(step('p/e', 'ArrowDown')).toBeNull();
  });

  it('starts at the first bar when the focused one is gone', () => {
    expect(idOf(stepTimeline(layout, 'gone', 'ArrowRight'))).toBe('p/a');
  });
});
