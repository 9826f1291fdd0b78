import { describe, expect, it } from 'vitest';
import {
  mergeKeyTwins,
  normaliseMetadata,
  parseYearMonth,
} from '../../../src/main/corpus/normalise-metadata';

describe('normaliseMetadata', () => {
  it('maps upstream keys to typed fields', () => {
    const m = normaliseMetadata({
      excellence_tier: 'Gold',
      pattern_status: 'recommended',
      current_relevance: 'mainstream',
      type: 'pattern',
      category: 'resilience',
      difficulty: 'advanced',
      tags: ['a', 'b'],
      introduced: '2007-03',
      year_implemented: 2012,
      related_laws: { primary: [{ number: 1 }, { number: 4 }], secondary: [{ number: 7 }] },
      related_pillars: ['work', 'state'],
      modern_alternatives: ['Service mesh', { name: 'Saga', description: 'compensate', link: '../saga.md' }],
      deprecation_reason: 'too slow',
    });
    expect(m).toMatchObject({
      tier: 'gold',
      status: 'recommended',
      relevance: 'mainstream',
      type: 'pattern',
      tags: ['a', 'b'],
      introduced: { year: 2007, month: 3 },
      yearImplemented: 2012,
      relatedLaws: ['law-1', 'law-4', 'law-7'],
      relatedPillars: ['work', 'state'],
      deprecationReason: 'too slow',
      isTemplate: false,
      flags: [],
    });
    expect(m.modernAlternatives).toEqual([
      { name: 'Service mesh', href: null, pageId: null, description: null },
      { name: 'Saga', href: '../saga.md', pageId: null, description: 'compensate' },
    ]);
  });

  it('keeps odd values and flags them', () => {
    const m = normaliseMetadata({ excellence_tier: 'platinum', type: 'case-studie' });
    expect(m.tier).toBeNull();
    expect(m.tierRaw).toBe('platinum');
    expect(m.type).toBe('case-studie');
    expect(m.flags.join('\n')).toMatch(/platinum/);
    expect(m.flags.join('\n')).toMatch(/misspelling of "case-study"/);
  });

  it('marks template pages (placeholder values)', () => {
    const m = normaliseMetadata({
      excellence_tier: 'gold|silver|bronze',
      introduced: 'YYYY-MM',
      pattern_status: 'a|b',
    });
    expect(m.isTemplate).toBe(true);
    expect(m.tier).toBeNull();
  });

  it('merges hyphen/underscore key twins, preferring the underscore spelling', () => {
    expect(mergeKeyTwins({ 'last-updated': 'x' })).toEqual({ last_updated: 'x' });
    expect(mergeKeyTwins({ last_updated: 'a', 'last-updated': 'b' })).toEqual({ last_updated: 'a' });
    expect(mergeKeyTwins({ 'last-updated': 'b', last_updated: 'a' })).toEqual({ last_updated: 'a' });
    expect(normaliseMetadata({ 'last-updated': '2025-01-01' }).lastUpdated).toBe('2025-01-01');
  });

  it('parses years and year-months and refuses nonsense', () => {
    expect(parseYearMonth('1981')).toEqual({ year: 1981, month: null });
    expect(parseYearMonth(2009)).toEqual({ year: 2009, month: null });
    expect(parseYearMonth('2009-13')).toBeNull();
    expect(parseYearMonth('soon')).toBeNull();
  });
});
