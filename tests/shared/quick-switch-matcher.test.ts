import { describe, expect, it } from 'vitest';
import type { QuickSwitchSource } from '../../src/shared/quick-switch-matcher';
import { QuickSwitchIndex, switcherWords, uninflected } from '../../src/shared/quick-switch-matcher';

const SOURCE: QuickSwitchSource = {
  pages: [
    [1, 'p/1', 'Circuit Breaker', 'gold'],
    [2, 'p/2', 'Bulkhead', null],
    [3, 'p/3', 'Payment System', 'silver'],
  ],
  docs: [
    [0, 'Circuit Breaker', [1, '']],
    [0, 'Bulkhead', [2, '']],
    [0, 'Payment System', [3, '']],
    [2, 'resilience', [1, '', 2, '']],
    [1, 'breaker', [1, 'states']],
    [0, 'Page that is gone', [9, '']],
  ],
  headings: [
    ['Half-Open State', [1, '']],
    ['Overview', [1, '', 2, '', 3, 'overview_1']],
    ['Preventing Cascading Failures', [2, 'custom-anchor']],
    ['Cascading', [9, '']],
  ],
};

const ids = (hits: { id: string; anchor: string | null }[]) => hits.map((h) => `${h.id}#${h.anchor ?? ''}`);

describe('switcherWords', () => {
  it('splits into lower-case words without diacritics or punctuation', () => {
    expect(switcherWords('Half-Open État (2PC)!')).toEqual(['half', 'open', 'etat', '2pc']);
    expect(switcherWords('  ')).toEqual([]);
  });
});

describe('QuickSwitchIndex', () => {
  const index = new QuickSwitchIndex(SOURCE);

  it('finds titles by prefix and with a typo, titles above aliases and tags', () => {
    expect(index.find('circ', 10, [])[0]).toEqual({
      id: 'p/1',
      title: 'Circuit Breaker',
      kind: 'title',
      label: 'Circuit Breaker',
      anchor: null,
      tier: 'gold',
    });
    expect(index.find('circut breaker', 10, [])[0]).toMatchObject({ id: 'p/1', kind: 'title' });
    expect(index.find('bulkhaed', 10, [])[0]).toMatchObject({ id: 'p/2', kind: 'title' });
    expect(index.find('breaker', 10, []).map((h) => [h.kind, h.anchor])).toEqual([
      ['title', null],
      ['alias', 'states'],
    ]);
  });

  it('finds headings by word prefixes in any order, the anchor rebuilt from the label when it was left out', () => {
    expect(index.find('open half', 10, [])).toEqual([
      {
        id: 'p/1',
        title: 'Circuit Breaker',
        kind: 'heading',
        label: 'Half-Open State',
        anchor: 'half-open-state',
        tier: 'gold',
      },
    ]);
    expect(ids(index.find('casc fail', 10, []))).toEqual(['p/2#custom-anchor']);
    expect(index.find('half closed', 10, [])).toEqual([]);
  });

  it('corrects a misspelt heading word that matches nothing as typed', () => {
    expect(ids(index.find('cascading failurs', 10, []))).toEqual(['p/2#custom-anchor']);
  });

  it('finds a heading through an inflected word that matches nothing as typed', () => {
    expect(uninflected('caching')).toBe('cach');
    expect(uninflected('policies')).toBe('polic');
    expect(uninflected('bus')).toBeNull();
    expect(ids(index.find('half states', 10, []))).toEqual(['p/1#half-open-state']);
    expect(ids(index.find('prevented cascade', 10, []))).toEqual(['p/2#custom-anchor']);
    expect(ids(index.find('opening', 10, []))).toEqual(['p/1#half-open-state']);
    expect(index.find('closing', 10, [])).toEqual([]);
  });

  it('opens every page a shared label names, recently read pages first', () => {
    expect(index.find('resilience', 10, []).map((h) => h.id)).toEqual(['p/1', 'p/2']);
    expect(index.find('resilience', 10, ['p/2']).map((h) => h.id)).toEqual(['p/2', 'p/1']);
    expect(ids(index.find('overview', 10, []))).toEqual(['p/1#overview', 'p/2#overview', 'p/3#overview_1']);
    expect(ids(index.find('overview', 10, ['p/3']))[0]).toBe('p/3#overview_1');
  });

  it('ranks whole-word and shorter headings first', () => {
    const many = new QuickSwitchIndex({
      pages: [[1, 'p/1', 'One', null]],
      docs: [],
      headings: [
        ['Casual remarks on caching', [1, 'a']],
        ['Caching', [1, 'b']],
        ['Cache', [1, 'c']],
        ['Caching layers', [1, 'd']],
      ],
    });
    expect(many.find('caching', 10, []).map((h) => h.anchor)).toEqual(['b', 'd', 'a']);
    expect(many.find('ca', 2, []).map((h) => h.anchor)).toEqual(['b', 'c']);
  });

  it('gives matching headings up to half of the list', () => {
    const pay = new QuickSwitchIndex({
      ...SOURCE,
      headings: Array.from(
        { length: 8 },
        (_, i) => [`Payment step ${i}`, [3, `step-${i}`]] as [string, (number | string)[]],
      ),
    });
    expect(pay.find('pay', 4, []).map((h) => h.kind)).toEqual(['title', 'heading', 'heading', 'heading']);
    expect(pay.find('pay', 4, []).filter((h) => h.kind === 'heading')).toHaveLength(3);
  });

  it('lists recent pages for empty text, skipping pages that are gone', () => {
    expect(index.find('  ', 10, ['p/3', 'p/9', 'p/1']).map((h) => h.id)).toEqual(['p/3', 'p/1']);
    expect(index.find('gone', 10, [])).toEqual([]);
    expect(index.find('cascading', 10, []).map((h) => h.id)).toEqual(['p/2']);
  });

  it('respects the limit and never throws on odd input', () => {
    expect(index.find('b', 1, [])).toHaveLength(1);
    for (const text of ['"', '(', '*', '\u0000', 'x'.repeat(600), '🚀🚀', 'a '.repeat(200), 'ŝ'])
      expect(index.find(text, 10, [])).toBeInstanceOf(Array);
    expect(index.find('circuit', 0, [])).toHaveLength(1);
    expect(index.find('circuit', 1e9, []).length).toBeLessThanOrEqual(100);
  });

  it('answers the same after many queries (its per-query marks never leak into the next one)', () => {
    const first = index.find('casc', 10, []);
    for (let i = 0; i < 500; i++) index.find(['half', 'overview', 'casc fail', 'o'][i % 4]!, 10, []);
    expect(index.find('casc', 10, [])).toEqual(first);
  });
});
